/**
 * HTML → PDF through Debian's Chromium (playwright-core). The browser starts lazily on first use and is reused.
 * A page that names a derived font (`pdfFontStack`) prints with it, cut to the characters it prints, so that the
 * PDF's text layer holds those characters and not the Kangxi radicals the installed CJK fonts would give.
 */
import type { Browser } from 'playwright-core';
import { PDF_FONT_PREFIX, closePdfFonts, pdfFontFaces } from './pdf-fonts.js';

let browser: Promise<Browser> | null = null;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** `html` with `css` in a style element of its head. */
function withStyle(html: string, css: string): string {
  const style = `<style>${css}</style>`;
  const head = html.search(/<\/head\s*>/i);
  if (head >= 0) return html.slice(0, head) + style + html.slice(head);
  return html.replace(/^(\s*<!doctype[^>]*>)?/i, (doctype) => doctype + style);
}

/** Lays the page out (which asks for the fonts it uses), loads the derived fonts and waits for every font. */
const FONTS_LOADED = `(async () => {
  void document.documentElement.offsetHeight;
  const derived = [...document.fonts].filter((f) => f.family.replace(/["']/g, '').startsWith(${JSON.stringify(PDF_FONT_PREFIX)}));
  await Promise.all(derived.map((f) => f.load().catch(() => null)));
  await document.fonts.ready;
})()`;

/** Prints HTML to an A4 PDF. */
export async function printPdf(html: string): Promise<Uint8Array> {
  browser ??= launchChromium();
  const [b, faces] = await Promise.all([browser, pdfFontFaces(html)]);
  const page = await b.newPage();
  try {
    await page.setContent(faces ? withStyle(html, faces) : html, { waitUntil: 'load' });
    if (faces) await page.evaluate(FONTS_LOADED);
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  } finally {
    await page.close();
  }
}

export async function closePdfPrinter(): Promise<void> {
  await closePdfFonts();
  if (browser) {
    const b = await browser;
    browser = null;
    await b.close();
  }
}
