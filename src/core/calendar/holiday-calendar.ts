/**
 * The official working-day calendar as data: the State Council's yearly holiday notices (法定节假日 and the
 * 调休 make-up working days), plus local overlays. Pure: the calendar is a value passed to every function.
 *
 * 条例第三十条、第三十三条 and the fee rules count in 工作日: weekends and statutory holidays excluded,
 * make-up working days (调休上班) included.
 */

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

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
  /** years the data covers (inclusive); outside them only the weekday rule applies */
  readonly firstYear: number;
  readonly lastYear: number;
}

/** Builds a calendar from layers of entries: national first, then local overlays, then edits. */
export function createCalendar(...layers: readonly (readonly CalendarEntry[])[]): HolidayCalendar {
  const entries = new Map<IsoDate, CalendarEntry>();
  let first = Infinity;
  let last = -Infinity;
  for (const layer of layers) {
    for (const e of layer) {
      entries.set(e.date, e);
      const y = Number(e.date.slice(0, 4));
      if (y < first) first = y;
      if (y > last) last = y;
    }
  }
  return { entries, firstYear: Number.isFinite(first) ? first : 0, lastYear: Number.isFinite(last) ? last : 0 };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of an ISO date, or NaN when it is not a real date. */
export function dayNumber(d: IsoDate): number {
  const m = ISO.exec(d);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const da = Number(m[3]);
  const t = Date.UTC(y, mo - 1, da);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== da) return NaN;
  return t / 86400000;
}

/** ISO date of a day number. */
export function isoOf(n: number): IsoDate {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

/** True when `d` is a valid ISO calendar date. */
export function isIsoDate(d: string): boolean {
  return !Number.isNaN(dayNumber(d));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  return ((Math.floor(dayNumber(d)) % 7) + 11) % 7;
}

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** Adds calendar days. */
export function addDays(d: IsoDate, n: number): IsoDate {
  return isoOf(dayNumber(d) + n);
}
