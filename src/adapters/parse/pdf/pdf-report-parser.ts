/**
 * Parses a report published as PDF from its text layer (unpdf / pdf.js).
 *
 * Text items are grouped into lines by their baseline and ordered by x; a horizontal gap wider than about one
 * character between two items becomes a tab, so table rows come out as tab-separated cells. Page numbers are
 * kept as their own lines (the text parser drops them as page furniture).
 */
import { getDocumentProxy } from 'unpdf';
import { finding } from '../../../core/annual-report/report-findings.js';
import { emptyReport } from '../../../core/annual-report/report-model.js';
import { type ParseResult, parseReportText } from '../text/text-report-parser.js';

interface Item { s: string; x: number; y: number; w: number; h: number }

function linesOfPage(items: Item[]): string[] {
  const sorted = items.filter((i) => i.s.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const last = rows[rows.length - 1];
    const tol = Math.max(2, (it.h || 10) * 0.45);
    if (last && Math.abs(last[0]!.y - it.y) <= tol) last.push(it);
    else rows.push([it]);
  }
  return rows.map((r) => {
    r.sort((a, b) => a.x - b.x);
    let line = '';
    let prevEnd = -1;
    let charW = 10;
    for (const it of r) {
      charW = it.s.length ? Math.max(4, it.w / it.s.length) : charW;
      if (prevEnd >= 0) line += it.x - prevEnd > charW * 1.2 ? '\t' : '';
      line += it.s;
      prevEnd = it.x + it.w;
    }
    return line;
  });
}

/** Extracts the text layer of a PDF as lines with tab-separated table cells. */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const out: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const tc = await page.getTextContent();
    const items: Item[] = [];
    for (const raw of tc.items as unknown[]) {
      const it = raw as { str?: string; transform?: number[]; width?: number; height?: number };
      if (typeof it.str !== 'string' || !it.transform) continue;
      items.push({ s: it.str, x: it.transform[4]!, y: it.transform[5]!, w: it.width ?? 0, h: it.height ?? 10 });
    }
    out.push(...linesOfPage(items));
  }
  return out.join('\n');
}

/** Parses PDF bytes. Never throws. */
export async function parseReportPdf(bytes: Uint8Array): Promise<ParseResult> {
  let text: string;
  try {
    text = await pdfToText(bytes);
  } catch (e) {
    return { report: emptyReport('2021'), findings: [finding('input_unreadable', `无法读取PDF文件：${e instanceof Error ? e.message : String(e)}`)] };
  }
  if (text.trim() === '') {
    return { report: emptyReport('2021'), findings: [finding('input_unreadable', 'PDF没有文字层（可能是扫描件），无法读取；需要先做文字识别')] };
  }
  return parseReportText(text);
}
