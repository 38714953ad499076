/**
 * Errors become answers here and only here: JSON under /api/, an error page elsewhere. An AppError's kind gives
 * the status (http-errors.ts); framework errors (CSRF, rate limit, body size) get their own Chinese message.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../app/deps.js';
import { httpStatus } from '../http-errors.js';
import { page } from '../views/layout.js';
import { ErrorPage } from '../views/error-page.js';
import { sendHtml } from './reply.js';

interface Answer {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
  /** whether the page may show the staff header (not for a failure the user had no part in) */
  showUser: boolean;
}

/** The database cannot be reached (restart, failover, outage): the store says so (`storage_unavailable`). */
function unavailable(err: unknown): boolean {
  const x = err as { code?: unknown; cause?: unknown } | null;
  if (!x || typeof x !== 'object') return false;
  return (
    x.code === 'storage_unavailable' || (x.cause !== undefined && x.cause !== err && unavailable(x.cause))
  );
}

const UNAVAILABLE: Answer = {
  status: 503,
  code: 'unavailable',
  message: '数据库暂时不可用，请稍后再试；您的数据没有受到影响',
  showUser: false,
};

function apiAnswer(err: Error): Answer {
  if (unavailable(err)) return UNAVAILABLE;
  if (err instanceof AppError) return pageAnswer(err);
  const sc = (err as { statusCode?: number }).statusCode;
  const status = sc && sc < 500 ? sc : 500;
  if (status === 429) return { status, code: 'rate_limited', message: '请求过于频繁', showUser: false };
  if (status === 400) return { status, code: 'bad_request', message: '请求无效', showUser: false };
  return { status, code: 'internal', message: '系统错误', showUser: false };
}

function pageAnswer(err: Error): Answer {
  if (unavailable(err)) return UNAVAILABLE;
  if (err instanceof AppError) {
    const fields = Object.keys(err.fields).length ? { fields: err.fields } : {};
    return { status: httpStatus(err), code: err.code, message: err.message, showUser: true, ...fields };
  }
  const e = err as { statusCode?: number; code?: string };
  if (e.statusCode === 429)
    return { status: 429, code: 'rate_limited', message: '请求过于频繁，请稍后再试', showUser: false };
  if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET')
    return {
      status: 403,
      code: 'csrf',
      message: '页面已过期或表单来源无效，请返回刷新后重试',
      showUser: false,
    };
  // say which limit was hit: an upload's file, or the form / text itself
  if (e.code === 'FST_REQ_FILE_TOO_LARGE')
    return {
      status: 413,
      code: 'too_large',
      message: '文件超过20MB，请压缩或分成几个文件上传',
      showUser: true,
    };
  if (e.statusCode === 413)
    return {
      status: 413,
      code: 'too_large',
      message: '提交的内容超过4MB，请缩短内容，或把报告作为文件上传',
      showUser: true,
    };
  if (e.statusCode && e.statusCode < 500)
    return { status: e.statusCode, code: 'bad_request', message: '请求无效', showUser: true };
  return {
    status: 500,
    code: 'internal',
    message: '系统出现错误，请稍后再试；您的数据没有受到影响',
    showUser: false,
  };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const api = req.url.startsWith('/api/');
    const a = api ? apiAnswer(err) : pageAnswer(err);
    if (a.status === 503) req.log.warn({ err }, 'database unavailable');
    else if (a.status >= 500) req.log.error({ err }, api ? 'api' : 'unhandled');
    if (api)
      return reply.code(a.status).send({
        error: a.code,
        message: a.message,
        ...(a.fields ? { fields: a.fields } : {}),
        ...(a.status >= 500 ? { requestId: req.id } : {}),
      });
    const user = a.showUser ? req.user : null;
    return sendHtml(
      reply,
      await page(
        <ErrorPage
          status={a.status}
          message={a.message}
          user={user}
          requestId={a.status >= 500 ? req.id : undefined}
        />,
      ),
      a.status,
    );
  });
  app.setNotFoundHandler(async (req, reply) =>
    sendHtml(reply, await page(<ErrorPage status={404} message="页面不存在" user={req.user} />), 404),
  );
}
