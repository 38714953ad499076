/**
 * The default set of report parsers, one per input kind, and the interchange-JSON reader.
 */
import type { ReportParsers, ReportParseResult } from '../../core/ports.js';
import {
  type AnnualReport,
  type ReportCell,
  emptyReport,
  slotsOf,
} from '../../core/annual-report/report-model.js';
import { finding } from '../../core/annual-report/report-findings.js';
import { parseReportText } from './text/text-report-parser.js';
import { parseReportHtml } from './html/html-report-parser.js';
import { parseReportDocx } from './docx/docx-report-parser.js';
import { parseReportPdf } from './pdf/pdf-report-parser.js';

const decoder = new TextDecoder('utf-8');

/** Decodes text, honouring a UTF-16 BOM and falling back to GB18030 when UTF-8 is not valid. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return decoder.decode(bytes);
    }
  }
}

/** Reads the interchange JSON back into a report (checking its shape). Never throws. */
export function parseReportJson(text: string): ReportParseResult {
  try {
    const j = JSON.parse(text) as Partial<AnnualReport> & { findings?: unknown };
    if (j.format !== '2019-trial' && j.format !== '2021') {
      return {
        report: emptyReport('2021'),
        findings: [finding('input_unreadable', 'JSON中缺少有效的format字段（应为"2019-trial"或"2021"）')],
      };
    }
    const slots = new Set(slotsOf(j.format).map((s) => `${s.table}|${s.row}|${s.column}`));
    const cells: ReportCell[] = [];
    const findings = [];
    for (const c of Array.isArray(j.cells) ? j.cells : []) {
      if (!c || typeof c !== 'object' || !slots.has(`${c.table}|${c.row}|${c.column}`)) {
        findings.push(
          finding('cell_unparsed', `JSON中的单元格不属于${j.format}格式：${JSON.stringify(c).slice(0, 120)}`),
        );
        continue;
      }
      const value = typeof c.value === 'number' && Number.isFinite(c.value) ? c.value : null;
      const cell: ReportCell = {
        table: c.table,
        row: c.row,
        column: c.column,
        value,
        raw: typeof c.raw === 'string' ? c.raw : value === null ? '' : String(value),
      };
      if (c.source) cell.source = c.source;
      cells.push(cell);
    }
    const report = emptyReport(
      j.format,
      typeof j.year === 'number' ? j.year : null,
      typeof j.organ === 'string' ? j.organ : null,
    );
    report.title = typeof j.title === 'string' ? j.title : null;
    if (j.sections && typeof j.sections === 'object')
      for (const k of Object.keys(report.sections) as (keyof AnnualReport['sections'])[]) {
        const v = (j.sections as Record<string, unknown>)[k];
        report.sections[k] = typeof v === 'string' ? v : null;
      }
    report.cells = cells;
    return { report, findings };
  } catch (e) {
    return {
      report: emptyReport('2021'),
      findings: [finding('input_unreadable', `JSON无法解析：${e instanceof Error ? e.message : String(e)}`)],
    };
  }
}

export const defaultReportParsers: ReportParsers = {
  text: async (b) => parseReportText(decodeText(b)),
  html: async (b) => parseReportHtml(decodeText(b)),
  docx: (b) => parseReportDocx(b),
  pdf: (b) => parseReportPdf(b),
  json: async (b) => parseReportJson(decodeText(b)),
};
