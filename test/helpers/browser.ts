/** Browser helpers for the journeys: a staff member logged in on a desktop-sized page. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORDS } from './test-app.js';

export async function staffPage(browser: Browser, base: string, username: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`${base}/admin/login`);
  await page.fill('#f-username', username);
  await page.fill('#f-password', PASSWORDS[username]!);
  await page.click('button:has-text("登录")');
  await page.waitForURL(`${base}/admin`);
  return { ctx, page };
}
