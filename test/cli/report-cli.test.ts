/**
 * `gongkai report …`: outputs, JSON shape, directories, and exit codes 0 / 1 / 2.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { renderReportText } from '../../src/adapters/render/text-report-renderer.js';
import { randomReport } from '../helpers/random-report.js';

const CORPUS = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
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
}

test('check exits 0 on a clean report and 1 when a rule fails', async () => {
  const ok = await run(['report', 'check', join(CORPUS, 'real-full/001.txt')]);
  assert.equal(ok.code, 0);
  assert.match(ok.out, /淮安市人民政府 2024年 · 2021年版格式 · 读到200个单元格/);
  const seed = await run(['report', 'check', join(CORPUS, 'seed/000_b24edaa19e85be6d.txt')]);
  assert.equal(seed.code, 1);
  assert.match(seed.out, /row_short/);
});

test('an unreadable or missing input exits 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-'));
  writeFileSync(join(dir, 'bad.pdf'), 'not a pdf');
  assert.equal((await run(['report', 'check', join(dir, 'bad.pdf')])).code, 2);
  const missing = await run(['report', 'parse', join(dir, 'nope.txt')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /找不到/);
  assert.equal((await run(['report', 'frobnicate'])).code, 2);
});

test('--json gives the interchange JSON: format, year, organ, sections, cells with source, findings', async () => {
  const r = await run(['report', 'parse', join(CORPUS, 'seed/000_b24edaa19e85be6d.txt'), '--json']);
  const j = JSON.parse(r.out);
  assert.equal(j.format, '2019-trial');
  assert.equal(j.year, 2020);
  assert.equal(j.organ, '田湖镇人民政府');
  assert.ok(j.sections.一.startsWith('一、总体情况'));
  const c = j.cells.find(
    (x: { row: string; column: string }) =>
      x.row === '第二十条第（五）项/行政许可' && x.column === '处理决定数量',
  );
  assert.deepEqual(c, {
    table: '二',
    row: '第二十条第（五）项/行政许可',
    column: '处理决定数量',
    value: 126,
    raw: '126',
    source: { line: 29, col: 3 },
  });
  assert.ok(j.findings.some((f: { code: string }) => f.code === 'row_short'));
});

test('directories are expanded, with one result per file; --prev compares carry-over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-'));
  const a = randomReport(11, '2021');
  const b = randomReport(12, '2021');
  writeFileSync(join(dir, 'a.txt'), renderReportText(a));
  writeFileSync(join(dir, 'b.txt'), renderReportText(b));
  writeFileSync(join(dir, 'ignored.bin'), 'x');
  const r = await run(['report', 'parse', dir, '--json']);
  const j = JSON.parse(r.out);
  assert.equal(j.length, 2);
  assert.deepEqual(
    j.map((x: { file: string }) => x.file.split('/').pop()),
    ['a.txt', 'b.txt'],
  );
  const p = await run(['report', 'check', join(dir, 'b.txt'), '--prev', join(dir, 'a.txt'), '--json']);
  const pj = JSON.parse(p.out);
  assert.ok(
    pj.findings.some(
      (f: { code: string }) =>
        f.code === 'prev_carry_over' || f.code === 'check_skipped' || f.code === 'prev_year_not_previous',
    ),
  );
});

test('render --to html|md|txt|json', async () => {
  const seed = join(CORPUS, 'seed/000_b24edaa19e85be6d.txt');
  const h = await run(['report', 'render', seed, '--to', 'html']);
  assert.equal(h.code, 0);
  assert.match(h.out, /<th rowspan="20">三、本年度办理结果<\/th>/);
  assert.match(
    (await run(['report', 'render', seed, '--to', 'md'])).out,
    /^# 田湖镇人民政府2020年政府信息公开工作年度报告/,
  );
  assert.match((await run(['report', 'render', seed, '--to', 'txt'])).out, /行政许可\t7\t0\t126/);
  assert.equal(JSON.parse((await run(['report', 'render', seed, '--to', 'json'])).out).year, 2020);
  assert.equal((await run(['report', 'render', seed, '--to', 'pdf'])).code, 2, 'pdf needs --out');
  assert.equal((await run(['report', 'render', seed, '--to', 'xlsx'])).code, 2);
  const dir = mkdtempSync(join(tmpdir(), 'gk-'));
  assert.equal((await run(['report', 'render', seed, '--to', 'docx', '--out', join(dir, 'r.docx')])).code, 0);
  assert.equal((await run(['report', 'render', seed, '--to', 'pdf', '--out', join(dir, 'r.pdf')])).code, 0);
  const { readFileSync } = await import('node:fs');
  assert.equal(readFileSync(join(dir, 'r.pdf')).subarray(0, 4).toString(), '%PDF');
  const { parseReportDocx } = await import('../../src/adapters/parse/docx/docx-report-parser.js');
  const back = await parseReportDocx(readFileSync(join(dir, 'r.docx')));
  assert.equal(
    back.report.cells.find((c) => c.row === '第二十条第（五）项/行政许可' && c.column === '处理决定数量')!
      .value,
    126,
  );
});

test('export: many reports as XLSX (报告, 数据, 核对结果) and CSV; blanks stay blank, numbers stay numbers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-export-'));
  const out = join(dir, 'reports.xlsx');
  const r = await run([
    'report',
    'export',
    join(CORPUS, 'seed'),
    join(CORPUS, 'real-full/001.txt'),
    '--to',
    'xlsx',
    '--out',
    out,
  ]);
  assert.equal(r.code, 1, 'the seed has error findings');
  assert.match(r.err, /已写入 .*：2份报告，/);
  const { readFileSync } = await import('node:fs');
  const { readSheets } = await import('../helpers/xlsx.js');
  const sheets = await readSheets(readFileSync(out));
  assert.deepEqual(
    sheets.map((x) => x.name),
    ['报告', '数据', '核对结果'],
  );
  type Row = Record<string, string | number>;
  const rows = (i: number) => sheets[i]!.rows as Row[];
  const reports = rows(0);
  assert.equal(reports.length, 3);
  assert.equal(reports[2]!.B, '淮安市人民政府');
  assert.equal(reports[2]!.F, 200, '淮安: 200 numbers');
  assert.equal(reports[2]!.G, 0, 'and no errors');
  const cells = rows(1);
  const permit = cells.find(
    (c) => String(c.A).includes('seed') && c.F === '第二十条第（五）项/行政许可' && c.G === '处理决定数量',
  );
  assert.equal(permit?.H, 126, '行政许可 126 as a number');
  const procurement = cells.find(
    (c) => String(c.A).includes('seed') && String(c.F).includes('政府集中采购') && c.G === '采购总金额',
  );
  assert.equal(procurement?.H, 0.6579);
  assert.ok(
    cells.some((c) => String(c.A).includes('seed') && c.H === undefined),
    'a blank cell of the seed is exported blank, not 0',
  );
  const findings = rows(2);
  assert.ok(findings.some((f) => f.D === 'row_short' && f.E === '警告'));

  const csv = await run([
    'report',
    'export',
    join(CORPUS, 'real-full/001.txt'),
    '--to',
    'csv',
    '--table',
    'cells',
  ]);
  const lines = csv.out.replace(/\n$/, '').split('\r\n');
  assert.equal(lines[0], '\ufeff文件,机关,年度,格式,表,行,列,值,原文,来源');
  assert.equal(lines.length, 201, 'header + 200 cells');
  assert.equal(
    (await run(['report', 'export', join(CORPUS, 'seed'), '--to', 'xlsx'])).code,
    2,
    '--out is required for xlsx',
  );
  assert.equal((await run(['report', 'export', join(CORPUS, 'seed'), '--to', 'ods'])).code, 2);
});
