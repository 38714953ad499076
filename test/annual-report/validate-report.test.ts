/**
 * The checker: each rule fires on a report built to break it, with the cells and both sides; blanks never pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateReport } from '../../src/core/annual-report/validate-report.js';
import {
  type AnnualReport,
  type ReportFormat,
  S3_COLUMNS,
  cellKey,
  emptyReport,
  slotsOf,
} from '../../src/core/annual-report/report-model.js';

/** A consistent report: 5 new + 1 carried = 4 decided (3 予以公开, 1 不予公开/4) + 2 carried out, all 自然人. */
function consistent(format: ReportFormat = '2021'): AnnualReport {
  const r = emptyReport(format, format === '2021' ? 2023 : 2020, '测试镇人民政府');
  const v = new Map<string, number>([
    [cellKey('三', '一、本年新收政府信息公开申请数量', '自然人'), 5],
    [cellKey('三', '一、本年新收政府信息公开申请数量', '总计'), 5],
    [cellKey('三', '二、上年结转政府信息公开申请数量', '自然人'), 1],
    [cellKey('三', '二、上年结转政府信息公开申请数量', '总计'), 1],
    [cellKey('三', '（一）予以公开', '自然人'), 3],
    [cellKey('三', '（一）予以公开', '总计'), 3],
    [cellKey('三', '（三）不予公开/4.保护第三方合法权益', '自然人'), 1],
    [cellKey('三', '（三）不予公开/4.保护第三方合法权益', '总计'), 1],
    [cellKey('三', '（七）总计', '自然人'), 4],
    [cellKey('三', '（七）总计', '总计'), 4],
    [cellKey('三', '四、结转下年度继续办理', '自然人'), 2],
    [cellKey('三', '四、结转下年度继续办理', '总计'), 2],
    [cellKey('四', '行政复议', '结果维持'), 1],
    [cellKey('四', '行政复议', '总计'), 1],
  ]);
  for (const s of slotsOf(format)) {
    const x = v.get(cellKey(s.table, s.row, s.column)) ?? 0;
    r.cells.push({ table: s.table, row: s.row, column: s.column, value: x, raw: String(x) });
  }
  return r;
}

function set(
  r: AnnualReport,
  table: '二' | '三' | '四',
  row: string,
  column: string,
  value: number | null,
  raw = value === null ? '' : String(value),
): void {
  const c = r.cells.find((x) => x.table === table && x.row === row && x.column === column)!;
  c.value = value;
  c.raw = raw;
}

const codes = (r: AnnualReport, prev?: AnnualReport) =>
  validateReport(r, prev ? { prev } : {})
    .filter((f) => f.severity !== 'info')
    .map((f) => f.code);

test('a consistent report has no findings, in both formats', () => {
  assert.deepEqual(codes(consistent('2021')), []);
  assert.deepEqual(codes(consistent('2019-trial')), []);
});

test('国办公开办函〔2021〕30号 勾稽关系: 一 + 二 = 三（七）总计 + 四, per column', () => {
  const r = consistent();
  set(r, '三', '四、结转下年度继续办理', '自然人', 3);
  set(r, '三', '四、结转下年度继续办理', '总计', 3);
  const f = validateReport(r).filter((x) => x.code === 's3_balance');
  assert.equal(f.length, 2);
  assert.deepEqual(
    f.map((x) => [x.actual, x.expected]),
    [
      [6, 7],
      [6, 7],
    ],
  );
  assert.ok(f[0]!.cells.some((c) => c.row === '四、结转下年度继续办理' && c.column === '自然人'));
  assert.match(f[0]!.message, /左边为6，右边为7/);
});

test('（七）总计 equals the sum of all result rows, per column', () => {
  const r = consistent();
  set(r, '三', '（五）不予处理/2.重复申请', '商业企业', 2);
  set(r, '三', '（五）不予处理/2.重复申请', '总计', 2);
  const c = codes(r);
  assert.ok(c.includes('s3_results_total'));
  const f = validateReport(r).find((x) => x.code === 's3_results_total' && x.message.includes('商业企业'))!;
  assert.equal(f.actual, 0);
  assert.equal(f.expected, 2);
});

test('总计 column equals the sum of the six applicant columns, per row', () => {
  const r = consistent();
  set(r, '三', '（一）予以公开', '法律服务机构', 1);
  const f = validateReport(r).filter((x) => x.code === 's3_row_total');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.cells[0]!.row, '（一）予以公开');
});

test('Section 四: each group 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结', () => {
  const r = consistent();
  set(r, '四', '行政诉讼/复议后起诉', '结果纠正', 2);
  const f = validateReport(r).filter((x) => x.code === 's4_group_total');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.expected, 2);
  assert.equal(f[0]!.actual, 0);
});

test('counts are non-negative integers; money may be decimal; 本年增/减 may be negative', () => {
  const r = consistent('2019-trial');
  set(r, '三', '（一）予以公开', '其他', 1.5);
  set(r, '四', '行政复议', '其他结果', -1);
  set(r, '二', '第二十条第（九）项/政府集中采购', '采购总金额', 0.6579);
  set(r, '二', '第二十条第（五）项/行政许可', '本年增/减', -3, '-3');
  set(r, '二', '第二十条第（五）项/行政许可', '上一年项目数量', 7);
  const c = codes(r);
  assert.ok(c.includes('cell_not_integer'));
  assert.ok(c.includes('cell_negative'));
  assert.equal(
    validateReport(r).filter((f) => f.code === 'cell_not_integer' || f.code === 'cell_negative').length,
    2,
  );
});

test('2019 trial: 上一年项目数量 + 本年增/减 below zero is implausible', () => {
  const r = consistent('2019-trial');
  set(r, '二', '第二十条第（六）项/行政处罚', '上一年项目数量', 2);
  set(r, '二', '第二十条第（六）项/行政处罚', '本年增/减', -5, '-5');
  assert.ok(codes(r).includes('s2_item_count_negative'));
});

test('a blank is not 0: rules that need it are skipped and say which cell was not read', () => {
  const r = consistent();
  set(r, '三', '（七）总计', '自然人', null);
  const f = validateReport(r);
  assert.ok(!f.some((x) => x.code === 's3_balance' && x.message.includes('「自然人」')));
  const skipped = f.filter((x) => x.code === 'check_skipped');
  assert.ok(skipped.length >= 2);
  assert.ok(skipped.every((x) => x.cells.some((c) => c.row === '（七）总计' && c.column === '自然人')));
  assert.ok(f.some((x) => x.code === 'cell_blank'));
});

test('"—", "/" and "无" are marks, not numbers, and are reported', () => {
  const r = consistent();
  set(r, '三', '（一）予以公开', '科研机构', null, '—');
  set(r, '三', '（一）予以公开', '社会公益组织', null, '/');
  const f = validateReport(r).find((x) => x.code === 'cell_mark')!;
  assert.match(f.message, /“—”/);
  assert.match(f.message, /“\/”/);
});

test('a missing table or row is an error and its rules are not reported as passed', () => {
  const r = consistent();
  r.cells = r.cells.filter((c) => c.table !== '四' && c.row !== '（一）予以公开');
  const f = validateReport(r);
  assert.ok(
    f.some((x) => x.code === 'table_missing' && x.cells[0]!.table === '四' && x.severity === 'error'),
  );
  assert.ok(f.some((x) => x.code === 'row_missing' && x.cells[0]!.row === '（一）予以公开'));
  assert.ok(f.some((x) => x.code === 'table_partial' && x.severity === 'error'));
  assert.ok(!f.some((x) => x.code === 's4_group_total'));
});

test('numbers stated in the text are checked against the tables', () => {
  const r = consistent();
  r.sections.一 = '一、总体情况\n全年共收到政府信息公开申请9件，收到行政复议申请3件，结转下年度继续办理2件。';
  const f = validateReport(r).filter((x) => x.code === 'text_table_mismatch');
  assert.equal(f.length, 2);
  assert.deepEqual(f.map((x) => [x.actual, x.expected]).sort(), [
    [3, 1],
    [9, 5],
  ]);
});

test("--prev: this year's 上年结转 equals last year's 结转下年度继续办理, and 现行有效件数 carries forward", () => {
  const last = consistent();
  last.year = 2022;
  const now = consistent();
  set(now, '三', '二、上年结转政府信息公开申请数量', '自然人', 1);
  set(last, '三', '四、结转下年度继续办理', '自然人', 1);
  set(last, '三', '四、结转下年度继续办理', '总计', 1);
  // in force: last 10, this year +2 −1 → 11, but the report says 12
  set(last, '二', '第二十条第（一）项/行政规范性文件', '现行有效件数', 10);
  set(now, '二', '第二十条第（一）项/行政规范性文件', '本年制发件数', 2);
  set(now, '二', '第二十条第（一）项/行政规范性文件', '本年废止件数', 1);
  set(now, '二', '第二十条第（一）项/行政规范性文件', '现行有效件数', 12);
  const c = validateReport(now, { prev: last });
  assert.equal(c.filter((f) => f.code === 'prev_carry_over').length, 0);
  const inForce = c.find((f) => f.code === 'prev_in_force')!;
  assert.equal(inForce.expected, 11);
  assert.equal(inForce.actual, 12);
  set(last, '三', '四、结转下年度继续办理', '总计', 5);
  const c2 = validateReport(now, { prev: last }).filter((f) => f.code === 'prev_carry_over');
  assert.equal(c2.length, 1);
  assert.equal(c2[0]!.expected, 5);
  assert.equal(c2[0]!.actual, 1);
});

test('every finding has a code, a severity and a Chinese message', () => {
  const r = consistent();
  set(r, '三', '（一）予以公开', '自然人', null, '无');
  set(r, '四', '行政复议', '总计', 7);
  for (const f of validateReport(r)) {
    assert.match(f.code, /^[a-z0-9_]+$/);
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
    assert.match(f.message, /[\u4e00-\u9fa5]/);
  }
  void S3_COLUMNS;
});

test("roll-up: every cell is the sum of the organs' cells; a cell one organ did not report stays unread", async () => {
  const { rollUpReports } = await import('../../src/core/annual-report/roll-up.js');
  const a = consistent();
  const b = consistent();
  a.organ = '甲镇人民政府';
  b.organ = '乙乡人民政府';
  set(b, '三', '（一）予以公开', '商业企业', null, '—');
  const { report, findings } = rollUpReports([a, b], '某县所属机关', 2023);
  const get = (row: string, col: string) =>
    report.cells.find((c) => c.table === '三' && c.row === row && c.column === col)?.value;
  assert.equal(get('一、本年新收政府信息公开申请数量', '总计'), 10);
  assert.equal(get('（一）予以公开', '商业企业'), undefined, 'not summed: 乙乡 reported "—"');
  assert.ok(findings.some((f) => f.code === 'check_skipped' && f.message.includes('乙乡人民政府')));
  const checks = validateReport(report).filter((f) =>
    ['s3_balance', 's3_results_total', 's3_row_total', 's4_group_total'].includes(f.code),
  );
  assert.deepEqual(checks, [], 'sums of consistent reports are consistent');
  const other = consistent('2019-trial');
  other.organ = '丙局';
  assert.ok(rollUpReports([a, other], '某县', 2023).findings.some((f) => f.message.includes('丙局')));
});
