/**
 * PostgreSQL restarts and fails over: the web process must keep serving. A hostile test campaign found that any
 * restart killed the Node process ("Unhandled 'error' event … terminating connection due to administrator
 * command"). Here the test terminates every backend of the database and renames it mid-run: requests during the
 * outage answer 503 in Chinese, /healthz keeps answering, and the same process serves again when it returns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openPostgresStore } from '../../src/adapters/storage/kysely/kysely-store.js';
import { localFileStore } from '../../src/adapters/files/local-file-store.js';
import { createCalendar } from '../../src/core/calendar/holiday-calendar.js';
import { nationalCalendarEntries } from '../../src/adapters/calendar/chinese-days-seed.js';
import { DEFAULT_CASE_RULES } from '../../src/core/case/case-rules.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { buildServer } from '../../src/web/server.js';
import type { AppDeps } from '../../src/app/deps.js';
import { freshPostgresUrl } from '../helpers/pg.js';
import { PASSWORDS } from '../helpers/test-app.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a PostgreSQL restart, failover or outage never kills the process: 503 in Chinese meanwhile, served again after', async () => {
  const url = await freshPostgresUrl();
  const name = url.slice(url.lastIndexOf('/') + 1);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  const store = await openPostgresStore(url);
  await store.migrate();
  const deps: AppDeps = {
    store,
    files: localFileStore(join(mkdtempSync(join(tmpdir(), 'gk-pg-outage-')), 'files')),
    calendar: createCalendar(nationalCalendarEntries()),
    rules: DEFAULT_CASE_RULES,
    now: () => new Date('2024-03-04T02:00:00.000Z'),
    secret: 'test-secret-0123456789abcdef',
  };
  await seedDemo(deps, { passwords: PASSWORDS, cases: false });
  const app = await buildServer(deps, { pageCacheSeconds: 0, calendarRefreshSeconds: 0 });
  const terminate = () =>
    admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
  const get = (u: string) => app.inject({ method: 'GET', url: u });
  try {
    assert.equal((await get('/gk/tianhu')).statusCode, 200);
    // a restart: every connection is ended by the server ("terminating connection due to administrator command")
    await terminate();
    await sleep(300);
    const afterRestart = await get('/gk/tianhu');
    assert.ok([200, 503].includes(afterRestart.statusCode), `after terminate: ${afterRestart.statusCode}`);
    assert.equal((await get('/gk/tianhu')).statusCode, 200, 'the pool reconnects by itself');

    // an outage: the database is gone (renamed) while the process runs
    await terminate();
    await admin.query(`ALTER DATABASE ${name} RENAME TO ${name}_away`);
    try {
      await sleep(300);
      for (const u of ['/gk/tianhu', '/search?q=公开', '/api/v1/organs']) {
        const r = await get(u);
        assert.equal(r.statusCode, 503, `${u} during the outage`);
        assert.match(r.body, /数据库暂时不可用/, u);
      }
      assert.equal((await get('/healthz')).statusCode, 200, 'the process is alive and serving');
    } finally {
      await admin.query(`ALTER DATABASE ${name}_away RENAME TO ${name}`);
    }
    await sleep(100);
    assert.equal((await get('/gk/tianhu')).statusCode, 200, 'served again when the database returns');
    const apply = await get('/apply/tianhu');
    assert.equal(apply.statusCode, 200);
  } finally {
    await app.close();
    await store.close();
    await admin.end();
  }
});
