/**
 * The working-day calendar, table-driven with literal dates around real holidays.
 * Counting starts on the day after the triggering day; 调休 make-up days count, holidays do not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../src/core/calendar/holiday-calendar.js';
import { dayNumber, isIsoDate, weekday } from '../../src/core/calendar/iso-date.js';
import {
  addWorkingDays,
  explainAddWorkingDays,
  isWorkday,
  workingDaysBetween,
} from '../../src/core/calendar/working-days.js';
import { nationalCalendarEntries } from '../../src/adapters/calendar/chinese-days-seed.js';

const cal = createCalendar(nationalCalendarEntries());

test('条例第三十三条 20 working days from receipt, around real holiday notices', () => {
  const cases: [string, number, string, string][] = [
    [
      '2020-01-20',
      20,
      '2020-02-25',
      '2020 Spring Festival extended to 2020-02-02 (国办发明电〔2020〕1号); make-up Saturday 02-01 cancelled',
    ],
    [
      '2024-02-01',
      20,
      '2024-03-05',
      '2024 make-up Sundays 02-04 and 02-18 count; 除夕 02-09 is a working day',
    ],
    [
      '2025-09-26',
      20,
      '2025-10-30',
      '2025 National Day + Mid-Autumn 10-01..10-08; make-up 09-28 (Sun) and 10-11 (Sat)',
    ],
    ['2026-02-10', 20, '2026-03-16', '2026 Spring Festival 02-15..02-23; make-up 02-14 and 02-28 (Sat)'],
    [
      '2026-09-18',
      20,
      '2026-10-22',
      '2026 Mid-Autumn 09-25..27 and National Day 10-01..10-07; make-up 09-20 (Sun) and 10-10 (Sat)',
    ],
    ['2025-12-30', 20, '2026-01-28', '2026 New Year 01-01..01-03; make-up 01-04 (Sun)'],
    ['2024-04-30', 1, '2024-05-06', 'Labour Day 2024-05-01..05-05'],
    [
      '2023-06-20',
      7,
      '2023-06-30',
      '条例第三十条 7 working days for 补正告知, Dragon Boat 06-22..24, make-up 06-25 (Sun)',
    ],
    [
      '2021-09-17',
      15,
      '2021-10-14',
      '条例第三十二条 15 working days for a third party: Mid-Autumn 09-19..21 (make-up 09-18 Sat), National Day 10-01..07 (make-up 09-26 Sun, 10-09 Sat)',
    ],
  ];
  for (const [start, n, due, why] of cases)
    assert.equal(addWorkingDays(start, n, cal), due, `${start} + ${n} → ${due}: ${why}`);
});

test('isWorkday follows the notices: make-up days work, holidays rest, plain weekends rest', () => {
  const work = [
    '2019-04-28',
    '2019-05-05',
    '2020-01-19',
    '2020-02-03',
    '2024-02-04',
    '2024-02-09',
    '2024-02-18',
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ];
  const rest = [
    '2020-01-31',
    '2020-02-01',
    '2020-02-02',
    '2025-01-28',
    '2025-02-04',
    '2025-05-05',
    '2025-10-08',
    '2026-02-15',
    '2026-02-23',
    '2026-10-07',
    '2026-11-28',
  ];
  for (const d of work) assert.equal(isWorkday(d, cal), true, d);
  for (const d of rest) assert.equal(isWorkday(d, cal), false, d);
});

test('workingDaysBetween counts the interval (from, to] and is the inverse of addWorkingDays', () => {
  assert.equal(workingDaysBetween('2020-01-20', '2020-02-25', cal), 20);
  assert.equal(workingDaysBetween('2026-11-26', '2026-11-26', cal), 0);
  assert.equal(workingDaysBetween('2026-11-27', '2026-11-26', cal), 0);
  for (let i = 0; i < 300; i++) {
    const start = new Date(Date.UTC(2019, 0, 1) + i * 9 * 86400000).toISOString().slice(0, 10);
    const n = 1 + (i % 40);
    const due = addWorkingDays(start, n, cal);
    assert.equal(workingDaysBetween(start, due, cal), n, `${start} + ${n}`);
    assert.equal(isWorkday(due, cal), true);
  }
});

test('explain: which days were skipped and why, which make-up days counted', () => {
  const e = explainAddWorkingDays('2024-02-01', 20, cal, '条例第三十三条第二款');
  assert.equal(e.due, '2024-03-05');
  assert.equal(e.counted.length, 20);
  assert.deepEqual(
    e.makeUpDays.map((m) => m.date),
    ['2024-02-04', '2024-02-18'],
  );
  assert.ok(e.skipped.some((s) => s.date === '2024-02-12' && s.reason === '春节放假'));
  assert.ok(e.skipped.some((s) => s.date === '2024-02-24' && s.reason === '周六'));
  assert.match(e.text, /^条例第三十三条第二款：自2024年2月1日的次日起算20个工作日，截止2024年3月5日（周二）/);
  assert.match(e.text, /计入的调休上班日：2024年2月4日（春节调休上班（周日））/);
});

test('a local overlay (a province extending a holiday) replaces the national day', () => {
  const local = createCalendar(nationalCalendarEntries(), [
    { date: '2026-02-24', kind: 'rest', name: '春节（本省延长）', source: '省政府通知' },
  ]);
  assert.equal(isWorkday('2026-02-24', cal), true);
  assert.equal(isWorkday('2026-02-24', local), false);
  assert.equal(addWorkingDays('2026-02-10', 20, local), '2026-03-17');
});

test('dates are validated, and weekdays are right', () => {
  assert.equal(isIsoDate('2026-02-29'), false);
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2026/01/01'), false);
  assert.ok(Number.isNaN(dayNumber('x')));
  assert.equal(weekday('2026-11-26'), 4);
  assert.equal(weekday('1970-01-01'), 4);
});

test('CLI: calendar add-workdays / explain / is-workday', async () => {
  const { main } = await import('../../src/cli/main.js');
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await main(args, {
      out: (s) => {
        out += s + '\n';
      },
      err: (s) => {
        err += s;
      },
      isTTY: false,
    });
    return { code, out, err };
  };
  assert.deepEqual(await run(['calendar', 'add-workdays', '2020-01-20', '20']), {
    code: 0,
    out: '2020-02-25\n',
    err: '',
  });
  const ex = await run(['calendar', 'explain', '2024-02-01', '20']);
  assert.match(ex.out, /截止2024年3月5日/);
  assert.match(ex.out, /跳过 2024-02-10 春节放假/);
  assert.match((await run(['calendar', 'is-workday', '2024-02-18'])).out, /^是\t春节调休上班（周日）/);
  assert.match((await run(['calendar', 'is-workday', '2025-10-08'])).out, /^否\t国庆节放假/);
  const bad = await run(['calendar', 'add-workdays', '2026-02-30', '5']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /日期“2026-02-30”无效/);
  assert.equal((await run(['calendar', 'add-workdays', '2026-02-03', '-1'])).code, 2);
});

test('day numbers agree with the platform calendar for every day 1990–2040', async () => {
  const { dayNumber, isoOf } = await import('../../src/core/calendar/iso-date.js');
  for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2041, 0, 1); t += 86400000) {
    const iso = new Date(t).toISOString().slice(0, 10);
    assert.equal(dayNumber(iso), t / 86400000, iso);
    assert.equal(isoOf(t / 86400000), iso);
  }
  for (const bad of [
    '2023-02-29',
    '2024-04-31',
    '2024-00-10',
    '2024-13-01',
    '2024-1-01',
    'abcd-ef-gh',
    '2024-02-3x',
  ])
    assert.ok(Number.isNaN(dayNumber(bad)), bad);
  assert.equal(dayNumber('2000-02-29'), Date.UTC(2000, 1, 29) / 86400000);
  assert.ok(Number.isNaN(dayNumber('1900-02-29')));
});

test('CLI: --overlay adds a local or next-year arrangement (an administrator extends the calendar each November)', async () => {
  const { main } = await import('../../src/cli/main.js');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'gk-'));
  const f = join(dir, 'overlay.json');
  writeFileSync(
    f,
    JSON.stringify([
      { date: '2027-01-01', kind: 'rest', name: '元旦', source: '国务院办公厅通知' },
      { date: '2027-01-04', kind: 'rest', name: '元旦（示例）' },
    ]),
  );
  let out = '';
  const code = await main(['calendar', 'add-workdays', '2026-12-31', '1', '--overlay', f], {
    out: (s) => {
      out += s;
    },
    err: () => {},
    isTTY: false,
  });
  assert.equal(code, 0);
  assert.equal(out, '2027-01-05');
  writeFileSync(f, JSON.stringify([{ date: '2027-13-01', kind: 'rest' }]));
  let err = '';
  assert.equal(
    await main(['calendar', 'is-workday', '2027-01-04', '--overlay', f], {
      out: () => {},
      err: (s) => {
        err += s;
      },
      isTTY: false,
    }),
    2,
  );
  assert.match(err, /第1项 date 无效/);
});
