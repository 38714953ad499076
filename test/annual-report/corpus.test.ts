/**
 * Every real report in test/fixtures/reports parses without throwing, recovers every number present, and reports
 * what is missing. Expectations were checked by hand against each file and its INDEX.tsv notes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseReportText } from '../../src/adapters/parse/text/text-report-parser.js';
import { validateReport } from '../../src/core/annual-report/validate-report.js';
import { cellKey, indexCells } from '../../src/core/annual-report/report-model.js';

const CORPUS = new URL('../fixtures/reports/', import.meta.url);
const read = (f: string): string => readFileSync(new URL(f, CORPUS), 'utf8');

interface Expect {
  format: string;
  year: number | null;
  organ: string | null;
  cells: number;
  numbers: number;
  parse: string[];
  check: string[];
}

const EXPECTED: [string, Expect][] = [
  [
    'real/003.txt',
    {
      format: '2021',
      year: 2021,
      organ: '舟曲县八楞乡人民政府',
      cells: 0,
      numbers: 0,
      parse: ['section_missing'],
      check: ['table_missing'],
    },
  ],
  [
    'real/005.txt',
    {
      format: '2021',
      year: 2021,
      organ: null,
      cells: 0,
      numbers: 0,
      parse: ['organ_not_found', 'section_missing', 'title_not_found'],
      check: ['table_missing'],
    },
  ],
  [
    'real/007.txt',
    {
      format: '2021',
      year: 2021,
      organ: '田黄镇',
      cells: 0,
      numbers: 0,
      parse: ['section_missing', 'year_conflict'],
      check: ['table_missing'],
    },
  ],
  [
    'real/009.txt',
    {
      format: '2021',
      year: 2021,
      organ: '柏乡县龙华镇',
      cells: 0,
      numbers: 0,
      parse: ['organ_conflict', 'section_missing'],
      check: ['table_missing'],
    },
  ],
  [
    'real/011.txt',
    {
      format: '2019-trial',
      year: 2020,
      organ: null,
      cells: 22,
      numbers: 22,
      parse: ['organ_not_found', 'section_missing', 'title_not_found', 'year_inferred'],
      check: ['table_missing'],
    },
  ],
  [
    'real/013.txt',
    {
      format: '2021',
      year: 2021,
      organ: '文昌市龙楼镇',
      cells: 0,
      numbers: 0,
      parse: ['section_missing'],
      check: ['table_missing'],
    },
  ],
  [
    'real/015.txt',
    {
      format: '2021',
      year: 2022,
      organ: null,
      cells: 0,
      numbers: 0,
      parse: ['organ_not_found', 'section_missing', 'title_not_found', 'year_inferred'],
      check: ['table_missing'],
    },
  ],
  [
    'real/017.txt',
    {
      format: '2021',
      year: 2023,
      organ: null,
      cells: 0,
      numbers: 0,
      parse: ['organ_not_found', 'section_missing'],
      check: ['table_missing'],
    },
  ],
  [
    'real/019.txt',
    {
      format: '2021',
      year: 2022,
      organ: '上海市',
      cells: 0,
      numbers: 0,
      parse: ['section_missing'],
      check: ['table_missing'],
    },
  ],
  [
    'real/021.txt',
    {
      format: '2019-trial',
      year: 2020,
      organ: null,
      cells: 18,
      numbers: 18,
      parse: ['organ_not_found', 'section_missing'],
      check: ['table_missing'],
    },
  ],
  [
    'real/023.txt',
    {
      format: '2019-trial',
      year: 2019,
      organ: '胡市镇人民政府',
      cells: 9,
      numbers: 6,
      parse: ['row_short', 'section_missing'],
      check: ['cell_blank', 'row_missing', 's2_made_not_published', 'table_missing', 'table_partial'],
    },
  ],
  [
    'real/025.txt',
    {
      format: '2019-trial',
      year: 2020,
      organ: null,
      cells: 22,
      numbers: 22,
      parse: [
        'organ_not_found',
        'page_furniture_removed',
        'section_missing',
        'title_not_found',
        'year_inferred',
      ],
      check: ['check_skipped', 'row_missing', 'table_missing', 'table_partial'],
    },
  ],
  [
    'real/027.txt',
    {
      format: '2019-trial',
      year: 2020,
      organ: null,
      cells: 50,
      numbers: 29,
      parse: ['cell_unit', 'organ_not_found', 'section_missing', 'title_not_found', 'year_inferred'],
      check: ['cell_blank', 'check_skipped', 'row_missing', 'table_missing', 'table_partial'],
    },
  ],
  [
    'real/029.txt',
    {
      format: '2021',
      year: 2021,
      organ: null,
      cells: 12,
      numbers: 12,
      parse: [
        'cell_noise',
        'organ_not_found',
        'row_short',
        'section_missing',
        'title_not_found',
        'year_inferred',
      ],
      check: ['check_skipped', 'row_missing', 'table_missing', 'table_partial'],
    },
  ],
  [
    'real/031.txt',
    {
      format: '2019-trial',
      year: 2020,
      organ: '东湖区行政服务中心管委会',
      cells: 0,
      numbers: 0,
      parse: ['organ_conflict', 'section_missing'],
      check: ['table_missing'],
    },
  ],
  [
    'real/033.txt',
    {
      format: '2021',
      year: 2025,
      organ: '白城市人民政府',
      cells: 0,
      numbers: 0,
      parse: ['section_missing'],
      check: ['table_missing'],
    },
  ],
  [
    'real/035.txt',
    {
      format: '2021',
      year: 2025,
      organ: '开远市',
      cells: 0,
      numbers: 0,
      parse: ['section_missing'],
      check: ['table_missing'],
    },
  ],
  [
    'real/037.txt',
    {
      format: '2019-trial',
      year: 2017,
      organ: '龙潭区人民政府',
      cells: 0,
      numbers: 0,
      parse: ['format_predates', 'section_missing'],
      check: ['table_missing'],
    },
  ],
  [
    'real/039.txt',
    {
      format: '2019-trial',
      year: 2019,
      organ: '马水镇',
      cells: 18,
      numbers: 18,
      parse: ['section_missing'],
      check: ['table_missing'],
    },
  ],
  [
    'real-full/001.txt',
    {
      format: '2021',
      year: 2024,
      organ: '淮安市人民政府',
      cells: 200,
      numbers: 200,
      parse: ['page_furniture_removed'],
      check: [],
    },
  ],
  [
    'real-full/003.txt',
    {
      format: '2021',
      year: 2021,
      organ: '平潭综合实验区',
      cells: 197,
      numbers: 197,
      parse: ['row_split_ambiguous', 'row_split_by_columns', 'row_split_by_total'],
      check: ['row_missing', 'table_partial'],
    },
  ],
  [
    'real-full/004.txt',
    {
      format: '2021',
      year: 2022,
      organ: null,
      cells: 197,
      numbers: 197,
      parse: ['organ_not_found', 'row_split_ambiguous', 'row_split_by_total', 'title_not_found'],
      check: ['row_missing', 'table_partial'],
    },
  ],
];

for (const [file, e] of EXPECTED) {
  test(`corpus ${file}: parses, recovers ${e.numbers} numbers, reports ${e.parse.join(', ') || 'nothing'}`, () => {
    const { report, findings } = parseReportText(read(file));
    assert.equal(report.format, e.format);
    assert.equal(report.year, e.year);
    assert.equal(report.organ, e.organ);
    assert.equal(report.cells.length, e.cells);
    assert.equal(report.cells.filter((c) => c.value !== null).length, e.numbers);
    assert.deepEqual([...new Set(findings.map((f) => f.code))].sort(), e.parse);
    const checks = validateReport(report);
    assert.deepEqual(
      [...new Set(checks.filter((f) => f.severity !== 'info').map((f) => f.code))].sort(),
      e.check,
    );
    for (const c of report.cells)
      assert.ok(c.source && (c.source.line ?? 0) > 0, 'every cell keeps its source line');
  });
}

test('corpus real/027: Shanghai-style blank cells stay blank, signed changes keep their sign, 元 is kept', () => {
  const { report } = parseReportText(read('real/027.txt'));
  const c = indexCells(report.cells);
  assert.equal(c.get(cellKey('三', '一、本年新收政府信息公开申请数量', '自然人'))!.value, 25);
  assert.equal(c.get(cellKey('三', '一、本年新收政府信息公开申请数量', '商业企业'))!.value, null);
  assert.equal(c.get(cellKey('三', '一、本年新收政府信息公开申请数量', '总计'))!.value, 25);
  assert.equal(c.get(cellKey('三', '二、上年结转政府信息公开申请数量', '自然人'))!.raw, '');
  assert.equal(c.get(cellKey('三', '二、上年结转政府信息公开申请数量', '总计'))!.value, 0);
  assert.equal(c.get(cellKey('二', '第二十条第（五）项/行政许可', '本年增/减'))!.value, 1);
  assert.equal(c.get(cellKey('二', '第二十条第（六）项/行政处罚', '本年增/减'))!.value, -2);
  assert.equal(c.get(cellKey('二', '第二十条第（九）项/政府集中采购', '采购总金额'))!.raw, '184719元');
});

test('corpus real/023: 规范性文件 made 2 but published 0 is flagged (条例第二十条第（一）项)', () => {
  const { report } = parseReportText(read('real/023.txt'));
  const f = validateReport(report).find((x) => x.code === 's2_made_not_published')!;
  assert.equal(f.expected, 2);
  assert.equal(f.actual, 0);
});

test('corpus real/007: a title year that contradicts the statistics period is reported', () => {
  const { findings } = parseReportText(read('real/007.txt'));
  const f = findings.find((x) => x.code === 'year_conflict')!;
  assert.equal(f.expected, 2020);
  assert.equal(f.actual, 2021);
});

test('corpus real/025: a PDF tail fragment still gives its last Section 三 row and Section 四', () => {
  const { report } = parseReportText(read('real/025.txt'));
  assert.equal(report.cells.filter((c) => c.table === '四').length, 15);
  assert.equal(report.cells.filter((c) => c.table === '三' && c.row === '四、结转下年度继续办理').length, 7);
});

test('corpus real-full/001: 淮安 2024 balances (3119+34 = 3050+103) and every rule passes', () => {
  const { report } = parseReportText(read('real-full/001.txt'));
  const c = indexCells(report.cells);
  const v = (t: '二' | '三' | '四', r: string, col: string): number | null | undefined =>
    c.get(cellKey(t, r, col))?.value;
  assert.equal(v('三', '一、本年新收政府信息公开申请数量', '总计'), 3119);
  assert.equal(v('三', '二、上年结转政府信息公开申请数量', '总计'), 34);
  assert.equal(v('三', '（七）总计', '总计'), 3050);
  assert.equal(v('三', '四、结转下年度继续办理', '总计'), 103);
  assert.equal(v('三', '（四）无法提供/2.没有现成信息需要另行制作', '自然人'), 11);
  assert.equal(v('二', '第二十条第（五）项/行政许可', '本年处理决定数量'), 447228);
  assert.equal(v('二', '第二十条第（八）项/行政事业性收费', '本年收费金额（单位：万元）'), 96171.6);
  assert.equal(v('四', '行政复议', '总计'), 351);
  assert.equal(v('四', '行政诉讼/复议后起诉', '总计'), 20);
  assert.deepEqual(
    validateReport(report).filter((f) => f.severity !== 'info'),
    [],
  );
});

test('corpus real-full/003 and 004: run-together cells are split only where the row total decides', () => {
  const a = indexCells(parseReportText(read('real-full/003.txt')).report.cells);
  assert.deepEqual(
    ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map(
      (col) => a.get(cellKey('三', '（七）总计', col))!.value,
    ),
    [63, 0, 0, 2, 0, 4, 69],
  );
  assert.deepEqual(
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map(
      (col) => a.get(cellKey('四', '行政诉讼/未经复议直接起诉', col))!.value,
    ),
    [12, 0, 0, 0, 12],
  );
  assert.equal(
    a.get(cellKey('二', '第二十条第（一）项/行政规范性文件', '本年制发件数')),
    undefined,
    '693665 cannot be split uniquely',
  );
  // "270020130" splits many ways by its row total; the column equations leave one
  assert.deepEqual(
    ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map(
      (col) => a.get(cellKey('三', '（一）予以公开', col))!.value,
    ),
    [27, 0, 0, 2, 0, 1, 30],
  );
  const r4 = parseReportText(read('real-full/004.txt')).report;
  const b = indexCells(r4.cells);
  assert.deepEqual(
    ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map(
      (col) => b.get(cellKey('三', '（七）总计', col))!.value,
    ),
    [72, 3, 0, 0, 0, 0, 75],
  );
  assert.equal(
    b.get(cellKey('三', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '总计'))!.value,
    9,
  );
  assert.deepEqual(
    r4.cells.filter((x) => x.table === '四').map((x) => x.value),
    [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
  );
  // text says 收到申请75件: that is 本年新收 74 + 上年结转 1, reported as information
  const t = validateReport(r4).find((f) => f.code === 'text_table_mismatch')!;
  assert.equal(t.severity, 'info');
  assert.equal(t.actual, 75);
});

test('parsers never throw on garbage', () => {
  const inputs = [
    '',
    '\u0000\u0001',
    '|||||\t\t\t',
    '三、收到和处理政府信息公开申请情况\n（七）总计 99999999999999999999999999',
    'x'.repeat(10000),
    '四、政府信息公开行政复议、行政诉讼情况\n' + '1 '.repeat(200),
  ];
  for (let i = 0; i < 200; i++) {
    const chars = '0123456789|\t\n （）、。一二三四五六七总计其他予以公开第二十条项自然人'.split('');
    inputs.push(
      Array.from(
        { length: 300 },
        () =>
          chars[(i * 7919 + inputs.length * 31 + Math.floor(Math.random() * chars.length)) % chars.length],
      ).join(''),
    );
  }
  for (const s of inputs) {
    const r = parseReportText(s);
    assert.ok(Array.isArray(r.findings));
    validateReport(r.report);
  }
});
