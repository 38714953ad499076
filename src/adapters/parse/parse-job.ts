/**
 * One parse of untrusted input, as the worker pool (parse-pool.ts) runs it in a worker thread and the fuzz
 * script runs it in-process: the bytes read by the parser of their kind within the size, page and nesting
 * limits, then (when asked) checked with every rule. The checker runs here too, so that no work proportional to
 * the input is left for the caller's thread. Never throws.
 */
import type { ReportInputKind } from '../../core/ports.js';
import type { AnnualReport } from '../../core/annual-report/report-model.js';
import { type Finding, finding } from '../../core/annual-report/report-findings.js';
import { emptyReport } from '../../core/annual-report/report-model.js';
import { validateReport } from '../../core/annual-report/validate-report.js';
import { decodeText, parseReportJson } from './report-parsers.js';
import { parseReportText } from './text/text-report-parser.js';
import { parseReportHtml } from './html/html-report-parser.js';
import { parseReportDocx } from './docx/docx-report-parser.js';
import { parseReportPdf } from './pdf/pdf-report-parser.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits, limitFinding, megabytes } from './parse-limits.js';

export interface ParseJob {
  kind: ReportInputKind;
  /** the file's bytes, or (text, HTML, JSON already decoded, as the API receives them) `text` */
  bytes: Uint8Array;
  text?: string;
  /** run the checker on what was read (not when nothing could be read) */
  check: boolean;
  /** last year's report, for the checks against it */
  prev?: AnnualReport;
  limits?: Partial<ParseLimits>;
}

export interface ParseJobResult {
  report: AnnualReport;
  /** what the parser says */
  findings: Finding[];
  /** what the checker says (empty when not asked or nothing was read) */
  checkFindings: Finding[];
}

/** A result that read nothing: one finding saying why. */
export function unreadResult(f: Finding): ParseJobResult {
  return { report: emptyReport('2021'), findings: [f], checkFindings: [] };
}

/** The size of a job's input: its bytes, or its text's characters (a character is at least a byte). */
export function sizeOf(job: ParseJob): number {
  return job.text !== undefined ? job.text.length : job.bytes.length;
}

/** The size limit, checked before any work. */
export function sizeLimitResult(bytes: number, maxBytes: number): ParseJobResult | null {
  return bytes > maxBytes
    ? unreadResult(limitFinding(`文件有${megabytes(bytes)}，超过${megabytes(maxBytes)}的上限`))
    : null;
}

export async function runParseJob(job: ParseJob): Promise<ParseJobResult> {
  const limits = { ...DEFAULT_PARSE_LIMITS, ...job.limits };
  try {
    const tooBig = sizeLimitResult(sizeOf(job), limits.maxBytes);
    if (tooBig) return tooBig;
    const b = job.bytes;
    const text = () => job.text ?? decodeText(b);
    const parsed =
      job.kind === 'pdf'
        ? await parseReportPdf(b, { maxPages: limits.maxPdfPages })
        : job.kind === 'docx'
          ? await parseReportDocx(b, { maxDepth: limits.maxDepth, maxBytes: limits.maxBytes })
          : job.kind === 'html'
            ? parseReportHtml(text(), { maxDepth: limits.maxDepth })
            : job.kind === 'json'
              ? parseReportJson(text())
              : parseReportText(text());
    const unreadable = parsed.findings.some((f) => f.code === 'input_unreadable');
    const checkFindings =
      job.check && !unreadable ? validateReport(parsed.report, job.prev ? { prev: job.prev } : {}) : [];
    return { report: parsed.report, findings: parsed.findings, checkFindings };
  } catch (e) {
    // the parsers never throw; this is the last guard (e.g. a stack overflow inside a library)
    return unreadResult(
      e instanceof RangeError
        ? limitFinding(`结构过于复杂（${e.message}）`)
        : finding('input_unreadable', `读取时出现内部错误：${e instanceof Error ? e.message : String(e)}`),
    );
  }
}
