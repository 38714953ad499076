/**
 * XLSX through exceljs (ADR 0010), read back with exceljs and inspected as XML with jszip: lists keep numbers as
 * numbers, blanks as no cell (never 0), text never a formula, a bold frozen header with a filter; a report's
 * tables come out in the official layout — the national format's merged header cells, blanks blank.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnName, writeReportTablesXlsx, writeXlsx } from '../../src/adapters/render/xlsx/xlsx-writer.js';
import { emptyReport, S3_NEW } from '../../src/core/annual-report/report-model.js';

const read = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
};

test('column names: A, Z, AA, AZ, BA, ZZ, AAA', () => {
  assert.deepEqual([0, 25, 26, 51, 52, 701, 702].map(columnName), ['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
});

test('xlsx lists: numbers stay numbers, a blank is no cell (never 0), text is never a formula, bold frozen header, sheet names made legal', async () => {
  const bytes = await writeXlsx([
    {
      name: '数据',
      rows: [
        ['机关', '数量', '金额', '备注'],
        ['田湖镇人民政府', 126, 0.6579, null],
        ['A&B <c> "d"', 0, null, '=SUM(A1:A2)'],
        ['控制\u0001字符', -1, 1e6, ''],
      ],
      widths: [20, 8, 8, 20],
    },
    { name: 'a/b:c*?[x]', rows: [['x']] },
  ]);
  const wb = await read(bytes);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['数据', 'a b c   x'],
  );
  const ws = wb.getWorksheet('数据')!;
  assert.equal(ws.getCell('B2').value, 126);
  assert.equal(ws.getCell('C2').value, 0.6579);
  assert.equal(ws.getCell('D2').value, null, 'blank');
  assert.equal(ws.getCell('B3').value, 0, '0 is written');
  assert.equal(ws.getCell('C3').value, null, 'the blank is not');
  assert.equal(ws.getCell('A3').value, 'A&B <c> "d"');
  assert.equal(ws.getCell('D3').value, '=SUM(A1:A2)', 'formula-looking text is a string');
  assert.equal(ws.getCell('A4').value, '控制字符', 'XML-forbidden characters dropped');
  assert.equal(ws.getCell('A1').font?.bold, true);
  assert.equal(ws.views[0]?.state, 'frozen');
  const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
  assert.ok(!xml.includes('<f>'), 'no formula anywhere');
  assert.match(xml, /<autoFilter ref="A1:D4"\/>/);
});

test('xlsx report tables: the official layout with merged header cells; blank cells blank, numbers numbers', async () => {
  const r = emptyReport('2021', 2025, '田湖镇人民政府');
  r.title = '田湖镇人民政府2025年政府信息公开工作年度报告';
  r.cells.push({ table: '三', row: S3_NEW, column: '自然人', value: 12, raw: '12' });
  r.cells.push({ table: '三', row: S3_NEW, column: '总计', value: 12, raw: '12' });
  const wb = await read(await writeReportTablesXlsx([{ sheet: '田湖镇', report: r }]));
  const ws = wb.getWorksheet('田湖镇')!;
  assert.equal(ws.getCell('A1').value, '田湖镇人民政府2025年政府信息公开工作年度报告');
  // find Section 三's header: its note cell spans 3 rows and 3 columns, 申请人情况 spans 7 columns
  let noteRow = 0;
  ws.eachRow((row, n) => {
    // the first row: a merged range reads its top-left value in every cell it covers
    if (!noteRow && String(row.getCell(1).value ?? '').startsWith('（本列数据的勾稽关系')) noteRow = n;
  });
  assert.ok(noteRow > 0, 'Section 三 is there');
  const merges = (ws.model as unknown as { merges: string[] }).merges;
  assert.ok(
    merges.includes(`A${noteRow}:C${noteRow + 2}`),
    `the note cell is merged 3×3: ${merges.join(' ')}`,
  );
  assert.ok(merges.includes(`D${noteRow}:J${noteRow}`), '申请人情况 spans the seven applicant columns');
  assert.equal(ws.getCell(noteRow, 4).value, '申请人情况');
  // the 本年新收 row: 12 under 自然人 and 总计, the blank cells blank
  let newRow = 0;
  ws.eachRow((row, n) => {
    if (!newRow && String(row.getCell(1).value ?? '') === S3_NEW) newRow = n;
  });
  assert.ok(newRow > 0);
  assert.equal(ws.getCell(newRow, 4).value, 12);
  assert.equal(ws.getCell(newRow, 10).value, 12);
  assert.equal(ws.getCell(newRow, 5).value, null, 'a blank cell stays blank, never 0');
});
