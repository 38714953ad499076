/**
 * Working-day arithmetic on a HolidayCalendar, with explanations.
 *
 * Counting convention: a period of N working days starts on the day after the triggering day (收到申请之日的
 * 次日起算), and ends on the N-th working day. Configurable elsewhere; this module implements the count.
 */
import { type HolidayCalendar, isWorkdayNumber } from './holiday-calendar.js';
import { type IsoDate, WEEKDAY_NAMES, addDays, dayNumber, isoOf, weekday } from './iso-date.js';

/** Whether `d` is a working day: a make-up working day counts, a holiday does not, otherwise Monday–Friday. */
export function isWorkday(d: IsoDate, cal: HolidayCalendar): boolean {
  return isWorkdayNumber(dayNumber(d), cal);
}

/** Why a day is or is not a working day, in Chinese. */
export function dayReason(d: IsoDate, cal: HolidayCalendar): string {
  const e = cal.entries.get(d);
  if (e) return e.kind === 'work' ? `${e.name}调休上班（${WEEKDAY_NAMES[weekday(d)]}）` : `${e.name}放假`;
  const w = weekday(d);
  return w === 0 || w === 6 ? WEEKDAY_NAMES[w]! : `工作日（${WEEKDAY_NAMES[w]}）`;
}

/**
 * The N-th working day after `start` (the day after `start` is the first candidate).
 * `n = 0` returns `start`.
 *
 * @example addWorkingDays('2020-01-20', 20, cal) // '2020-02-25' (2020 Spring Festival extended)
 */
export function addWorkingDays(start: IsoDate, n: number, cal: HolidayCalendar): IsoDate {
  return isoOf(addWorkingDayNumbers(dayNumber(start), n, cal));
}

/** addWorkingDays on day numbers (no allocation). */
export function addWorkingDayNumbers(start: number, n: number, cal: HolidayCalendar): number {
  let day = start;
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkdayNumber(day, cal)) left--;
  }
  return day;
}

/** Working days in the interval (from, to]: 0 when `to` ≤ `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: HolidayCalendar): number {
  return workingDayNumbersBetween(dayNumber(from), dayNumber(to), cal);
}

/** workingDaysBetween on day numbers. */
export function workingDayNumbersBetween(a: number, b: number, cal: HolidayCalendar): number {
  let n = 0;
  for (let d = a + 1; d <= b; d++) if (isWorkdayNumber(d, cal)) n++;
  return n;
}

/** The first working day on or after `d`. */
export function nextWorkdayOnOrAfter(d: IsoDate, cal: HolidayCalendar): IsoDate {
  let x = d;
  while (!isWorkday(x, cal)) x = addDays(x, 1);
  return x;
}

export interface SkippedDay {
  date: IsoDate;
  reason: string;
}
export interface WorkingDayExplanation {
  start: IsoDate;
  n: number;
  due: IsoDate;
  /** the working days counted, in order (the last is the due date) */
  counted: IsoDate[];
  /** the days passed over, with why */
  skipped: SkippedDay[];
  /** weekend days that counted because they were 调休 make-up working days */
  makeUpDays: SkippedDay[];
  /** a Chinese explanation */
  text: string;
}

/** Explains addWorkingDays: which days counted, which were skipped and why. */
export function explainAddWorkingDays(
  start: IsoDate,
  n: number,
  cal: HolidayCalendar,
  rule = '',
): WorkingDayExplanation {
  const counted: IsoDate[] = [];
  const skipped: SkippedDay[] = [];
  const makeUpDays: SkippedDay[] = [];
  let d = start;
  while (counted.length < n) {
    d = addDays(d, 1);
    if (isWorkday(d, cal)) {
      counted.push(d);
      const w = weekday(d);
      if (w === 0 || w === 6) makeUpDays.push({ date: d, reason: dayReason(d, cal) });
    } else skipped.push({ date: d, reason: dayReason(d, cal) });
  }
  const due = n === 0 ? start : counted[counted.length - 1]!;
  const holidays = skipped.filter((s) => s.reason.endsWith('放假'));
  const weekends = skipped.length - holidays.length;
  const parts = [
    `${rule ? rule + '：' : ''}自${cnDate(start)}的次日起算${n}个工作日，截止${cnDate(due)}（${WEEKDAY_NAMES[weekday(due)]}）。`,
    `共经过${dayNumber(due) - dayNumber(start)}个自然日，跳过${skipped.length}天（周末${weekends}天、节假日${holidays.length}天）。`,
  ];
  if (holidays.length) parts.push(`跳过的节假日：${groupRuns(holidays).join('；')}。`);
  if (makeUpDays.length)
    parts.push(`计入的调休上班日：${makeUpDays.map((m) => `${cnDate(m.date)}（${m.reason}）`).join('、')}。`);
  return { start, n, due, counted, skipped, makeUpDays, text: parts.join('') };
}

/** `2026年1月31日` */
export function cnDate(d: IsoDate): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

function groupRuns(days: SkippedDay[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (
      j + 1 < days.length &&
      days[j + 1]!.reason === days[i]!.reason &&
      dayNumber(days[j + 1]!.date) === dayNumber(days[j]!.date) + 1
    )
      j++;
    const name = days[i]!.reason.replace(/放假$/, '');
    out.push(
      i === j
        ? `${cnDate(days[i]!.date)}（${name}）`
        : `${cnDate(days[i]!.date)}至${cnDate(days[j]!.date)}（${name}）`,
    );
    i = j + 1;
  }
  return out;
}
