/**
 * Use case: anyone checks an annual report they upload or paste (the public 年度报告核对 page and API).
 *
 * The input is anonymous, so it is read in the worker-thread pool (adapters/parse/parse-pool.ts) within its time,
 * memory, size, page and nesting budgets, never on the web server's event loop; a budget exceeded is a finding.
 */
import {
  type ParsePoolOptions,
  type ParseRunner,
  closeSharedParsePool,
  configureSharedParsePool,
  sharedParsePool,
} from '../../adapters/parse/parse-pool.js';
import { type CheckedReport, readAndCheckReportIn } from './check-report.js';
import { toReportJson } from '../../adapters/render/json-report-renderer.js';

/** Reads and checks a submitted report: a file by its name and bytes, or pasted text (`name` null). */
export async function checkSubmittedReport(
  name: string | null,
  bytes: Uint8Array,
  runner: ParseRunner = sharedParsePool(),
): Promise<CheckedReport> {
  return readAndCheckReportIn(runner, name ?? 'pasted.txt', bytes, { check: true });
}

/** Reads and checks a report posted to the API as text or HTML; the interchange JSON with every finding. */
export async function checkReportBody(body: string, html: boolean, runner: ParseRunner = sharedParsePool()) {
  const r = await readAndCheckReportIn(runner, '', new Uint8Array(0), {
    check: true,
    kind: html ? 'html' : 'text',
    text: body,
  });
  return toReportJson(r.report, r.findings);
}

/** The budgets of report checks (time, memory, size, pages, nesting, workers); the wiring or a test sets them. */
export function configureReportChecks(options: ParsePoolOptions): Promise<void> {
  return configureSharedParsePool(options);
}

/** Stops the report-check workers (the web app's onClose); running checks finish first. */
export function closeReportChecks(): Promise<void> {
  return closeSharedParsePool();
}
