/** RSS 2.0 for a column and the sitemap, as XML strings (every text escaped). */
import type { ColumnRow, ItemRow, Organ } from '../../../core/entities.js';
import { escapeHtml } from '../../../adapters/render/html-report-renderer.js';
import { stripControls } from '../../http/clean-input.js';

/** XML 1.0 allows no control characters but tab and line breaks, even escaped. */
const esc = (s: string) => escapeHtml(stripControls(s));

export function columnRss(base: string, organ: Organ, column: ColumnRow, items: ItemRow[]): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${base}/gk/${organ.id}/i/${i.id}</link>` +
        `<guid isPermaLink="false">${esc(i.indexNo)}</guid>` +
        `<pubDate>${new Date(`${i.publishedOn}T00:00:00+08:00`).toUTCString()}</pubDate></item>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>` +
    `<title>${esc(`${organ.name} - ${column.name}`)}</title><link>${base}/gk/${organ.id}/c/${column.key}</link>` +
    `<description>${esc(column.name)}</description><language>zh-cn</language>${entries}</channel></rss>`
  );
}

export function sitemapXml(base: string, paths: string[]): string {
  const urls = paths.map((p) => `<url><loc>${esc(base + p)}</loc></url>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`;
}
