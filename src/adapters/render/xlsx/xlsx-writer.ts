/**
 * Writes .xlsx workbooks with exceljs (ADR 0010, superseding ADR 0005's own writer): lists (the first row a bold,
 * frozen header with an auto-filter) and annual-report tables in the official layout (the national format's merged
 * header cells, from report-layout.ts). Numbers stay numbers; a blank is no cell, never 0; text is never a
 * formula; characters XML 1.0 forbids are dropped.
 */
import ExcelJS from 'exceljs';
import type { AnnualReport } from '../../../core/annual-report/report-model.js';
import { type LayoutTable, layoutS2, layoutS3, layoutS4 } from '../report-layout.js';

export type XlsxCell = string | number | null;
export interface XlsxSheet {
  name: string;
  rows: readonly (readonly XlsxCell[])[];
  widths?: readonly number[];
}

const clean = (s: string): string =>
  s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Sheet names: at most 31 characters, none of []:*?/\ , unique. */
function sheetName(name: string, i: number, seen: Set<string>): string {
  let n =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || `Sheet${i + 1}`;
  while (seen.has(n)) n = `${n.slice(0, 28)}(${i + 1})`;
  seen.add(n);
  return n;
}

/** A value as written: numbers as numbers, text as text (a leading "=" stays text), blank as nothing. */
function value(v: XlsxCell): ExcelJS.CellValue | undefined {
  if (v === null || v === '') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  return clean(v);
}

export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const seen = new Set<string>();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(sheetName(s.name, i, seen), { views: [{ state: 'frozen', ySplit: 1 }] });
    s.widths?.forEach((w, c) => (ws.getColumn(c + 1).width = w));
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const x = value(v);
        if (x === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = x;
        if (r === 0) cell.font = { bold: true };
      }),
    );
    const width = Math.max(1, ...s.rows.map((r) => r.length));
    if (s.rows.length) ws.autoFilter = `A1:${columnName(width - 1)}${s.rows.length}`;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Writes the layout tables one under another from `row`; returns the next free row. */
function writeLayout(ws: ExcelJS.Worksheet, tables: readonly LayoutTable[], row: number): number {
  for (const t of tables) {
    // which grid positions are covered by an earlier row's rowspan
    const taken = new Set<string>();
    t.rows.forEach((cells, i) => {
      let col = 1;
      for (const c of cells) {
        while (taken.has(`${i}:${col}`)) col++;
        const rs = c.rowspan ?? 1;
        const cs = c.colspan ?? 1;
        const r = row + i;
        const cell = ws.getCell(r, col);
        const n = !c.head && c.text !== '' && /^-?\d+(\.\d+)?$/.test(c.text) ? Number(c.text) : null;
        if (n !== null) cell.value = n;
        else if (c.text !== '') cell.value = clean(c.text);
        cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
        if (c.head) cell.font = { bold: true };
        if (rs > 1 || cs > 1) ws.mergeCells(r, col, r + rs - 1, col + cs - 1);
        for (let dr = 0; dr < rs; dr++)
          for (let dc = 0; dc < cs; dc++) {
            taken.add(`${i + dr}:${col + dc}`);
            ws.getCell(r + dr, col + dc).border = BORDER;
          }
        col += cs;
      }
    });
    row += t.rows.length + 1;
  }
  return row;
}

/** One sheet per report: its title, then Sections 二, 三 and 四 in the official layout (merged header cells). */
export async function writeReportTablesXlsx(
  reports: readonly { sheet: string; report: AnnualReport }[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const seen = new Set<string>();
  reports.forEach(({ sheet, report }, i) => {
    const ws = wb.addWorksheet(sheetName(sheet, i, seen));
    ws.getColumn(1).width = 28;
    for (let c = 2; c <= 16; c++) ws.getColumn(c).width = 11;
    ws.getCell(1, 1).value = clean(report.title ?? sheet);
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    let row = 3;
    for (const [title, tables] of [
      ['二、主动公开政府信息情况', layoutS2(report)],
      ['三、收到和处理政府信息公开申请情况', [layoutS3(report)]],
      ['四、政府信息公开行政复议、行政诉讼情况', [layoutS4(report)]],
    ] as const) {
      ws.getCell(row, 1).value = title;
      ws.getCell(row, 1).font = { bold: true };
      row = writeLayout(ws, tables, row + 1);
    }
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
