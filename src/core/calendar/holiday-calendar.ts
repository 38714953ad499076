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
  /** day number of flags[0] */
  readonly base: number;
  /** 1 = working day, 0 = rest day, for every day from `base` (two years either side of the data) */
  readonly flags: Uint8Array;
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
  return { entries, firstYear, lastYear, base, flags };
}

/** Whether day number `d` is a working day (fast path used by the working-day arithmetic). */
export function isWorkdayNumber(d: number, cal: HolidayCalendar): boolean {
  const i = d - cal.base;
  if (i >= 0 && i < cal.flags.length) return cal.flags[i] === 1;
  const w = ((d % 7) + 11) % 7;
  return w !== 0 && w !== 6;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;

/** Day number (days since 1970-01-01) of an ISO date, or NaN when it is not a real date. */
export function dayNumber(d: IsoDate): number {
  if (typeof d !== 'string' || d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45)
    return NaN;
  const a0 = digit(d, 0),
    a1 = digit(d, 1),
    a2 = digit(d, 2),
    a3 = digit(d, 3),
    a5 = digit(d, 5),
    a6 = digit(d, 6),
    a8 = digit(d, 8),
    a9 = digit(d, 9);
  if (
    (a0 | a1 | a2 | a3 | a5 | a6 | a8 | a9) < 0 ||
    a0 > 9 ||
    a1 > 9 ||
    a2 > 9 ||
    a3 > 9 ||
    a5 > 9 ||
    a6 > 9 ||
    a8 > 9 ||
    a9 > 9
  )
    return NaN;
  const y = a0 * 1000 + a1 * 100 + a2 * 10 + a3;
  const m = a5 * 10 + a6;
  const da = a8 * 10 + a9;
  if (m < 1 || m > 12 || da < 1) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (da > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return NaN;
  return daysFromCivil(y, m, da);
}

/** ISO date of a day number (H. Hinnant's civil_from_days). */
export function isoOf(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
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
