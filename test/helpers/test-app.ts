/**
 * A test installation: a fresh SQLite file (or PostgreSQL when asked), the demo organs and staff with known
 * passwords, a fixed clock, and the Fastify app. Plus a tiny cookie-and-CSRF-aware client for app.inject().
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createCalendar } from '../../src/core/calendar/holiday-calendar.js';
import { DEFAULT_CASE_RULES } from '../../src/core/case/case-rules.js';
import { nationalCalendarEntries } from '../../src/adapters/calendar/chinese-days-seed.js';
import { openPostgresStore, openSqliteStore } from '../../src/adapters/storage/kysely/kysely-store.js';
import { freshPostgresUrl } from './pg.js';
import { localFileStore } from '../../src/adapters/files/local-file-store.js';
import type { AppDeps } from '../../src/app/deps.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { buildServer, type ServerOptions } from '../../src/web/server.js';

export const PASSWORDS: Record<string, string> = Object.fromEntries(
  [
    'th-clerk',
    'th-head',
    'th-admin',
    'county-super',
    'county-admin',
    'county-clerk',
    'county-head',
    'zrj-clerk',
    'zrj-head',
    'ss-clerk',
  ].map((u) => [u, `pw-${u}-2026`]),
);

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  clock: { now: Date };
  dbFile: string;
  /** the PostgreSQL database, when `postgres` */
  pgUrl?: string;
  close(): Promise<void>;
}

export async function testApp(
  opts: ServerOptions & {
    now?: string;
    cases?: boolean;
    postgres?: boolean;
    notify?: AppDeps['notify'];
  } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'gk-app-'));
  const dbFile = join(dir, 'app.db');
  const pgUrl = opts.postgres ? await freshPostgresUrl() : undefined;
  const store = pgUrl ? await openPostgresStore(pgUrl) : await openSqliteStore(dbFile);
  await store.migrate();
  const clock = { now: new Date(opts.now ?? '2024-03-04T02:00:00.000Z') };
  const deps: AppDeps = {
    store,
    files: localFileStore(join(dir, 'files')),
    calendar: createCalendar(nationalCalendarEntries()),
    rules: DEFAULT_CASE_RULES,
    now: () => clock.now,
    secret: 'test-secret-0123456789abcdef',
    ...(opts.notify ? { notify: opts.notify } : {}),
  };
  await seedDemo(deps, { passwords: PASSWORDS, cases: opts.cases ?? false });
  const app = await buildServer(deps, opts);
  return {
    app,
    deps,
    clock,
    dbFile,
    ...(pgUrl ? { pgUrl } : {}),
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** A client that keeps cookies and picks up the CSRF token of the last page. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(
    private app: FastifyInstance,
    private ip = '127.0.0.1',
  ) {}
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  private keep(res: { headers: Record<string, unknown>; body: string }) {
    const sc = res.headers['set-cookie'];
    for (const c of Array.isArray(sc) ? sc : sc ? [sc] : []) {
      const [kv] = String(c).split(';');
      const i = kv!.indexOf('=');
      const k = kv!.slice(0, i);
      const v = kv!.slice(i + 1);
      if (v === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(String(c))) this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.csrf = m[1]!;
  }
  async get(url: string) {
    const res = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.header() },
      remoteAddress: this.ip,
    });
    this.keep(res);
    return res;
  }
  async post(url: string, form: Record<string, string>, opts: { csrf?: boolean } = {}) {
    const payload = new URLSearchParams({
      ...(opts.csrf === false ? {} : { _csrf: this.csrf }),
      ...form,
    }).toString();
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: this.ip,
    });
    this.keep(res);
    return res;
  }
  /** A multipart form with one file, carrying this client's cookies and CSRF token (unless `csrf: false`). */
  async postFile(
    url: string,
    fields: Record<string, string>,
    file: UploadPart | UploadPart[],
    opts: { csrf?: boolean } = {},
  ) {
    const m = multipart({ ...(opts.csrf === false ? {} : { _csrf: this.csrf }), ...fields }, file);
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: m.body,
      headers: { 'content-type': m.type, cookie: this.header() },
      remoteAddress: this.ip,
    });
    this.keep(res);
    return res;
  }
  async login(username: string) {
    await this.get('/admin/login');
    const r = await this.post('/admin/login', { username, password: PASSWORDS[username]! });
    if (r.statusCode !== 303) throw new Error(`login ${username} failed: ${r.statusCode}`);
    await this.get('/admin');
    return r;
  }
}

export const VALID_APPLICATION: Record<string, string> = {
  applicantType: 'natural_person',
  name: '张三',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  email: 'zhangsan@example.com',
  address: '某县某路1号',
  postcode: '276000',
  description: '2023年本镇农村危房改造补助发放名单',
  requestedForm: 'electronic',
  delivery: 'email',
};

/** A file in a multipart body: its name, bytes and form field (default `file`). */
export interface UploadPart {
  name: string;
  bytes: Uint8Array;
  field?: string;
}

/** A multipart/form-data body with fields and one or more files, for app.inject(). */
export function multipart(
  fields: Record<string, string>,
  files: UploadPart | UploadPart[],
): { body: Buffer; type: string } {
  const b = '----gkboundary' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const file of Array.isArray(files) ? files : [files])
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${b}` };
}
