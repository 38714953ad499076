/**
 * Browser journey in headless Chromium (Debian's, through playwright-core), JavaScript off for the applicant:
 * apply on a phone-sized screen → receipt; the clerk asks for a 补正; the applicant supplies it; the clerk asks
 * for an extension, the head approves; the clerk drafts the reply, the head signs; the applicant sees the reply and
 * downloads the letter; a clerk of another organ is refused the case.
 * Set SCREENSHOTS=dir to keep screenshots of the receipt and the case page.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { staffPage } from '../helpers/browser.js';
import { launchChromium, closePdfPrinter } from '../../src/adapters/render/pdf-printer.js';
import { testApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let browser: Browser;
let base: string;
const shots = process.env.SCREENSHOTS;

before(async () => {
  t = await testApp();
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
  if (shots) mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await closePdfPrinter();
  await t?.close();
});

const staff = (username: string) => staffPage(browser, base, username);

test('journey: apply on a phone, 补正, extension approved, reply signed, letter downloaded; another organ refused', async () => {
  // --- the applicant, on a phone, without JavaScript
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const ap = await phone.newPage();
  await ap.goto(`${base}/apply`);
  await ap.click('a:has-text("田湖镇人民政府")');
  assert.match((await ap.textContent('h1')) ?? '', /向田湖镇人民政府申请政府信息公开/);
  await ap.fill('#f-name', '张三');
  await ap.fill('#f-idNumber', '11010519491231002X');
  await ap.fill('#f-phone', '13800138000');
  await ap.fill('#f-email', 'zhangsan@example.com');
  await ap.fill('#f-description', '2023年本镇农村危房改造补助发放名单');
  await ap.click('button:has-text("提交申请")');
  const caseId = (await ap.textContent('#case-id'))!.trim();
  const code = (await ap.textContent('#query-code'))!.trim();
  assert.equal(caseId, 'TH-2024-0001');
  assert.match(code, /^[2-9A-HJ-NP-Z]{8}$/);
  assert.match((await ap.textContent('#due-on')) ?? '', /2024年4月1日前/);
  const scrollWidth = (await ap.evaluate('document.documentElement.scrollWidth').catch(() => 390)) as number;
  assert.ok(scrollWidth <= 390, 'no horizontal scrolling on a phone');
  if (shots) await ap.screenshot({ path: join(shots, 'receipt.png'), fullPage: true });

  // --- the clerk asks for a 补正 (条例第三十条)
  const clerk = await staff('th-clerk');
  const cp = clerk.page;
  await cp.goto(`${base}/admin/cases/${caseId}`);
  await cp.click('summary:has-text("补正告知")');
  await cp.fill(
    'form[action$="/events/clarification_requested"] textarea[name="items"]',
    '请写明所需名单对应的行政村',
  );
  await cp.click('form[action$="/events/clarification_requested"] button[type="submit"]');
  assert.match((await cp.textContent('#state')) ?? '', /待补正/);

  // --- the applicant supplies it online
  await ap.goto(`${base}/status`);
  await ap.fill('#f-caseId', caseId);
  await ap.fill('#f-code', code);
  await ap.click('button:has-text("查询")');
  assert.match((await ap.textContent('#state')) ?? '', /待补正/);
  assert.match(await ap.content(), /请写明所需名单对应的行政村/);
  await ap.fill('#f-text', '所需为田湖村、东湖村两个村的名单');
  await ap.click('button:has-text("提交补正")');
  assert.match((await ap.textContent('#state')) ?? '', /办理中/);

  // --- the clerk asks the head to extend (条例第三十三条第二款); the head approves
  await cp.goto(`${base}/admin/cases/${caseId}`);
  await cp.click('summary:has-text("提请负责人同意延期")');
  await cp.fill('form[action$="/approvals/extended"] input[name="days"]', '10');
  await cp.fill('form[action$="/approvals/extended"] input[name="reason"]', '涉及两个村，需要调取档案核对');
  await cp.click('form[action$="/approvals/extended"] button[type="submit"]');
  assert.match(await cp.content(), /已提请负责人审批/);
  const head = await staff('th-head');
  await head.page.goto(`${base}/admin/approvals`);
  await head.page.click('button:has-text("同意")');
  await cp.goto(`${base}/admin/cases/${caseId}`);
  assert.match(await cp.content(), /延期答复（负责人）：10个工作日，经王主任同意/);

  // --- the clerk drafts the reply; the head signs it
  await cp.click('summary:has-text("拟办答复")');
  await cp.selectOption('form[action$="/approvals/decided"] select[name="outcome"]', 'disclosed');
  await cp.click('form[action$="/approvals/decided"] button[type="submit"]');
  await head.page.goto(`${base}/admin/approvals`);
  await head.page.click('button:has-text("同意并签发")');
  await cp.goto(`${base}/admin/cases/${caseId}`);
  assert.match((await cp.textContent('#state')) ?? '', /已答复/);
  assert.match((await cp.textContent('#outcome')) ?? '', /予以公开/);
  if (shots) await cp.screenshot({ path: join(shots, 'case-page.png'), fullPage: true });

  // --- the applicant sees the reply and downloads the letter
  await ap.goto(`${base}/status/${caseId}`);
  assert.match((await ap.textContent('#state')) ?? '', /已答复/);
  assert.match((await ap.textContent('#outcome')) ?? '', /予以公开/);
  const [pdf] = await Promise.all([
    ap.waitForEvent('download'),
    ap.click('li:has-text("政府信息公开申请答复书") a:has-text("下载PDF")'),
  ]);
  const pdfBytes = await (await import('node:fs/promises')).readFile((await pdf.path())!);
  assert.equal(pdfBytes.subarray(0, 4).toString(), '%PDF');
  const [docx] = await Promise.all([
    ap.waitForEvent('download'),
    ap.click('li:has-text("政府信息公开申请答复书") a:has-text("下载Word")'),
  ]);
  const docxBytes = await (await import('node:fs/promises')).readFile((await docx.path())!);
  assert.equal(docxBytes.subarray(0, 2).toString(), 'PK');
  await ap.click('li:has-text("政府信息公开申请答复书") a:has-text("查看")');
  assert.match(
    await ap.content(),
    /如对本答复不服，可以自收到本答复之日起六十日内向某县人民政府申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼/,
  );

  // --- a clerk of another organ is refused the case
  const other = await staff('zrj-clerk');
  const res = await other.page.goto(`${base}/admin/cases/${caseId}`);
  assert.equal(res!.status(), 404);
  assert.match(await other.page.content(), /找不到该案件/);
  assert.ok(!(await other.page.content()).includes('张三'));

  for (const c of [phone, clerk.ctx, head.ctx, other.ctx]) await c.close();
});
