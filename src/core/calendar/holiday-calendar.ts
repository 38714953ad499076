/**
 * The official working-day calendar as data: the State Council's yearly holiday notices (法定节假日 and the
 * 调休 make-up working days), plus local overlays. Pure: the calendar is a value passed to every function.
 *
 * 条例第三十条、第三十三条 and the fee rules count in 工作日: weekends and statutory holidays excluded,
 * make-up working days (调休上班) included. Plain date arithmetic (day numbers, weekdays) is in iso-date.ts.
 */
import { type IsoDate, dayNumber } from './iso-date.js';

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
