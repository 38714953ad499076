/**
 * Parses a report published as PDF from its text layer (unpdf / pdf.js).
 *
 * Text items are grouped into lines by their baseline and ordered by x; a horizontal gap wider than about one
 * character between two items becomes a tab, so table rows come out as tab-separated cells. Page numbers are
 * kept as their own lines (the text parser drops them as page furniture). A PDF of more pages than
 * ParseLimits.maxPdfPages is not read at all (a 20,000-page file took minutes).
 */
import { getDocumentProxy } from 'unpdf';
import { finding } from '../../../core/annual-report/report-findings.js';
import { emptyReport } from '../../../core/annual-report/report-model.js';
import { type ParseResult, parseReportText } from '../text/text-report-parser.js';
import { normalizeLine } from '../text/normalize-text.js';
import { DEFAULT_PARSE_LIMITS, limitFinding } from '../parse-limits.js';

interface Item {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const NUMERIC = /^[+\-]?\d[\d,，]*(?:\.\d+)?(?:万元|元)?$|^[—–\-－\/]$|^无$/;
/** Lines that start a table: its cells' columns are learnt afresh after each. */
const TABLE_START = /第二十条第|信息内容|申请人情况|本列数据的勾稽关系|行政复议|政府信息公开行政复议/;

interface Line {
  items: Item[];
}

function groupLines(items: Item[]): Line[] {
  const sorted = items.filter((i) => i.s.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const last = rows[rows.length - 1];
    const tol = Math.max(2, (it.h || 10) * 0.45);
    if (last && Math.abs(last[0]!.y - it.y) <= tol) last.push(it);
    else rows.push([it]);
  }
  return rows.map((r) => ({ items: r.sort((a, b) => a.x - b.x) }));
}

function joinItems(items: Item[]): string {
  let line = '';
  let prevEnd = -1;
  let charW = 10;
  for (const it of items) {
    charW = it.s.length ? Math.max(4, it.w / it.s.length) : charW;
    if (prevEnd >= 0) line += it.x - prevEnd > charW * 1.2 ? '\t' : '';
    line += it.s;
    prevEnd = it.x + it.w;
  }
  return line;
}

/** A table row: text items (the label) followed only by numeric items. */
function splitRow(l: Line): { label: Item[]; nums: Item[] } | null {
  let idx = l.items.length;
  while (idx > 0 && NUMERIC.test(l.items[idx - 1]!.s.trim())) idx--;
  if (idx === l.items.length) return null;
  const label = l.items.slice(0, idx);
  const nums = l.items.slice(idx);
  if (label.map((i) => i.s).join('').length > 60) return null;
  // a line that is only "无" or one number is prose (e.g. 六、其他需要报告的事项：无), not a table row
  if (!label.length && nums.length < 2) return null;
  return { label, nums };
}

/**
 * The index of the column centre nearest to `cx` (the first of two equally near). `cols` ascends (clusters are
 * more than 8 apart), so a binary search finds it: a linear scan per number is quadratic on a wide table.
 */
function nearestColumn(cols: number[], cx: number): number {
  let lo = 0;
  let hi = cols.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cols[mid]! < cx) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  if (lo === cols.length) return cols.length - 1;
  return Math.abs(cols[lo - 1]! - cx) <= Math.abs(cols[lo]! - cx) ? lo - 1 : lo;
}

/**
 * Lines of one page. Within each table, the numbers' x positions are clustered into columns, so a blank cell
 * (no text item at all in a PDF) becomes an empty tab-separated cell instead of shifting the row left.
 */
function linesOfPage(items: Item[]): string[] {
  const lines = groupLines(items);
  const out: string[] = lines.map((l) => joinItems(l.items));
  let start = 0;
  const flush = (from: number, to: number) => {
    const rows = new Map<number, { label: Item[]; nums: Item[] }>();
    for (let i = from; i < to; i++) {
      const r = splitRow(lines[i]!);
      if (r) rows.set(i, r);
    }
    if (rows.size < 2) return;
    const centers = [...rows.values()].flatMap((r) => r.nums.map((n) => n.x + n.w / 2)).sort((a, b) => a - b);
    const clusters: number[][] = [];
    for (const c of centers) {
      const last = clusters[clusters.length - 1];
      if (last && c - last[last.length - 1]! <= 8) last.push(c);
      else clusters.push([c]);
    }
    const cols = clusters.map((cl) => cl.reduce((a, b) => a + b, 0) / cl.length);
    // a few more columns than the fullest row has is plausible (blank cells); many more means mixed tables
    let widest = 0;
    for (const r of rows.values()) widest = Math.max(widest, r.nums.length);
    if (cols.length < 2 || cols.length > widest + 2) return;
    for (const [i, r] of rows) {
      const cells: string[] = cols.map(() => '');
      for (const n of r.nums) {
        const best = nearestColumn(cols, n.x + n.w / 2);
        cells[best] = cells[best] ? `${cells[best]}${n.s}` : n.s;
      }
      // columns left of this table's first numeric column for the row are not part of it when the row is shorter
      const labelEnd = r.label.length ? Math.max(...r.label.map((t) => t.x + t.w)) : -Infinity;
      const firstCol = cols.findIndex((c) => c > labelEnd);
      out[i] = [joinItems(r.label), ...cells.slice(Math.max(0, firstCol))].join('\t');
    }
  };
  for (let i = 0; i < lines.length; i++) {
    if (TABLE_START.test(lines[i]!.items.map((t) => t.s).join(''))) {
      flush(start, i);
      start = i;
    }
  }
  flush(start, lines.length);
  return out;
}

export interface PdfParseOptions {
  /** most pages read (default ParseLimits.maxPdfPages) */
  maxPages?: number;
}

class TooManyPages extends Error {
  constructor(readonly pages: number) {
    super(`${pages} pages`);
  }
}

/** Extracts the text layer of a PDF as lines with tab-separated table cells. Throws TooManyPages past the cap. */
export async function pdfToText(bytes: Uint8Array, opts: PdfParseOptions = {}): Promise<string> {
  // verbosity 0: pdf.js's warnings about a damaged file are not printed (the finding says what went wrong)
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    if (pdf.numPages > (opts.maxPages ?? DEFAULT_PARSE_LIMITS.maxPdfPages))
      throw new TooManyPages(pdf.numPages);
    const out: string[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const tc = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of tc.items as unknown[]) {
        const it = raw as { str?: string; transform?: number[]; width?: number; height?: number };
        if (typeof it.str !== 'string' || !it.transform) continue;
        items.push({
          s: normalizeLine(it.str),
          x: it.transform[4]!,
          y: it.transform[5]!,
          w: it.width ?? 0,
          h: it.height ?? 10,
        });
      }
      page.cleanup();
      for (const l of linesOfPage(items)) out.push(l);
    }
    return out.join('\n');
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/** Parses PDF bytes. Never throws. */
export async function parseReportPdf(bytes: Uint8Array, opts: PdfParseOptions = {}): Promise<ParseResult> {
  let text: string;
  try {
    text = await pdfToText(bytes, opts);
  } catch (e) {
    return {
      report: emptyReport('2021'),
      findings: [
        e instanceof TooManyPages
          ? limitFinding(
              `PDF共${e.pages}页，超过${opts.maxPages ?? DEFAULT_PARSE_LIMITS.maxPdfPages}页的上限（年度报告通常只有几页到几十页）`,
            )
          : finding('input_unreadable', `无法读取PDF文件：${e instanceof Error ? e.message : String(e)}`),
      ],
    };
  }
  if (text.trim() === '') {
    return {
      report: emptyReport('2021'),
      findings: [finding('input_unreadable', 'PDF没有文字层（可能是扫描件），无法读取；需要先做文字识别')],
    };
  }
  return parseReportText(text);
}
