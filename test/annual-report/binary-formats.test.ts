/**
 * DOCX and PDF inputs: the DOCX parser reads back what the DOCX renderer wrote; the PDF parser reads the real
 * published 淮安 PDF to exactly the numbers of its text layer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderReportDocx } from '../../src/adapters/render/docx-report-renderer.js';
import { parseReportDocx } from '../../src/adapters/parse/docx/docx-report-parser.js';
import { parseReportPdf } from '../../src/adapters/parse/pdf/pdf-report-parser.js';
import { parseReportText } from '../../src/adapters/parse/text/text-report-parser.js';
import { validateReport } from '../../src/core/annual-report/validate-report.js';
import { randomReport } from '../helpers/random-report.js';

const CORPUS = new URL('../fixtures/reports/', import.meta.url);
const cellsOf = (r: {
  cells: { table: string; row: string; column: string; value: number | null; raw: string }[];
}) => r.cells.map((c) => `${c.table}|${c.row}|${c.column}|${c.value}|${c.raw}`);

test('DOCX: render then parse gives the same cells (both formats), every cell sourced to its element', async () => {
  for (const seed of [5, 6, 7, 8]) {
    const rep = randomReport(seed);
    const out = await parseReportDocx(await renderReportDocx(rep));
    assert.deepEqual(cellsOf(out.report), cellsOf(rep), `seed ${seed}`);
    assert.equal(out.report.year, rep.year);
    assert.equal(out.report.organ, rep.organ);
    assert.ok(out.report.cells.every((c) => c.source?.element?.startsWith('table[')));
  }
});

test('DOCX: a file that is not a DOCX is an unreadable input, not an exception', async () => {
  const r = await parseReportDocx(new Uint8Array([1, 2, 3]));
  assert.equal(r.findings[0]!.code, 'input_unreadable');
});

test('PDF: the published 淮安市人民政府 2024 report reads to the numbers of its text layer and passes every rule', async () => {
  const pdf = await parseReportPdf(readFileSync(new URL('real-full/001.pdf', CORPUS)));
  const txt = parseReportText(readFileSync(new URL('real-full/001.txt', CORPUS), 'utf8'));
  assert.equal(pdf.report.cells.length, 200);
  assert.deepEqual(
    pdf.report.cells.map((c) => `${c.table}|${c.row}|${c.column}|${c.value}`),
    txt.report.cells.map((c) => `${c.table}|${c.row}|${c.column}|${c.value}`),
  );
  assert.equal(pdf.report.organ, '淮安市人民政府');
  assert.equal(pdf.report.year, 2024);
  assert.deepEqual(
    validateReport(pdf.report).filter((f) => f.severity !== 'info'),
    [],
  );
});

test('PDF: bytes that are not a PDF are an unreadable input', async () => {
  const r = await parseReportPdf(new TextEncoder().encode('not a pdf'));
  assert.equal(r.findings[0]!.code, 'input_unreadable');
});

test('PDF: a report printed by gongkai (Chromium) reads back to the same numbers, radicals and wrapped labels included', async () => {
  const { printPdf, closePdfPrinter } = await import('../../src/adapters/render/pdf-printer.js');
  const { renderReportHtml } = await import('../../src/adapters/render/html-report-renderer.js');
  try {
    for (const seed of [21, 22, 23]) {
      const rep = randomReport(seed);
      const back = await parseReportPdf(await printPdf(renderReportHtml(rep)));
      // Section 四 is a single data row: in a PDF a blank cell there leaves no trace of its column (see the note)
      const numbers = (r: typeof rep) =>
        r.cells
          .filter((c) => c.value !== null && c.table !== '四')
          .map((c) => `${c.table}|${c.row}|${c.column}|${c.value}`);
      assert.deepEqual(numbers(back.report), numbers(rep), `seed ${seed} (${rep.format})`);
      assert.equal(back.report.organ, rep.organ);
      assert.equal(back.report.year, rep.year);
    }
  } finally {
    await closePdfPrinter();
  }
});
