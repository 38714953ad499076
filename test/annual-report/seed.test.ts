/**
 * The seed report (田湖镇人民政府 2020, 2019 trial format) parses to exactly its numbers.
 * Expected values are written out by hand from the published text (test/fixtures/reports/seed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseReportText } from '../../src/adapters/parse/text/text-report-parser.js';
import { validateReport } from '../../src/core/annual-report/validate-report.js';
import { S3_COLUMNS, cellKey, indexCells } from '../../src/core/annual-report/report-model.js';

const SEED = new URL('../fixtures/reports/seed/000_b24edaa19e85be6d.txt', import.meta.url);
const text = readFileSync(SEED, 'utf8');

/** Section 二 of the seed, by hand: [row, column, raw]. */
const S2: [string, string, string][] = [
  ['第二十条第（一）项/规章', '本年新制作数量', '0'],
  ['第二十条第（一）项/规章', '本年新公开数量', '0'],
  ['第二十条第（一）项/规章', '对外公开总数量', '0'],
  ['第二十条第（一）项/规范性文件', '本年新制作数量', '0'],
  ['第二十条第（一）项/规范性文件', '本年新公开数量', '0'],
  ['第二十条第（一）项/规范性文件', '对外公开总数量', '0'],
  ['第二十条第（五）项/行政许可', '上一年项目数量', '7'],
  ['第二十条第（五）项/行政许可', '本年增/减', '0'],
  ['第二十条第（五）项/行政许可', '处理决定数量', '126'],
  ['第二十条第（五）项/其他对外管理服务事项', '上一年项目数量', '87'],
  ['第二十条第（五）项/其他对外管理服务事项', '本年增/减', '0'],
  ['第二十条第（五）项/其他对外管理服务事项', '处理决定数量', '1128'],
  ['第二十条第（六）项/行政处罚', '上一年项目数量', '79'],
  ['第二十条第（六）项/行政处罚', '本年增/减', '0'],
  ['第二十条第（六）项/行政处罚', '处理决定数量', '271'],
  ['第二十条第（六）项/行政强制', '上一年项目数量', '2'],
  ['第二十条第（六）项/行政强制', '本年增/减', '0'],
  ['第二十条第（六）项/行政强制', '处理决定数量', '19'],
  ['第二十条第（八）项/行政事业性收费', '上一年项目数量', '0'],
  ['第二十条第（八）项/行政事业性收费', '本年增/减', '0'],
  ['第二十条第（九）项/政府集中采购', '采购项目数量', '1'],
  ['第二十条第（九）项/政府集中采购', '采购总金额', '0.6579'],
];

/** Section 三 rows with seven cells: the blank first data cell stays blank. */
const S3_BLANK_FIRST = [
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（五）不予处理/5.要求行政机关确认或重新出具已获取信息',
  '（六）其他处理',
  '（七）总计',
  '四、结转下年度继续办理',
];
/** Section 三 rows printed with six numbers for seven columns. */
const S3_SIX = [
  '（三）不予公开/1.属于国家秘密',
  '（三）不予公开/2.其他法律行政法规禁止公开',
  '（三）不予公开/3.危及“三安全一稳定”',
  '（三）不予公开/4.保护第三方合法权益',
  '（三）不予公开/5.属于三类内部事务信息',
  '（三）不予公开/6.属于四类过程性信息',
  '（三）不予公开/7.属于行政执法案卷',
  '（三）不予公开/8.属于行政查询事项',
  '（四）无法提供/1.本机关不掌握相关政府信息',
  '（四）无法提供/2.没有现成信息需要另行制作',
  '（四）无法提供/3.补正后申请内容仍不明确',
  '（五）不予处理/1.信访举报投诉类申请',
  '（五）不予处理/2.重复申请',
  '（五）不予处理/3.要求提供公开出版物',
  '（五）不予处理/4.无正当理由大量反复申请',
];

test('seed: title, organ, year and the 2019 trial format are detected', () => {
  const { report } = parseReportText(text);
  assert.equal(report.format, '2019-trial');
  assert.equal(report.year, 2020);
  assert.equal(report.organ, '田湖镇人民政府');
  assert.equal(report.title, '田湖镇人民政府2020年政府信息公开工作年度报告');
  for (const id of ['一', '二', '三', '四', '五', '六'] as const)
    assert.ok(report.sections[id], `section ${id}`);
  assert.match(report.sections.一!, /2020年更新工作简报54期，政务动态71条，重点领域信息126条/);
  assert.equal(report.sections.六!.replace(/\s+/g, ''), '六、其他需要报告的事项无');
});

test('seed: Section 二 has exactly its numbers, incl. 行政许可 126 and 政府集中采购 0.6579 万元', () => {
  const { report } = parseReportText(text);
  const cells = indexCells(report.cells);
  const s2 = report.cells.filter((c) => c.table === '二');
  assert.equal(s2.length, S2.length);
  for (const [row, col, raw] of S2) {
    const c = cells.get(cellKey('二', row, col));
    assert.ok(c, `${row}/${col}`);
    assert.equal(c.raw, raw, `${row}/${col}`);
    assert.equal(c.value, Number(raw), `${row}/${col}`);
  }
  assert.equal(cells.get(cellKey('二', '第二十条第（五）项/行政许可', '处理决定数量'))!.value, 126);
  assert.equal(cells.get(cellKey('二', '第二十条第（九）项/政府集中采购', '采购总金额'))!.value, 0.6579);
  assert.deepEqual(cells.get(cellKey('二', '第二十条第（五）项/行政许可', '处理决定数量'))!.source, {
    line: 29,
    col: 3,
  });
});

test('seed: Section 三 keeps blanks blank and reports the six-number rows', () => {
  const { report, findings } = parseReportText(text);
  const cells = indexCells(report.cells);
  for (const row of ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量']) {
    for (const col of S3_COLUMNS) assert.equal(cells.get(cellKey('三', row, col))?.value, 0, `${row}/${col}`);
  }
  for (const row of S3_BLANK_FIRST) {
    const first = cells.get(cellKey('三', row, '自然人'))!;
    assert.equal(first.value, null, `${row} 自然人 is blank, not 0`);
    assert.equal(first.raw, '');
    for (const col of S3_COLUMNS.slice(1))
      assert.equal(cells.get(cellKey('三', row, col))?.value, 0, `${row}/${col}`);
  }
  for (const row of S3_SIX) {
    for (const col of S3_COLUMNS.slice(0, 6))
      assert.equal(cells.get(cellKey('三', row, col))?.value, 0, `${row}/${col}`);
    assert.equal(cells.get(cellKey('三', row, '总计')), undefined, `${row} 总计 was not printed`);
  }
  const short = findings.filter((f) => f.code === 'row_short');
  assert.deepEqual(short.map((f) => f.cells[0]!.row).sort(), [...S3_SIX].sort());
  for (const f of short) {
    assert.equal(f.expected, 7);
    assert.equal(f.actual, 6);
  }
});

test('seed: Section 四 is fifteen zeros', () => {
  const { report } = parseReportText(text);
  const s4 = report.cells.filter((c) => c.table === '四');
  assert.equal(s4.length, 15);
  assert.ok(s4.every((c) => c.value === 0));
});

test('seed: the checker never passes a rule on unread cells', () => {
  const { report } = parseReportText(text);
  const findings = validateReport(report);
  const codes = new Set(findings.map((f) => f.code));
  assert.ok(codes.has('table_partial'));
  assert.ok(codes.has('check_skipped'));
  assert.ok(codes.has('cell_blank'));
  // nothing that was read is inconsistent
  for (const c of ['s3_balance', 's3_results_total', 's3_row_total', 's4_group_total'])
    assert.ok(!codes.has(c as never), c);
  // the 自然人 column cannot be balanced: its （七）总计 is blank
  assert.ok(
    findings.some(
      (f) =>
        f.code === 'check_skipped' && f.cells.some((r) => r.row === '（七）总计' && r.column === '自然人'),
    ),
  );
});
