/**
 * What a parse of untrusted input may cost: its size, a PDF's pages, an HTML or DOCX document's nesting, and (in
 * the worker pool, parse-pool.ts) its time and memory. A limit reached is a finding, never a throw: the report is
 * not read, and the message says which limit stopped it.
 */
import { type Finding, finding } from '../../core/annual-report/report-findings.js';

export interface ParseLimits {
  /** bytes of input read at all */
  maxBytes: number;
  /** pages of a PDF (annual reports have a few dozen at most) */
  maxPdfPages: number;
  /** nesting depth of HTML elements (also the HTML a DOCX file becomes) */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPdfPages: 200,
  maxDepth: 200,
};

/** The opening of every limit finding. */
export const LIMIT_MESSAGE = '报告过大或过于复杂，已停止读取：';

/** The finding for a limit reached (`input_unreadable`: nothing was read). */
export function limitFinding(detail: string): Finding {
  return finding('input_unreadable', `${LIMIT_MESSAGE}${detail}`);
}

/** Whether a finding says a limit stopped the parse. */
export function isLimitFinding(f: Finding): boolean {
  return f.code === 'input_unreadable' && f.message.startsWith(LIMIT_MESSAGE);
}

/** A size in MB for messages: 5.5 MB, 20 MB. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}
