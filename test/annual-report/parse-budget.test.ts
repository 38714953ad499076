/**
 * What protects the server from a report that is merely big or oddly shaped: parse time grows at most linearly
 * with the input's size (no regex or loop that is super-linear on adversarial input, no recursion per nesting
 * level). A property over sizes 0.1, 1 and 10 MB, measured as CPU time (the best of a few runs), asserted as a
 * ratio: linear parsing gives about 100× from 0.1 to 10 MB, quadratic parsing 10,000×. Not a test of absolute
 * speed (bench/ reports figures).
 */
import { type TestContext, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseReportText } from '../../src/adapters/parse/text/text-report-parser.js';
import { parseReportHtml } from '../../src/adapters/parse/html/html-report-parser.js';

const CORPUS = new URL('../fixtures/reports/', import.meta.url);
const realText = readFileSync(new URL('real-full/003.txt', CORPUS), 'utf8');
const realHtml = readFileSync(new URL('web-copies/pt-zone-2023.html', CORPUS), 'utf8');
const realBody = realHtml.slice(
  realHtml.indexOf('>', realHtml.indexOf('<body')) + 1,
  realHtml.lastIndexOf('</body>'),
);

const MB = 1_000_000;

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/** Units from `unit(i)` joined until `size` characters. */
function fill(size: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const u = unit(i);
    parts.push(u);
    n += u.length;
  }
  return parts.join('').slice(0, size);
}

/** CPU milliseconds of the best of `runs` runs (CPU time: other processes on the machine do not count). */
function cpuMs(f: () => unknown, runs: number): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    f();
    const d = process.cpuUsage(c);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

/**
 * Asserts that parsing grows at most linearly: time(10 MB) / time(0.1 MB) ≤ 150. A ratio above is measured once
 * more before failing (a garbage collection or a busy machine can slow one run; quadratic growth stays 10,000×).
 */
function assertLinear(
  t: TestContext,
  name: string,
  make: (size: number) => string,
  parse: (s: string) => unknown,
): void {
  const small = make(0.1 * MB);
  for (let i = 0; i < 5; i++) parse(small); // warm the JIT
  const measure = () => {
    const t01 = cpuMs(() => parse(small), 7);
    const t1 = cpuMs(() => parse(make(1 * MB)), 3);
    const big = make(10 * MB);
    const t10 = cpuMs(() => parse(big), 2);
    return { t01, t1, t10, ratio: t10 / Math.max(t01, 0.5) };
  };
  let m = measure();
  if (m.ratio > 150) m = measure();
  const figures =
    `${name}: 0.1 MB ${m.t01.toFixed(1)} ms, 1 MB ${m.t1.toFixed(1)} ms, 10 MB ${m.t10.toFixed(1)} ms: ` +
    `10 MB / 0.1 MB = ${m.ratio.toFixed(0)}× (linear ≈ 100×)`;
  t.diagnostic(figures);
  assert.ok(m.ratio <= 150, figures);
}

test('text reports: parse time grows at most linearly with size up to 10 MB (random tokens of a real report)', (t) => {
  const rnd = lcg(1);
  const tokens = realText.split(/(\s+)/);
  assertLinear(
    t,
    'text',
    (size) => fill(size, () => tokens[Math.floor(rnd() * tokens.length)]!),
    (s) => parseReportText(s),
  );
});

test('HTML reports: parse time grows at most linearly with size up to 10 MB (real tables, nesting up to 150)', (t) => {
  const nested = `${'<div>'.repeat(150)}${'<span>总计</span>'.repeat(3)}${'</div>'.repeat(150)}`;
  assertLinear(
    t,
    'HTML',
    (size) => `<html><body>${fill(size, (i) => (i % 5 === 4 ? nested : realBody))}</body></html>`,
    (s) => parseReportHtml(s),
  );
});

test('run-together digits: parse time grows at most linearly with size up to 10 MB (a line of digits in Section 四)', (t) => {
  const rnd = lcg(2);
  assertLinear(
    t,
    'digits',
    (size) =>
      `四、政府信息公开行政复议、行政诉讼情况\n${fill(size, (i) =>
        i % 200 === 199 ? '\n' : String(Math.floor(rnd() * 1e9)),
      )}\n五、存在的主要问题及改进情况`,
    (s) => parseReportText(s),
  );
});

test('shapes that were quadratic parse in linear time: a whitespace run, a row of empty cells, bare labels', (t) => {
  // each took seconds at 0.1–1 MB before: `/[#\s]+$/` on a section, Array.shift per empty cell, a label
  // search rescanning the text (and recursing) for every bare 总计
  const shapes: Record<string, (size: number) => string> = {
    'spaces before a section': (n) => `一、总体情况\n${' '.repeat(n)}x\n二、主动公开政府信息情况`,
    'empty cells in Section 四': (n) => `四、政府信息公开行政复议、行政诉讼情况\n${'\t'.repeat(n)}1\t2\t3`,
    'bare 总计 in Section 三': (n) => `三、收到和处理政府信息公开申请情况\n${'总计'.repeat(n / 2)}`,
    'labels inside sentences': (n) => 'x予以公开（'.repeat(n / 6),
    'page furniture lines': (n) => '- 1 -\n'.repeat(n / 6),
  };
  for (const [name, make] of Object.entries(shapes)) {
    const small = make(0.1 * MB);
    parseReportText(small);
    const t01 = cpuMs(() => parseReportText(small), 5);
    const big = make(2 * MB);
    const t2 = cpuMs(() => parseReportText(big), 2);
    // linear ≈ 20×, quadratic ≈ 400×
    const figures = `${name}: 0.1 MB ${t01.toFixed(1)} ms, 2 MB ${t2.toFixed(1)} ms`;
    t.diagnostic(figures);
    assert.ok(t2 / Math.max(t01, 0.5) <= 60, figures);
  }
});
