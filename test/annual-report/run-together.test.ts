/**
 * The run-together splitter (src/adapters/parse/text/run-together.ts): the same answers as trying every split,
 * without trying every split (a 28-digit Section 四 run froze the server for 10 s when it did).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type SplitCheck,
  MAX_CELL_DIGITS,
  s3RowCheck,
  s4RowCheck,
  satisfies,
  splitRunTogether,
} from '../../src/adapters/parse/text/run-together.js';
import { parseReportText } from '../../src/adapters/parse/text/text-report-parser.js';

/** Every split of `digits` into `n` cells (no leading zeros, at most 9 digits, cut at every forced cut). */
function everySplit(digits: string, n: number, check: SplitCheck | null, cuts: Set<number>): number[][] {
  const out: number[][] = [];
  const parts: number[] = [];
  const rec = (pos: number): void => {
    if (parts.length === n) {
      if (pos === digits.length && satisfies(parts, check)) out.push(parts.slice());
      return;
    }
    for (let e = pos + 1; e <= Math.min(digits.length, pos + MAX_CELL_DIGITS); e++) {
      if (digits[pos] === '0' && e > pos + 1) break;
      if (e > pos + 1 && cuts.has(e - 1)) break;
      // the cells still to come need a digit each
      if (digits.length - e < n - parts.length - 1) break;
      parts.push(Number(digits.slice(pos, e)));
      rec(e);
      parts.pop();
    }
  };
  rec(0);
  return out;
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

test('run-together splitting finds exactly the splits that trying every split finds (generated Section 三 and 四 rows)', () => {
  const rnd = lcg(20240304);
  const key = (x: number[]) => x.join(',');
  let compared = 0;
  for (const [check, n, limit] of [
    [s4RowCheck, 15, 2],
    [s3RowCheck, 7, 400],
    [s3RowCheck, 7, 2],
    [null, 5, 2],
    [null, 7, 3],
  ] as const) {
    for (let t = 0; t < 800; t++) {
      let digits = '';
      const kind = rnd();
      if (kind < 0.6) {
        // a row that satisfies its arithmetic, its cells run together
        const nums: number[] = [];
        if (check)
          for (let b = 0; b < check.blocks; b++) {
            let sum = 0;
            for (let i = 0; i < check.addends; i++) {
              const v = rnd() < 0.7 ? Math.floor(rnd() * 3) : Math.floor(rnd() ** 3 * 60);
              nums.push(v);
              sum += v;
            }
            nums.push(sum);
          }
        else for (let i = 0; i < n; i++) nums.push(Math.floor(rnd() ** 3 * 300));
        digits = nums.join('');
      } else {
        // zeros and ones (many splits) or random digits (usually none)
        const len = n + Math.floor(rnd() * (n > 10 ? 5 : 8));
        for (let i = 0; i < len; i++)
          digits +=
            kind < 0.8
              ? rnd() < 0.6
                ? '0'
                : String(1 + Math.floor(rnd() * 2))
              : String(Math.floor(rnd() * 10));
      }
      // trying every split is exponential: short rows only
      if (digits.length > n + (n > 10 ? 4 : 7)) continue;
      const cuts = new Set<number>();
      if (rnd() < 0.3) for (let k = 0; k < 3; k++) cuts.add(1 + Math.floor(rnd() * (digits.length - 1)));
      const all = everySplit(digits, n, check, cuts);
      const got = splitRunTogether(digits, n, check, cuts, limit);
      const allKeys = new Set(all.map(key));
      assert.equal(got.length, Math.min(limit, all.length), `${digits} cut at ${[...cuts]}: how many splits`);
      assert.equal(new Set(got.map(key)).size, got.length, `${digits}: splits repeated`);
      for (const g of got) assert.ok(allKeys.has(key(g)), `${digits}: ${g} is not a split of it`);
      compared++;
    }
  }
  assert.ok(compared > 2000, `${compared} rows compared`);
});

test('a 28-digit and a 60-digit Section 四 run are answered in milliseconds, not by trying every split (was 10 s)', () => {
  for (const len of [28, 60]) {
    const digits = '1'.repeat(len);
    const t = performance.now();
    const r = parseReportText(
      `四、政府信息公开行政复议、行政诉讼情况\n${digits}\n五、存在的主要问题及改进情况\n无`,
    );
    const ms = performance.now() - t;
    assert.ok(ms < 500, `${len} digits took ${ms.toFixed(0)} ms`);
    assert.ok(r.findings.length > 0);
  }
  // every run length a row can have, in the shapes with the most splits: bounded work for each
  const t = performance.now();
  for (const [check, n] of [
    [s4RowCheck, 15],
    [s3RowCheck, 7],
  ] as const)
    for (let len = n; len <= n * MAX_CELL_DIGITS; len++)
      for (const unit of ['1', '9', '10', '11112', '12345'])
        splitRunTogether(unit.repeat(len).slice(0, len), n, check, new Set(), check === s3RowCheck ? 400 : 2);
  const ms = performance.now() - t;
  assert.ok(ms < 10_000, `all lengths took ${ms.toFixed(0)} ms`);
});

test('a split that satisfies every block of Section 四 is read; one that satisfies none is refused', () => {
  // 行政复议 1+0+0+0=1, 直接起诉 0+0+0+0=0, 复议后起诉 2+1+0+0=3
  const row = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 1, 0, 0, 3];
  assert.deepEqual(splitRunTogether(row.join(''), 15, s4RowCheck), [row]);
  assert.deepEqual(splitRunTogether('100020000000000', 15, s4RowCheck), []);
  // longer than any row can be: not searched at all
  assert.deepEqual(splitRunTogether('1'.repeat(200), 15, s4RowCheck), []);
});
