/**
 * Nothing acknowledged is ever lost. The real server runs in its own process; eight applicants submit online
 * applications concurrently; the process is killed with SIGKILL while requests are in flight; it is started again.
 * Every application whose receipt (201, case number and query code) reached its applicant must be there — row,
 * first history event and audit entry — and answer to its query code; case numbers stay unique and without gaps
 * (the counter moves in the same transaction as the case); the database file passes SQLite's integrity check.
 * On SQLite (WAL) and on a fresh PostgreSQL database.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCalendar } from '../../src/core/calendar/holiday-calendar.js';
import { DEFAULT_CASE_RULES } from '../../src/core/case/case-rules.js';
import { nationalCalendarEntries } from '../../src/adapters/calendar/chinese-days-seed.js';
import { openStore } from '../../src/adapters/storage/kysely/kysely-store.js';
import { localFileStore } from '../../src/adapters/files/local-file-store.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { freshPostgresUrl } from '../helpers/pg.js';
import { VALID_APPLICATION } from '../helpers/test-app.js';

const SECRET = 'crash-test-secret-0123456789';
const ROOT = resolve(import.meta.dirname, '../..');

interface Running {
  child: ChildProcess;
  base: string;
}

function startServer(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts'], {
    cwd: ROOT,
    // eight clients from one address on purpose: the per-client application limit is lifted for this load
    env: { ...process.env, ...env, PORT: '0', SECRET, LOG: 'false', APPLY_PER_MINUTE: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((res, rej) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => rej(new Error(`server did not start: ${out} ${err}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /已启动：(http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res({ child, base: m[1]! });
      }
    });
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`server exited (${code}): ${err}`));
    });
  });
}

const exited = (c: ChildProcess) =>
  new Promise<void>((r) => {
    if (c.exitCode !== null || c.signalCode !== null) r();
    else c.once('exit', () => r());
  });

/** An applicant with a cookie jar: fetches the form once (CSRF secret cookie + token), then submits. */
async function applicant(base: string) {
  const form = await fetch(`${base}/apply/tianhu`);
  const cookie = (form.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  return async (n: number): Promise<{ caseId: string; code: string } | null> => {
    const body = new URLSearchParams({ ...VALID_APPLICATION, name: `申请人${n}`, _csrf: csrf });
    const r = await fetch(`${base}/apply/tianhu`, {
      method: 'POST',
      body,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    const html = await r.text();
    if (r.status !== 201) throw new Error(`submission ${n}: HTTP ${r.status}`);
    const caseId = /id="case-id">([^<]+)</.exec(html)?.[1];
    const code = /id="query-code">([^<]+)</.exec(html)?.[1];
    return caseId && code ? { caseId, code } : null;
  };
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  test(
    `${dialect}: every application acknowledged before a SIGKILL is there after restart, numbers unique and gapless`,
    { timeout: 240_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gk-crash-'));
      const databaseUrl = dialect === 'postgres' ? await freshPostgresUrl() : undefined;
      const dbFile = join(dir, 'gongkai.db');
      const env: Record<string, string> = {
        DATA_DIR: dir,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      };
      {
        const store = await openStore(databaseUrl, dbFile);
        await store.migrate();
        await seedDemo(
          {
            store,
            files: localFileStore(join(dir, 'attachments')),
            calendar: createCalendar(nationalCalendarEntries()),
            rules: DEFAULT_CASE_RULES,
            now: () => new Date(),
            secret: SECRET,
          },
          { cases: false, items: 0 },
        );
        await store.close();
      }

      const first = await startServer(env);
      const acked: { caseId: string; code: string }[] = [];
      let failedWhileUp = 0;
      let killed = false;
      let n = 0;
      const worker = async () => {
        const submit = await applicant(first.base);
        for (;;) {
          try {
            const r = await submit(n++);
            if (r) acked.push(r);
            if (acked.length >= 60 && !killed) {
              killed = true;
              first.child.kill('SIGKILL');
            }
          } catch {
            if (!killed) failedWhileUp++;
            return;
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      await exited(first.child);
      assert.equal(first.child.signalCode, 'SIGKILL');
      assert.equal(
        failedWhileUp,
        0,
        'no submission may fail while the server is up (concurrent case numbers)',
      );
      assert.ok(acked.length >= 60, `acknowledged ${acked.length}`);

      const second = await startServer(env);
      try {
        const store = await openStore(databaseUrl, dbFile);
        try {
          for (const a of acked) {
            const row = await store.cases.find(a.caseId);
            assert.ok(row, `acknowledged ${a.caseId} is missing after the crash`);
            assert.equal((await store.cases.events(a.caseId)).length, 1, `${a.caseId}: its first event`);
          }
          const audit = await store.audit.list(['tianhu'], 10_000);
          const registered = new Set(
            audit.filter((e) => e.action === 'case.registered').map((e) => e.caseId),
          );
          for (const a of acked) assert.ok(registered.has(a.caseId), `${a.caseId}: audit entry`);
          const rows = await store.cases.list({ organIds: ['tianhu'], limit: 10_000 });
          const serials = rows.map((r) => r.serial).sort((x, y) => x - y);
          assert.deepEqual(
            serials,
            serials.map((_, i) => i + 1),
            'case numbers 1..N without gaps or duplicates',
          );
          assert.ok(rows.length >= acked.length);

          // the query codes still open the status pages (the HMAC key and the rows survived)
          for (const a of acked.slice(0, 3)) {
            const page = await fetch(`${second.base}/status`);
            const cookie = (page.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
            const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
            const r = await fetch(`${second.base}/status`, {
              method: 'POST',
              redirect: 'manual',
              body: new URLSearchParams({ caseId: a.caseId, code: a.code, _csrf: csrf }),
              headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
            });
            assert.equal(r.status, 303, `${a.caseId} answers to its query code`);
          }
          // numbering continues after the last committed case
          const next = await (await applicant(second.base))(9999);
          assert.equal(
            next!.caseId.endsWith(String(serials.length + 1).padStart(4, '0')),
            true,
            `${next!.caseId} follows ${serials.length}`,
          );
        } finally {
          await store.close();
        }
      } finally {
        second.child.kill('SIGTERM');
        await exited(second.child);
      }
      if (dialect === 'sqlite') {
        const { default: Sqlite } = await import('better-sqlite3');
        const db = new Sqlite(dbFile, { readonly: true });
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
        db.close();
      }
    },
  );
}
