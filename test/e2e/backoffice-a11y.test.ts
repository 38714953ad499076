/**
 * Accessibility of the back office: axe-core on every page of each role, no serious or critical violations.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/adapters/render/pdf-printer.js';
import { testApp, type TestApp } from '../helpers/test-app.js';
import { seriousViolations, staffPage } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
let base: string;

before(async () => {
  t = await testApp({ now: '2024-03-04T02:00:00.000Z', cases: true });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await t?.close();
});

const as = async (username: string): Promise<Page> =>
  (await staffPage(browser, base, username, { viewport: { width: 390, height: 844 }, bypassCSP: true })).page;

async function check(page: Page, path: string): Promise<string[]> {
  const res = await page.goto(`${base}${path}`);
  assert.equal(res!.status(), 200, path);
  return (await seriousViolations(page)).map(
    (v) =>
      `${path} ${v.id}: ${v.help} — ${v.nodes
        .slice(0, 2)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

test('every back-office page passes axe-core (serious/critical) on a phone-sized screen', async () => {
  const found: string[] = [];
  const caseId = (await t.deps.store.cases.list({ organIds: ['tianhu'], openOnly: true }))[0]!.id;
  const clerk = await as('th-clerk');
  for (const p of [
    '/admin',
    '/admin?tab=overdue',
    '/admin/cases/new',
    `/admin/cases/${caseId}`,
    '/admin/items',
    '/admin/items/new',
    '/admin/items/timeliness',
    '/admin/stats?year=2023',
    '/admin/report?year=2023',
  ])
    found.push(...(await check(clerk, p)));
  const head = await as('th-head');
  found.push(...(await check(head, '/admin/approvals')));
  const admin = await as('th-admin');
  for (const p of ['/admin/staff', '/admin/columns', '/admin/organ', '/admin/audit'])
    found.push(...(await check(admin, p)));
  const platform = await as('county-admin');
  found.push(
    ...(await check(platform, '/admin/calendar?year=2024')),
    ...(await check(platform, '/admin/deadlines')),
  );
  const sup = await as('county-super');
  for (const p of ['/admin/supervise', '/admin/supervise/rollup?year=2023'])
    found.push(...(await check(sup, p)));
  const anon = await browser.newPage({ bypassCSP: true });
  found.push(...(await check(anon, '/admin/login')));
  assert.deepEqual(found, []);
});
