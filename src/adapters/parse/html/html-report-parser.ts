/**
 * Parses a report published as HTML (tables with rowspan/colspan, as organs publish them).
 *
 * The document is turned into text: block elements become lines, and each table row becomes one line of
 * tab-separated cells in which a spanned cell is printed once (no placeholders), which is exactly how a row
 * reads in the official layout. The text parser then reads it; every cell's source is the element it came from.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { CellSource } from '../../../core/annual-report/report-model.js';
import { finding } from '../../../core/annual-report/report-findings.js';
import { type ParseResult, parseReportText } from '../text/text-report-parser.js';
import { emptyReport } from '../../../core/annual-report/report-model.js';

const BLOCK = new Set(['p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'br', 'header', 'footer', 'main', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'center', 'body', 'hr', 'caption']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg']);

interface Out {
  lines: string[];
  /** per line: element path of each cell, for table lines */
  cellPaths: (string[] | null)[];
  cur: string;
}

function flush(o: Out): void {
  const t = o.cur.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
  if (t) { o.lines.push(t); o.cellPaths.push(null); }
  o.cur = '';
}

function cellText($: cheerio.CheerioAPI, el: Element): string {
  return $(el).text().replace(/\s+/g, ' ').trim();
}

function walk($: cheerio.CheerioAPI, node: AnyNode, o: Out, tableCounter: { n: number }): void {
  if (node.type === 'text') { o.cur += (node as unknown as { data: string }).data; return; }
  if (node.type !== 'tag' && node.type !== 'root') return;
  const el = node as Element;
  const name = node.type === 'root' ? 'root' : el.name.toLowerCase();
  if (SKIP.has(name)) return;
  if (name === 'table') {
    flush(o);
    tableCounter.n++;
    const ti = tableCounter.n;
    const trs = $(el).find('tr').toArray().filter((tr) => $(tr).closest('table')[0] === el);
    trs.forEach((tr, ri) => {
      const tds = $(tr).children('td,th').toArray();
      const texts = tds.map((td) => cellText($, td));
      o.lines.push(texts.join('\t'));
      o.cellPaths.push(tds.map((_, ci) => `table[${ti}]/tr[${ri + 1}]/td[${ci + 1}]`));
    });
    return;
  }
  const block = BLOCK.has(name) || name === 'tr';
  if (block) flush(o);
  for (const child of (el.children ?? [])) walk($, child, o, tableCounter);
  if (block) flush(o);
}

/** Converts HTML to the text layout the text parser reads, with the element path of every table cell. */
export function htmlToReportText(html: string): { text: string; cellPaths: (string[] | null)[] } {
  const $ = cheerio.load(html);
  const o: Out = { lines: [], cellPaths: [], cur: '' };
  const root = $.root()[0] as unknown as AnyNode;
  walk($, root, o, { n: 0 });
  flush(o);
  return { text: o.lines.join('\n'), cellPaths: o.cellPaths };
}

/** Parses an HTML report. Never throws. */
export function parseReportHtml(html: string): ParseResult {
  try {
    const { text, cellPaths } = htmlToReportText(html);
    const sourceOf = (line: number, col: number): CellSource => {
      const paths = cellPaths[line - 1];
      const p = paths?.[col];
      return p ? { element: p } : { line };
    };
    return parseReportText(text, { sourceOf });
  } catch (e) {
    return { report: emptyReport('2021'), findings: [finding('input_unreadable', `无法解析HTML：${e instanceof Error ? e.message : String(e)}`)] };
  }
}
