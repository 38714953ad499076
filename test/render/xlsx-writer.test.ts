/**
 * The XLSX writer, read back by an independent ZIP reader (jszip, CRC-checked): the OOXML parts a spreadsheet
 * program needs, numbers as numbers, blanks as no cell (never 0), text escaped and never a formula, CJK kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { columnName, writeXlsx } from '../../src/adapters/render/xlsx/xlsx-writer.js';
import { zip } from '../../src/adapters/render/xlsx/zip-writer.js';

test('zip: entries read back byte for byte with their CRC-32 checked', async () => {
  const big = '政府信息公开'.repeat(5000);
  const z = await JSZip.loadAsync(
    zip([
      { name: 'a.txt', data: 'hello' },
      { name: '目录/年报.txt', data: big },
      { name: 'empty', data: '' },
    ]),
    { checkCRC32: true },
  );
  assert.deepEqual(Object.keys(z.files).sort(), ['a.txt', 'empty', '目录/年报.txt']);
  assert.equal(await z.file('a.txt')!.async('string'), 'hello');
  assert.equal(await z.file('目录/年报.txt')!.async('string'), big);
  assert.equal(await z.file('empty')!.async('string'), '');
});

test('column names: A, Z, AA, AZ, BA, ZZ, AAA', () => {
  assert.deepEqual([0, 25, 26, 51, 52, 701, 702].map(columnName), ['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
});

test('xlsx: parts, sheets, numbers, blanks, escaping, no formulas', async () => {
  const buf = writeXlsx([
    {
      name: '数据',
      rows: [
        ['机关', '数量', '金额', '备注'],
        ['田湖镇人民政府', 126, 0.6579, null],
        ['A&B <c> "d"', 0, null, '=SUM(A1:A2)'],
        ['控制\u0001字符', -1, 1e6, ''],
      ],
    },
    { name: 'a/b:c*?[x]', rows: [['x']] },
  ]);
  const z = await JSZip.loadAsync(buf, { checkCRC32: true });
  for (const part of [
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet2.xml',
  ])
    assert.ok(z.file(part), part);
  const wb = await z.file('xl/workbook.xml')!.async('string');
  assert.match(wb, /<sheet name="数据" sheetId="1" r:id="rId1"\/>/);
  assert.match(
    wb,
    /<sheet name="a b c   x" sheetId="2"/,
    'characters Excel forbids in sheet names are replaced',
  );
  const s1 = await z.file('xl/worksheets/sheet1.xml')!.async('string');
  assert.match(
    s1,
    /<c r="B2"><v>126<\/v><\/c><c r="C2"><v>0.6579<\/v><\/c><\/row>/,
    'numbers stay numbers; the blank D2 is no cell',
  );
  assert.match(s1, /<c r="B3"><v>0<\/v><\/c><c r="D3" t="inlineStr">/, '0 is written, the blank C3 is not');
  assert.ok(!/<c r="C3"/.test(s1));
  assert.match(s1, /A&amp;B &lt;c&gt; &quot;d&quot;/);
  assert.match(s1, /<t xml:space="preserve">=SUM\(A1:A2\)<\/t>/, 'formula-looking text is a string');
  assert.ok(!s1.includes('<f>'));
  assert.match(s1, /控制字符/, 'XML-forbidden control characters dropped');
  assert.match(s1, /<c r="A1" s="1" t="inlineStr">/, 'header bold');
  assert.match(s1, /state="frozen"/);
  assert.match(s1, /<autoFilter ref="A1:D4"\/>/);
});
