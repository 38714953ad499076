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
 * every few milliseconds; it prints what it measured as JSON. In a separate process its own work (encoding
 * megabytes, garbage collection) is not counted against the server's event loop.
 */
const CLIENT = `
import { readFileSync } from 'node:fs';
const [base, file, type, via] = process.argv.slice(1);
const body = readFileSync(file);
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
const start = performance.now();
const answer = send()
  .then(async (res) => ({ status: res.status, text: await res.text(), ms: performance.now() - start }))
  .finally(() => { done = true; });
const latencies = [];
while (!done) {
  const t0 = performance.now();
  const res = await fetch(base + '/healthz');
  await res.arrayBuffer();
  latencies.push(res.status === 200 ? performance.now() - t0 : Infinity);
  await new Promise((r) => setTimeout(r, 5));
}
const a = await answer;
console.log(JSON.stringify({ status: a.status, ms: a.ms, latencies, nested: a.text.includes('元素嵌套超过200层'), limited: a.text.includes('报告过大或过于复杂') }));
`;

async function healthWhileChecking(body: string, type: string, via: 'api' | 'page') {
  const file = join(mkdtempSync(join(tmpdir(), 'gk-dos-')), 'body');
  writeFileSync(file, body);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', CLIENT, base, file, type, via],
    { timeout: 60_000, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as {
    status: number;
    ms: number;
    latencies: number[];
    nested: boolean;
    limited: boolean;
  };
}

test('while 100,000 nested <div>, a 3.9 MB or 5 MB line of digits or 3.9 MB of HTML is checked, every GET /healthz answers within 50 ms', async (c) => {
  const html = readFileSync(
    new URL('../fixtures/reports/web-copies/pt-zone-2023.html', import.meta.url),
    'utf8',
  );
  const tables = html.slice(html.indexOf('<table'), html.lastIndexOf('</table>') + 8);
  const cases = [
    // stopped at the nesting cap within milliseconds: at least one health check overlaps it
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
    // other processes on the machine can delay one answer by tens of milliseconds: such a case is measured
    // again, up to three times (an event loop blocked by parsing, for seconds, fails every time)
    let r = await healthWhileChecking(body, type, via);
    for (let again = 0; again < 2 && Math.max(...r.latencies) >= 50; again++)
      r = await healthWhileChecking(body, type, via);
    assert.equal(r.status, 200, name);
    const worst = Math.max(...r.latencies);
    c.diagnostic(
      `${name}: answered in ${r.ms.toFixed(0)} ms; ${r.latencies.length} health checks, slowest ${worst.toFixed(0)} ms`,
    );
    assert.ok(r.latencies.length >= (r.ms > 200 ? 5 : 1), `${name}: ${r.latencies.length} health checks`);
    assert.ok(worst < 50, `${name}: slowest /healthz ${worst.toFixed(0)} ms of ${r.latencies.length}`);
    if (name.includes('nested')) assert.ok(r.nested && r.limited, 'the nesting cap stopped it');
    else assert.ok(!r.limited, `${name} is read`);
  }
});
