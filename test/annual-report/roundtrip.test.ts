/**
 * Rendering then parsing a report gives back the same report, for randomly generated reports of both formats.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReportText } from '../../src/adapters/parse/text/text-report-parser.js';
import { parseReportHtml } from '../../src/adapters/parse/html/html-report-parser.js';
import { parseReportJson } from '../../src/adapters/parse/report-parsers.js';
import { renderReportMarkdown, renderReportText } from '../../src/adapters/render/text-report-renderer.js';
import { renderReportHtml } from '../../src/adapters/render/html-report-renderer.js';
import { renderReportJson } from '../../src/adapters/render/json-report-renderer.js';
import type { AnnualReport } from '../../src/core/annual-report/report-model.js';
import { randomReport } from '../helpers/random-report.js';

const strip = (r: AnnualReport) => ({
  format: r.format,
  year: r.year,
  organ: r.organ,
  cells: r.cells.map((c) => ({ table: c.table, row: c.row, column: c.column, value: c.value, raw: c.raw })),
  一: r.sections.一?.replace(/\s+/g, ''),
  五: r.sections.五?.replace(/\s+/g, ''),
  六: r.sections.六?.replace(/\s+/g, ''),
});

const N = 150;

for (const [name, render, parse] of [
  ['text', renderReportText, (s: string) => parseReportText(s)],
  ['markdown', renderReportMarkdown, (s: string) => parseReportText(s)],
  ['html', renderReportHtml, (s: string) => parseReportHtml(s)],
  ['json', (r: AnnualReport) => renderReportJson(r, []), (s: string) => parseReportJson(s)],
] as const) {
  test(`render as ${name} then parse gives the same report (${N} random reports, both formats)`, () => {
    for (let seed = 1; seed <= N; seed++) {
      const rep = randomReport(seed);
      const out = parse(render(rep));
      assert.deepEqual(strip(out.report), strip(rep), `seed ${seed} (${rep.format})`);
    }
  });
}

test('the HTML renderer uses the official spans (三、本年度办理结果 rowspan 22 in 2021, 20 in 2019)', () => {
  assert.match(renderReportHtml(randomReport(1, '2021')), /<th rowspan="22">三、本年度办理结果<\/th>/);
  assert.match(renderReportHtml(randomReport(1, '2019-trial')), /<th rowspan="20">三、本年度办理结果<\/th>/);
  const h = renderReportHtml(randomReport(2, '2021'));
  assert.match(
    h,
    /<th rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<\/th>/,
  );
  assert.match(h, /<th colspan="5">法人或其他组织<\/th>/);
  assert.match(h, /<th rowspan="8">（三）不予公开<\/th>/);
  assert.match(h, /<th colspan="10">行政诉讼<\/th>/);
});

test('the HTML renderer escapes text', () => {
  const r = randomReport(3);
  r.organ = '<script>alert(1)</script>';
  r.title = null;
  r.sections.一 = '一、总体情况\n<img src=x onerror=alert(1)>';
  const h = renderReportHtml(r);
  assert.ok(!h.includes('<script>alert'));
  assert.ok(!h.includes('<img'));
});
