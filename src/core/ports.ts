/**
 * Interfaces the core and the use cases need from the outside world. Adapters implement them.
 */
import type { AnnualReport } from './annual-report/report-model.js';
import type { Finding } from './annual-report/report-findings.js';

/** What reading a report gives: the report as far as it could be read, and a finding per problem. */
export interface ReportParseResult {
  report: AnnualReport;
  findings: Finding[];
}

/** The kinds of input a report can come in. */
export type ReportInputKind = 'text' | 'html' | 'docx' | 'pdf' | 'json';

/** Reads a report from bytes of one input kind. Never throws. */
export type ReportParser = (bytes: Uint8Array) => Promise<ReportParseResult>;

/** One parser per input kind. */
export type ReportParsers = Record<ReportInputKind, ReportParser>;
