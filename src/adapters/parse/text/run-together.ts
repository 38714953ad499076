/**
 * Splitting digit strings whose cells were run together by the publisher ("6000017" = 6,0,0,0,0,1,7).
 * The split is accepted only when exactly one split satisfies the row's arithmetic (e.g. 总计 = Σ applicant
 * columns); otherwise the caller reports the row as ambiguous instead of guessing.
 */

/** Arithmetic a split must satisfy; receives the parts as numbers. */
export type SplitCheck = (parts: number[]) => boolean;

/** Section 三 row: the 7th number is the sum of the first six. */
export const s3RowCheck: SplitCheck = (p) => p[6] === p[0]! + p[1]! + p[2]! + p[3]! + p[4]! + p[5]!;

/** Section 四 row: three groups of five, each 总计 = the sum of the first four. */
export const s4RowCheck: SplitCheck = (p) => {
  for (let g = 0; g < 15; g += 5) if (p[g + 4] !== p[g]! + p[g + 1]! + p[g + 2]! + p[g + 3]!) return false;
  return true;
};

/**
 * All ways (up to `limit`) of cutting `digits` into `n` numbers without leading zeros,
 * cutting at every position in `forcedCuts`, that satisfy `check`.
 */
export function splitRunTogether(
  digits: string,
  n: number,
  check: SplitCheck,
  forcedCuts: ReadonlySet<number> = new Set(),
  limit = 2,
): number[][] {
  const out: number[][] = [];
  const len = digits.length;
  if (n <= 0 || len < n || len > 64) return out;
  const parts: number[] = [];
  const rec = (pos: number, k: number): void => {
    if (out.length >= limit) return;
    if (k === n - 1) {
      for (const c of forcedCuts) if (c > pos && c < len) return;
      if (len - pos > 1 && digits[pos] === '0') return;
      if (len - pos > 15) return;
      parts.push(Number(digits.slice(pos)));
      if (check(parts)) out.push(parts.slice());
      parts.pop();
      return;
    }
    // the next part ends at e (exclusive); it must leave at least n-k-1 digits
    const maxEnd = len - (n - k - 1);
    for (let e = pos + 1; e <= maxEnd; e++) {
      if (e - pos > 1 && digits[pos] === '0') break;
      if (e - pos > 15) break;
      let crosses = false;
      for (const c of forcedCuts)
        if (c > pos && c < e) {
          crosses = true;
          break;
        }
      if (crosses) break;
      parts.push(Number(digits.slice(pos, e)));
      rec(e, k + 1);
      parts.pop();
      if (out.length >= limit) return;
    }
  };
  rec(0, 0);
  return out;
}
