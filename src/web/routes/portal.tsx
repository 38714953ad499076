/** 政府信息公开专栏 (public): platform and organ homes, 指南, columns, items, attachments, search, RSS, sitemap. */
import type { FastifyInstance } from 'fastify';
import { renderApplicationFormDocx } from '../../adapters/render/application-form-docx.js';
import { AppError } from '../../app/deps.js';
import { publishedReportFile } from '../../app/reports/report-files.js';
import { columnPage, itemPage, portalHome, searchItems } from '../../app/publication/portal.js';
import {
  downloadPublicFile,
  listOrgans,
  organGuide,
  sitemapPaths,
} from '../../app/publication/public-pages.js';
import type { WebContext } from '../http/context.js';
import { sendDownload, sendHtml } from '../http/reply.js';
import { page } from '../views/layout.js';
import { GuidePage, OrganHome, PlatformHome } from '../views/portal/home.js';
import { ColumnPage, ItemPage } from '../views/portal/items.js';
import { SearchPage } from '../views/portal/search.js';
import { columnRss, sitemapXml } from '../views/portal/feeds.js';
import { APP_CSS, PORTAL_CSS } from '../assets.js';

const SEARCH_FILTERS = ['organ', 'column', 'year', 'validity'] as const;

export async function portalRoutes(app: FastifyInstance, { deps, opts }: WebContext): Promise<void> {
  // absolute links come from the configuration: a request's Host or X-Forwarded-Host must never reach a page
  // that is cached and served to everyone
  const base = (opts.publicUrl ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  app.get('/assets/app.css', async (_req, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(APP_CSS + PORTAL_CSS),
  );
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/', async (_req, reply) =>
    sendHtml(reply, await page(<PlatformHome organs={await listOrgans(deps)} />)),
  );

  app.get<{ Params: { organ: string } }>('/gk/:organ', async (req, reply) => {
    const h = await portalHome(deps, req.params.organ);
    return sendHtml(reply, await page(<OrganHome organ={h.organ} latest={h.latest} blocks={h.blocks} />));
  });
  app.get<{ Params: { organ: string } }>('/gk/:organ/guide', async (req, reply) => {
    const g = await organGuide(deps, req.params.organ);
    return sendHtml(reply, await page(<GuidePage organ={g.organ} parent={g.parent} />));
  });
  // the blank 申请表 for letter, in-person and fax applications, with the organ's own details
  app.get<{ Params: { organ: string } }>('/gk/:organ/application-form.docx', async (req, reply) => {
    const g = await organGuide(deps, req.params.organ);
    return sendDownload(
      reply,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      `${g.organ.name}政府信息公开申请表.docx`,
      await renderApplicationFormDocx(g.organ),
    );
  });
  app.get<{ Params: { organ: string; key: string }; Querystring: { before?: string } }>(
    '/gk/:organ/c/:key',
    async (req, reply) => {
      const c = await columnPage(deps, req.params.organ, req.params.key, req.query.before);
      return sendHtml(
        reply,
        await page(
          <ColumnPage
            organ={c.organ}
            column={c.column}
            items={c.items}
            next={c.next}
            total={c.total}
            children={c.children}
            before={req.query.before}
          />,
        ),
      );
    },
  );
  app.get<{ Params: { organ: string; key: string } }>('/gk/:organ/c/:key/rss.xml', async (req, reply) => {
    const c = await columnPage(deps, req.params.organ, req.params.key, undefined);
    return reply.type('application/rss+xml; charset=utf-8').send(columnRss(base, c.organ, c.column, c.items));
  });
  app.get<{ Params: { organ: string; id: string } }>('/gk/:organ/i/:id', async (req, reply) => {
    const p = await itemPage(deps, req.params.organ, req.params.id);
    return sendHtml(
      reply,
      await page(
        <ItemPage
          organ={p.organ}
          item={p.item}
          column={p.column}
          files={p.files}
          revised={p.revised}
          corrections={p.corrections}
        />,
      ),
    );
  });
  // a published 年报 as Word or PDF, rendered from the version the public sees (printing is costly: limited)
  app.get<{ Params: { organ: string; id: string; format: string } }>(
    '/gk/:organ/i/:id/report.:format',
    { config: { rateLimit: { max: opts.lettersPerMinute ?? 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const format = req.params.format === 'pdf' ? 'pdf' : req.params.format === 'docx' ? 'docx' : null;
      if (!format) throw new AppError('not_found', '找不到该文件', 'not_found');
      const f = await publishedReportFile(deps, req.params.organ, req.params.id, format);
      return sendDownload(reply, f.mime, f.filename, f.bytes);
    },
  );
  app.get<{ Params: { organ: string; id: string } }>('/gk/:organ/f/:id', async (req, reply) => {
    const f = await downloadPublicFile(deps, req.params.organ, req.params.id);
    return sendDownload(reply, f.mime, f.filename, f.bytes);
  });
  app.get<{ Querystring: Record<string, string> }>('/search', async (req, reply) => {
    const params: Record<string, string> = {};
    for (const k of SEARCH_FILTERS)
      if (typeof req.query[k] === 'string' && req.query[k]) params[k] = String(req.query[k]).slice(0, 40);
    const q = String(req.query.q ?? '').slice(0, 100);
    const before = req.query.before ? { before: String(req.query.before) } : {};
    const r = await searchItems(deps, { q, ...params, ...before });
    const organ = params.organ ? r.organs.find((o) => o.id === params.organ) : undefined;
    return sendHtml(
      reply,
      await page(
        <SearchPage
          q={q}
          organs={r.organs}
          organ={organ}
          items={r.items}
          snippets={r.snippets}
          total={r.total}
          next={r.next}
          params={params}
        />,
      ),
    );
  });
  app.get('/sitemap.xml', async (req, reply) =>
    reply.type('application/xml; charset=utf-8').send(sitemapXml(base, await sitemapPaths(deps))),
  );
}
