/**
 * Section 三 and Section 四 computed from case histories satisfy every 勾稽 rule of the report checker, by construction.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../src/core/calendar/holiday-calendar.js';
import { nationalCalendarEntries } from '../../src/adapters/calendar/chinese-days-seed.js';
import { replay, type MachineContext } from '../../src/core/case/case-machine.js';
import { DEFAULT_CASE_RULES } from '../../src/core/case/case-rules.js';
import {
  type CaseSummary,
  countSection3,
  section3Cells,
  section4Cells,
  summarizeCase,
} from '../../src/core/case/case-statistics.js';
import {
  emptyReport,
  formatForYear,
  cellKey,
  indexCells,
} from '../../src/core/annual-report/report-model.js';
import { validateReport } from '../../src/core/annual-report/validate-report.js';
import type { CaseEvent } from '../../src/core/case/case-event.js';
import { randomHistory, randomReviews } from '../helpers/random-cases.js';

const cal = createCalendar(nationalCalendarEntries());
const ctx: MachineContext = { calendar: cal, rules: DEFAULT_CASE_RULES };
const ARITHMETIC = new Set([
  's3_balance',
  's3_results_total',
  's3_row_total',
  's4_group_total',
  'cell_negative',
  'cell_not_integer',
  'check_skipped',
  'cell_blank',
]);

test('property: thousands of random valid histories always give a Section 三/四 that passes every 勾稽 rule', () => {
  const summaries: CaseSummary[] = [];
  for (let seed = 1; seed <= 3000; seed++) {
    const { snapshot } = randomHistory(seed, ctx);
    const s = summarizeCase(snapshot);
    if (s) summaries.push(s);
  }
  const reviews = randomReviews(7, 400);
  let nonTrivial = 0;
  for (let year = 2019; year <= 2026; year++) {
    const report = emptyReport(formatForYear(year), year, '测试县人民政府');
    report.cells = [...section3Cells(summaries, year), ...section4Cells(reviews, year)];
    const bad = validateReport(report).filter(
      (f) =>
        ARITHMETIC.has(f.code) ||
        (f.code === 'table_partial' && f.cells[0]!.table !== '二') ||
        (f.code === 'table_missing' && f.cells[0]!.table !== '二'),
    );
    assert.deepEqual(bad, [], `year ${year}`);
    const c = indexCells(report.cells);
    if (
      (c.get(cellKey('三', '二、上年结转政府信息公开申请数量', '总计'))!.value ?? 0) > 0 &&
      (c.get(cellKey('三', '四、结转下年度继续办理', '总计'))!.value ?? 0) > 0
    )
      nonTrivial++;
  }
  assert.ok(nonTrivial >= 5, 'carry-over in and out appear in most years');
});

test("each decision is counted once, in its row of the report year's format; carry-over links the years", () => {
  const facts = {
    applicant: { type: 'commercial_enterprise' as const, name: '某公司' },
    channel: 'letter' as const,
    description: '某项目环评批复',
    requestedForm: 'paper' as const,
    delivery: 'post' as const,
  };
  const histories: CaseEvent[][] = [
    [
      { kind: 'registered', on: '2020-12-21', submittedOn: '2020-12-18', facts },
      { kind: 'decided', on: '2021-01-08', outcome: 'partially_disclosed' },
    ],
    [
      { kind: 'registered', on: '2021-03-01', submittedOn: '2021-03-01', facts },
      { kind: 'clarification_requested', on: '2021-03-03', items: ['项目名称'] },
      { kind: 'clarification_lapsed', on: '2021-04-06' },
    ],
    [{ kind: 'registered', on: '2021-12-28', submittedOn: '2021-12-28', facts }],
    [
      { kind: 'registered', on: '2020-05-06', submittedOn: '2020-05-06', facts },
      { kind: 'withdrawn', on: '2020-05-08' },
    ],
  ];
  const sums = histories.map((h) => {
    const r = replay(h, ctx);
    assert.equal(r.error, undefined);
    return summarizeCase(r.snapshot)!;
  });
  const y2020 = indexCells(section3Cells(sums, 2020));
  assert.equal(
    y2020.get(cellKey('三', '（六）其他处理', '商业企业'))!.value,
    1,
    '2019 trial format: withdrawal in the single （六） row',
  );
  assert.equal(y2020.get(cellKey('三', '四、结转下年度继续办理', '商业企业'))!.value, 1);
  const y2021 = indexCells(section3Cells(sums, 2021));
  assert.equal(y2021.get(cellKey('三', '二、上年结转政府信息公开申请数量', '商业企业'))!.value, 1);
  assert.equal(
    y2021.get(cellKey('三', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '总计'))!.value,
    1,
  );
  assert.equal(
    y2021.get(
      cellKey(
        '三',
        '（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        '商业企业',
      ),
    )!.value,
    1,
  );
  assert.equal(y2021.get(cellKey('三', '一、本年新收政府信息公开申请数量', '总计'))!.value, 2);
  assert.equal(y2021.get(cellKey('三', '四、结转下年度继续办理', '总计'))!.value, 1);
  assert.equal(y2021.get(cellKey('三', '（七）总计', '自然人'))!.value, 0);
  assert.equal(
    countSection3(sums, 2022).counts[1]![6],
    1,
    '2022 carries in the case open at the end of 2021',
  );
});

test('Section 四: a case counts in each year it is active, with its result or as 尚未审结', () => {
  const c = (cells: ReturnType<typeof section4Cells>) => indexCells(cells);
  const reviews = [
    {
      id: 'a',
      kind: 'review' as const,
      filedOn: '2023-11-01',
      concludedOn: '2024-01-20',
      result: 'corrected' as const,
    },
    { id: 'b', kind: 'litigation_after_review' as const, filedOn: '2024-03-01' },
    {
      id: 'c',
      kind: 'litigation_direct' as const,
      filedOn: '2024-04-01',
      concludedOn: '2024-09-01',
      result: 'upheld' as const,
    },
  ];
  const y23 = c(section4Cells(reviews, 2023));
  assert.equal(y23.get(cellKey('四', '行政复议', '尚未审结'))!.value, 1);
  const y24 = c(section4Cells(reviews, 2024));
  assert.equal(y24.get(cellKey('四', '行政复议', '结果纠正'))!.value, 1);
  assert.equal(y24.get(cellKey('四', '行政诉讼/复议后起诉', '尚未审结'))!.value, 1);
  assert.equal(y24.get(cellKey('四', '行政诉讼/未经复议直接起诉', '结果维持'))!.value, 1);
  assert.equal(y24.get(cellKey('四', '行政诉讼/未经复议直接起诉', '总计'))!.value, 1);
});
