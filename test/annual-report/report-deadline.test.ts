/** 条例第四十九条: when an organ's annual report is due. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportDeadline } from '../../src/core/annual-report/report-deadline.js';
import type { Organ } from '../../src/core/entities.js';

test('条例第四十九条: 县级以上地方人民政府 by 3月31日, 部门 by 1月31日; a deadline the supervisor set wins (townships)', () => {
  const rows: { kind: Organ['kind']; set: string | null; year: number; due: string }[] = [
    { kind: 'government', set: null, year: 2024, due: '2024-03-31' },
    { kind: 'department', set: null, year: 2024, due: '2024-01-31' },
    { kind: 'office', set: null, year: 2025, due: '2025-01-31' },
    { kind: 'township', set: null, year: 2024, due: '2024-01-31' },
    { kind: 'township', set: '02-20', year: 2024, due: '2024-02-20' },
    { kind: 'government', set: '02-29', year: 2024, due: '2024-02-29' },
    { kind: 'department', set: '03-15', year: 2026, due: '2026-03-15' },
  ];
  for (const r of rows)
    assert.equal(
      reportDeadline({ kind: r.kind, reportDeadline: r.set }, r.year),
      r.due,
      `${r.kind} ${r.set ?? '默认'} ${r.year}`,
    );
});
