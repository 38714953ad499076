/**
 * The budgets of a parse of untrusted input (adapters/parse/parse-limits.ts, parse-job.ts, parse-pool.ts): size,
 * PDF pages, nesting, unzipped size, time and memory. Each exceeded budget is one clear Chinese finding
 * ("报告过大或过于复杂，已停止读取：…"), never a throw; a worker lost to a budget is replaced; the pool never keeps
 * a process alive.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { parseReportPdf } from '../../src/adapters/parse/pdf/pdf-report-parser.js';
import { parseReportHtml } from '../../src/adapters/parse/html/html-report-parser.js';
import { parseReportDocx } from '../../src/adapters/parse/docx/docx-report-parser.js';
import { LIMIT_MESSAGE } from '../../src/adapters/parse/parse-limits.js';
import { type ParseJobResult, runParseJob } from '../../src/adapters/parse/parse-job.js';
import { createParsePool } from '../../src/adapters/parse/parse-pool.js';
import { docxBomb, manyPagePdf, nestedDivs } from '../helpers/hostile-inputs.js';

const CORPUS = new URL('../fixtures/reports/', import.meta.url);
const enc = (s: string) => new TextEncoder().encode(s);

function limitMessage(r: { findings: { code: string; message: string }[] }): string | undefined {
  return r.findings.find((f) => f.code === 'input_unreadable' && f.message.startsWith(LIMIT_MESSAGE))
    ?.message;
}

/** 6 million characters (about 15 MB) of a real report's words in random order: a parse of about half a second. */
function bigText(): string {
  const words = readFileSync(new URL('real-full/003.txt', CORPUS), 'utf8').split(/(\s+)/);
  let s = 20240304;
  const parts: string[] = [];
  for (let n = 0; n < 6_000_000; ) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const w = words[s % words.length]!;
    parts.push(w);
    n += w.length;
  }
  return parts.join('');
}

test('a PDF of more than 200 pages is not read: a 20,000-page PDF (5.5 MB, took over 120 s) stops at once', async () => {
  const t = performance.now();
  const r = await parseReportPdf(manyPagePdf(20_000));
  assert.match(limitMessage(r) ?? '', /PDF共20000页，超过200页的上限/);
  assert.ok(performance.now() - t < 10_000);
  // a short PDF is read
  const short = await parseReportPdf(manyPagePdf(3));
  assert.equal(limitMessage(short), undefined);
  assert.ok(!short.findings.some((f) => f.code === 'input_unreadable'));
});

test('HTML nested deeper than 200 elements is not read: 100,000 nested <div> (took 21–31 s) stop at once', () => {
  const t = performance.now();
  const r = parseReportHtml(nestedDivs(100_000));
  assert.match(limitMessage(r) ?? '', /元素嵌套超过200层/);
  assert.ok(performance.now() - t < 1000);
  // 199 levels (html, body and 197 div) are read, and without recursion (10,000 overflowed the stack before)
  const ok = parseReportHtml(nestedDivs(197));
  assert.equal(limitMessage(ok), undefined);
  assert.ok(ok.report.sections.四 !== null);
  assert.equal(limitMessage(parseReportHtml(nestedDivs(10_000), { maxDepth: 20_000 })), undefined);
});

test('a DOCX that unzips to more than twice the size limit is not opened (100 KB that unzip to 100 MB)', async () => {
  const bomb = docxBomb(100);
  assert.ok(bomb.length < 1_000_000);
  const r = await parseReportDocx(bomb);
  assert.match(limitMessage(r) ?? '', /DOCX文件解压后超过40 MB的上限/);
});

test('input over the size limit is not read at all, in-process or in the pool', async () => {
  const r = await runParseJob({
    kind: 'text',
    bytes: enc('一'.repeat(1000)),
    check: true,
    limits: { maxBytes: 1000 },
  });
  assert.match(limitMessage(r) ?? '', /文件有2\.9 MB|超过/);
  const pool = createParsePool({ maxBytes: 1000 });
  try {
    const p = await pool.run({ kind: 'html', bytes: new Uint8Array(5000), check: true });
    assert.match(limitMessage(p) ?? '', /超过1000 B|上限/);
    assert.equal(pool.stats.started, 0, 'no worker was started for it');
  } finally {
    await pool.close();
  }
});

test('the parse pool reads and checks a report in a worker thread exactly as in-process', async () => {
  const pool = createParsePool();
  try {
    for (const [file, kind] of [
      ['real-full/003.txt', 'text'],
      ['web-copies/pt-zone-2023.html', 'html'],
      ['real-full/001.pdf', 'pdf'],
    ] as const) {
      const bytes = new Uint8Array(readFileSync(new URL(file, CORPUS)));
      const [inWorker, inProcess] = await Promise.all([
        pool.run({ kind, bytes, check: true }),
        runParseJob({ kind, bytes, check: true }),
      ]);
      assert.deepEqual(inWorker, inProcess, file);
      assert.ok(inWorker.report.cells.length > 50, file);
    }
  } finally {
    await pool.close();
  }
});

test('a parse over the time budget ends with a finding, and a new worker replaces the one stopped', async () => {
  const pool = createParsePool({ timeMs: 150, workers: 1 });
  try {
    const slow = await pool.run({ kind: 'text', bytes: enc(bigText()), check: true });
    assert.match(limitMessage(slow) ?? '', /读取超过0\.15秒的时间上限/);
    assert.equal(pool.stats.timedOut, 1);
    assert.equal(pool.stats.started, 2, 'a replacement worker was started');
    const next = await pool.run({ kind: 'text', bytes: enc('一、总体情况\n2020年，本机关…'), check: true });
    assert.equal(limitMessage(next), undefined);
    assert.equal(pool.stats.started, 2, 'the replacement took the next job');
  } finally {
    await pool.close();
  }
});

test('a parse over the memory budget ends with a finding, and the worker is replaced', async () => {
  // 16 MB of heap loads the parsers and reads an ordinary report, not 15 MB of text
  const pool = createParsePool({ memoryMb: 16, workers: 1, timeMs: 30_000 });
  try {
    const small = () => pool.run({ kind: 'text', bytes: enc('一、总体情况'), check: true });
    assert.equal(limitMessage(await small()), undefined);
    const r = await pool.run({ kind: 'text', bytes: enc(bigText()), check: true });
    assert.match(limitMessage(r) ?? '', /读取所需内存超过16 MB的上限/);
    assert.equal(pool.stats.lost, 1);
    assert.equal(pool.stats.started, 2, 'a replacement worker was started');
    assert.equal(limitMessage(await small()), undefined);
  } finally {
    await pool.close();
  }
});

test('jobs beyond the waiting limit are answered "busy" at once; close() lets running jobs finish', async () => {
  const pool = createParsePool({ workers: 1, maxQueue: 1 });
  const text = enc(readFileSync(new URL('real-full/003.txt', CORPUS), 'utf8'));
  const jobs = [0, 1, 2].map(() => pool.run({ kind: 'text', bytes: text, check: true }));
  const third = await jobs[2]!;
  assert.match(third.findings[0]!.message, /核对服务繁忙/);
  const closing = pool.close();
  const [first, second] = (await Promise.all(jobs.slice(0, 2))) as [ParseJobResult, ParseJobResult];
  await closing;
  assert.ok(first.report.cells.length > 50, 'the running job finished');
  assert.match(second.findings[0]!.message, /核对服务已关闭/);
  assert.match((await pool.run({ kind: 'text', bytes: text, check: true })).findings[0]!.message, /已关闭/);
});

test('the parse pool never keeps a process alive: a script that never closes it still exits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-pool-'));
  const script = join(dir, 'uses-pool.mts');
  const pool = pathToFileURL(
    new URL('../../src/adapters/parse/parse-pool.ts', import.meta.url).pathname,
  ).href;
  writeFileSync(
    script,
    `import { sharedParsePool } from ${JSON.stringify(pool)};\n` +
      `const r = await sharedParsePool().run({ kind: 'text', bytes: new TextEncoder().encode('一、总体情况'), check: true });\n` +
      `console.log('findings', r.findings.length);\n`,
  );
  const t = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
    cwd: new URL('../..', import.meta.url).pathname,
    timeout: 30_000,
  });
  assert.match(stdout, /findings \d+/);
  assert.ok(performance.now() - t < 30_000);
});
