/**
 * Setting up a real installation from the command line: the platform's organs and their first administrator,
 * who can then log in to the web app. On SQLite (DATA_DIR) and on PostgreSQL (DATABASE_URL).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { freshPostgresUrl } from '../helpers/pg.js';
import { Client } from '../helpers/test-app.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (s) => {
      out += s + '\n';
    },
    err: (s) => {
      err += s;
    },
    isTTY: false,
  });
  return { code, out, err };
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  test(`${dialect}: gongkai organ add / user add set up an installation whose administrator can log in`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-setup-'));
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    process.env.DATA_DIR = dir;
    if (dialect === 'postgres') process.env.DATABASE_URL = await freshPostgresUrl();
    else delete process.env.DATABASE_URL;
    try {
      assert.match((await run(['organ', 'list'])).out, /还没有机关/);
      assert.equal(
        (await run(['organ', 'add', 'county', '某县人民政府', '--code', 'XJ', '--kind', 'government'])).code,
        0,
      );
      const second = await run(['organ', 'add', 'other', '另一个县', '--code', 'QT', '--kind', 'government']);
      assert.equal(second.code, 1);
      assert.match(second.err, /平台已有机关，请用 --parent 指定上级机关/);
      const bad = await run([
        'organ',
        'add',
        'Bad_ID',
        '镇',
        '--code',
        'th',
        '--kind',
        'village',
        '--parent',
        'nowhere',
      ]);
      assert.equal(bad.code, 1);
      assert.match(bad.err, /机关标识为2–40位小写字母/);
      assert.match(bad.err, /机关代码为1–20位大写字母或数字/);
      assert.match(bad.err, /机关类型为/);
      assert.equal(
        (
          await run([
            'organ',
            'add',
            'hutou',
            '虎头镇人民政府',
            '--code',
            'HT',
            '--kind',
            'township',
            '--parent',
            'county',
          ])
        ).code,
        0,
      );
      assert.match((await run(['organ', 'list'])).out, /hutou\s+HT\s+township\s+county\s+虎头镇人民政府/);
      const u = await run([
        'user',
        'add',
        'ht-admin',
        '--organ',
        'hutou',
        '--name',
        '赵管理',
        '--role',
        'admin',
      ]);
      assert.equal(u.code, 0, u.err);
      const password = /初始密码：(\S+)（/.exec(u.out)![1]!;
      assert.match(
        (await run(['user', 'add', 'ht-admin', '--organ', 'hutou', '--name', '赵管理', '--role', 'admin']))
          .err,
        /用户名“ht-admin”已存在/,
      );

      const { openStore } = await import('../../src/adapters/storage/kysely/kysely-store.js');
      const { buildServer } = await import('../../src/web/server.js');
      const { loadCalendar } = await import('../../src/app/admin/calendar.js');
      const { DEFAULT_CASE_RULES } = await import('../../src/core/case/case-rules.js');
      const { localFileStore } = await import('../../src/adapters/files/local-file-store.js');
      const store = await openStore(process.env.DATABASE_URL, join(dir, 'gongkai.db'));
      const app = await buildServer({
        store,
        files: localFileStore(join(dir, 'files')),
        calendar: await loadCalendar({ store }),
        rules: DEFAULT_CASE_RULES,
        now: () => new Date(),
        secret: 'setup-test-secret-0123456789',
      });
      try {
        const c = new Client(app);
        await c.get('/admin/login');
        assert.equal(
          (await c.post('/admin/login', { username: 'ht-admin', password })).statusCode,
          303,
          'the new administrator logs in',
        );
        // a first administrator's initial password must be changed before anything else
        assert.equal((await c.get('/admin/organ')).headers.location, '/admin/password');
        await c.get('/admin/password');
        const changed = await c.post('/admin/password', {
          current: password,
          next: 'Hutou-2026-admin',
          confirm: 'Hutou-2026-admin',
        });
        assert.equal(changed.statusCode, 303, changed.body.slice(0, 300));
        assert.match((await c.get('/admin/organ')).body, /虎头镇人民政府/);
        assert.equal(
          (await new Client(app).get('/gk/hutou')).statusCode,
          200,
          'its 专栏 exists with the unified columns',
        );
        assert.ok(
          (await store.audit.list(['hutou'], 10)).some(
            (e) => e.action === 'organ.create' && e.role === 'system',
          ),
        );
      } finally {
        await app.close();
        await store.close();
      }
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });
}
