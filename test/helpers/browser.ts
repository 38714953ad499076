/** Browser helpers for the journeys: a staff member logged in, and axe-core's serious violations of a page. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

// unpdf's serverless pdf.js build (worker included), next to its CommonJS entry
const PDFJS = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('unpdf')), 'pdfjs.mjs'),
  'utf8',
);

/** Page 1 of a PDF read by pdf.js in Chromium: its text, its count of non-white pixels, and a PNG of it. */
export async function pdfPage1(
  browser: Browser,
  pdf: Buffer,
): Promise<{ text: string; inked: number; png: Buffer }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const origin = 'http://pdf-render.test';
  await page.route(`${origin}/**`, (r) =>
    r.request().url().endsWith('/pdfjs.mjs')
      ? r.fulfill({ contentType: 'text/javascript', body: PDFJS })
      : r.fulfill({ contentType: 'text/html', body: '<!doctype html><canvas id="c"></canvas>' }),
  );
  await page.goto(`${origin}/`);
  const out = (await page.evaluate(async (b64: string) => {
    // runs in the page: the module is served by the route above, the DOM is the page's (no DOM types here)
    const moduleUrl: string = '/pdfjs.mjs';
    const pdfjs = await import(moduleUrl);
    const dom = globalThis as unknown as { document: { getElementById(id: string): any } };
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const doc = await pdfjs.getDocument({ data }).promise;
    const p = await doc.getPage(1);
    const text = (await p.getTextContent()).items.map((i: { str?: string }) => i.str ?? '').join('');
    const viewport = p.getViewport({ scale: 1.5 });
    const canvas = dom.document.getElementById('c');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    await p.render({ canvasContext: g, viewport }).promise;
    const px = g.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! < 128 && px[i + 1]! < 128 && px[i + 2]! < 128) inked++;
    return { text, inked, png: canvas.toDataURL('image/png').split(',')[1]! };
  }, pdf.toString('base64'))) as { text: string; inked: number; png: string };
  await ctx.close();
  return { ...out, png: Buffer.from(out.png, 'base64') };
}
