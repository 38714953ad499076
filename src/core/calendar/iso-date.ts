/**
 * ISO calendar dates (`YYYY-MM-DD`) as plain arithmetic: validation, day numbers (days since 1970-01-01),
 * weekdays and adding calendar days. Pure and calendar-free; working days are in working-days.ts.
 */

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

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
