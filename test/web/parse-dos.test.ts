/**
 * Denial of service through the report check, over a real listening server and real HTTP: a ~200-byte POST with a
 * 28-digit run in Section 四 froze the server for 10 s (the run-together splitter tried every split), and big
 * ordinary inputs (100,000 nested <div>, a 3.9 MB line of digits) blocked the event loop for 10–31 s, so /healthz
 * timed out. Reports are now read in worker threads within budgets (adapters/parse/parse-pool.ts).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type TestApp, testApp } from '../helpers/test-app.js';
import { digitLine, nestedDivs, section4Run } from '../helpers/hostile-inputs.js';
import { sharedParsePool } from '../../src/adapters/parse/parse-pool.js';

const SEED = readFileSync(
  new URL('../fixtures/reports/seed/000_b24edaa19e85be6d.txt', import.meta.url),
  'utf8',
);

let t: TestApp;
let base = '';

before(async () => {
  t = await testApp({ cases: false, reportCheckPerMinute: 1000 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  // the first check starts the worker thread (it loads the parsers through tsx, about a second): not measured
  await postReport(SEED);
  for (let i = 0; i < 3; i++) await fetch(`${base}/healthz`).then((r) => r.text());
});

after(async () => {
  await t.close();
});

async function postReport(body: string, type = 'text/plain') {
  const start = performance.now();
  const res = await fetch(`${base}/api/v1/reports/check`, {
    method: 'POST',
    headers: { 'content-type': `${type}; charset=utf-8` },
    body,
  });
  const text = await res.text();
  return { status: res.status, ms: performance.now() - start, text };
}

test('a 28-digit and a 60-digit run in Section 四 posted to /api/v1/reports/check each answer within 1 s (took 10 s)', async () => {
  for (const n of [28, 60]) {
    const body = section4Run('1'.repeat(n));
    assert.ok(Buffer.byteLength(body) < 300, 'a ~200-byte request');
    const r = await postReport(body);
    assert.equal(r.status, 200);
    assert.ok(r.ms < 1000, `${n} digits answered in ${r.ms.toFixed(0)} ms`);
    const json = JSON.parse(r.text) as { findings: { code: string }[] };
    assert.ok(json.findings.length > 0);
  }
});

test('the same runs pasted into /nianbao/check each answer within 1 s', async () => {
  const page = await fetch(`${base}/nianbao/check`);
  const cookie = (page.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  for (const n of [28, 60]) {
    const start = performance.now();
    const res = await fetch(`${base}/nianbao/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: csrf, text: section4Run('1'.repeat(n)) }).toString(),
    });
    const html = await res.text();
    const ms = performance.now() - start;
    assert.equal(res.status, 200, html.slice(0, 200));
    assert.ok(ms < 1000, `${n} digits answered in ${ms.toFixed(0)} ms`);
  }
});

/**
 * The client of the hostile check: a separate Node process (as real clients are) that sends one body from a file,
 * to the API as a text/HTML body or to the page as an uploaded file, and until the answer arrives GETs /healthz
 * every few milliseconds; it prints each health check (when it was sent, in epoch milliseconds, and how long it
 * took) as JSON. In a separate process its own work (encoding megabytes, garbage collection) is not counted
 * against the server's event loop.
 */
const CLIENT = `
import { readFileSync } from 'node:fs';
const [base, file, type, via] = process.argv.slice(1);
const body = readFileSync(file);
const now = () => performance.timeOrigin + performance.now();
// this process's first requests are slow (connection, JIT): not measured
for (let i = 0; i < 3; i++) await (await fetch(base + '/healthz')).arrayBuffer();
let send;
if (via === 'page') {
  const page = await fetch(base + '/nianbao/check');
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
  const form = new FormData();
  form.append('_csrf', csrf);
  form.append('file', new Blob([body]), type === 'text/html' ? 'report.html' : 'report.txt');
  send = () => fetch(base + '/nianbao/check', { method: 'POST', headers: { cookie }, body: form });
} else
  send = () => fetch(base + '/api/v1/reports/check', { method: 'POST', headers: { 'content-type': type + '; charset=utf-8' }, body });
let done = false;
const start = now();
const answer = send()
  .then(async (res) => ({ status: res.status, text: await res.text(), ms: now() - start }))
  .finally(() => { done = true; });
const checks = [];
while (!done) {
  const at = now();
  const res = await fetch(base + '/healthz');
  await res.arrayBuffer();
  checks.push({ at, ms: res.status === 200 ? now() - at : Infinity });
  await new Promise((r) => setTimeout(r, 5));
}
const a = await answer;
console.log(JSON.stringify({ status: a.status, ms: a.ms, checks, nested: a.text.includes('元素嵌套超过200层'), limited: a.text.includes('报告过大或过于复杂') }));
`;

const epoch = () => performance.timeOrigin + performance.now();

/**
 * One hostile check with health checks alongside; `during` are the health checks sent while the report was in a
 * parse worker (this process watches the pool), `all` every one, from the upload to the answer.
 */
async function healthWhileChecking(body: string, type: string, via: 'api' | 'page') {
  const file = join(mkdtempSync(join(tmpdir(), 'gk-dos-')), 'body');
  writeFileSync(file, body);
  let from = Infinity;
  let to = Infinity;
  const watch = setInterval(() => {
    const running = sharedParsePool().running > 0;
    if (running && from === Infinity) from = epoch();
    if (!running && from !== Infinity && to === Infinity) to = epoch();
  }, 1);
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', CLIENT, base, file, type, via],
      { timeout: 60_000, maxBuffer: 1 << 20 },
    );
    const r = JSON.parse(stdout) as {
      status: number;
      ms: number;
      checks: { at: number; ms: number }[];
      nested: boolean;
      limited: boolean;
    };
    const during = r.checks.filter((c) => c.at >= from && c.at + c.ms <= to).map((c) => c.ms);
    return { ...r, all: r.checks.map((c) => c.ms), during, parseMs: to - from };
  } finally {
    clearInterval(watch);
  }
}

test('while 100,000 nested <div>, a 3.9 MB or 5 MB line of digits or 3.9 MB of HTML is parsed, every GET /healthz answers within 50 ms', async (c) => {
  const html = readFileSync(
    new URL('../fixtures/reports/web-copies/pt-zone-2023.html', import.meta.url),
    'utf8',
  );
  const tables = html.slice(html.indexOf('<table'), html.lastIndexOf('</table>') + 8);
  const cases = [
    // stopped at the nesting cap within milliseconds
    ['100,000 nested <div> posted to the API', nestedDivs(100_000), 'text/html', 'api'],
    [
      'a 3.9 MB line of digits in Section 四 posted to the API',
      section4Run(digitLine(3_900_000)),
      'text/plain',
      'api',
    ],
    [
      'a 5 MB line of digits uploaded to /nianbao/check',
      section4Run(digitLine(5_000_000)),
      'text/plain',
      'page',
    ],
    [
      '3.9 MB of real report tables uploaded as HTML',
      `<html><body>${tables.repeat(Math.floor(3_900_000 / tables.length / 3))}</body></html>`,
      'text/html',
      'page',
    ],
  ] as const;
  for (const [name, body, type, via] of cases) {
    // another process on the machine can delay one answer by tens of milliseconds: such a case is measured again,
    // up to three times (an event loop blocked by the parse, for seconds, fails every time)
    const slow = (x: { during: number[]; all: number[] }) =>
      Math.max(0, ...x.during) >= 50 || (body.length < 1_000_000 && Math.max(...x.all) >= 50);
    let r = await healthWhileChecking(body, type, via);
    for (let again = 0; again < 2 && slow(r); again++) r = await healthWhileChecking(body, type, via);
    assert.equal(r.status, 200, name);
    const worst = Math.max(0, ...r.during);
    c.diagnostic(
      `${name}: answered in ${r.ms.toFixed(0)} ms, in a worker for ${r.parseMs.toFixed(0)} ms; ` +
        `${r.during.length} health checks meanwhile, slowest ${worst.toFixed(0)} ms; ` +
        `slowest of all ${r.all.length} (receiving the upload too) ${Math.max(...r.all).toFixed(0)} ms`,
    );
    if (r.parseMs >= 150)
      assert.ok(r.during.length >= 5, `${name}: ${r.during.length} health checks while parsing`);
    assert.ok(
      worst < 50,
      `${name}: slowest /healthz while parsing ${worst.toFixed(0)} ms of ${r.during.length}`,
    );
    // receiving megabytes takes the event loop some tens of milliseconds, never the parse's hundreds; a body
    // under a megabyte (the nested <div>, stopped within milliseconds) is held to 50 ms from upload to answer
    const bound = body.length < 1_000_000 ? 50 : 250;
    assert.ok(Math.max(...r.all) < bound, `${name}: slowest /healthz ${Math.max(...r.all).toFixed(0)} ms`);
    if (name.includes('nested')) assert.ok(r.nested && r.limited, 'the nesting cap stopped it');
    else assert.ok(!r.limited, `${name} is read`);
  }
});
