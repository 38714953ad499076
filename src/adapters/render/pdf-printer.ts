/**
 * HTML → PDF through Debian's Chromium (playwright-core). The browser starts lazily on first use and is reused.
 */
import type { Browser } from 'playwright-core';

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

/** Prints HTML to an A4 PDF. */
export async function printPdf(html: string): Promise<Uint8Array> {
  browser ??= launchChromium();
  const b = await browser;
  const page = await b.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  } finally {
    await page.close();
  }
}

export async function closePdfPrinter(): Promise<void> {
  if (browser) {
    const b = await browser;
    browser = null;
    await b.close();
  }
}
