/**
 * The annual report's Section 三 and Section 四, computed from case histories.
 *
 * Counting (each handling episode — from receipt, or from a reopening, to its one outcome — counts once):
 * - 一、本年新收: episodes that started in the year, by the applicant's column;
 * - 二、上年结转: episodes that started before the year and were not concluded before it;
 * - 三、办理结果: episodes concluded in the year, in their outcome's row (部分公开 counts once);
 * - 四、结转下年度: episodes started by the year's end and not concluded by it.
 * So 一 + 二 = （七）总计 + 四 holds in every column by construction.
 *
 * Section 四 counts a 行政复议/行政诉讼 case in each year it is active (filed by the year's end and not concluded
 * before the year): with its result when concluded in the year, else as 尚未审结.
 */
import {
  type ReportCell,
  type ReportFormat,
  S3_CARRIED_IN,
  S3_CARRIED_OUT,
  S3_COLUMNS,
  S3_NEW,
  S3_TOTAL,
  S4,
  S4_COLUMNS,
  formatForYear,
  tablesOf,
} from '../annual-report/report-model.js';
import { dayNumber } from '../calendar/iso-date.js';
import type { CaseSnapshot } from './case-machine.js';
import { APPLICANT_COLUMN, type OutcomeCode, OUTCOMES, outcomeRow } from './case-model.js';

/** A case reduced to what the statistics need (day numbers, column index, outcome index). */
export interface CaseSummary {
  column: number;
  /** per episode: start day, end day (Infinity while open), outcome index into OUTCOMES (-1 while open) */
  starts: number[];
  ends: number[];
  outcomes: number[];
}

const OUTCOME_INDEX = new Map<OutcomeCode, number>(OUTCOMES.map((o, i) => [o.code, i]));

/** Reduces a snapshot for counting. Returns null for an unregistered case. */
export function summarizeCase(s: CaseSnapshot): CaseSummary | null {
  if (!s.facts || s.episodes.length === 0) return null;
  const column = S3_COLUMNS.indexOf(APPLICANT_COLUMN[s.facts.applicant.type]);
  const starts: number[] = [];
  const ends: number[] = [];
  const outcomes: number[] = [];
  for (const e of s.episodes) {
    starts.push(dayNumber(e.start));
    ends.push(e.concludedOn ? dayNumber(e.concludedOn) : Infinity);
    outcomes.push(e.outcome ? OUTCOME_INDEX.get(e.outcome)! : -1);
  }
  return { column, starts, ends, outcomes };
}

/** Section 三 counts: `counts[rowIndex][columnIndex]` over the format's rows, with 总计 filled in. */
export interface Section3Counts {
  format: ReportFormat;
  rows: string[];
  counts: number[][];
}

/** Counts Section 三 for a year over case summaries (linear, no allocation per case). */
export function countSection3(
  cases: Iterable<CaseSummary>,
  year: number,
  format: ReportFormat = formatForYear(year),
): Section3Counts {
  const def = tablesOf(format).find((t) => t.table === '三')!;
  const rows = def.rows.map((r) => r.path);
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const outcomeRowIdx = OUTCOMES.map((o) => rowIndex.get(outcomeRow(o.code, format))!);
  const iNew = rowIndex.get(S3_NEW)!;
  const iIn = rowIndex.get(S3_CARRIED_IN)!;
  const iTotal = rowIndex.get(S3_TOTAL)!;
  const iOut = rowIndex.get(S3_CARRIED_OUT)!;
  const counts = rows.map(() => new Array<number>(7).fill(0));
  const y0 = Date.UTC(year, 0, 1) / 86400000;
  const y1 = Date.UTC(year + 1, 0, 1) / 86400000 - 1;
  for (const c of cases) {
    const col = c.column;
    for (let k = 0; k < c.starts.length; k++) {
      const st = c.starts[k]!;
      const en = c.ends[k]!;
      if (st > y1 || en < y0) continue;
      counts[st >= y0 ? iNew : iIn]![col]!++;
      if (en <= y1) {
        counts[outcomeRowIdx[c.outcomes[k]!]!]![col]!++;
        counts[iTotal]![col]!++;
      } else counts[iOut]![col]!++;
    }
  }
  for (const r of counts) r[6] = r[0]! + r[1]! + r[2]! + r[3]! + r[4]! + r[5]!;
  return { format, rows, counts };
}

/** Section 三 as report cells. */
export function section3Cells(
  cases: Iterable<CaseSummary>,
  year: number,
  format: ReportFormat = formatForYear(year),
): ReportCell[] {
  const { rows, counts } = countSection3(cases, year, format);
  const out: ReportCell[] = [];
  rows.forEach((row, i) =>
    S3_COLUMNS.forEach((column, j) =>
      out.push({ table: '三', row, column, value: counts[i]![j]!, raw: String(counts[i]![j]!) }),
    ),
  );
  return out;
}

/** 行政复议 / 行政诉讼 arising from the disclosure work (条例第五十一条), linked to the case it arose from. */
export type ReviewKind = 'review' | 'litigation_direct' | 'litigation_after_review';
export type ReviewResult = 'upheld' | 'corrected' | 'other';

export interface ReviewCase {
  id: string;
  /** the application case it arises from */
  caseId?: string;
  kind: ReviewKind;
  filedOn: string;
  concludedOn?: string;
  result?: ReviewResult;
}

export const REVIEW_KIND_ROW: Readonly<Record<ReviewKind, string>> = {
  review: '行政复议',
  litigation_direct: '行政诉讼/未经复议直接起诉',
  litigation_after_review: '行政诉讼/复议后起诉',
};
const RESULT_COL: Readonly<Record<ReviewResult, number>> = { upheld: 0, corrected: 1, other: 2 };

/** Section 四 as report cells. */
export function section4Cells(reviews: Iterable<ReviewCase>, year: number): ReportCell[] {
  const y0 = Date.UTC(year, 0, 1) / 86400000;
  const y1 = Date.UTC(year + 1, 0, 1) / 86400000 - 1;
  const counts = new Map<string, number[]>(S4.rows.map((r) => [r.path, [0, 0, 0, 0, 0]]));
  for (const r of reviews) {
    const f = dayNumber(r.filedOn);
    const c = r.concludedOn ? dayNumber(r.concludedOn) : Infinity;
    if (f > y1 || c < y0) continue;
    const row = counts.get(REVIEW_KIND_ROW[r.kind])!;
    row[c <= y1 && r.result ? RESULT_COL[r.result] : 3]!++;
    row[4]!++;
  }
  const out: ReportCell[] = [];
  for (const r of S4.rows)
    S4_COLUMNS.forEach((column, j) => {
      const v = counts.get(r.path)![j]!;
      out.push({ table: '四', row: r.path, column, value: v, raw: String(v) });
    });
  return out;
}
