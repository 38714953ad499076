/**
 * Control characters never reach a use case: NUL (which PostgreSQL refuses in text) and the other C0 controls
 * except tab and line breaks are stripped from every form field, query parameter and route parameter; a path
 * that contains NUL is refused. (XML feeds and PostgreSQL both fail on them, and no Chinese text needs them.)
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../app/deps.js';

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The text without control characters (tab, CR and LF are kept). */
export function stripControls(s: string): string {
  return s.replace(CONTROLS, '');
}

function cleanObject(o: unknown): void {
  if (!o || typeof o !== 'object') return;
  const rec = o as Record<string, unknown>;
  for (const [k, v] of Object.entries(rec)) {
    if (typeof v === 'string') rec[k] = stripControls(v);
    else if (v && typeof v === 'object' && (v as { type?: string }).type === 'field') {
      const f = v as { value?: unknown };
      if (typeof f.value === 'string') f.value = stripControls(f.value);
    } else if (Array.isArray(v)) rec[k] = v.map((x) => (typeof x === 'string' ? stripControls(x) : x));
  }
}

export function installInputCleaning(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    if (/%00|\u0000/i.test(req.url))
      throw new AppError('path_invalid', '请求地址含有不允许的控制字符', 'invalid');
  });
  app.addHook('preValidation', async (req) => {
    cleanObject(req.query);
    cleanObject(req.params);
    if (typeof req.body === 'string') (req as { body: unknown }).body = stripControls(req.body);
    else cleanObject(req.body);
  });
}
