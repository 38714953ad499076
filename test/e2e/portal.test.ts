/**
 * Browser test of 主动公开 in headless Chromium: a clerk drafts an item, the head records 保密审查 and approves, the
 * clerk publishes; it appears in its column, in search (two-character and longer queries) and in RSS; withdrawn, it
 * disappears from the portal and search but keeps its history. Every portal page passes axe-core with no serious
 * or critical violations, on a phone and without JavaScript. SCREENSHOTS=dir keeps screenshots.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, closePdfPrinter } from '../../src/adapters/render/pdf-printer.js';
import { testApp, type TestApp } from '../helpers/test-app.js';
import { seriousViolations, staffPage } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
let base: string;
const shots = process.env.SCREENSHOTS;

before(async () => {
  t = await testApp({ now: '2024-03-04T02:00:00.000Z', cases: false });
  // some published content to browse (demo items for 田湖镇, dated before the test's today)
  const { seedItems } = await import('../../src/app/demo/seed-items.js');
  const organ = (await t.deps.store.organs.find('tianhu'))!;
  await seedItems(t.deps, organ, 45, {
    clerk: 'u-th-clerk',
    head: 'u-th-head',
    clerkName: '李经办',
    headName: '王主任',
  });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
  if (shots) mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await closePdfPrinter();
  await t?.close();
});

async function axe(page: Page, label: string): Promise<void> {
  const serious = await seriousViolations(page);
  assert.deepEqual(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
    [],
    `${label}: axe serious/critical violations`,
  );
}

const staff = async (username: string): Promise<Page> => (await staffPage(browser, base, username)).page;

test('publish with review, find it in column, search and RSS, withdraw it; every portal page passes axe', async () => {
  const clerk = await staff('th-clerk');
  await clerk.goto(`${base}/admin/items/new`);
  await clerk.fill('#f-title', '田湖镇关于2024年水利工程建设项目的公示');
  await clerk.selectOption('#f-columnId', 'tianhu:art20-10');
  await clerk.fill('#f-formedOn', '2024-02-28');
  await clerk.fill(
    '#f-body',
    '经镇政府研究，现将2024年小型农田水利工程建设项目公示如下。\n项目总投资120万元，涉及3个行政村。',
  );
  await clerk.click('button:has-text("保存草稿")');
  await clerk.waitForURL(/\/admin\/items\/[0-9a-f]+\?ok=saved/);
  const itemUrl = clerk.url().replace(/\?.*$/, '');
  const id = itemUrl.split('/').pop()!;
  await clerk.click('summary:has-text("公开属性认定")');
  await clerk.click('form[action$="/steps/attributed"] button[type="submit"]');
  assert.match((await clerk.textContent('#item-state')) ?? '', /已认定公开属性/);

  const head = await staff('th-head');
  await head.goto(itemUrl);
  await head.click('summary:has-text("保密审查")');
  await head.click('form[action$="/steps/reviewed"] button[type="submit"]');
  await head.click('summary:has-text("审核同意发布")');
  await head.click('form[action$="/steps/approved"] button[type="submit"]');
  assert.match((await head.textContent('#item-state')) ?? '', /已审核待发布/);

  await clerk.goto(itemUrl);
  await clerk.click('summary:has-text("发布")');
  await clerk.click('form[action$="/steps/published"] button[type="submit"]');
  assert.match((await clerk.textContent('#item-state')) ?? '', /已发布/);

  // --- the public, on a phone, without JavaScript
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    javaScriptEnabled: false,
    bypassCSP: true,
    locale: 'zh-CN',
  });
  const p = await phone.newPage();
  // axe needs JavaScript: a second context with JS on (CSP bypassed only to inject axe)
  const a11yCtx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    bypassCSP: true,
    locale: 'zh-CN',
  });
  const a = await a11yCtx.newPage();

  await p.goto(`${base}/gk/tianhu`);
  if (shots) await p.screenshot({ path: join(shots, 'portal-home.png'), fullPage: false });
  await p.goto(`${base}/gk/tianhu/c/art20-10`);
  assert.match(await p.content(), /田湖镇关于2024年水利工程建设项目的公示/);
  await p.click('a:has-text("田湖镇关于2024年水利工程建设项目的公示")');
  assert.match((await p.textContent('#index-no')) ?? '', /^TH\/2024-\d{5}$/);
  if (shots) await p.screenshot({ path: join(shots, 'portal-item.png'), fullPage: true });
  for (const q of ['水利', '农田水利工程']) {
    await p.goto(`${base}/gk/tianhu`);
    await p.fill('#search-q', q);
    await p.click('button:has-text("搜索")');
    assert.match(await p.content(), /田湖镇关于2024年<mark>水利<\/mark>工程|<mark>农田水利工程<\/mark>/, q);
    assert.doesNotMatch((await p.textContent('#result-count')) ?? '', /找到0条/);
  }
  if (shots) await p.screenshot({ path: join(shots, 'portal-search.png'), fullPage: true });
  const rss = await (await fetch(`${base}/gk/tianhu/c/statutory/rss.xml`)).text();
  assert.match(rss, /田湖镇关于2024年水利工程建设项目的公示/);

  for (const path of [
    '/',
    '/gk/tianhu',
    '/gk/tianhu/guide',
    '/gk/tianhu/c/news',
    '/gk/tianhu/c/statutory',
    `/gk/tianhu/i/${id}`,
    `/search?q=${encodeURIComponent('公开')}`,
    '/apply/tianhu',
    '/status',
    '/nianbao/check',
  ]) {
    await a.goto(`${base}${path}`);
    await axe(a, path);
  }

  // --- withdraw: gone from the portal and search, history kept in the back office
  await head.goto(itemUrl);
  await head.click('summary:has-text("撤回")');
  await head.fill('form[action$="/steps/withdrawn"] input[name="reason"]', '项目调整，重新公示');
  await head.click('form[action$="/steps/withdrawn"] button[type="submit"]');
  const gone = await p.goto(`${base}/gk/tianhu/i/${id}`);
  assert.equal(gone!.status(), 404);
  await p.goto(`${base}/search?q=${encodeURIComponent('农田水利工程')}`);
  assert.match((await p.textContent('#result-count')) ?? '', /找到0条/);
  await clerk.goto(itemUrl);
  assert.match(await clerk.content(), /撤回（王主任）：项目调整，重新公示/);
  assert.match(await clerk.content(), /保密审查（王主任）：通过/);
  await phone.close();
  await a11yCtx.close();
});
