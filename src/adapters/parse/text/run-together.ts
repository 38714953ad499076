/**
 * Splitting digit strings whose cells were run together by the publisher ("6000017" = 6,0,0,0,0,1,7).
 * The split is accepted only when exactly one split satisfies the row's arithmetic (e.g. 总计 = Σ applicant
 * columns); otherwise the caller reports the row as ambiguous instead of guessing.
 *
 * The search is dynamic programming over the row's constraints, never an enumeration of every split: a cell has
 * at most MAX_CELL_DIGITS digits, a row's arithmetic is a sequence of blocks (addends followed by their total),
 * and the number of ways from each position is memoised. Time grows linearly with the run's length; a run longer
 * than MAX_RUN_DIGITS is not searched at all (the caller reports it as ambiguous).
 */

/** A row's arithmetic: `blocks` groups, each `addends` numbers followed by their total. */
export interface SplitCheck {
  addends: number;
  blocks: number;
}

/** Section 三 row: the 7th number (总计) is the sum of the six applicant columns. */
export const s3RowCheck: SplitCheck = { addends: 6, blocks: 1 };

/** Section 四 row: three groups of five, each 总计 = the sum of the first four. */
export const s4RowCheck: SplitCheck = { addends: 4, blocks: 3 };

/** No count in an annual report reaches a billion: longer cells are not considered. */
export const MAX_CELL_DIGITS = 9;

/** Longer runs are not searched (no row of the formats has that many digits). */
export const MAX_RUN_DIGITS = 160;

/** Whether `parts` satisfies the check (used by tests and callers that verify a split). */
export function satisfies(parts: readonly number[], check: SplitCheck | null): boolean {
  if (!check) return true;
  const size = check.addends + 1;
  if (parts.length !== size * check.blocks) return false;
  for (let b = 0; b < check.blocks; b++) {
    let sum = 0;
    for (let i = 0; i < check.addends; i++) sum += parts[b * size + i]!;
    if (parts[b * size + check.addends] !== sum) return false;
  }
  return true;
}

/**
 * Up to `limit` ways of cutting `digits` into `n` numbers without leading zeros, cutting at every position in
 * `forcedCuts`, that satisfy `check` (null: any split).
 */
export function splitRunTogether(
  digits: string,
  n: number,
  check: SplitCheck | null,
  forcedCuts: ReadonlySet<number> = new Set(),
  limit = 2,
): number[][] {
  const len = digits.length;
  if (n <= 0 || len < n || len > MAX_RUN_DIGITS || len > n * MAX_CELL_DIGITS || !/^\d+$/.test(digits))
    return [];
  if (check && n !== check.blocks * (check.addends + 1)) return [];
  // nextCut[i]: the first forced cut strictly after i (a part starting at i must end there or before)
  const nextCut = new Array<number>(len + 1).fill(len);
  for (let i = len - 1; i >= 0; i--) nextCut[i] = forcedCuts.has(i + 1) ? i + 1 : nextCut[i + 1]!;
  const maxEnd = (i: number) => Math.min(len, nextCut[i]!, i + (digits[i] === '0' ? 1 : MAX_CELL_DIGITS));
  // a part may end only where the following cut is forced or free: every forced cut must be cut
  const partsFrom = (i: number): number[] => {
    const ends: number[] = [];
    for (let e = i + 1; e <= maxEnd(i); e++) ends.push(e);
    return ends;
  };
  return check ? splitBlocks(digits, check, partsFrom, limit) : splitFree(digits, n, partsFrom, limit);
}

/** Any split into n parts: memoised counts guide a search that never enters a dead branch. */
function splitFree(digits: string, n: number, partsFrom: (i: number) => number[], limit: number): number[][] {
  const len = digits.length;
  const memo = new Map<number, number>();
  const ways = (pos: number, k: number): number => {
    if (k === n) return pos === len ? 1 : 0;
    if (len - pos < n - k) return 0;
    const key = pos * (n + 1) + k;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let c = 0;
    for (const e of partsFrom(pos)) {
      c += ways(e, k + 1);
      if (c >= limit) break;
    }
    memo.set(key, Math.min(c, limit));
    return Math.min(c, limit);
  };
  const out: number[][] = [];
  const parts: number[] = [];
  const walk = (pos: number, k: number): void => {
    if (out.length >= limit) return;
    if (k === n) {
      out.push(parts.slice());
      return;
    }
    for (const e of partsFrom(pos)) {
      if (ways(e, k + 1) === 0) continue;
      parts.push(Number(digits.slice(pos, e)));
      walk(e, k + 1);
      parts.pop();
      if (out.length >= limit) return;
    }
  };
  if (ways(0, 0) > 0) walk(0, 0);
  return out;
}

/** Splits into blocks of addends followed by their total. */
function splitBlocks(
  digits: string,
  check: SplitCheck,
  partsFrom: (i: number) => number[],
  limit: number,
): number[][] {
  const len = digits.length;
  // the ways one block can be read starting at pos (capped): its numbers and where it ends
  const blockMemo = new Map<number, { parts: number[]; end: number }[]>();
  // the last block must end the run: its numbers cannot leave more digits than its remaining cells can hold
  const blockOptions = (pos: number, last: boolean): { parts: number[]; end: number }[] => {
    const hit = blockMemo.get(last ? -1 - pos : pos);
    if (hit) return hit;
    const found: { parts: number[]; end: number }[] = [];
    const parts: number[] = [];
    if (last) {
      lastBlock(pos, found);
      blockMemo.set(-1 - pos, found);
      return found;
    }
    const walk = (i: number, j: number, sum: number): void => {
      if (j === check.addends) {
        const total = String(sum);
        const e = i + total.length;
        if (e <= len && (!last || e === len) && digits.startsWith(total, i) && partsFrom(i).includes(e))
          found.push({ parts: [...parts, sum], end: e });
        return;
      }
      // what is left must hold the remaining addends and a total at least as long as the sum so far
      for (const e of partsFrom(i)) {
        const v = Number(digits.slice(i, e));
        const s = sum + v;
        if (len - e < check.addends - j - 1 + String(s).length) break;
        parts.push(v);
        walk(e, j + 1, s);
        parts.pop();
      }
    };
    walk(pos, 0, 0);
    blockMemo.set(pos, found);
    return found;
  };
  // The last block ends the run, so its total is the run's last 1–9 digits: with the total known first, a
  // partial sum above it ends the branch and the last addend is the difference (no enumeration of 9^addends
  // splits, which took ~75 ms for one 43-digit Section 三 row).
  const lastBlock = (pos: number, found: { parts: number[]; end: number }[]): void => {
    const parts: number[] = [];
    for (let t = 1; t <= MAX_CELL_DIGITS && len - t >= pos + check.addends; t++) {
      const at = len - t;
      if (!partsFrom(at).includes(len)) continue;
      const total = Number(digits.slice(at));
      const walk = (i: number, j: number, sum: number): void => {
        if (j === check.addends - 1) {
          if (partsFrom(i).includes(at) && Number(digits.slice(i, at)) === total - sum)
            found.push({ parts: [...parts, total - sum, total], end: len });
          return;
        }
        // no addend exceeds the total, so none has more digits than it: the rest must fit in t digits each
        for (const e of partsFrom(i)) {
          if (at - e < check.addends - j - 1) break;
          if (at - e > (check.addends - j - 1) * t) continue;
          const v = Number(digits.slice(i, e));
          if (sum + v > total) break;
          parts.push(v);
          walk(e, j + 1, sum + v);
          parts.pop();
        }
      };
      walk(pos, 0, 0);
    }
  };
  const countMemo = new Map<number, number>();
  const ways = (pos: number, b: number): number => {
    if (b === check.blocks) return pos === len ? 1 : 0;
    const key = pos * (check.blocks + 1) + b;
    const hit = countMemo.get(key);
    if (hit !== undefined) return hit;
    let c = 0;
    for (const o of blockOptions(pos, b === check.blocks - 1)) {
      c += ways(o.end, b + 1);
      if (c >= limit) break;
    }
    countMemo.set(key, Math.min(c, limit));
    return Math.min(c, limit);
  };
  const out: number[][] = [];
  const acc: number[] = [];
  const walk = (pos: number, b: number): void => {
    if (out.length >= limit) return;
    if (b === check.blocks) {
      out.push(acc.slice());
      return;
    }
    for (const o of blockOptions(pos, b === check.blocks - 1)) {
      if (ways(o.end, b + 1) === 0) continue;
      acc.push(...o.parts);
      walk(o.end, b + 1);
      acc.length -= o.parts.length;
      if (out.length >= limit) return;
    }
  };
  if (ways(0, 0) > 0) walk(0, 0);
  return out;
}
