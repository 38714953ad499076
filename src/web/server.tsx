/**
 * The Fastify application: the applicant's service (no account, no JavaScript needed) and the back office.
 * HTTP exists only here; one function maps application errors to status codes.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import helmet from '@fastify/helmet';
import csrf from '@fastify/csrf-protection';
import type { StaffUser } from '../core/ports.js';
import type { CaseEvent, CaseEventKind } from '../core/case/case-event.js';
import { TRANSITIONS, findTransition } from '../core/case/case-machine.js';
import { perPieceFee, perVolumeFee } from '../core/case/fees.js';
import { isIsoDate } from '../core/calendar/holiday-calendar.js';
import { AppError, type AppDeps, today } from '../app/deps.js';
import { audit } from '../app/audit.js';
import { submitApplication, registerApplication } from '../app/cases/create-case.js';
import { recordCaseEvent } from '../app/cases/record-case-event.js';
import { requestApproval, decideApproval } from '../app/cases/approvals.js';
import {
  getCaseForApplicant,
  getCaseForApplicantSession,
  getCaseForStaff,
  listCases,
  type ListTab,
  type CaseView,
} from '../app/cases/case-view.js';
import { addAttachment, MAX_ATTACHMENT_BYTES } from '../app/cases/attachments.js';
import { addReview } from '../app/cases/reviews.js';
import { login, logout, sessionUser } from '../app/auth/sessions.js';
import { buildLetters, type Letter } from '../app/letters/build-letters.js';
import { organStatistics } from '../app/cases/organ-statistics.js';
import { canViewAudit, canViewCase, visibleOrganIds } from '../app/policies/case-policy.js';
import { hmac, safeEqual } from '../adapters/security/password-hasher.js';
import { renderLetterDocx, renderLetterHtml } from '../adapters/render/letter-renderers.js';
import { printPdf } from '../adapters/render/pdf-printer.js';
import { APP_CSS, PORTAL_CSS } from './assets.js';
import { PageCache } from './page-cache.js';
import { httpStatus } from './http-errors.js';
import { registerApi } from './api.js';
import { registerStaffApi } from './staff-api.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { ReportCheckPage } from './views/report-check.js';
import { readAndCheckReport } from '../app/reports/check-report.js';
import { defaultReportParsers } from '../adapters/parse/report-parsers.js';
import { renderReportSections } from '../adapters/render/html-report-renderer.js';
import { issueApiToken, listApiTokens, revokeApiToken } from '../app/auth/api-tokens.js';
import { setReportDeadlines, subordinateOrgans } from '../app/organs/report-deadlines.js';
import { importReport } from '../app/reports/import-report.js';
import { addSubordinateOrgan, addUser, checkNewAdmin } from '../app/admin/bootstrap.js';
import { page } from './views/layout.js';
import { ApplyForm, ApplyOrgans, Receipt, StatusPage, StatusQuery } from './views/portal.js';
import {
  ApprovalsPage,
  AuditPage,
  CalendarPage,
  DeadlinesPage,
  ReportPage,
  RollUpPage,
  SupervisePage,
  CaseListPage,
  CasePage,
  ColumnsPage,
  LoginPage,
  NewCasePage,
  OrganPage,
  StaffPage,
  StatsPage,
} from './views/admin.js';
import { addColumn, changeStaff, createStaff, renameColumn } from '../app/admin/staff.js';
import { canEditCalendar, editCalendar, loadCalendar } from '../app/admin/calendar.js';
import {
  compileAnnualReport,
  draftReportItem,
  manualSection2Slots,
} from '../app/reports/compile-annual-report.js';
import {
  reportDeadline,
  rollUpSubordinates,
  supervisionDashboard,
} from '../app/supervision/supervision-dashboard.js';
import { exportCasesCsv, exportCasesXlsx } from '../app/cases/export-cases.js';
import { updateOrgan } from '../app/organs/update-organ.js';
import {
  addItemFile,
  createItem,
  ensureCatalogue,
  recordItemStep,
  updateDraft,
  type ItemAction,
} from '../app/publication/items.js';
import {
  columnPage,
  forgetPortalMemo,
  itemPage,
  lateItems,
  portalHome,
  publicFile,
  searchItems,
} from '../app/publication/portal.js';
import { replayItem, timeliness, ITEM_TRANSITIONS } from '../core/publication/item-model.js';
import { extractAttachmentText } from '../adapters/parse/extract-text.js';
import { sniffType } from '../app/cases/attachments.js';
import { ColumnPage, GuidePage, ItemPage, OrganHome, PlatformHome, SearchPage } from './views/gk.js';
import { ItemAdminPage, ItemsListPage, NewItemPage, TimelinessPage } from './views/admin-items.js';
import { escapeHtml as esc } from '../adapters/render/html-report-renderer.js';

const ITEMS_PER_PAGE = 50;

export interface ServerOptions {
  /** seconds a rendered public page may be served from memory (0 disables) */
  pageCacheSeconds?: number;
  /** rate limits (per IP per minute) for login and the status query */
  loginPerMinute?: number;
  statusPerMinute?: number;
  reportCheckPerMinute?: number;
  /** how often (seconds) to look whether another process changed the working-day calendar; default 5 */
  calendarRefreshSeconds?: number;
  /** mark cookies Secure (behind HTTPS) */
  secureCookies?: boolean;
  logger?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: StaffUser | null;
    sessionToken: string | undefined;
  }
}

const SESSION_COOKIE = 'gk_sid';
const APPLICANT_COOKIE = 'gk_case';

function send(reply: FastifyReply, html: string, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

function body(req: FastifyRequest): Record<string, string> {
  const b = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(b)) {
    if (typeof v === 'string') out[k] = v;
    else if (
      v &&
      typeof v === 'object' &&
      (v as { type?: string }).type === 'field' &&
      typeof (v as { value?: unknown }).value === 'string'
    )
      out[k] = (v as { value: string }).value;
  }
  return out;
}

/** Builds the event a back-office form describes; throws a field error in Chinese. */
function eventFromForm(kind: CaseEventKind, f: Record<string, string>, todayIso: string): CaseEvent {
  const on = (f.on || todayIso).trim();
  if (!isIsoDate(on))
    throw new AppError('form_invalid', '日期无效', 'invalid', { on: '请填写真实日期（YYYY-MM-DD）' });
  if (on > todayIso)
    throw new AppError('form_invalid', '日期不能晚于今天', 'invalid', { on: '日期不能晚于今天' });
  const need = (k: string, label: string): string => {
    const v = (f[k] ?? '').trim();
    if (!v) throw new AppError('form_invalid', `请填写${label}`, 'invalid', { [k]: `请填写${label}` });
    return v;
  };
  const date = (k: string): string | undefined => {
    const v = (f[k] ?? '').trim();
    if (!v) return undefined;
    if (!isIsoDate(v)) throw new AppError('form_invalid', '日期无效', 'invalid', { [k]: '请填写真实日期' });
    return v;
  };
  const int = (k: string, label: string): number => {
    const n = Number(f[k]);
    if (!Number.isInteger(n))
      throw new AppError('form_invalid', `${label}应为整数`, 'invalid', { [k]: `${label}应为整数` });
    return n;
  };
  switch (kind) {
    case 'clarification_requested':
      return {
        kind,
        on,
        items: need('items', '需要补正的事项')
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean),
        replyWithinDays: f.replyWithinDays ? int('replyWithinDays', '补正期限') : 15,
      };
    case 'clarification_received':
      return { kind, on, ...(f.text ? { note: f.text.slice(0, 2000) } : {}) };
    case 'clarification_lapsed':
    case 'fee_paid':
    case 'fee_lapsed':
    case 'withdrawn':
      return { kind, on } as CaseEvent;
    case 'third_party_consulted': {
      const r = date('receivedOn');
      return { kind, on, party: need('party', '第三方名称'), ...(r ? { receivedOn: r } : {}) };
    }
    case 'co_producer_consulted': {
      const r = date('receivedOn');
      return { kind, on, organ: need('organ', '共同制作机关'), ...(r ? { receivedOn: r } : {}) };
    }
    case 'third_party_replied':
      return {
        kind,
        on,
        ...(f.party ? { party: f.party } : {}),
        answer: (['consent', 'objection', 'no_answer'].includes(f.answer ?? '')
          ? f.answer
          : 'no_answer') as 'consent',
      };
    case 'co_producer_replied':
      return {
        kind,
        on,
        ...(f.organ ? { organ: f.organ } : {}),
        answer: (['consent', 'objection', 'no_answer'].includes(f.answer ?? '')
          ? f.answer
          : 'no_answer') as 'consent',
      };
    case 'extended':
      return {
        kind,
        on,
        days: int('days', '延长工作日数'),
        approvedBy: f.approvedBy ?? '',
        reason: need('reason', '延期理由'),
      };
    case 'fee_notice_issued': {
      const method = f.method === 'per_volume' ? 'per_volume' : 'per_piece';
      const q = int('quantity', method === 'per_piece' ? '件数' : '页数');
      const quote =
        method === 'per_piece'
          ? perPieceFee(f.alreadyThisMonth ? int('alreadyThisMonth', '本月已计件数') : 0, q)
          : perVolumeFee(q);
      if (quote.amountYuan <= 0)
        throw new AppError('form_invalid', '按此数量不收费', 'invalid', {
          quantity: `${quote.text}无需发出收费通知`,
        });
      const r = date('receivedOn');
      return {
        kind,
        on,
        method,
        amountYuan: quote.amountYuan,
        ...(r ? { receivedOn: r } : {}),
        note: quote.text,
      };
    }
    case 'decided':
      return {
        kind,
        on,
        outcome: need('outcome', '答复类型') as never,
        ...(f.reasons ? { reasons: f.reasons.slice(0, 4000) } : {}),
      };
    case 'delivered':
      return { kind, on, method: need('method', '送达方式') };
    case 'reopened':
      return { kind, on, reason: need('reason', '重新办理的原因') };
    default:
      throw new AppError('event_unknown', '未知的办理事项', 'not_found');
  }
}

export async function buildServer(deps: AppDeps, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? { level: 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] }
      : false,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie, { secret: deps.secret });
  await app.register(formbody);
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 },
  });
  // counters in the database: one limit across all web processes (rate-limit-store.ts)
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(deps.store) as never });
  await app.register(csrf, {
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: !!opts.secureCookies },
    getToken: (req) => {
      const v = (req.body as Record<string, unknown> | undefined)?._csrf;
      return typeof v === 'string'
        ? v
        : ((v as { value?: string } | undefined)?.value ??
            (req.headers['x-csrf-token'] as string | undefined));
    },
  });

  // plain text and HTML bodies for the report-check API
  app.addContentTypeParser(
    ['text/plain', 'text/html'],
    { parseAs: 'string', bodyLimit: 4 * 1024 * 1024 },
    (_req, b, done) => done(null, b),
  );
  await registerApi(app, deps);
  await registerStaffApi(app, deps);

  // Several web processes may share one database: a calendar edited in one reaches the others within seconds
  // (the version is read lazily, at most once per interval, never at start-up).
  const refreshMs = (opts.calendarRefreshSeconds ?? 5) * 1000;
  let calendarVersion: number | undefined;
  let calendarCheckedAt = -Infinity;
  let calendarCheck: Promise<void> | null = null;
  app.addHook('onRequest', async () => {
    if (Date.now() - calendarCheckedAt < refreshMs) return;
    calendarCheck ??= (async () => {
      try {
        const v = await deps.store.calendar.version();
        if (v !== calendarVersion && (calendarVersion !== undefined || v > 0))
          deps.calendar = await loadCalendar(deps);
        calendarVersion = v;
        calendarCheckedAt = Date.now();
      } finally {
        calendarCheck = null;
      }
    })();
    await calendarCheck;
  });

  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', undefined);
  app.addHook('onRequest', async (req) => {
    const raw = req.cookies[SESSION_COOKIE];
    const un = raw ? req.unsignCookie(raw) : null;
    req.sessionToken = un?.valid ? (un.value ?? undefined) : undefined;
    req.user = req.url.startsWith('/admin') ? await sessionUser(deps, req.sessionToken) : null;
  });

  const protect = { preHandler: app.csrfProtection };

  // Public portal pages: served from a short-lived in-process cache; cleared here on every publication change.
  const cache = new PageCache(5000, (opts.pageCacheSeconds ?? 10) * 1000);
  const PUBLIC = /^\/(gk\/|search\?|sitemap\.xml$|$)/;
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !PUBLIC.test(req.url) || (opts.pageCacheSeconds ?? 10) === 0) return;
    const hit = cache.get(req.url);
    if (hit)
      return reply
        .code(200)
        .type(hit.type)
        .header('cache-control', 'no-cache')
        .header('x-cache', 'hit')
        .send(hit.body);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (
      req.method === 'GET' &&
      reply.statusCode === 200 &&
      PUBLIC.test(req.url) &&
      typeof payload === 'string' &&
      reply.getHeader('x-cache') !== 'hit' &&
      (opts.pageCacheSeconds ?? 10) > 0
    ) {
      cache.set(req.url, payload, String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'));
      reply.header('cache-control', 'no-cache');
    }
    if (req.method === 'POST' && req.url.startsWith('/admin/items/') && reply.statusCode < 400) cache.clear();
    if (req.method === 'POST' && req.url === '/admin/organ' && reply.statusCode < 400) {
      cache.clear();
      forgetPortalMemo();
    }
    return payload;
  });

  app.setErrorHandler(async (err, req, reply) => {
    if (req.url.startsWith('/api/')) {
      const e = err as { statusCode?: number; code?: string; message?: string };
      const status =
        err instanceof AppError ? httpStatus(err) : e.statusCode && e.statusCode < 500 ? e.statusCode : 500;
      if (status >= 500) req.log.error({ err }, 'api');
      return reply.code(status).send({
        error:
          err instanceof AppError
            ? err.code
            : status === 429
              ? 'rate_limited'
              : status === 400
                ? 'bad_request'
                : 'internal',
        message:
          err instanceof AppError
            ? err.message
            : status === 429
              ? '请求过于频繁'
              : status === 400
                ? '请求无效'
                : '系统错误',
        ...(err instanceof AppError && Object.keys(err.fields).length ? { fields: err.fields } : {}),
      });
    }
    if (err instanceof AppError)
      return send(
        reply,
        await page(<ErrorPage status={httpStatus(err)} message={err.message} user={req.user} />),
        httpStatus(err),
      );
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode === 429)
      return send(
        reply,
        await page(<ErrorPage status={429} message="请求过于频繁，请稍后再试" user={null} />),
        429,
      );
    if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET')
      return send(
        reply,
        await page(
          <ErrorPage status={403} message="页面已过期或表单来源无效，请返回刷新后重试" user={null} />,
        ),
        403,
      );
    if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413)
      return send(reply, await page(<ErrorPage status={413} message="文件超过10MB" user={req.user} />), 413);
    if (e.statusCode && e.statusCode < 500)
      return send(
        reply,
        await page(<ErrorPage status={e.statusCode} message="请求无效" user={req.user} />),
        e.statusCode,
      );
    req.log.error({ err }, 'unhandled');
    return send(
      reply,
      await page(
        <ErrorPage status={500} message="系统出现错误，请稍后再试；您的数据没有受到影响" user={null} />,
      ),
      500,
    );
  });
  app.setNotFoundHandler(async (req, reply) =>
    send(reply, await page(<ErrorPage status={404} message="页面不存在" user={req.user} />), 404),
  );

  app.get('/assets/app.css', async (_req, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(APP_CSS + PORTAL_CSS),
  );
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/', async (_req, reply) =>
    send(reply, await page(<PlatformHome organs={await deps.store.organs.list()} />)),
  );

  // ------------------------------------------------------------ 政府信息公开专栏 (public)
  app.get<{ Params: { organ: string } }>('/gk/:organ', async (req, reply) => {
    const h = await portalHome(deps, req.params.organ);
    return send(reply, await page(<OrganHome organ={h.organ} latest={h.latest} blocks={h.blocks} />));
  });
  app.get<{ Params: { organ: string } }>('/gk/:organ/guide', async (req, reply) => {
    const organ = await deps.store.organs.find(req.params.organ);
    if (!organ) throw new AppError('organ_not_found', '找不到该机关', 'not_found');
    const parent = organ.parentId ? await deps.store.organs.find(organ.parentId) : undefined;
    return send(reply, await page(<GuidePage organ={organ} parent={parent} />));
  });
  app.get<{ Params: { organ: string; key: string }; Querystring: { before?: string } }>(
    '/gk/:organ/c/:key',
    async (req, reply) => {
      const c = await columnPage(deps, req.params.organ, req.params.key, req.query.before);
      return send(
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
    const base = `${req.protocol}://${req.host}`;
    const items = c.items
      .map(
        (i) =>
          `<item><title>${esc(i.title)}</title><link>${base}/gk/${c.organ.id}/i/${i.id}</link><guid isPermaLink="false">${esc(i.indexNo)}</guid><pubDate>${new Date(`${i.publishedOn}T00:00:00+08:00`).toUTCString()}</pubDate></item>`,
      )
      .join('');
    return reply
      .type('application/rss+xml; charset=utf-8')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${esc(`${c.organ.name} - ${c.column.name}`)}</title><link>${base}/gk/${c.organ.id}/c/${c.column.key}</link><description>${esc(c.column.name)}</description><language>zh-cn</language>${items}</channel></rss>`,
      );
  });
  app.get<{ Params: { organ: string; id: string } }>('/gk/:organ/i/:id', async (req, reply) => {
    const p = await itemPage(deps, req.params.organ, req.params.id);
    return send(
      reply,
      await page(
        <ItemPage organ={p.organ} item={p.item} column={p.column} files={p.files} revised={p.revised} />,
      ),
    );
  });
  app.get<{ Params: { organ: string; id: string } }>('/gk/:organ/f/:id', async (req, reply) => {
    const f = await publicFile(deps, req.params.organ, req.params.id);
    return reply
      .type(f.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(await deps.files.get(f.storageKey)));
  });
  app.get<{ Querystring: Record<string, string> }>('/search', async (req, reply) => {
    const params: Record<string, string> = {};
    for (const k of ['organ', 'column', 'year', 'validity'])
      if (typeof req.query[k] === 'string' && req.query[k]) params[k] = String(req.query[k]).slice(0, 40);
    const q = String(req.query.q ?? '').slice(0, 100);
    const r = await searchItems(deps, {
      q,
      ...params,
      ...(req.query.before ? { before: String(req.query.before) } : {}),
    });
    const organ = params.organ ? r.organs.find((o) => o.id === params.organ) : undefined;
    return send(
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
  app.get('/sitemap.xml', async (req, reply) => {
    const base = `${req.protocol}://${req.host}`;
    const organs = await deps.store.organs.list();
    const urls: string[] = [`${base}/`];
    for (const o of organs) {
      urls.push(`${base}/gk/${o.id}`, `${base}/gk/${o.id}/guide`);
      for (const c of await ensureCatalogue(deps, o))
        if (c.kind !== 'guide') urls.push(`${base}/gk/${o.id}/c/${c.key}`);
      for (const i of await deps.store.publication.items.listPublic({
        organIds: [o.id],
        today: today(deps),
        limit: 5000,
      }))
        urls.push(`${base}/gk/${o.id}/i/${i.id}`);
    }
    return reply
      .type('application/xml; charset=utf-8')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<url><loc>${esc(u)}</loc></url>`).join('')}</urlset>`,
      );
  });

  // ------------------------------------------------------------ 年度报告核对 (public tool)
  const checkLimit = {
    config: { rateLimit: { max: opts.reportCheckPerMinute ?? 20, timeWindow: '1 minute' } },
  };
  app.get('/nianbao/check', async (_req, reply) =>
    send(reply, await page(<ReportCheckPage csrf={reply.generateCsrf()} />)),
  );
  app.post('/nianbao/check', { ...checkLimit, ...protect }, async (req, reply) => {
    const b = (req.body ?? {}) as Record<
      string,
      { filename?: string; toBuffer?: () => Promise<Buffer>; type?: string }
    >;
    const text = body(req).text ?? '';
    const file = b.file && b.file.type === 'file' && b.file.toBuffer && b.file.filename ? b.file : null;
    const bytes = file ? new Uint8Array(await file.toBuffer!()) : new TextEncoder().encode(text);
    if (bytes.length === 0 || (!file && !text.trim()))
      return send(
        reply,
        await page(
          <ReportCheckPage csrf={reply.generateCsrf()} error="请选择报告文件，或粘贴报告全文" text={text} />,
        ),
        400,
      );
    const name = file ? file.filename! : '粘贴的文字';
    const r = await readAndCheckReport(defaultReportParsers, file ? file.filename! : 'pasted.txt', bytes, {
      check: true,
    });
    const tablesHtml = renderReportSections(r.report);
    return send(
      reply,
      await page(
        <ReportCheckPage
          csrf={reply.generateCsrf()}
          text={file ? '' : text}
          result={{ name, report: r.report, findings: r.findings, unreadable: r.unreadable, tablesHtml }}
        />,
      ),
      200,
    );
  });

  // ------------------------------------------------------------ applicant
  app.get('/apply', async (_req, reply) =>
    send(reply, await page(<ApplyOrgans organs={await deps.store.organs.list()} />)),
  );
  app.get<{ Params: { organId: string } }>('/apply/:organId', async (req, reply) => {
    const organ = await deps.store.organs.find(req.params.organId);
    if (!organ) throw new AppError('organ_not_found', '找不到该机关', 'not_found');
    return send(
      reply,
      await page(<ApplyForm organ={organ} csrf={reply.generateCsrf()} values={{}} fields={{}} />),
    );
  });
  app.post<{ Params: { organId: string } }>('/apply/:organId', protect, async (req, reply) => {
    const organ = await deps.store.organs.find(req.params.organId);
    if (!organ) throw new AppError('organ_not_found', '找不到该机关', 'not_found');
    const values = body(req);
    try {
      const c = await submitApplication(deps, organ.id, values, req.ip);
      setApplicantCookie(reply, c.caseId);
      return send(
        reply,
        await page(
          <Receipt
            organ={organ}
            caseId={c.caseId}
            code={c.queryCode}
            receivedOn={c.receivedOn}
            dueOn={c.dueOn}
            receiptText={c.receiptText}
          />,
        ),
        201,
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'form_invalid')
        return send(
          reply,
          await page(
            <ApplyForm organ={organ} csrf={reply.generateCsrf()} values={values} fields={e.fields} />,
          ),
          400,
        );
      throw e;
    }
  });

  const statusLimit = { config: { rateLimit: { max: opts.statusPerMinute ?? 20, timeWindow: '1 minute' } } };
  app.get('/status', async (_req, reply) =>
    send(reply, await page(<StatusQuery csrf={reply.generateCsrf()} />)),
  );
  app.post('/status', { ...statusLimit, ...protect }, async (req, reply) => {
    const f = body(req);
    try {
      const v = await getCaseForApplicant(deps, f.caseId ?? '', f.code ?? '');
      setApplicantCookie(reply, v.row.id);
      return reply.redirect(`/status/${encodeURIComponent(v.row.id)}`, 303);
    } catch (e) {
      if (e instanceof AppError && httpStatus(e) === 404)
        return send(
          reply,
          await page(<StatusQuery csrf={reply.generateCsrf()} error={e.message} caseId={f.caseId} />),
          404,
        );
      throw e;
    }
  });
  function setApplicantCookie(reply: FastifyReply, caseId: string) {
    const exp = deps.now().getTime() + 2 * 3600 * 1000;
    reply.setCookie(APPLICANT_COOKIE, `${caseId}.${exp}.${hmac(deps.secret, `${caseId}.${exp}`)}`, {
      path: '/status',
      httpOnly: true,
      sameSite: 'lax',
      secure: !!opts.secureCookies,
      maxAge: 7200,
    });
  }
  function applicantCase(req: FastifyRequest, caseId: string): boolean {
    const c = req.cookies[APPLICANT_COOKIE];
    if (!c) return false;
    const [id, exp, sig] = c.split('.');
    return (
      id === caseId &&
      Number(exp) > deps.now().getTime() &&
      !!sig &&
      safeEqual(sig, hmac(deps.secret, `${id}.${exp}`))
    );
  }
  async function applicantView(req: FastifyRequest, caseId: string): Promise<CaseView> {
    if (!applicantCase(req, caseId))
      throw new AppError('case_not_found', '请先用案件编号和查询码查询', 'not_found');
    return getCaseForApplicantSession(deps, caseId);
  }
  const lettersOf = async (v: CaseView): Promise<Letter[]> => {
    const parent = v.organ.parentId ? await deps.store.organs.find(v.organ.parentId) : undefined;
    return buildLetters(v.snapshot, {
      organ: v.organ,
      reviewOrgan: parent?.name ?? '上一级行政机关',
      caseId: v.row.id,
      calendar: deps.calendar,
      rules: deps.rules,
    });
  };
  app.get<{ Params: { caseId: string } }>('/status/:caseId', async (req, reply) => {
    const v = await applicantView(req, req.params.caseId);
    return send(
      reply,
      await page(
        <StatusPage
          v={v}
          letters={(await lettersOf(v)).filter((l) => l.forApplicant)}
          csrf={reply.generateCsrf()}
        />,
      ),
    );
  });
  app.post<{ Params: { caseId: string } }>('/status/:caseId/clarification', protect, async (req, reply) => {
    const v = await applicantView(req, req.params.caseId);
    const text = (body(req).text ?? '').trim();
    if (!text)
      return send(
        reply,
        await page(
          <StatusPage
            v={v}
            letters={(await lettersOf(v)).filter((l) => l.forApplicant)}
            csrf={reply.generateCsrf()}
            fields={{ text: '请填写补正内容' }}
            flash={{ kind: 'err', text: '请填写补正内容' }}
          />,
        ),
        400,
      );
    const file = (
      req.body as
        | Record<string, { type?: string; filename?: string; toBuffer?: () => Promise<Buffer> }>
        | undefined
    )?.file;
    if (file && file.type === 'file' && file.toBuffer && file.filename) {
      try {
        await addAttachment(
          deps,
          v.row.id,
          'clarification',
          file.filename,
          new Uint8Array(await file.toBuffer()),
          { userId: null, role: 'applicant', organId: v.row.organId },
          req.ip,
        );
      } catch (e) {
        if (e instanceof AppError && httpStatus(e) === 400 && e.code !== 'file_empty')
          return send(
            reply,
            await page(
              <StatusPage
                v={v}
                letters={(await lettersOf(v)).filter((l) => l.forApplicant)}
                csrf={reply.generateCsrf()}
                fields={{ text: Object.values(e.fields)[0] ?? e.message }}
                flash={{ kind: 'err', text: Object.values(e.fields)[0] ?? e.message }}
              />,
            ),
            400,
          );
        if (!(e instanceof AppError)) throw e;
      }
    }
    await recordCaseEvent(
      deps,
      { applicant: true },
      v.row.id,
      { kind: 'clarification_received', on: today(deps), by: 'applicant', note: text.slice(0, 4000) },
      req.ip,
    );
    return reply.redirect(`/status/${encodeURIComponent(v.row.id)}`, 303);
  });
  app.get<{ Params: { caseId: string; letter: string } }>(
    '/status/:caseId/letters/:letter',
    async (req, reply) => {
      const v = await applicantView(req, req.params.caseId);
      return sendLetter(
        reply,
        (await lettersOf(v)).filter((l) => l.forApplicant),
        req.params.letter,
      );
    },
  );

  async function sendLetter(reply: FastifyReply, letters: Letter[], name: string) {
    const m = /^(.+)\.(html|docx|pdf)$/.exec(name);
    const l = m ? letters.find((x) => x.id === m[1]) : undefined;
    if (!m || !l) throw new AppError('letter_not_found', '找不到该文书', 'not_found');
    const file = encodeURIComponent(`${l.title}-${l.number}.${m[2]}`);
    if (m[2] === 'html') return send(reply, renderLetterHtml(l));
    if (m[2] === 'docx')
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${file}`)
        .send(Buffer.from(await renderLetterDocx(l)));
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename*=UTF-8''${file}`)
      .send(Buffer.from(await printPdf(renderLetterHtml(l))));
  }

  // ------------------------------------------------------------ back office
  const staff = (req: FastifyRequest): StaffUser => {
    if (!req.user) throw new AppError('authentication_required', '请先登录', 'unauthenticated');
    return req.user;
  };
  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/admin') || req.url.startsWith('/admin/login')) return;
    if (!req.user) return reply.redirect('/admin/login', 303);
  });
  const loginLimit = { config: { rateLimit: { max: opts.loginPerMinute ?? 10, timeWindow: '1 minute' } } };
  app.get('/admin/login', async (req, reply) => {
    if (req.user) return reply.redirect('/admin', 303);
    return send(reply, await page(<LoginPage csrf={reply.generateCsrf()} />));
  });
  app.post('/admin/login', { ...loginLimit, ...protect }, async (req, reply) => {
    const f = body(req);
    try {
      const { token } = await login(deps, f.username ?? '', f.password ?? '', req.ip);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/admin',
        httpOnly: true,
        sameSite: 'lax',
        secure: !!opts.secureCookies,
        signed: true,
      });
      return reply.redirect('/admin', 303);
    } catch (e) {
      if (e instanceof AppError && (httpStatus(e) === 401 || httpStatus(e) === 423))
        return send(
          reply,
          await page(<LoginPage csrf={reply.generateCsrf()} error={e.message} username={f.username} />),
          httpStatus(e),
        );
      throw e;
    }
  });
  app.post('/admin/logout', protect, async (req, reply) => {
    await logout(deps, req.sessionToken, req.user, req.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/admin' });
    return reply.redirect('/admin/login', 303);
  });
  app.get<{ Querystring: { tab?: string; q?: string; page?: string } }>('/admin', async (req, reply) => {
    const user = staff(req);
    const tabs: ListTab[] = ['open', 'mine', 'due_soon', 'overdue', 'closed', 'all'];
    const tab = (tabs.includes(req.query.tab as ListTab) ? req.query.tab : 'open') as ListTab;
    const list = await listCases(
      deps,
      user,
      tab,
      (req.query.q ?? '').slice(0, 50),
      Number(req.query.page) || 1,
    );
    return send(
      reply,
      await page(
        <CaseListPage
          user={user}
          csrf={reply.generateCsrf()}
          list={list}
          tab={tab}
          search={req.query.q ?? ''}
          today={today(deps)}
        />,
      ),
    );
  });
  app.get('/admin/cases/new', async (req, reply) => {
    const user = staff(req);
    if (user.role !== 'clerk' && user.role !== 'head')
      throw new AppError('forbidden', '只有经办人或负责人可以登记申请', 'forbidden');
    return send(
      reply,
      await page(
        <NewCasePage
          user={user}
          csrf={reply.generateCsrf()}
          values={{ submittedOn: today(deps) }}
          fields={{}}
        />,
      ),
    );
  });
  app.post('/admin/cases/new', protect, async (req, reply) => {
    const user = staff(req);
    const values = body(req);
    try {
      const c = await registerApplication(deps, user, values, req.ip);
      return reply.redirect(`/admin/cases/${c.caseId}?ok=registered`, 303);
    } catch (e) {
      if (e instanceof AppError && e.code === 'form_invalid')
        return send(
          reply,
          await page(
            <NewCasePage user={user} csrf={reply.generateCsrf()} values={values} fields={e.fields} />,
          ),
          400,
        );
      throw e;
    }
  });
  const FLASH: Record<string, string> = {
    registered: '已登记。',
    recorded: '已记录。',
    requested: '已提请负责人审批。',
    approved: '已审批。',
    uploaded: '已上传。',
    review: '已登记复议诉讼。',
  };
  async function renderCase(
    req: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    flash: { kind: 'ok' | 'err'; text: string } | null,
    status = 200,
  ) {
    const user = staff(req);
    const v = await getCaseForStaff(deps, user, caseId);
    return send(
      reply,
      await page(
        <CasePage
          user={user}
          csrf={reply.generateCsrf()}
          v={v}
          letters={await lettersOf(v)}
          flash={flash}
          organs={await deps.store.organs.list()}
        />,
      ),
      status,
    );
  }
  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>(
    '/admin/cases/:id',
    async (req, reply) => {
      const res = await renderCase(
        req,
        reply,
        req.params.id,
        req.query.ok && FLASH[req.query.ok] ? { kind: 'ok', text: FLASH[req.query.ok]! } : null,
      );
      // reading an applicant's personal data is an action too
      const u = req.user!;
      await audit(deps.store, deps.now(), {
        organId: u.organId,
        userId: u.id,
        role: u.role,
        action: 'case.view',
        caseId: req.params.id,
        ip: req.ip,
      });
      return res;
    },
  );

  app.post<{ Params: { id: string; kind: string } }>(
    '/admin/cases/:id/events/:kind',
    protect,
    async (req, reply) => {
      const user = staff(req);
      const kind = req.params.kind as CaseEventKind;
      if (!TRANSITIONS.some((t) => t.event === kind) || kind === 'registered')
        throw new AppError('event_unknown', '未知的办理事项', 'not_found');
      const v = await getCaseForStaff(deps, user, req.params.id);
      if (v.row.organId !== user.organId)
        throw new AppError('forbidden', '只能办理本机关的案件', 'forbidden');
      const row = findTransition(v.snapshot.state, kind);
      if (!row)
        throw new AppError(
          'transition_not_allowed',
          `当前状态下不能“${TRANSITIONS.find((t) => t.event === kind)!.label}”`,
          'conflict',
        );
      try {
        const ev = eventFromForm(kind, body(req), today(deps));
        if (kind === 'extended' && user.role === 'head')
          (ev as { approvedBy: string }).approvedBy = user.displayName;
        if (kind === 'decided' && user.role === 'head')
          (ev as { signedBy?: string }).signedBy = user.displayName;
        await recordCaseEvent(deps, { user }, v.row.id, ev, req.ip);
        return reply.redirect(`/admin/cases/${v.row.id}?ok=recorded`, 303);
      } catch (e) {
        if (e instanceof AppError && httpStatus(e) < 500 && httpStatus(e) !== 403 && httpStatus(e) !== 404)
          return renderCase(
            req,
            reply,
            v.row.id,
            { kind: 'err', text: Object.values(e.fields)[0] ?? e.message },
            httpStatus(e),
          );
        throw e;
      }
    },
  );
  app.post<{ Params: { id: string; kind: string } }>(
    '/admin/cases/:id/approvals/:kind',
    protect,
    async (req, reply) => {
      const user = staff(req);
      const kind = req.params.kind;
      if (kind !== 'extended' && kind !== 'decided')
        throw new AppError('event_unknown', '只有延期和答复需要审批', 'not_found');
      const v = await getCaseForStaff(deps, user, req.params.id);
      try {
        await requestApproval(deps, user, v.row.id, eventFromForm(kind, body(req), today(deps)), req.ip);
        return reply.redirect(`/admin/cases/${v.row.id}?ok=requested`, 303);
      } catch (e) {
        if (e instanceof AppError && httpStatus(e) < 500 && httpStatus(e) !== 403 && httpStatus(e) !== 404)
          return renderCase(
            req,
            reply,
            v.row.id,
            { kind: 'err', text: Object.values(e.fields)[0] ?? e.message },
            httpStatus(e),
          );
        throw e;
      }
    },
  );
  app.get('/admin/approvals', async (req, reply) => {
    const user = staff(req);
    const items = user.role === 'head' ? await deps.store.approvals.listPending([user.organId]) : [];
    return send(reply, await page(<ApprovalsPage user={user} csrf={reply.generateCsrf()} items={items} />));
  });
  app.post<{ Params: { id: string } }>('/admin/approvals/:id', protect, async (req, reply) => {
    const user = staff(req);
    const f = body(req);
    const a = await decideApproval(
      deps,
      user,
      req.params.id,
      f.decision === 'approve',
      f.comment ?? '',
      req.ip,
    );
    const back =
      f.back && /^\/admin\/(cases\/[\w-]+|approvals)$/.test(f.back) ? f.back : `/admin/cases/${a.caseId}`;
    return reply.redirect(`${back}?ok=approved`, 303);
  });
  app.post<{ Params: { id: string } }>('/admin/cases/:id/attachments', protect, async (req, reply) => {
    const user = staff(req);
    const v = await getCaseForStaff(deps, user, req.params.id);
    if (v.row.organId !== user.organId || user.role === 'supervisor')
      throw new AppError('forbidden', '只能办理本机关的案件', 'forbidden');
    const b = (req.body ?? {}) as Record<
      string,
      { value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer>; type?: string }
    >;
    const file = b.file;
    if (!file || file.type !== 'file' || !file.toBuffer)
      return renderCase(req, reply, v.row.id, { kind: 'err', text: '请选择要上传的文件' }, 400);
    try {
      const bytes = await file.toBuffer();
      await addAttachment(
        deps,
        v.row.id,
        String(b.kind?.value ?? 'other') as never,
        file.filename ?? 'file',
        new Uint8Array(bytes),
        { userId: user.id, role: user.role, organId: user.organId },
        req.ip,
      );
    } catch (e) {
      if (e instanceof AppError && httpStatus(e) === 400)
        return renderCase(
          req,
          reply,
          v.row.id,
          { kind: 'err', text: Object.values(e.fields)[0] ?? e.message },
          400,
        );
      throw e;
    }
    return reply.redirect(`/admin/cases/${v.row.id}?ok=uploaded`, 303);
  });
  app.get<{ Params: { id: string; aid: string } }>(
    '/admin/cases/:id/attachments/:aid',
    async (req, reply) => {
      const user = staff(req);
      const v = await getCaseForStaff(deps, user, req.params.id);
      const a = v.attachments.find((x) => x.id === req.params.aid);
      if (!a) throw new AppError('attachment_not_found', '找不到该附件', 'not_found');
      return reply
        .type(a.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(await deps.files.get(a.storageKey)));
    },
  );
  app.post<{ Params: { id: string } }>('/admin/cases/:id/reviews', protect, async (req, reply) => {
    const user = staff(req);
    try {
      await addReview(deps, user, req.params.id, body(req), req.ip);
    } catch (e) {
      if (e instanceof AppError && httpStatus(e) === 400)
        return renderCase(
          req,
          reply,
          req.params.id,
          { kind: 'err', text: Object.values(e.fields)[0] ?? e.message },
          400,
        );
      throw e;
    }
    return reply.redirect(`/admin/cases/${req.params.id}?ok=review`, 303);
  });
  app.get<{ Params: { id: string; letter: string } }>(
    '/admin/cases/:id/letters/:letter',
    async (req, reply) => {
      const user = staff(req);
      const v = await getCaseForStaff(deps, user, req.params.id);
      return sendLetter(reply, await lettersOf(v), req.params.letter);
    },
  );
  app.get('/admin/audit', async (req, reply) => {
    const user = staff(req);
    if (!canViewAudit(user)) throw new AppError('forbidden', '只有管理员可以查看操作日志', 'forbidden');
    const names = Object.fromEntries(
      (await deps.store.users.listByOrgan(user.organId)).map((u) => [
        u.id,
        `${u.displayName}（${u.username}）`,
      ]),
    );
    return send(
      reply,
      await page(
        <AuditPage
          user={user}
          csrf={reply.generateCsrf()}
          entries={await deps.store.audit.list([user.organId], 200)}
          names={names}
        />,
      ),
    );
  });
  // ------------------------------------------------------------ 主动公开 (back office)
  app.get<{ Querystring: { state?: string; q?: string; page?: string } }>(
    '/admin/items',
    async (req, reply) => {
      const user = staff(req);
      const state = ['draft', 'attributed', 'reviewed', 'approved', 'published', 'withdrawn'].includes(
        req.query.state ?? '',
      )
        ? req.query.state!
        : '';
      const search = (req.query.q ?? '').trim().slice(0, 50);
      const q = { states: state ? [state as never] : null, ...(search ? { search } : {}) };
      const total = await deps.store.publication.items.countForOrgan(user.organId, q);
      const pages = Math.max(1, Math.ceil(total / ITEMS_PER_PAGE));
      const p = Math.min(Math.max(1, Math.floor(Number(req.query.page)) || 1), pages);
      const items = await deps.store.publication.items.listForOrgan(user.organId, {
        ...q,
        limit: ITEMS_PER_PAGE,
        offset: (p - 1) * ITEMS_PER_PAGE,
      });
      return send(
        reply,
        await page(
          <ItemsListPage
            user={user}
            csrf={reply.generateCsrf()}
            items={items}
            state={state}
            search={search}
            page={p}
            pages={pages}
            total={total}
          />,
        ),
      );
    },
  );
  const columnsOf = async (user: StaffUser) =>
    ensureCatalogue(deps, (await deps.store.organs.find(user.organId))!);
  app.get('/admin/items/new', async (req, reply) => {
    const user = staff(req);
    return send(
      reply,
      await page(
        <NewItemPage
          user={user}
          csrf={reply.generateCsrf()}
          columns={await columnsOf(user)}
          values={{ formedOn: today(deps) }}
          fields={{}}
        />,
      ),
    );
  });
  app.post('/admin/items/new', protect, async (req, reply) => {
    const user = staff(req);
    const values = body(req);
    try {
      const item = await createItem(deps, user, values, req.ip);
      return reply.redirect(`/admin/items/${item.id}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof AppError && e.code === 'form_invalid')
        return send(
          reply,
          await page(
            <NewItemPage
              user={user}
              csrf={reply.generateCsrf()}
              columns={await columnsOf(user)}
              values={values}
              fields={e.fields}
            />,
          ),
          400,
        );
      throw e;
    }
  });
  async function renderItem(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    flash: { kind: 'ok' | 'err'; text: string } | null,
    status = 200,
    fields?: Record<string, string>,
    values?: Record<string, string>,
  ) {
    const user = staff(req);
    const item = await deps.store.publication.items.find(id);
    const organs = await deps.store.organs.list();
    if (!item || !visibleOrganIds(user, organs).includes(item.organId))
      throw new AppError('item_not_found', '找不到该信息', 'not_found');
    const [events, versions, files] = await Promise.all([
      deps.store.publication.items.events(id),
      deps.store.publication.items.versions(id),
      deps.store.publication.files.list(id),
    ]);
    const { snapshot } = replayItem(events.map((e) => e.event));
    const timely = snapshot.firstPublishedOn
      ? timeliness(versions[0]!.meta.formedOn, snapshot.firstPublishedOn, deps.calendar)
      : null;
    return send(
      reply,
      await page(
        <ItemAdminPage
          user={user}
          csrf={reply.generateCsrf()}
          item={item}
          snapshot={snapshot}
          versions={versions}
          events={events}
          files={files}
          columns={await ensureCatalogue(deps, organs.find((o) => o.id === item.organId)!)}
          flash={flash}
          today={today(deps)}
          timely={timely}
          {...(fields ? { fields } : {})}
          {...(values ? { values } : {})}
        />,
      ),
      status,
    );
  }
  const ITEM_FLASH: Record<string, string> = { saved: '已保存。', done: '已办理。', file: '已上传。' };
  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>('/admin/items/:id', async (req, reply) =>
    renderItem(
      req,
      reply,
      req.params.id,
      req.query.ok && ITEM_FLASH[req.query.ok] ? { kind: 'ok', text: ITEM_FLASH[req.query.ok]! } : null,
    ),
  );
  app.post<{ Params: { id: string } }>('/admin/items/:id/edit', protect, async (req, reply) => {
    const user = staff(req);
    try {
      await updateDraft(deps, user, req.params.id, body(req), req.ip);
      return reply.redirect(`/admin/items/${req.params.id}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof AppError && (e.code === 'form_invalid' || httpStatus(e) === 409))
        return renderItem(
          req,
          reply,
          req.params.id,
          { kind: 'err', text: Object.values(e.fields)[0] ?? e.message },
          httpStatus(e),
          e.fields,
          body(req),
        );
      throw e;
    }
  });
  app.post<{ Params: { id: string; action: string } }>(
    '/admin/items/:id/steps/:action',
    protect,
    async (req, reply) => {
      const user = staff(req);
      const action = req.params.action as ItemAction;
      if (!ITEM_TRANSITIONS.some((t) => t.event === action))
        throw new AppError('action_unknown', '未知操作', 'not_found');
      try {
        await recordItemStep(deps, user, req.params.id, action, body(req), req.ip);
        return reply.redirect(`/admin/items/${req.params.id}?ok=done`, 303);
      } catch (e) {
        if (e instanceof AppError && httpStatus(e) < 500 && httpStatus(e) !== 404 && httpStatus(e) !== 403)
          return renderItem(
            req,
            reply,
            req.params.id,
            { kind: 'err', text: Object.values(e.fields)[0] ?? e.message },
            httpStatus(e),
          );
        throw e;
      }
    },
  );
  app.post<{ Params: { id: string } }>('/admin/items/:id/files', protect, async (req, reply) => {
    const user = staff(req);
    const b = (req.body ?? {}) as Record<
      string,
      { filename?: string; toBuffer?: () => Promise<Buffer>; type?: string }
    >;
    const file = b.file;
    if (!file || file.type !== 'file' || !file.toBuffer)
      return renderItem(req, reply, req.params.id, { kind: 'err', text: '请选择要上传的文件' }, 400);
    try {
      await addItemFile(
        deps,
        user,
        req.params.id,
        file.filename ?? 'file',
        new Uint8Array(await file.toBuffer()),
        extractAttachmentText,
        sniffType,
        req.ip,
      );
    } catch (e) {
      if (e instanceof AppError && httpStatus(e) === 400)
        return renderItem(
          req,
          reply,
          req.params.id,
          { kind: 'err', text: Object.values(e.fields)[0] ?? e.message },
          400,
        );
      throw e;
    }
    return reply.redirect(`/admin/items/${req.params.id}?ok=file`, 303);
  });
  app.get<{ Querystring: { year?: string } }>('/admin/items/timeliness', async (req, reply) => {
    const user = staff(req);
    const year = Number(req.query.year) || Number(today(deps).slice(0, 4));
    const rows = await lateItems(deps, visibleOrganIds(user, await deps.store.organs.list()), year);
    return send(
      reply,
      await page(<TimelinessPage user={user} csrf={reply.generateCsrf()} year={year} rows={rows} />),
    );
  });

  // ------------------------------------------------------------ 管理员: staff and columns
  const admin = (req: FastifyRequest): StaffUser => {
    const u = staff(req);
    if (u.role !== 'admin') throw new AppError('forbidden', '只有管理员可以管理账号和栏目', 'forbidden');
    return u;
  };
  const staffPage = async (
    reply: FastifyReply,
    u: StaffUser,
    extra: {
      flash?: { kind: 'ok' | 'err'; text: string };
      fields?: Record<string, string>;
      values?: Record<string, string>;
      tokenFields?: Record<string, string>;
    },
    status = 200,
  ) =>
    send(
      reply,
      await page(
        <StaffPage
          user={u}
          csrf={reply.generateCsrf()}
          staff={await deps.store.users.listByOrgan(u.organId)}
          tokens={await listApiTokens(deps, u)}
          {...extra}
        />,
      ),
      status,
    );
  app.get('/admin/staff', async (req, reply) => {
    const u = admin(req);
    return staffPage(reply, u, {});
  });
  app.post('/admin/staff', protect, async (req, reply) => {
    const u = admin(req);
    const values = body(req);
    try {
      const { user, password } = await createStaff(deps, u, values, req.ip);
      return staffPage(
        reply,
        u,
        { flash: { kind: 'ok', text: `已创建账号 ${user.username}，初始密码：${password}（只显示这一次）` } },
        201,
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'form_invalid')
        return staffPage(
          reply,
          u,
          { fields: e.fields, values, flash: { kind: 'err', text: e.message } },
          400,
        );
      throw e;
    }
  });
  app.post<{ Params: { id: string } }>('/admin/staff/:id', protect, async (req, reply) => {
    const u = admin(req);
    const f = body(req);
    const change = (
      ['role', 'disable', 'enable', 'reset'].includes(f.change ?? '') ? f.change : 'role'
    ) as 'role';
    const password = await changeStaff(deps, u, req.params.id, change, f.role, req.ip);
    const target = await deps.store.users.find(req.params.id);
    return staffPage(reply, u, {
      flash: {
        kind: 'ok',
        text: password ? `已重置 ${target?.username} 的密码：${password}（只显示这一次）` : '已保存。',
      },
    });
  });
  // tokens for the staff JSON API: shown once, stored as an HMAC
  app.post('/admin/staff/tokens', protect, async (req, reply) => {
    const u = admin(req);
    const f = body(req);
    try {
      const { token, row } = await issueApiToken(
        deps,
        u,
        { userId: f.userId ?? '', name: f.name ?? '' },
        req.ip,
      );
      return staffPage(
        reply,
        u,
        { flash: { kind: 'ok', text: `已签发接口令牌“${row.name}”：${token}（只显示这一次，请妥善保存）` } },
        201,
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'form_invalid')
        return staffPage(reply, u, { tokenFields: e.fields, flash: { kind: 'err', text: e.message } }, 400);
      throw e;
    }
  });
  app.post<{ Params: { id: string } }>('/admin/staff/tokens/:id/revoke', protect, async (req, reply) => {
    const u = admin(req);
    await revokeApiToken(deps, u, req.params.id, req.ip);
    return staffPage(reply, u, { flash: { kind: 'ok', text: '令牌已吊销。' } });
  });
  const deadlinesPage = async (
    reply: FastifyReply,
    u: StaffUser,
    extra: {
      values?: Record<string, string>;
      fields?: Record<string, string>;
      organValues?: Record<string, string>;
      organFields?: Record<string, string>;
      flash?: { kind: 'ok' | 'err'; text: string };
    },
    status = 200,
  ) => {
    const year = Number(today(deps).slice(0, 4));
    const own = (await deps.store.organs.find(u.organId))!;
    const below = await subordinateOrgans(deps, u).catch((e: unknown) => {
      if (e instanceof AppError && httpStatus(e) === 403 && u.role === 'admin') return [];
      throw e;
    });
    return send(
      reply,
      await page(
        <DeadlinesPage
          user={u}
          csrf={reply.generateCsrf()}
          own={own}
          ownDeadline={reportDeadline(own, year).slice(5)}
          organs={below.map((o) => ({ organ: o, deadline: reportDeadline(o, year) }))}
          {...extra}
        />,
      ),
      status,
    );
  };
  app.get('/admin/deadlines', async (req, reply) => deadlinesPage(reply, admin(req), {}));
  app.post('/admin/deadlines/organs', protect, async (req, reply) => {
    const u = admin(req);
    const f = body(req);
    try {
      const wantsAdmin = !!(f.adminUsername?.trim() || f.adminName?.trim());
      const adminFields = wantsAdmin
        ? await checkNewAdmin(deps, f.adminUsername?.trim() ?? '', f.adminName?.trim() ?? '')
        : {};
      if (Object.keys(adminFields).length)
        throw new AppError('form_invalid', '管理员账号有误', 'invalid', adminFields);
      const o = await addSubordinateOrgan(
        deps,
        u,
        { id: f.id, name: f.name, code: (f.code ?? '').trim().toUpperCase(), kind: f.kind, parent: f.parent },
        req.ip,
      );
      const first = wantsAdmin
        ? await addUser(deps, {
            username: f.adminUsername!.trim(),
            organ: o.id,
            displayName: f.adminName!.trim(),
            role: 'admin',
          })
        : null;
      return deadlinesPage(
        reply,
        u,
        {
          flash: {
            kind: 'ok',
            text: `已增加所属机关：${o.name}（专栏 /gk/${o.id}）。${first ? `管理员账号 ${first.user.username}，初始密码：${first.password}（只显示这一次）` : ''}`,
          },
        },
        201,
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'form_invalid')
        return deadlinesPage(
          reply,
          u,
          { organValues: f, organFields: e.fields, flash: { kind: 'err', text: e.message } },
          400,
        );
      throw e;
    }
  });
  app.post('/admin/deadlines', protect, async (req, reply) => {
    const u = admin(req);
    const values = body(req);
    try {
      await setReportDeadlines(deps, u, values, req.ip);
      return deadlinesPage(reply, u, { flash: { kind: 'ok', text: '已保存。' } });
    } catch (e) {
      if (e instanceof AppError && e.code === 'form_invalid')
        return deadlinesPage(
          reply,
          u,
          { values, fields: e.fields, flash: { kind: 'err', text: e.message } },
          400,
        );
      throw e;
    }
  });
  app.get('/admin/columns', async (req, reply) => {
    const u = admin(req);
    return send(
      reply,
      await page(<ColumnsPage user={u} csrf={reply.generateCsrf()} columns={await columnsOf(u)} />),
    );
  });
  app.post('/admin/columns', protect, async (req, reply) => {
    const u = admin(req);
    try {
      await addColumn(deps, u, body(req), req.ip);
    } catch (e) {
      if (e instanceof AppError && httpStatus(e) === 400)
        return send(
          reply,
          await page(
            <ColumnsPage
              user={u}
              csrf={reply.generateCsrf()}
              columns={await columnsOf(u)}
              error={Object.values(e.fields)[0] ?? e.message}
            />,
          ),
          400,
        );
      throw e;
    }
    cache.clear();
    forgetPortalMemo();
    return send(
      reply,
      await page(
        <ColumnsPage
          user={u}
          csrf={reply.generateCsrf()}
          columns={await columnsOf(u)}
          flash={{ kind: 'ok', text: '已增加栏目。' }}
        />,
      ),
      201,
    );
  });
  app.post<{ Params: { id: string } }>('/admin/columns/:id', protect, async (req, reply) => {
    const u = admin(req);
    const f = body(req);
    try {
      await renameColumn(deps, u, req.params.id, f.name ?? '', f.sort ? Number(f.sort) : undefined, req.ip);
    } catch (e) {
      if (e instanceof AppError && (httpStatus(e) === 400 || httpStatus(e) === 409))
        return send(
          reply,
          await page(
            <ColumnsPage
              user={u}
              csrf={reply.generateCsrf()}
              columns={await columnsOf(u)}
              error={Object.values(e.fields)[0] ?? e.message}
            />,
          ),
          httpStatus(e),
        );
      throw e;
    }
    cache.clear();
    forgetPortalMemo();
    return send(
      reply,
      await page(
        <ColumnsPage
          user={u}
          csrf={reply.generateCsrf()}
          columns={await columnsOf(u)}
          flash={{ kind: 'ok', text: '已保存。' }}
        />,
      ),
    );
  });

  async function renderCalendar(
    req: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extra: {
      moved?: { id: string; before: string | null; after: string | null }[];
      fields?: Record<string, string>;
      flash?: { kind: 'ok' | 'err'; text: string };
    } = {},
    status = 200,
  ) {
    const u = staff(req);
    if (!(await canEditCalendar(deps, u)))
      throw new AppError('forbidden', '只有平台管理员（最上级机关的管理员）可以修改工作日历', 'forbidden');
    const days = [...deps.calendar.entries.values()]
      .filter((e) => e.date.startsWith(String(year)))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    return send(
      reply,
      await page(
        <CalendarPage
          user={u}
          csrf={reply.generateCsrf()}
          year={year}
          days={days}
          edits={await deps.store.calendar.list()}
          moved={extra.moved}
          fields={extra.fields ?? {}}
          flash={extra.flash ?? null}
        />,
      ),
      status,
    );
  }
  app.get<{ Querystring: { year?: string } }>('/admin/calendar', async (req, reply) =>
    renderCalendar(req, reply, Number(req.query.year) || Number(today(deps).slice(0, 4))),
  );
  app.post('/admin/calendar', protect, async (req, reply) => {
    const u = staff(req);
    const f = body(req);
    const year = Number((f.date ?? '').slice(0, 4)) || Number(today(deps).slice(0, 4));
    try {
      const moved = await editCalendar(deps, u, f, false, req.ip);
      return renderCalendar(req, reply, year, {
        moved,
        flash: { kind: 'ok', text: `已保存 ${f.date}；${moved.length}件办理中案件的答复期限已重新计算。` },
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'form_invalid')
        return renderCalendar(
          req,
          reply,
          year,
          { fields: e.fields, flash: { kind: 'err', text: e.message } },
          400,
        );
      throw e;
    }
  });
  app.post('/admin/calendar/remove', protect, async (req, reply) => {
    const u = staff(req);
    const f = body(req);
    const moved = await editCalendar(deps, u, f, true, req.ip);
    return renderCalendar(req, reply, Number((f.date ?? '').slice(0, 4)) || Number(today(deps).slice(0, 4)), {
      moved,
      flash: { kind: 'ok', text: `已删除 ${f.date} 的条目。` },
    });
  });

  // ------------------------------------------------------------ 年度报告: compile, check, draft
  const reportYear = (q: { year?: string }) => Number(q.year) || Number(today(deps).slice(0, 4)) - 1;
  app.get<{ Querystring: { year?: string } }>('/admin/report', async (req, reply) => {
    const user = staff(req);
    const year = reportYear(req.query);
    const organ = (await deps.store.organs.find(user.organId))!;
    const values = {
      s1: `${year}年，${organ.name}认真贯彻落实《中华人民共和国政府信息公开条例》，……`,
      s5: '存在的主要问题：……\n改进情况：……',
      s6: '无',
    };
    return send(
      reply,
      await page(
        <ReportPage
          user={user}
          csrf={reply.generateCsrf()}
          year={year}
          values={values}
          manual={manualSection2Slots(year)}
        />,
      ),
    );
  });
  app.post<{ Querystring: { year?: string } }>('/admin/report', protect, async (req, reply) => {
    const user = staff(req);
    const year = reportYear(req.query);
    const f = body(req);
    const manual: Record<string, string> = {};
    for (const m of manualSection2Slots(year)) manual[m.key] = f[m.key] ?? '';
    const compiled = await compileAnnualReport(deps, user, {
      year,
      sections: { 一: f.s1 ?? '', 五: f.s5 ?? '', 六: f.s6 ?? '' },
      manual,
    });
    const preview = compiled.html.replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, '');
    if (f.action === 'draft') {
      try {
        const id = await draftReportItem(deps, user, compiled, req.ip);
        return reply.redirect(`/admin/items/${id}?ok=saved`, 303);
      } catch (e) {
        if (!(e instanceof AppError) || httpStatus(e) !== 409) throw e;
        return send(
          reply,
          await page(
            <ReportPage
              user={user}
              csrf={reply.generateCsrf()}
              year={year}
              values={f}
              manual={manualSection2Slots(year)}
              findings={compiled.findings}
              preview={preview}
              flash={{ kind: 'err', text: e.message }}
            />,
          ),
          409,
        );
      }
    }
    return send(
      reply,
      await page(
        <ReportPage
          user={user}
          csrf={reply.generateCsrf()}
          year={year}
          values={f}
          manual={manualSection2Slots(year)}
          findings={compiled.findings}
          preview={preview}
        />,
      ),
    );
  });

  // an existing report (PDF, Word, web page) imported into the 年报 column as a draft, with the file attached
  app.post('/admin/report/import', protect, async (req, reply) => {
    const user = staff(req);
    const b = (req.body ?? {}) as Record<
      string,
      { filename?: string; toBuffer?: () => Promise<Buffer>; type?: string }
    >;
    const file = b.file && b.file.type === 'file' && b.file.toBuffer ? b.file : null;
    const bytes = file ? new Uint8Array(await file.toBuffer!()) : new Uint8Array();
    const year = Number(today(deps).slice(0, 4)) - 1;
    const organ = (await deps.store.organs.find(user.organId))!;
    const values = {
      s1: `${year}年，${organ.name}认真贯彻落实《中华人民共和国政府信息公开条例》，……`,
      s5: '存在的主要问题：……\n改进情况：……',
      s6: '无',
    };
    try {
      const r = await importReport(deps, user, file?.filename ?? '', bytes, req.ip);
      const attached = await addItemFile(
        deps,
        user,
        r.itemId,
        file!.filename ?? 'report',
        bytes,
        extractAttachmentText,
        sniffType,
        req.ip,
      ).then(
        () => true,
        (e: unknown) => {
          if (e instanceof AppError) return false;
          throw e;
        },
      );
      return send(
        reply,
        await page(
          <ReportPage
            user={user}
            csrf={reply.generateCsrf()}
            year={year}
            values={values}
            manual={manualSection2Slots(year)}
            findings={r.findings}
            imported={{ id: r.itemId, year: r.year }}
            flash={{
              kind: 'ok',
              text: `已将${r.year}年年报导入为“政府信息公开年报”栏目的稿件${attached ? '，原文件已作为附件' : '（该类型的原文件不能作为附件，只保存了读取的内容）'}。`,
            }}
          />,
        ),
        201,
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'form_invalid')
        return send(
          reply,
          await page(
            <ReportPage
              user={user}
              csrf={reply.generateCsrf()}
              year={year}
              values={values}
              manual={manualSection2Slots(year)}
              flash={{ kind: 'err', text: Object.values(e.fields)[0] ?? e.message }}
            />,
          ),
          400,
        );
      throw e;
    }
  });

  app.get<{ Params: { ext: string }; Querystring: { year?: string } }>(
    '/admin/export/cases.:ext',
    async (req, reply) => {
      const user = staff(req);
      const ext = req.params.ext;
      if (ext !== 'csv' && ext !== 'xlsx')
        throw new AppError('not_found', '不支持的导出格式（可选CSV或XLSX）', 'not_found');
      const year = /^\d{4}$/.test(req.query.year ?? '') ? Number(req.query.year) : null;
      const data =
        ext === 'csv' ? await exportCasesCsv(deps, user, year) : await exportCasesXlsx(deps, user, year);
      await audit(deps.store, deps.now(), {
        organId: user.organId,
        userId: user.id,
        role: user.role,
        action: 'export.cases',
        ip: req.ip,
        detail: { year, format: ext },
      });
      const type =
        ext === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply
        .type(type)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`依申请公开案件${year ?? ''}.${ext}`)}`,
        )
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  app.get<{ Querystring: { year?: string } }>('/admin/supervise/rollup', async (req, reply) => {
    const user = staff(req);
    const year = Number(req.query.year) || Number(today(deps).slice(0, 4)) - 1;
    const r = await rollUpSubordinates(deps, user, year);
    return send(
      reply,
      await page(
        <RollUpPage
          user={user}
          csrf={reply.generateCsrf()}
          year={year}
          included={r.included}
          missing={r.missing}
          findings={r.findings}
          html={r.html}
        />,
      ),
    );
  });

  app.get('/admin/supervise', async (req, reply) => {
    const user = staff(req);
    const d = await supervisionDashboard(deps, user);
    return send(
      reply,
      await page(
        <SupervisePage
          user={user}
          csrf={reply.generateCsrf()}
          year={d.year}
          today={d.today}
          rows={d.rows}
          months={d.months}
        />,
      ),
    );
  });

  app.get('/admin/organ', async (req, reply) => {
    const user = staff(req);
    if (user.role !== 'admin') throw new AppError('forbidden', '只有管理员可以修改机关信息', 'forbidden');
    return send(
      reply,
      await page(
        <OrganPage
          user={user}
          csrf={reply.generateCsrf()}
          today={today(deps)}
          organ={(await deps.store.organs.find(user.organId))!}
        />,
      ),
    );
  });
  app.post('/admin/organ', protect, async (req, reply) => {
    const user = staff(req);
    const values = body(req);
    try {
      const o = await updateOrgan(deps, user, values, req.ip);
      return send(
        reply,
        await page(
          <OrganPage
            user={user}
            csrf={reply.generateCsrf()}
            today={today(deps)}
            organ={o}
            flash={{ kind: 'ok', text: '已保存。' }}
          />,
        ),
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'form_invalid')
        return send(
          reply,
          await page(
            <OrganPage
              user={user}
              csrf={reply.generateCsrf()}
              today={today(deps)}
              organ={(await deps.store.organs.find(user.organId))!}
              values={values}
              fields={e.fields}
            />,
          ),
          400,
        );
      throw e;
    }
  });
  app.get<{ Querystring: { year?: string } }>('/admin/stats', async (req, reply) => {
    const user = staff(req);
    const year = Number(req.query.year) || Number(today(deps).slice(0, 4));
    if (year < 2008 || year > 2100) throw new AppError('form_invalid', '年度无效', 'invalid');
    const s = await organStatistics(deps, user, year);
    return send(
      reply,
      await page(
        <StatsPage
          user={user}
          csrf={reply.generateCsrf()}
          year={year}
          organName={s.organName}
          html={s.html}
        />,
      ),
    );
  });
  void canViewCase;
  void visibleOrganIds;
  return app;
}

function ErrorPage({ status, message, user }: { status: number; message: string; user: StaffUser | null }) {
  const title =
    status === 404
      ? '找不到'
      : status === 403
        ? '无权操作'
        : status === 401
          ? '请登录'
          : status === 429
            ? '请稍后再试'
            : status === 409
              ? '不能办理'
              : '出错了';
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <main id="main">
          <h1>{title}</h1>
          <p class="flash err" role="alert" data-status={String(status)}>
            {message}
          </p>
          <p>
            <a href={user ? '/admin' : '/apply'}>返回</a>
          </p>
        </main>
      </body>
    </html>
  );
}
