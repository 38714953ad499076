/**
 * Use case: anyone checks an annual report they upload or paste (the public 年度报告核对 page and API).
 */
import { defaultReportParsers } from '../../adapters/parse/report-parsers.js';
import { type CheckedReport, readAndCheckReport } from './check-report.js';
import { parseReportText } from '../../adapters/parse/text/text-report-parser.js';
import { parseReportHtml } from '../../adapters/parse/html/html-report-parser.js';
import { validateReport } from '../../core/annual-report/validate-report.js';
import { toReportJson } from '../../adapters/render/json-report-renderer.js';

/** Reads and checks a submitted report: a file by its name and bytes, or pasted text (`name` null). */
export async function checkSubmittedReport(name: string | null, bytes: Uint8Array): Promise<CheckedReport> {
  return readAndCheckReport(defaultReportParsers, name ?? 'pasted.txt', bytes, { check: true });
}

/** Reads and checks a report posted to the API as text or HTML; the interchange JSON with every finding. */
export function checkReportBody(body: string, html: boolean) {
  const parsed = html ? parseReportHtml(body) : parseReportText(body);
  const findings = [...parsed.findings, ...validateReport(parsed.report)];
  return toReportJson(parsed.report, findings);
}
