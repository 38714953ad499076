/**
 * Use case: read a report file of any kind and check it with every rule.
 */
import type { ReportInputKind, ReportParsers, ReportParseResult } from '../../core/ports.js';
import { type Finding, hasErrors } from '../../core/annual-report/report-findings.js';
import { type AnnualReport } from '../../core/annual-report/report-model.js';
import { validateReport } from '../../core/annual-report/validate-report.js';
import type { ParseRunner } from '../../adapters/parse/parse-pool.js';

/** The input kind of a file, by its name and first bytes. */
export function inputKindOf(name: string, bytes: Uint8Array): ReportInputKind {
  const lower = name.toLowerCase();
  if (
    lower.endsWith('.pdf') ||
    (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
  )
    return 'pdf';
  if (lower.endsWith('.docx') || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return 'docx';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.html') || lower.endsWith('.htm') || lower.endsWith('.shtml')) return 'html';
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table'))
    return 'html';
  return 'text';
}

/** File names a batch accepts. */
export const REPORT_EXTENSIONS = [
  '.txt',
  '.text',
  '.md',
  '.html',
  '.htm',
  '.shtml',
  '.docx',
  '.pdf',
  '.json',
];

export interface CheckedReport extends ReportParseResult {
  /** parse findings followed by checker findings */
  findings: Finding[];
  /** true when the input could not be read at all */
  unreadable: boolean;
  failed: boolean;
}

/** Parses bytes of a report and, when asked, checks it (optionally against last year's report). */
export async function readAndCheckReport(
  parsers: ReportParsers,
  name: string,
  bytes: Uint8Array,
  opts: { check: boolean; prev?: AnnualReport },
): Promise<CheckedReport> {
  const kind = inputKindOf(name, bytes);
  const parsed = await parsers[kind](bytes);
  const unreadable = parsed.findings.some((f) => f.code === 'input_unreadable');
  const findings = [...parsed.findings];
  if (opts.check && !unreadable)
    findings.push(...validateReport(parsed.report, opts.prev ? { prev: opts.prev } : {}));
  return { report: parsed.report, findings, unreadable, failed: hasErrors(findings) };
}

/**
 * Reads and checks bytes of a report through a parse runner: the worker pool for anonymous input (time, memory,
 * size, page and nesting budgets; the checker runs there too), or in-process (`{ run: runParseJob }`). Text
 * already decoded (the API's body) goes as `text`, with no bytes. Never throws: a budget exceeded is an
 * `input_unreadable` finding.
 */
export async function readAndCheckReportIn(
  runner: ParseRunner,
  name: string,
  bytes: Uint8Array,
  opts: { check: boolean; prev?: AnnualReport; kind?: ReportInputKind; text?: string },
): Promise<CheckedReport> {
  const r = await runner.run({
    kind: opts.kind ?? inputKindOf(name, bytes),
    bytes,
    check: opts.check,
    ...(opts.prev ? { prev: opts.prev } : {}),
    ...(opts.text !== undefined ? { text: opts.text } : {}),
  });
  const unreadable = r.findings.some((f) => f.code === 'input_unreadable');
  const findings = [...r.findings, ...r.checkFindings];
  return { report: r.report, findings, unreadable, failed: hasErrors(findings) };
}
