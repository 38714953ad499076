/**
 * The published 年报 on a phone and on paper, in headless Chromium: at 390 px the page does not scroll sideways —
 * the report's tables scroll inside their own box — and the print stylesheet draws every table cell with a grid.
 * SCREENSHOTS=dir keeps a phone-width screenshot of the published report.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium, closePdfPrinter } from '../../src/adapters/render/pdf-printer.js';
import { testApp, type TestApp } from '../helpers/test-app.js';
import { pdfPage1 } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
let base: string;
const shots = process.env.SCREENSHOTS;

before(async () => {
  // the demo's cases and its published 2023 年报
  t = await testApp({ now: '2024-03-04T02:00:00.000Z', cases: true });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
  if (shots) mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await closePdfPrinter();
  await t?.close();
});

test('the published 年报 fits a 390 px phone (its tables scroll in their own box) and prints with a grid', async () => {
  const reports = await t.deps.store.publication.items.listPublic({
    columnIds: ['tianhu:reports'],
    today: '2024-03-04',
    limit: 5,
  });
  const report = reports.find((r) => /年政府信息公开工作年度报告/.test(r.title));
  assert.ok(report, 'the demo publishes a 年报');
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    locale: 'zh-CN',
  });
  const page = await ctx.newPage();
  await page.goto(`${base}/gk/tianhu/i/${report.id}`);
  const m = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: any }).document;
    const tables = [...d.querySelectorAll('.body table')] as any[];
    return {
      page: d.documentElement.scrollWidth as number,
      tables: tables.length,
      widest: Math.max(...tables.map((x) => x.scrollWidth as number)),
      box: Math.max(...tables.map((x) => x.clientWidth as number)),
    };
  });
  assert.ok(m.tables >= 3, `the report's tables: ${m.tables}`);
  assert.ok(m.page <= 390, `the page is ${m.page} px wide on a 390 px phone`);
  assert.ok(m.widest > m.box, `a wide table scrolls inside its box (${m.widest} > ${m.box})`);
  if (shots) {
    // the widest table (表三) on the phone: it scrolls sideways inside its box
    await page.locator('.body table').nth(3).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'report-phone.png') });
  }
  await page.emulateMedia({ media: 'print' });
  const borders = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: any; getComputedStyle: (e: unknown) => any }).document;
    const g = globalThis as unknown as {
      getComputedStyle: (e: unknown) => {
        borderTopStyle: string;
        borderTopColor: string;
        borderLeftStyle: string;
        display: string;
      };
    };
    const cells = [...d.querySelectorAll('.body table td, .body table th')] as unknown[];
    return {
      cells: cells.length,
      gridless: cells.filter((c) => {
        const s = g.getComputedStyle(c);
        return (
          s.borderTopStyle !== 'solid' || s.borderLeftStyle !== 'solid' || s.borderTopColor !== 'rgb(0, 0, 0)'
        );
      }).length,
      header: g.getComputedStyle(d.querySelector('header.site')).display,
    };
  });
  assert.ok(borders.cells > 100, `${borders.cells} cells`);
  assert.equal(borders.gridless, 0, 'every cell has a black grid line in print');
  assert.equal(borders.header, 'none', 'the site header is not printed');
  await ctx.close();
  // its PDF, page 1: the title and the organ in the text layer (the characters printed)
  const pdf = await fetch(`${base}/gk/tianhu/i/${report.id}/report.pdf`);
  assert.equal(pdf.status, 200);
  const p1 = await pdfPage1(browser, Buffer.from(await pdf.arrayBuffer()));
  assert.match(p1.text, /田湖镇人民政府/);
  assert.match(p1.text, /政府信息公开工作年度报告/);
  assert.ok(p1.inked > 2000, 'page 1 is drawn');
  if (shots) writeFileSync(join(shots, 'report-pdf-page1.png'), p1.png);
});

test('the check page with a pasted browser copy of a real report: read, checked, its tables shown (screenshot)', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`${base}/nianbao/check`);
  const copy = readFileSync(
    new URL('../fixtures/reports/web-copies/pt-zone-2023.selection.txt', import.meta.url),
    'utf8',
  );
  await page.fill('textarea[name="text"]', copy);
  await page.click('form[action="/nianbao/check"] button[type="submit"]');
  await page.waitForSelector('#findings-export, .report-tables');
  const body = (await page.textContent('main')) ?? '';
  assert.match(body, /读到\d+个单元格/);
  if (shots) await page.screenshot({ path: join(shots, 'check-pasted-copy.png'), fullPage: false });
  await ctx.close();
});
