/**
 * The organ's 年报 as Word (GB/T 9704 page, the official table layout with merged cells), PDF and XLSX (the
 * tables in the official layout, merged header cells, blanks blank): from the report
 * page while it is compiled (to submit and print), and for every published 年报 on the portal, rendered from the
 * version the public sees — read back from its published body by the report engine — and kept in the file store
 * per published version, so a PDF is printed once.
 */
import type { StaffUser } from '../../core/entities.js';
import type { AnnualReport } from '../../core/annual-report/report-model.js';
import { renderReportDocx } from '../../adapters/render/docx-report-renderer.js';
import { renderReportHtml } from '../../adapters/render/html-report-renderer.js';
import { printPdf } from '../../adapters/render/pdf-printer.js';
import { writeReportTablesXlsx } from '../../adapters/render/xlsx/xlsx-writer.js';
import { rollUpSubordinates } from '../supervision/supervision-dashboard.js';
import { sharedParsePool } from '../../adapters/parse/parse-pool.js';
import { readAndCheckReportIn } from './check-report.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { isPublicNow } from '../../core/publication/public-now.js';
import { compileFromForm } from './report-form.js';
import { isReportColumn } from './report-guards.js';

export type ReportFileFormat = 'docx' | 'pdf' | 'xlsx';

const MIME: Record<ReportFileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function render(report: AnnualReport, format: ReportFileFormat): Promise<Uint8Array> {
  if (format === 'xlsx') return writeReportTablesXlsx([{ sheet: '年度报告', report }]);
  return format === 'docx' ? renderReportDocx(report) : printPdf(renderReportHtml(report));
}

/** The supervisor's roll-up of its subordinates' published reports for `year`, as XLSX in the official layout. */
export async function rollUpXlsx(deps: AppDeps, user: StaffUser, year: number) {
  const r = await rollUpSubordinates(deps, user, year);
  return {
    filename: `${r.report.title ?? `${year}年年度报告汇总`}.xlsx`,
    mime: MIME.xlsx,
    bytes: await writeReportTablesXlsx([{ sheet: `${year}年汇总`, report: r.report }]),
  };
}

/** The report as compiled from the form now, as a file (a draft of the current year is marked in its title). */
export async function compiledReportFile(
  deps: AppDeps,
  user: StaffUser,
  year: number,
  form: Record<string, string>,
  format: ReportFileFormat,
) {
  const { compiled } = await compileFromForm(deps, user, year, form);
  const report = compiled.provisional
    ? { ...compiled.report, title: `${compiled.report.title}（草稿，本年度尚未结束）` }
    : compiled.report;
  return {
    filename: `${report.title}.${format}`,
    mime: MIME[format],
    bytes: await render(report, format),
  };
}

/** A published 年报 of the portal as a file, rendered from the version the public sees. */
export async function publishedReportFile(
  deps: AppDeps,
  organId: string,
  itemId: string,
  format: ReportFileFormat,
) {
  const item = await deps.store.publication.items.find(itemId);
  if (!item || item.organId !== organId || !isReportColumn(item) || !isPublicNow(item, today(deps)))
    throw new AppError('item_not_found', '找不到该年度报告', 'not_found');
  const key = `reports/${item.id}/v${item.publishedVersion}.${format}`;
  let bytes: Uint8Array;
  try {
    bytes = await deps.files.get(key);
  } catch {
    // read in the worker pool, within its budgets (the body is staff-written HTML)
    const html = new TextEncoder().encode(`<h1>${item.title}</h1>${item.bodyHtml}`);
    const parsed = await readAndCheckReportIn(sharedParsePool(), 'report.html', html, { check: false });
    if (parsed.unreadable || !parsed.report.cells.length)
      throw new AppError('report_unreadable', '该年度报告无法生成文件', 'not_found');
    parsed.report.title = item.title;
    bytes = await render(parsed.report, format);
    await deps.files.put(key, bytes);
  }
  return { filename: `${item.title}.${format}`, mime: MIME[format], bytes };
}
