/**
 * The yearly 国务院办公厅关于YYYY年部分节假日安排的通知, pasted as text and read (core/calendar/holiday-notice.ts),
 * and the 暂定 mark of a deadline counted through a year without its notice. The three real notices
 * (test/fixtures/calendar/notice-2024.txt … notice-2026.txt, as published) are checked against the chinese-days data
 * the project ships, never against the parser's own output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  createCalendar,
  hasNotice,
  noticeYearOf,
  provisionalReason,
  yearsWithoutNotice,
} from '../../src/core/calendar/holiday-calendar.js';
import { parseHolidayNotice } from '../../src/core/calendar/holiday-notice.js';
import { addWorkingDays } from '../../src/core/calendar/working-days.js';
import { replay, type CaseSnapshot } from '../../src/core/case/case-machine.js';
import type { CaseFacts } from '../../src/core/case/case-model.js';
import { DEFAULT_CASE_RULES } from '../../src/core/case/case-rules.js';
import { caseClocks, caseStatus, replyClock } from '../../src/core/case/deadlines.js';
import { nationalCalendarEntries } from '../../src/adapters/calendar/chinese-days-seed.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/calendar/${name}`, import.meta.url), 'utf8');
const national = createCalendar(nationalCalendarEntries());

const NOTICES: [number, string, number][] = [
  [2024, '国办发明电〔2023〕7号', 7],
  [2025, '国办发明电〔2024〕12号', 6],
  [2026, '国办发明电〔2025〕7号', 7],
];

for (const [year, docNo, items] of NOTICES) {
  test(`国务院办公厅关于${year}年部分节假日安排的通知（${docNo}）: every 放假 and 上班 day read from the published text equals the national data shipped (chinese-days)`, () => {
    const p = parseHolidayNotice(fixture(`notice-${year}.txt`));
    assert.deepEqual(p.problems, []);
    assert.equal(p.year, year);
    assert.equal(p.docNo, docNo);
    assert.equal(p.source, `国务院办公厅关于${year}年部分节假日安排的通知（${docNo}）`);
    const line = (e: { date: string; kind: string }) => `${e.date} ${e.kind}`;
    const shipped = nationalCalendarEntries(year, year);
    assert.ok(shipped.length > 30, 'the shipped data has the year');
    assert.deepEqual(p.entries.map(line), shipped.map(line), 'date for date, rest and work');
    // the holiday names agree too (chinese-days shortens 清明节 to 清明; 2025 joins 国庆节、中秋节 in one item)
    const theirs = new Map(shipped.map((e) => [e.date, e.name]));
    for (const e of p.entries) assert.ok(e.name.includes(theirs.get(e.date)!), `${e.date}: ${e.name}`);
    assert.equal(new Set(p.entries.map((e) => e.name)).size, items);
    assert.equal(noticeYearOf(p.entries[0]!), year, 'the entries name the notice year');
  });
}

test('2024 notice: 除夕（2月9日）休息 is encouraged, not a holiday; “与周末连休” is the one day only', () => {
  const p = parseHolidayNotice(fixture('notice-2024.txt'));
  const dates = new Map(p.entries.map((e) => [e.date, e]));
  assert.equal(dates.has('2024-02-09'), false);
  assert.equal(dates.get('2024-01-01')!.kind, 'rest');
  assert.equal(dates.has('2023-12-31'), false);
  assert.deepEqual(dates.get('2024-02-04'), {
    date: '2024-02-04',
    kind: 'work',
    name: '春节',
    source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
  });
});

test('the notice parser reads full-width and half-width digits and punctuation, ranges across months, one line', () => {
  const full = parseHolidayNotice(
    '国务院办公厅关于２０３０年部分节假日安排的通知\n七、国庆节：９月２９日至１０月６日放假调休，共８天。９月２８日（星期六）、１０月１２日（星期六）上班。',
  );
  assert.deepEqual(full.problems, []);
  assert.equal(full.year, 2030);
  assert.deepEqual(
    full.entries.filter((e) => e.kind === 'rest').map((e) => e.date),
    [
      '2030-09-29',
      '2030-09-30',
      '2030-10-01',
      '2030-10-02',
      '2030-10-03',
      '2030-10-04',
      '2030-10-05',
      '2030-10-06',
    ],
  );
  assert.deepEqual(
    full.entries.filter((e) => e.kind === 'work').map((e) => e.date),
    ['2030-09-28', '2030-10-12'],
  );
  const half = parseHolidayNotice(
    '关于2030年部分节假日安排的通知。一、元旦:1月1日(周二)放假1天,不调休。二、春节:2月2日(农历除夕、周六)至9日(周六)放假调休,共8天。1月27日(周日)、2月10日(周日)上班。',
  );
  assert.deepEqual(half.problems, []);
  assert.equal(half.entries.length, 1 + 8 + 2);
  assert.equal(half.entries.find((e) => e.date === '2030-02-05')!.name, '春节');
  const dash = parseHolidayNotice(
    '关于2030年部分节假日安排的通知\n七、国庆节：10月1日－7日放假调休，共7天。',
  );
  assert.deepEqual(dash.problems, []);
  assert.equal(dash.entries.length, 7, 'a dash for 至');
  // the same text in Traditional characters as Hong Kong sites repost it, with 週
  const trad = parseHolidayNotice(
    '國務院辦公廳關於2030年部分節假日安排的通知\n一、元旦：1月1日（週二）放假1天，不調休。',
  );
  assert.deepEqual(trad.problems, []);
  assert.deepEqual(
    trad.entries.map((e) => e.date),
    ['2030-01-01'],
  );
  // a 元旦 over the new year, without years written: it starts in December of the year before
  const ny = parseHolidayNotice(
    '关于2031年部分节假日安排的通知\n一、元旦：12月30日至1月1日放假调休，共3天。12月28日（星期六）上班。',
  );
  assert.deepEqual(ny.problems, []);
  assert.deepEqual(
    ny.entries.map((e) => `${e.date} ${e.kind}`),
    ['2030-12-28 work', '2030-12-30 rest', '2030-12-31 rest', '2031-01-01 rest'],
  );
  // years written out, as the 2019 notice (国办发明电〔2018〕15号) did
  const y = parseHolidayNotice(
    '国务院办公厅关于2019年部分节假日安排的通知\n一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。',
  );
  assert.deepEqual(y.problems, []);
  assert.deepEqual(
    y.entries.map((e) => `${e.date} ${e.kind}`),
    ['2018-12-29 work', '2018-12-30 rest', '2018-12-31 rest', '2019-01-01 rest'],
  );
});

test('a weekday in parentheses that contradicts the date, a wrong 共N天 or 上班 on a weekday is a problem, never an entry', () => {
  const p = parseHolidayNotice(
    [
      '国务院办公厅关于2024年部分节假日安排的通知',
      '二、春节：2月10日至17日放假调休，共8天。2月4日（星期一）、2月18日（星期日）上班。',
      '三、清明节：4月4日至6日放假调休，共4天。',
      '四、劳动节：5月1日至5日放假调休，共5天。4月29日（星期一）上班。',
      '五、端午节：6月10日（周二）放假，与周末连休。',
    ].join('\n'),
  );
  const dates = p.entries.map((e) => e.date);
  assert.ok(!dates.includes('2024-02-04'), 'the contradicted date is not entered');
  assert.ok(dates.includes('2024-02-18'), 'its correct neighbour is');
  assert.ok(!dates.some((d) => d.startsWith('2024-04-0')), '共4天 for three days: none of the three');
  assert.ok(!dates.includes('2024-04-29'));
  assert.ok(!dates.includes('2024-06-10'));
  assert.ok(dates.includes('2024-05-03'));
  const messages = p.problems.map((x) => `${x.item}：${x.message}`);
  assert.equal(messages.length, 4, messages.join('\n'));
  assert.match(messages[0]!, /^二、春节：2024年2月4日是周日，通知写的是（星期一）/);
  assert.match(messages[1]!, /^三、清明节：.*放假是3天，与“共4天”不符/);
  assert.match(messages[2]!, /^四、劳动节：2024年4月29日是周一，本来就是工作日/);
  assert.match(messages[3]!, /^五、端午节：2024年6月10日是周一，通知写的是（周二）/);
});

test('the notice parser never throws: no year, no items, impossible dates, junk', () => {
  assert.match(parseHolidayNotice('一、元旦：1月1日放假。').problems[0]!.message, /未找到通知的年度/);
  assert.equal(parseHolidayNotice('一、元旦：1月1日放假。', 2030).entries[0]!.date, '2030-01-01');
  assert.match(
    parseHolidayNotice('关于2024年部分节假日安排的通知', 2025).problems[0]!.message,
    /通知是2024年的安排，不是2025年的/,
  );
  assert.match(
    parseHolidayNotice('关于2030年部分节假日安排的通知，正文缺失').problems[0]!.message,
    /未找到各项安排/,
  );
  const bad = parseHolidayNotice('关于2030年部分节假日安排的通知\n二、春节：2月30日至3月2日放假，共3天。');
  assert.equal(bad.entries.length, 0);
  assert.match(bad.problems[0]!.message, /“2月30日”不是真实日期/);
  for (const junk of ['', '）（（', '\u0000'.repeat(50), '一、：：日日月至至', 'x'.repeat(30000)])
    assert.doesNotThrow(() => parseHolidayNotice(junk));
  assert.doesNotThrow(() => parseHolidayNotice(undefined as unknown as string));
});

const facts: CaseFacts = {
  applicant: { type: 'natural_person', name: '张三', idNumber: '110101199001011234', phone: '13800000000' },
  channel: 'online',
  description: '2026年本镇农村危房改造补助发放名单',
  requestedForm: 'electronic',
  delivery: 'email',
};
const registered = (on: string, cal: ReturnType<typeof createCalendar>): CaseSnapshot =>
  replay([{ kind: 'registered', on, submittedOn: on, facts }], { calendar: cal, rules: DEFAULT_CASE_RULES })
    .snapshot;

test('条例第三十三条: a reply deadline counted into a year without its State Council notice is 暂定, with why', () => {
  assert.equal(hasNotice(national, 2026), true);
  assert.equal(hasNotice(national, 2027), false);
  assert.deepEqual(yearsWithoutNotice('2026-12-10', '2027-01-07', national), [2027]);
  assert.deepEqual(yearsWithoutNotice('2026-12-31', '2026-12-31', national), []);
  assert.deepEqual(yearsWithoutNotice('2026-12-30', '2026-12-31', national), []);
  assert.deepEqual(yearsWithoutNotice('2026-12-31', '2027-01-01', national), [2027], 'the first day counted');
  assert.equal(provisionalReason('2026-03-01', '2026-03-30', national), null);

  const s = registered('2026-12-10', national);
  const reply = replyClock(s, national, DEFAULT_CASE_RULES)!;
  assert.equal(
    reply.due,
    '2027-01-07',
    '元旦 2027-01-01 (a Friday) counted as a working day: weekday arithmetic',
  );
  assert.equal(reply.provisional, true);
  assert.match(reply.provisionalReason!, /尚未录入2027年国务院办公厅节假日安排/);
  assert.match(reply.text, /暂定/);
  const st = caseStatus(s, '2026-12-10', national, DEFAULT_CASE_RULES);
  assert.equal(st.provisional, true);
  assert.equal(st.provisionalReason, reply.provisionalReason);
  const notice = caseClocks(s, national, DEFAULT_CASE_RULES).find((c) => c.key === 'clarification_notice')!;
  assert.equal(notice.due, '2026-12-21');
  assert.equal(notice.provisional, undefined, 'a 补正 deadline within 2026 is not provisional');

  // the 2027 notice entered: the deadline moves by 元旦 and is final
  const p = parseHolidayNotice(fixture('notice-2027-constructed.txt'));
  assert.deepEqual(p.problems, []);
  const with2027 = createCalendar(nationalCalendarEntries(), p.entries);
  assert.equal(hasNotice(with2027, 2027), true);
  const after = replyClock(registered('2026-12-10', with2027), with2027, DEFAULT_CASE_RULES)!;
  assert.equal(after.due, '2027-01-08');
  assert.equal(after.provisional, undefined);
  assert.equal(
    caseStatus(registered('2026-12-10', with2027), '2026-12-10', with2027, DEFAULT_CASE_RULES).provisional,
    false,
  );
});

test('which entries make a notice year: the notice named in the source, the 国务院办公厅 data; a local notice does not', () => {
  assert.equal(
    noticeYearOf({ date: '2026-12-31', source: '国务院办公厅关于2027年部分节假日安排的通知' }),
    2027,
  );
  assert.equal(noticeYearOf({ date: '2027-01-01', source: '国办发明电〔2026〕9号' }), 2027);
  assert.equal(
    noticeYearOf({ date: '2027-02-15', source: '某省人民政府办公厅关于延长春节假期的通知' }),
    null,
  );
  const local = createCalendar(nationalCalendarEntries(), [
    { date: '2027-02-15', kind: 'rest', name: '春节（本省延长）', source: '省政府通知' },
  ]);
  assert.equal(hasNotice(local, 2027), false);
  assert.notEqual(provisionalReason('2027-02-01', addWorkingDays('2027-02-01', 20, local), local), null);
});
