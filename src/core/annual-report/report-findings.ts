/**
 * Findings: what a parser or the checker says about a report.
 * Every finding has a stable snake_case `code`, a severity, the cells involved (official labels),
 * the values on both sides where a comparison failed, and a message in Chinese.
 */
import type { TableId } from './report-model.js';

export type Severity = 'error' | 'warning' | 'info';

/** A reference to a cell (or a whole row/table when column/row is omitted) by official labels. */
export interface CellRef {
  table: TableId;
  row?: string;
  column?: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  cells: CellRef[];
  /** For comparisons: the two sides. */
  expected?: number | string | null;
  actual?: number | string | null;
  /** Where in the input, for parser findings. */
  line?: number;
}

/** Stable finding codes. Parser codes start with the input problem; checker codes name the rule. */
export const FINDING_CODES = {
  // --- input / parsing ---
  input_unreadable: 'error',
  input_browser_copy: 'info',
  title_not_found: 'warning',
  year_not_found: 'warning',
  organ_not_found: 'info',
  year_conflict: 'warning',
  year_inferred: 'info',
  format_assumed: 'warning',
  format_predates: 'warning',
  organ_conflict: 'warning',
  format_year_mismatch: 'warning',
  section_missing: 'warning',
  table_missing: 'error',
  table_partial: 'error',
  row_missing: 'error',
  row_short: 'warning',
  row_overflow: 'warning',
  row_split_by_total: 'info',
  row_split_ambiguous: 'error',
  row_split_by_columns: 'info',
  cell_blank: 'warning',
  cell_mark: 'info',
  cell_noise: 'warning',
  cell_unit: 'info',
  cell_unparsed: 'error',
  page_furniture_removed: 'info',
  // --- checker rules ---
  cell_not_integer: 'error',
  cell_negative: 'error',
  s3_balance: 'error',
  s3_results_total: 'error',
  s3_row_total: 'error',
  s4_group_total: 'error',
  s2_item_count_negative: 'warning',
  s2_published_exceeds_made: 'warning',
  s2_made_not_published: 'warning',
  s2_in_force_below_issued: 'warning',
  check_skipped: 'warning',
  text_table_mismatch: 'warning',
  text_placeholder: 'error',
  prev_carry_over: 'error',
  prev_in_force: 'warning',
  prev_item_count: 'warning',
  prev_year_not_previous: 'warning',
  prev_organ_differs: 'warning',
  prev_large_change: 'warning',
  text_similar: 'warning',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_CODES;

/** Builds a finding with the default severity of its code. */
export function finding(
  code: FindingCode,
  message: string,
  cells: CellRef[] = [],
  extra: {
    expected?: number | string | null;
    actual?: number | string | null;
    line?: number;
    severity?: Severity;
  } = {},
): Finding {
  const f: Finding = { code, severity: extra.severity ?? FINDING_CODES[code], message, cells };
  if (extra.expected !== undefined) f.expected = extra.expected;
  if (extra.actual !== undefined) f.actual = extra.actual;
  if (extra.line !== undefined) f.line = extra.line;
  return f;
}

/** Human label of a cell reference: `三「（七）总计」「自然人」`. */
export function refLabel(r: CellRef): string {
  return `表${r.table}${r.row ? `「${r.row}」` : ''}${r.column ? `「${r.column}」` : ''}`;
}

/** True when any finding has severity error. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
