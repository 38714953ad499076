/**
 * The prose against the tables: a number Section 一 states about 行政诉讼 or 予以公开 that the tables contradict is a
 * text_table_mismatch, quoting the phrase; one that agrees is not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateReport } from '../../src/core/annual-report/validate-report.js';
import { emptyReport, slotsOf } from '../../src/core/annual-report/report-model.js';

function report(text: string) {
  const r = emptyReport('2021', 2025, '田湖镇人民政府');
  for (const s of slotsOf('2021'))
    r.cells.push({ table: s.table, row: s.row, column: s.column, value: 0, raw: '0' });
  const set = (table: '三' | '四', rowEnd: string, column: string, v: number) => {
    for (const c of r.cells)
      if (c.table === table && (c.row === rowEnd || c.row.endsWith(rowEnd)) && c.column === column) {
        c.value = v;
        c.raw = String(v);
      }
  };
  set('三', '一、本年新收政府信息公开申请数量', '自然人', 5);
  set('三', '一、本年新收政府信息公开申请数量', '总计', 5);
  set('三', '（一）予以公开', '自然人', 3);
  set('三', '（一）予以公开', '总计', 3);
  set('三', '（三）不予公开/1.属于国家秘密', '自然人', 2);
  set('三', '（三）不予公开/1.属于国家秘密', '总计', 2);
  set('三', '（七）总计', '自然人', 5);
  set('三', '（七）总计', '总计', 5);
  set('四', '行政诉讼/未经复议直接起诉', '结果维持', 1);
  set('四', '行政诉讼/未经复议直接起诉', '总计', 1);
  r.sections.一 = `一、总体情况\n${text}`;
  return validateReport(r).filter((f) => f.code === 'text_table_mismatch');
}

test('text_table_mismatch: 行政诉讼 stated in the prose against Section 四', () => {
  assert.deepEqual(report('全年收到申请5件，被提起行政诉讼1件。'), [], 'agrees');
  const f = report('全年收到申请5件，被提起行政诉讼3件。');
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /正文“行政诉讼3件”与表四「行政诉讼」合计1不一致/);
});

test('text_table_mismatch: 予以公开 stated in the prose against Section 三 (not 部分予以公开)', () => {
  assert.deepEqual(report('全年收到申请5件，其中予以公开3件，部分予以公开0件。'), [], 'agrees');
  const f = report('全年收到申请5件，其中予以公开4件。');
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /正文“予以公开4件”与表三「（一）予以公开」总计3不一致/);
});
