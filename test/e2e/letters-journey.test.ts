/**
 * Browser journey for released information and the signed 答复书 (条例第十七条, 第三十六条): the applicant applies on
 * a phone (JavaScript off) and gets a receipt that fits the screen; the clerk attaches a PDF of 公开的政府信息; the head
 * records its 保密审查 before the reply is signed — the applicant does not see the file yet; the clerk proposes the
 * reply, the head reads the draft 答复书 and signs; the applicant then downloads exactly the uploaded bytes and the
 * letter as PDF, whose first page pdf.js (unpdf's build, in Chromium) reads and draws.
 * Set SCREENSHOTS=dir to keep receipt-phone.png and letter-pdf-page1.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pdfPage1, staffPage } from '../helpers/browser.js';
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
const REQUEST = '2023年本镇农村危房改造补助发放名单';

/** A minimal one-page PDF, with a random comment so that only these bytes can compare equal. */
function tinyPdf(): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${randomBytes(12).toString('hex')}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n` +
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** The bytes of the download a click starts. */
async function download(page: Page, selector: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFile((await d.path())!);
}

test('released information reaches the applicant only after 保密审查 and the signed 答复书; receipt fits a phone; letter PDF renders', async () => {
  // --- 1. the applicant applies on a phone, without JavaScript
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const ap = await phone.newPage();
  await ap.goto(`${base}/apply/tianhu`);
  await ap.fill('#f-name', '张三');
  await ap.fill('#f-idNumber', '11010519491231002X');
  await ap.fill('#f-phone', '13800138000');
  await ap.fill('#f-email', 'zhangsan@example.com');
  await ap.fill('#f-description', REQUEST);
  await ap.click('button:has-text("提交申请")');
  assert.match((await ap.textContent('h1')) ?? '', /申请回执/);
  const caseId = (await ap.textContent('#case-id'))!.trim();
  const code = (await ap.textContent('#query-code'))!.trim();
  assert.match(caseId, /^TH-\d{4}-\d{4}$/);
  assert.match(code, /^[2-9A-HJ-NP-Z]{8}$/);
  const widths = (await ap.evaluate(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  )) as number[];
  assert.equal(widths[1], 390, 'the page is laid out at phone width');
  assert.ok(widths[0]! <= 390, `the receipt needs no horizontal scrolling (scrollWidth ${widths[0]})`);
  if (shots) await ap.screenshot({ path: join(shots, 'receipt-phone.png'), fullPage: true });

  // --- 2. the clerk attaches the information to be released
  const clerk = await staff('th-clerk');
  const cp = clerk.page;
  await cp.goto(`${base}/admin/cases/${caseId}`);
  const released = tinyPdf();
  const upload = 'form[action$="/attachments"]';
  await cp.selectOption(`${upload} select[name="kind"]`, 'released_information');
  await cp.setInputFiles(`${upload} input[type="file"][name="file"]`, {
    name: '危房改造补助发放名单.pdf',
    mimeType: 'application/pdf',
    buffer: released,
  });
  await cp.click(`${upload} button[type="submit"]`);
  const fileRow = 'li:has-text("公开的政府信息：危房改造补助发放名单.pdf")';
  assert.match((await cp.textContent(fileRow)) ?? '', /未经保密审查/);

  // --- 3. the head records its 保密审查 before anything is signed
  const head = await staff('th-head');
  const hp = head.page;
  await hp.goto(`${base}/admin/cases/${caseId}`);
  const review = `${fileRow} form[action$="/review"]`;
  await hp.click(`${fileRow} summary:has-text("记录保密审查")`);
  await hp.selectOption(`${review} select[name="passed"]`, 'yes');
  await hp.fill(`${review} input[name="basis"]`, '不涉及国家秘密、商业秘密和个人隐私');
  await hp.click(`${review} button[type="submit"]`);
  assert.match(
    (await hp.textContent(fileRow)) ?? '',
    /保密审查通过（.+：不涉及国家秘密、商业秘密和个人隐私）/,
  );
  assert.notEqual((await hp.textContent('#state'))?.trim(), '已答复');

  // reviewed but not yet signed: the applicant is not given the file
  await ap.goto(`${base}/status/${caseId}`);
  assert.equal(await ap.locator('#released li').count(), 0, 'no file before the reply is signed');

  // --- 4. the clerk proposes the reply; the head reads the draft 答复书 and signs
  await cp.goto(`${base}/admin/cases/${caseId}`);
  await cp.click('summary:has-text("拟办答复，提请负责人签发")');
  await cp.selectOption('form[action$="/approvals/decided"] select[name="outcome"]', 'disclosed');
  await cp.click('form[action$="/approvals/decided"] button[type="submit"]');
  await hp.goto(`${base}/admin/approvals`);
  const item = hp.locator('.clock', { hasText: caseId });
  const draft = (await item.locator('.draft-letter').textContent()) ?? '';
  assert.match(draft, /政府信息公开申请答复书/);
  assert.ok(draft.includes(REQUEST), 'the draft quotes the request');
  assert.match(draft, /预览/);
  await item.locator('button:has-text("同意并签发")').click();
  await hp.goto(`${base}/admin/cases/${caseId}`);
  assert.match((await hp.textContent('#state')) ?? '', /已答复/);
  assert.match((await hp.textContent('#outcome')) ?? '', /予以公开/);

  // --- 5. the applicant, back on the phone, gets exactly the uploaded file and the letter
  await ap.goto(`${base}/status/${caseId}`);
  assert.match((await ap.textContent('#state')) ?? '', /已答复/);
  assert.equal(await ap.locator('#released li').count(), 1);
  const got = await download(ap, '#released a:has-text("危房改造补助发放名单.pdf")');
  assert.ok(got.equals(released), 'the applicant downloads the bytes the clerk uploaded');
  const letterRow = 'li:has-text("政府信息公开申请答复书")';
  assert.equal(await ap.locator(letterRow).count(), 1, 'the 答复书 is listed');

  // --- 6. the letter as PDF; page 1 read and drawn by pdf.js
  const pdf = await download(ap, `${letterRow} a:has-text("下载PDF")`);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const p1 = await pdfPage1(browser, pdf);
  const text = p1.text.replace(/\s+/g, '');
  assert.match(text, /政府信息公开申请答复书/);
  assert.ok(text.includes(caseId), 'page 1 names the case');
  assert.ok(p1.inked > 2000, `page 1 has visible text (${p1.inked} dark pixels)`);
  if (shots) writeFileSync(join(shots, 'letter-pdf-page1.png'), p1.png);

  for (const c of [phone, clerk.ctx, head.ctx]) await c.close();
});
