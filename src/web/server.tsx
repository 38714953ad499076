/**
 * The Fastify application, wired: security plugins (helmet CSP, cookies, CSRF, rate limits in the database,
 * multipart), the request hooks (calendar refresh, staff session, the back-office gate, the public page cache),
 * the one error handler, and one route plugin per area (routes/). HTTP exists only in web/.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import helmet from '@fastify/helmet';
import csrf from '@fastify/csrf-protection';
import type { StaffUser } from '../core/entities.js';
import type { AppDeps } from '../app/deps.js';
import { sessionUser } from '../app/auth/sessions.js';
import { withHeaderFacts } from '../app/cases/approvals.js';
import { loadCalendarIfChanged, withCalendarWarning } from '../app/admin/calendar.js';
import { MAX_ITEM_FILE_BYTES } from '../app/publication/items.js';
import { forgetPortalMemo } from '../app/publication/portal.js';
import { closeReportChecks } from '../app/reports/check-submitted-report.js';
import { PageCache } from './page-cache.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { SESSION_COOKIE, type ServerOptions, type WebContext } from './http/context.js';
import { installErrorHandlers } from './http/error-handler.js';
import { installInputCleaning } from './http/clean-input.js';
import { portalRoutes } from './routes/portal.js';
import { reportCheckRoutes } from './routes/report-check.js';
import { applicantRoutes } from './routes/applicant.js';
import { authRoutes } from './routes/auth.js';
import { caseRoutes } from './routes/cases.js';
import { itemRoutes } from './routes/items.js';
import { adminRoutes } from './routes/admin.js';
import { reportRoutes } from './routes/reports.js';
import { supervisionRoutes } from './routes/supervision.js';
import { noticeRoutes } from './routes/notices.js';
import { registerApi } from './routes/api.js';
import { registerStaffApi } from './routes/staff-api.js';

export type { ServerOptions } from './http/context.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: StaffUser | null;
    sessionToken: string | undefined;
  }
}

/** The largest upload any form takes (item files; case attachments are limited further by their use case). */
const MAX_UPLOAD_BYTES = MAX_ITEM_FILE_BYTES;

/** The largest form or text body (a pasted report is ~3 bytes per character once URL-encoded). */
const BODY_LIMIT = 4 * 1024 * 1024;

/** Public pages the in-process cache may keep (ADR 0003). */
const PUBLIC = /^\/(gk\/|search\?|sitemap\.xml$|$)/;

export async function buildServer(deps: AppDeps, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // errors (5xx) are always logged, with the request id the error page shows; LOG=true adds every request
    logger: {
      level: opts.logger ? 'info' : 'error',
      redact: ['req.headers.cookie', 'req.headers.authorization'],
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    genReqId: () => randomBytes(6).toString('hex'),
    // X-Forwarded-For is believed only from the configured proxies (TRUST_PROXY); otherwise the socket address
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: BODY_LIMIT,
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
    // two: an online application may carry a copy of the 身份证明 and a 委托书
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 2, fieldSize: BODY_LIMIT },
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

  // Several web processes may share one database: a calendar edited in one reaches the others within seconds
  // (the version is read lazily, at most once per interval, never at start-up).
  const refreshMs = (opts.calendarRefreshSeconds ?? 5) * 1000;
  let calendarCheckedAt = -Infinity;
  let calendarCheck: Promise<void> | null = null;
  app.addHook('onRequest', async (req) => {
    if (Date.now() - calendarCheckedAt < refreshMs) return;
    calendarCheck ??= (async () => {
      try {
        await loadCalendarIfChanged(deps);
        calendarCheckedAt = Date.now();
      } finally {
        calendarCheck = null;
      }
    })();
    // the liveness probe and the stylesheet answer even when the database does not
    if (req.url === '/healthz' || req.url.startsWith('/assets/')) await calendarCheck.catch(() => undefined);
    else await calendarCheck;
  });

  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', undefined);
  app.addHook('onRequest', async (req) => {
    const raw = req.cookies[SESSION_COOKIE];
    const un = raw ? req.unsignCookie(raw) : null;
    req.sessionToken = un?.valid ? (un.value ?? undefined) : undefined;
    const user = req.url.startsWith('/admin') ? await sessionUser(deps, req.sessionToken) : null;
    // the header shows a head how many approvals wait (one COUNT)
    // the calendar warning on pages that are read; a POST may be the very edit that answers it
    const counted = user && (await withHeaderFacts(deps, user));
    req.user = counted && req.method === 'GET' ? await withCalendarWarning(deps, counted) : counted;
  });
  // the back office: anyone not logged in goes to the login page
  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/admin') || req.url.startsWith('/admin/login')) return;
    if (!req.user) return reply.redirect('/admin/login', 303);
    // a new account or a reset password: choose one's own before anything else
    if (req.user.mustChangePassword && !/^\/admin\/(password|logout)(\?|$)/.test(req.url))
      return reply.redirect('/admin/password', 303);
  });

  // Public portal pages: served from a short-lived in-process cache; cleared here on every publication change.
  const cacheSeconds = opts.pageCacheSeconds ?? 10;
  const cache = new PageCache(5000, cacheSeconds * 1000);
  const purgePublic = () => {
    cache.clear();
    forgetPortalMemo();
  };
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !PUBLIC.test(req.url) || cacheSeconds === 0) return;
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
    const fresh = reply.getHeader('x-cache') !== 'hit';
    if (
      req.method === 'GET' &&
      reply.statusCode === 200 &&
      PUBLIC.test(req.url) &&
      typeof payload === 'string'
    ) {
      if (fresh && cacheSeconds > 0) {
        cache.set(req.url, payload, String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'));
        reply.header('cache-control', 'no-cache');
      }
    }
    if (req.method === 'POST' && reply.statusCode < 400) {
      if (req.url.startsWith('/admin/items/')) cache.clear();
      if (req.url === '/admin/organ') purgePublic();
    }
    return payload;
  });

  // the report-check worker threads (adapters/parse/parse-pool.ts) stop with the app
  app.addHook('onClose', closeReportChecks);
  installErrorHandlers(app);
  installInputCleaning(app);

  const ctx: WebContext = { deps, opts, cache, purgePublic };
  await registerApi(app, deps);
  await registerStaffApi(app, deps);
  for (const routes of [
    portalRoutes,
    reportCheckRoutes,
    applicantRoutes,
    authRoutes,
    caseRoutes,
    itemRoutes,
    adminRoutes,
    reportRoutes,
    supervisionRoutes,
    noticeRoutes,
  ])
    await app.register(routes, ctx);
  return app;
}
