/**
 * Denial of service through the report check, over a real listening server and real HTTP: a ~200-byte POST with a
 * 28-digit run in Section 四 froze the server for 10 s (the run-together splitter tried every split), and big
 * ordinary inputs (100,000 nested <div>, a 3.9 MB line of digits) blocked the event loop for 10–31 s, so /healthz
 * timed out. Reports are now read in worker threads within budgets (adapters/parse/parse-pool.ts).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type TestApp, testApp } from '../helpers/test-app.js';
import { digitLine, nestedDivs, section4Run } from '../helpers/hostile-inputs.js';

const SEED = readFileSync(
  new URL('../fixtures/reports/seed/000_b24edaa19e85be6d.txt', import.meta.url),
  'utf8',
);

let t: TestApp;
let base = '';

before(async () => {
  t = await testApp({ cases: false });
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

test('while 100,000 nested <div> and a 3.9 MB line of digits are parsed, every GET /healthz answers within 50 ms', async () => {
  let done = false;
  const hostile = Promise.all([
    postReport(nestedDivs(100_000), 'text/html'),
    postReport(section4Run(digitLine(3_900_000))),
    postReport(`一、总体情况\n${digitLine(3_000_000)}`),
  ]).finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  while (!done) {
    const start = performance.now();
    const res = await fetch(`${base}/healthz`);
    await res.text();
    latencies.push(performance.now() - start);
    assert.equal(res.status, 200);
    await new Promise((r) => setTimeout(r, 5));
  }
  const [divs, digits, prose] = await hostile;
  // the answers: the nesting stopped at its cap, the digits read (their run too long to split)
  assert.equal(divs.status, 200);
  assert.match(divs.text, /报告过大或过于复杂，已停止读取：元素嵌套超过200层/);
  assert.equal(digits.status, 200);
  assert.equal(prose.status, 200);
  assert.ok(latencies.length >= 5, `${latencies.length} health checks while parsing`);
  const worst = Math.max(...latencies);
  assert.ok(worst < 50, `slowest /healthz ${worst.toFixed(0)} ms of ${latencies.length}`);
});
