/**
 * Rich-text sanitising for item bodies: an allowlist of tags and attributes, everything else dropped (scripts,
 * styles, event handlers, javascript: URLs). Plain text lines become paragraphs. Also gives the plain text.
 */
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { escapeHtml } from './html-report-renderer.js';

const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  br: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  ul: [],
  ol: [],
  li: [],
  h2: [],
  h3: [],
  h4: [],
  blockquote: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  a: ['href'],
  span: [],
  div: [],
};
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'noscript',
  'template',
  'svg',
  'math',
  'head',
  'title',
]);
const BLOCKS = new Set(['p', 'li', 'h2', 'h3', 'h4', 'tr', 'div', 'blockquote', 'br', 'table']);

function safeHref(v: string): string | null {
  const t = v.trim();
  if (/^(https?:\/\/|\/|#|mailto:)/i.test(t) && !/^\/\//.test(t)) return t;
  return null;
}

/** Tags nested deeper than this are dropped (their text is kept): no real item body needs more. */
export const MAX_NESTING = 64;

/** Walks the tree with an explicit stack: a body of 100,000 nested tags cannot overflow the call stack. */
function walk(root: AnyNode, out: string[], text: string[]): void {
  type Frame = { node: AnyNode; depth: number } | { close: string | null; block: boolean };
  const stack: Frame[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const f = stack.pop()!;
    if ('close' in f) {
      if (f.close) out.push(`</${f.close}>`);
      if (f.block) text.push('\n');
      continue;
    }
    const n = f.node;
    if (n.type === 'text') {
      const d = (n as unknown as { data: string }).data;
      out.push(escapeHtml(d));
      text.push(d);
      continue;
    }
    if (n.type !== 'tag' && n.type !== 'root') continue;
    const el = n as Element;
    const name = n.type === 'root' ? '' : el.name.toLowerCase();
    if (DROP_WITH_CONTENT.has(name)) continue;
    const allowed = name && f.depth <= MAX_NESTING ? ALLOWED[name] : undefined;
    if (allowed) {
      let attrs = '';
      for (const a of allowed) {
        const v = el.attribs?.[a];
        if (v === undefined) continue;
        if (a === 'href') {
          const h = safeHref(v);
          if (h) attrs += ` href="${escapeHtml(h)}" rel="noopener"`;
        } else if (/^\d{1,2}$/.test(v)) attrs += ` ${a}="${v}"`;
      }
      out.push(name === 'br' ? '<br>' : `<${name}${attrs}>`);
    }
    stack.push({ close: allowed && name !== 'br' ? name : null, block: BLOCKS.has(name) });
    const kids = el.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--)
      stack.push({ node: kids[i]!, depth: f.depth + (allowed ? 1 : 0) });
  }
}

/** Sanitises HTML (or turns plain text into paragraphs). Returns safe HTML and its plain text. */
export function sanitizeBody(input: string): { html: string; text: string } {
  const src = String(input ?? '');
  if (!/<[a-z][\s\S]*>/i.test(src)) {
    const paras = src
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    return { html: paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'), text: paras.join('\n') };
  }
  const out: string[] = [];
  const text: string[] = [];
  walk(parseDocument(src, { decodeEntities: true, lowerCaseTags: true }) as unknown as AnyNode, out, text);
  return {
    html: out.join(''),
    text: text
      .join('')
      .replace(/\n{2,}/g, '\n')
      .trim(),
  };
}
