/**
 * Parses a report published as HTML (tables with rowspan/colspan, as organs publish them).
 *
 * The document is turned into text: block elements become lines, and each table row becomes one line of
 * tab-separated cells in which a spanned cell is printed once (no placeholders), which is exactly how a row
 * reads in the official layout. The text parser then reads it; every cell's source is the element it came from.
 * Parsing uses htmlparser2 directly (the parser cheerio uses), without building a query wrapper.
 */
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { CellSource } from '../../../core/annual-report/report-model.js';
import { finding } from '../../../core/annual-report/report-findings.js';
import { emptyReport } from '../../../core/annual-report/report-model.js';
import { type ParseResult, parseReportText } from '../text/text-report-parser.js';

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'br',
  'header',
  'footer',
  'main',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'dl',
  'center',
  'body',
  'hr',
  'caption',
  'tr',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'title']);

interface Out {
  lines: string[];
  /** per line: element path of each cell, for table lines */
  cellPaths: (string[] | null)[];
  cur: string;
  tables: number;
}

function flush(o: Out): void {
  if (o.cur === '') return;
  const t = o.cur.replace(/[ \t\n\r\u00a0\u3000]+/g, ' ').trim();
  if (t) {
    o.lines.push(t);
    o.cellPaths.push(null);
  }
  o.cur = '';
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (node.type !== 'tag' && node.type !== 'root') return '';
  const el = node as Element;
  if (SKIP.has(el.name)) return '';
  let s = '';
  for (const c of el.children) s += textOf(c);
  return s;
}

/** The rows of a table, not those of tables nested in it. */
function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  const visit = (n: Element): void => {
    for (const c of n.children) {
      if (c.type !== 'tag') continue;
      const e = c as Element;
      if (e.name === 'tr') out.push(e);
      else if (e.name === 'thead' || e.name === 'tbody' || e.name === 'tfoot') visit(e);
    }
  };
  visit(table);
  return out;
}

function walk(node: AnyNode, o: Out): void {
  if (node.type === 'text') {
    o.cur += (node as unknown as { data: string }).data;
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') return;
  if (node.type === 'script' || node.type === 'style') return;
  const el = node as Element;
  const name = node.type === 'root' ? 'root' : el.name;
  if (SKIP.has(name)) return;
  if (name === 'table') {
    flush(o);
    const ti = ++o.tables;
    rowsOf(el).forEach((tr, ri) => {
      const tds = tr.children.filter(
        (c): c is Element =>
          c.type === 'tag' && ((c as Element).name === 'td' || (c as Element).name === 'th'),
      );
      o.lines.push(
        tds
          .map((td) =>
            textOf(td)
              .replace(/[\s\u00a0\u3000]+/g, ' ')
              .trim(),
          )
          .join('\t'),
      );
      o.cellPaths.push(tds.map((_, ci) => `table[${ti}]/tr[${ri + 1}]/td[${ci + 1}]`));
    });
    return;
  }
  const block = BLOCK.has(name);
  if (block) flush(o);
  for (const child of el.children ?? []) walk(child, o);
  if (block) flush(o);
}

/** Converts HTML to the text layout the text parser reads, with the element path of every table cell. */
export function htmlToReportText(html: string): { text: string; cellPaths: (string[] | null)[] } {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
  const o: Out = { lines: [], cellPaths: [], cur: '', tables: 0 };
  walk(doc as unknown as AnyNode, o);
  flush(o);
  return { text: o.lines.join('\n'), cellPaths: o.cellPaths };
}

/** Parses an HTML report. Never throws. */
export function parseReportHtml(html: string): ParseResult {
  try {
    const { text, cellPaths } = htmlToReportText(html);
    const sourceOf = (line: number, col: number): CellSource => {
      const p = cellPaths[line - 1]?.[col];
      return p ? { element: p } : { line };
    };
    return parseReportText(text, { sourceOf });
  } catch (e) {
    return {
      report: emptyReport('2021'),
      findings: [finding('input_unreadable', `无法解析HTML：${e instanceof Error ? e.message : String(e)}`)],
    };
  }
}
