/**
 * Parses a report published as HTML (tables with rowspan/colspan, as organs publish them).
 *
 * The document is turned into text: block elements become lines, and each table row becomes one line of
 * tab-separated cells in which a spanned cell is printed once (no placeholders), which is exactly how a row
 * reads in the official layout. The text parser then reads it; every cell's source is the element it came from.
 * Parsing uses htmlparser2's streaming parser (the parser cheerio uses) and builds no DOM: the lines are made
 * from its open, text and close events with a stack of open elements, in time and memory proportional to the
 * input, never by recursion per nesting level.
 *
 * Nesting is capped (ParseLimits.maxDepth): htmlparser2 keeps its own stack of open elements with `unshift`, which
 * is quadratic in the depth (100,000 nested <div> took 10 s), so the parse stops at the cap with a finding.
 */
import { Parser } from 'htmlparser2';
import type { CellSource } from '../../../core/annual-report/report-model.js';
import { finding } from '../../../core/annual-report/report-findings.js';
import { emptyReport } from '../../../core/annual-report/report-model.js';
import { type ParseResult, parseReportText } from '../text/text-report-parser.js';
import { DEFAULT_PARSE_LIMITS, limitFinding } from '../parse-limits.js';

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
  /** per line: the table and row number of a table line, 0 for other lines (paths are made only when asked) */
  lineTable: number[];
  lineRow: number[];
  lineCells: number[];
  cur: string;
  tables: number;
}

function flush(o: Out): void {
  if (o.cur === '') return;
  const t = o.cur.replace(/[ \t\n\r\u00a0\u3000]+/g, ' ').trim();
  if (t) {
    o.lines.push(t);
    o.lineTable.push(0);
    o.lineRow.push(0);
    o.lineCells.push(0);
  }
  o.cur = '';
}

/**
 * Where an open element stands: `text` outside tables (blocks make lines); `table` / `group` (thead, tbody,
 * tfoot) / `row` / `cell` (td, th of a row) / `in-cell` (anything inside a cell, nested tables included: their
 * text is the cell's); `skip` (script, style… and all inside); `ignored` (a table's content that is not a row of
 * it, such as a caption or a nested row, as the official layout has none).
 */
type Mode = 'text' | 'table' | 'group' | 'row' | 'cell' | 'in-cell' | 'skip' | 'ignored';

function modeOf(parent: Mode, name: string): Mode {
  switch (parent) {
    case 'text':
      return SKIP.has(name) ? 'skip' : name === 'table' ? 'table' : 'text';
    case 'table':
    case 'group':
      return name === 'tr'
        ? 'row'
        : name === 'thead' || name === 'tbody' || name === 'tfoot'
          ? 'group'
          : 'ignored';
    case 'row':
      return name === 'td' || name === 'th' ? 'cell' : 'ignored';
    case 'cell':
    case 'in-cell':
      return SKIP.has(name) ? 'skip' : 'in-cell';
    default:
      return parent;
  }
}

class NestingTooDeep extends Error {}

/** The line-making handler of htmlparser2's events. */
class LineMaker {
  readonly o: Out = { lines: [], lineTable: [], lineRow: [], lineCells: [], cur: '', tables: 0 };
  private readonly stack: { name: string; mode: Mode }[] = [];
  private table = 0;
  private rowIndex = 0;
  private cells: string[] = [];
  private cell = '';
  constructor(private readonly maxDepth: number) {}
  private get mode(): Mode {
    return this.stack.length ? this.stack[this.stack.length - 1]!.mode : 'text';
  }
  onopentag(name: string): void {
    if (this.stack.length >= this.maxDepth) throw new NestingTooDeep();
    const mode = modeOf(this.mode, name);
    this.stack.push({ name, mode });
    if (mode === 'table') {
      flush(this.o);
      this.table = ++this.o.tables;
      this.rowIndex = 0;
    } else if (mode === 'row') this.cells = [];
    else if (mode === 'cell') this.cell = '';
    else if (mode === 'text' && BLOCK.has(name)) flush(this.o);
  }
  ontext(data: string): void {
    const mode = this.mode;
    if (mode === 'text') this.o.cur += data;
    else if (mode === 'cell' || mode === 'in-cell') this.cell += data;
  }
  onclosetag(): void {
    const el = this.stack.pop();
    if (!el) return;
    if (el.mode === 'cell') this.cells.push(this.cell.replace(/[\s\u00a0\u3000]+/g, ' ').trim());
    else if (el.mode === 'row') {
      const ri = ++this.rowIndex;
      this.o.lines.push(this.cells.join('\t'));
      this.o.lineTable.push(this.table);
      this.o.lineRow.push(ri);
      this.o.lineCells.push(this.cells.length);
    } else if (el.mode === 'text' && BLOCK.has(el.name)) flush(this.o);
  }
}

export interface HtmlParseOptions {
  /** deepest element nesting read (default ParseLimits.maxDepth) */
  maxDepth?: number;
}

/**
 * Converts HTML to the text layout the text parser reads, with the element path of every table cell (1-based
 * line, 0-based cell). Throws NestingTooDeep past the depth cap (parseReportHtml turns it into a finding).
 */
export function htmlToReportText(
  html: string,
  opts: HtmlParseOptions = {},
): { text: string; cellPath: (line: number, col: number) => string | undefined } {
  const maker = new LineMaker(opts.maxDepth ?? DEFAULT_PARSE_LIMITS.maxDepth);
  new Parser(maker, { decodeEntities: true, lowerCaseTags: true }).end(html);
  const o = maker.o;
  flush(o);
  const cellPath = (line: number, col: number): string | undefined => {
    const t = o.lineTable[line - 1];
    return t && col >= 0 && col < o.lineCells[line - 1]!
      ? `table[${t}]/tr[${o.lineRow[line - 1]}]/td[${col + 1}]`
      : undefined;
  };
  return { text: o.lines.join('\n'), cellPath };
}

/** Parses an HTML report. Never throws. */
export function parseReportHtml(html: string, opts: HtmlParseOptions = {}): ParseResult {
  try {
    const { text, cellPath } = htmlToReportText(html, opts);
    const sourceOf = (line: number, col: number): CellSource => {
      const p = cellPath(line, col);
      return p ? { element: p } : { line };
    };
    return parseReportText(text, { sourceOf });
  } catch (e) {
    return {
      report: emptyReport('2021'),
      findings: [
        e instanceof NestingTooDeep
          ? limitFinding(
              `元素嵌套超过${opts.maxDepth ?? DEFAULT_PARSE_LIMITS.maxDepth}层（年度报告的网页或Word文件通常不超过几十层）`,
            )
          : finding('input_unreadable', `无法解析HTML：${e instanceof Error ? e.message : String(e)}`),
      ],
    };
  }
}
