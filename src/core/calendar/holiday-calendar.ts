/**
 * The official working-day calendar as data: the State Council's yearly holiday notices (法定节假日 and the
 * 调休 make-up working days), plus local overlays. Pure: the calendar is a value passed to every function.
 *
 * 条例第三十条、第三十三条 and the fee rules count in 工作日: weekends and statutory holidays excluded,
 * make-up working days (调休上班) included. Plain date arithmetic (day numbers, weekdays) is in iso-date.ts.
 */
import { type IsoDate, addDays, dayNumber } from './iso-date.js';

/** One day the notices change from the weekday rule. */
export interface CalendarEntry {
  date: IsoDate;
  /** `rest`: a holiday or rest day on a weekday; `work`: a make-up working day on a weekend. */
  kind: 'rest' | 'work';
  /** The holiday it belongs to, e.g. 春节. */
  name: string;
  /** Where the entry comes from, e.g. `国务院办公厅通知` or a local notice. */
  source: string;
}

export interface HolidayCalendar {
  /** date → entry; a later layer (local overlay, administrator edit) replaces an earlier one */
  readonly entries: ReadonlyMap<IsoDate, CalendarEntry>;
  /**
   * years a State Council notice is entered for (the national data, and years an administrator entered the
   * notice for, see noticeYearOf): a deadline counted through any other year is 暂定 (provisional)
   */
  readonly noticeYears: ReadonlySet<number>;
  /** years the data covers (inclusive); outside them only the weekday rule applies */
  readonly firstYear: number;
  readonly lastYear: number;
  /** day number of flags[0] */
  readonly base: number;
  /** 1 = working day, 0 = rest day, for every day from `base` (two years either side of the data) */
  readonly flags: Uint8Array;
}

/** Builds a calendar from layers of entries: national first, then local overlays, then edits. */
export function createCalendar(...layers: readonly (readonly CalendarEntry[])[]): HolidayCalendar {
  const entries = new Map<IsoDate, CalendarEntry>();
  const noticeYears = new Set<number>();
  let first = Infinity;
  let last = -Infinity;
  for (const layer of layers) {
    for (const e of layer) {
      entries.set(e.date, e);
      const ny = noticeYearOf(e);
      if (ny !== null) noticeYears.add(ny);
      const y = Number(e.date.slice(0, 4));
      if (y < first) first = y;
      if (y > last) last = y;
    }
  }
  const firstYear = Number.isFinite(first) ? first : 2019;
  const lastYear = Number.isFinite(last) ? last : 2019;
  const base = Date.UTC(firstYear - 2, 0, 1) / 86400000;
  const end = Date.UTC(lastYear + 3, 0, 1) / 86400000;
  const flags = new Uint8Array(end - base);
  for (let d = base; d < end; d++) {
    const w = ((d % 7) + 11) % 7;
    flags[d - base] = w === 0 || w === 6 ? 0 : 1;
  }
  for (const e of entries.values()) {
    const d = dayNumber(e.date);
    if (d >= base && d < end) flags[d - base] = e.kind === 'work' ? 1 : 0;
  }
  return { entries, noticeYears, firstYear, lastYear, base, flags };
}

/** The title of the yearly notice: 国务院办公厅关于2027年部分节假日安排的通知. */
export function noticeTitle(year: number): string {
  return `国务院办公厅关于${year}年部分节假日安排的通知`;
}

/** The `source` of an entry taken from the yearly notice: its title, and its 文号 when known. */
export function noticeSource(year: number, docNo?: string): string {
  return docNo ? `${noticeTitle(year)}（${docNo}）` : noticeTitle(year);
}

/**
 * The year of the State Council notice an entry comes from, or null for a local one. The notice years are data:
 * an entry whose source names the yearly notice (`…关于2027年部分节假日安排…`, as noticeSource writes it) counts
 * for that year; one whose source is otherwise the 国务院办公厅 or a 国办发明电 counts for its own date's year (the
 * national seed data); a local source (a province's notice) counts for none.
 */
export function noticeYearOf(e: Pick<CalendarEntry, 'date' | 'source'>): number | null {
  const m = /(\d{4})\s*年\s*部分节假日安排/.exec(e.source);
  if (m) return Number(m[1]);
  return /国务院办公厅|国办发明电/.test(e.source) ? Number(e.date.slice(0, 4)) : null;
}

/** Whether the calendar has the State Council notice for `year`. */
export function hasNotice(cal: HolidayCalendar, year: number): boolean {
  return cal.noticeYears.has(year);
}

/**
 * The years of the days in (`from`, `to`] — the days a count from `from` to `to` passes over, counted or
 * skipped — that the calendar has no notice for; empty when `to` ≤ `from`.
 */
export function yearsWithoutNotice(from: IsoDate, to: IsoDate, cal: HolidayCalendar): number[] {
  if (!(dayNumber(to) > dayNumber(from))) return [];
  const out: number[] = [];
  for (let y = Number(addDays(from, 1).slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    if (!cal.noticeYears.has(y)) out.push(y);
  return out;
}

/**
 * Why a date counted from `from` to `to` is 暂定, or null when every year it passes through has its notice:
 * without the notice only weekends are skipped (元旦, 春节 … are not known yet).
 */
export function provisionalReason(from: IsoDate, to: IsoDate, cal: HolidayCalendar): string | null {
  const years = yearsWithoutNotice(from, to, cal);
  if (!years.length) return null;
  const ys = years.map((y) => `${y}年`).join('、');
  return `尚未录入${ys}国务院办公厅节假日安排，${ys}只按周末计算（未计节假日和调休），期限为暂定；录入通知后将重新计算`;
}

/** Whether day number `d` is a working day (fast path used by the working-day arithmetic). */
export function isWorkdayNumber(d: number, cal: HolidayCalendar): boolean {
  const i = d - cal.base;
  if (i >= 0 && i < cal.flags.length) return cal.flags[i] === 1;
  const w = ((d % 7) + 11) % 7;
  return w !== 0 && w !== 6;
}
