/**
 * Two real reports in the five forms users paste (test/fixtures/reports/web-copies, with their truth): the page's
 * HTML, its text, a browser's innerText copy (one cell per line), a select-all copy, and the printed PDF. Every
 * form reads to the truth's cells, or names exactly the cells it could not place — never a number in a wrong
 * cell, never a blank read as 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readAndCheckReport } from '../../src/app/reports/check-report.js';
import { defaultReportParsers } from '../../src/adapters/parse/report-parsers.js';
import { cellKey, indexCells } from '../../src/core/annual-report/report-model.js';

const DIR = new URL('../fixtures/reports/web-copies/', import.meta.url);

for (const base of ['pt-zone-2023', 'pt-jinjing-2023']) {
  const truth = JSON.parse(readFileSync(new URL(`${base}.truth.json`, DIR), 'utf8')) as {
    file: string;
    also: string[];
    cells: [string, string, string, number | null][];
  };
  for (const file of [truth.file, ...truth.also])
    test(`web copy ${file}: every cell as the truth has it, or named as not placed; no blank read as 0; no slide`, async () => {
      const r = await readAndCheckReport(defaultReportParsers, file, readFileSync(new URL(file, DIR)), {
        check: true,
      });
      assert.equal(r.unreadable, false);
      const got = indexCells(r.report.cells);
      const named = (row: string) =>
        r.findings.some(
          (f) =>
            (f.code === 'row_short' || f.code === 'row_split_ambiguous') &&
            f.cells.some((c) => c.row === row),
        );
      let right = 0;
      const unplaced: string[] = [];
      for (const [table, row, column, value] of truth.cells) {
        const c = got.get(cellKey(table as '三', row, column));
        if (!c) {
          assert.ok(named(row), `${table}「${row}」「${column}」is missing and no finding names it`);
          unplaced.push(`${row}/${column}`);
          continue;
        }
        assert.equal(c.value, value, `${table}「${row}」「${column}」: read ${c.value}, truth ${value}`);
        right++;
      }
      assert.ok(
        right >= truth.cells.length - 7,
        `${right} of ${truth.cells.length} right; not placed: ${unplaced.join(' ')}`,
      );
      assert.ok(
        !r.findings.some(
          (f) => f.code === 'row_missing' && unplaced.some((u) => u.startsWith(`${f.cells[0]?.row}/`)),
        ),
        'a row read but not placed is not reported again as missing',
      );
    });
}
