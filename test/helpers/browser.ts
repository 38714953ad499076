/** Browser helpers for the journeys: a staff member logged in, and axe-core's serious violations of a page. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORDS } from './test-app.js';

/** A staff member logged in (desktop-sized unless a viewport is given). */
export async function staffPage(
  browser: Browser,
  base: string,
  username: string,
  opts: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {},
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    locale: 'zh-CN',
    ...(opts.bypassCSP ? { bypassCSP: true } : {}),
  });
  const page = await ctx.newPage();
  await page.goto(`${base}/admin/login`);
  await page.fill('#f-username', username);
  await page.fill('#f-password', PASSWORDS[username]!);
  await page.click('button:has-text("登录")');
  await page.waitForURL(`${base}/admin`);
  return { ctx, page };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page as loaded; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  const r = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: AxeViolation[];
  };
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
