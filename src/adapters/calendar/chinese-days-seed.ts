/**
 * Seed data for the national calendar 2019–2026, taken from the chinese-days package (MIT) and checked against
 * the 国务院办公厅 holiday notices in test/calendar/working-days.test.ts. Loaded lazily, on first use.
 */
import { createRequire } from 'node:module';
import type { CalendarEntry } from '../../core/calendar/holiday-calendar.js';

const NAMES: Record<string, string> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-autumn Festival': '中秋节',
  'National Day': '国庆节',
  'Anti-Fascist 70th Day': '中国人民抗日战争暨世界反法西斯战争胜利纪念日',
};

let cache: CalendarEntry[] | null = null;

/** National entries for the years requested (default 2019–2026). */
export function nationalCalendarEntries(firstYear = 2019, lastYear = 2026): CalendarEntry[] {
  if (!cache) {
    const require = createRequire(import.meta.url);
    const data = require('chinese-days/dist/chinese-days.json') as {
      holidays: Record<string, string>;
      workdays: Record<string, string>;
    };
    const entries: CalendarEntry[] = [];
    const add = (map: Record<string, string>, kind: 'rest' | 'work') => {
      for (const [date, v] of Object.entries(map)) {
        const parts = v.split(',');
        const name = parts[1] || NAMES[parts[0]!] || parts[0]!;
        entries.push({ date, kind, name, source: '国务院办公厅关于部分节假日安排的通知' });
      }
    };
    add(data.holidays, 'rest');
    add(data.workdays, 'work');
    entries.sort((a, b) => (a.date < b.date ? -1 : 1));
    cache = entries;
  }
  return cache.filter((e) => {
    const y = Number(e.date.slice(0, 4));
    return y >= firstYear && y <= lastYear;
  });
}
