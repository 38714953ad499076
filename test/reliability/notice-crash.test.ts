/**
 * A worker killed (SIGKILL) while it sends 200 notices, then restarted: every notice reaches the SMTP server, and
 * none twice — counted per idempotency key at the server. On SQLite (one worker) and on PostgreSQL with two worker
 * processes sharing graphile-worker's queue. The workers are real `gongkai worker` processes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPostgresStore, openSqliteStore } from '../../src/adapters/storage/kysely/kysely-store.js';
import { freshPostgresUrl } from '../helpers/pg.js';
import { startMailSink, waitUntil } from '../helpers/mail-sink.js';
import { NOTICE_ATTEMPTS, NOTICE_TASK } from '../../src/app/notices/case-notices.js';

const ROOT = resolve(import.meta.dirname, '../..');
const N = 200;

function worker(env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--concurrency', '4'],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  child.stderr!.on('data', () => {});
  return child;
}
const exited = (c: ChildProcess) =>
  new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));

for (const postgres of [false, true])
  test(`a worker killed mid-send and restarted: all ${N} notices delivered, none twice (${postgres ? 'PostgreSQL, two workers' : 'SQLite, one worker'})`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-crash-'));
    const url = postgres ? await freshPostgresUrl() : undefined;
    const store = url ? await openPostgresStore(url) : await openSqliteStore(join(dir, 'gongkai.db'));
    await store.migrate();
    // the server answers 20 ms after it has the message: kills land between its taking it and its answer too
    const sink = await startMailSink({ starttls: false, answerAfterMs: 20 });
    const workers: ChildProcess[] = [];
    try {
      await store.organs.create({
        id: 'tianhu',
        parentId: null,
        name: '田湖镇人民政府',
        code: 'TH',
        kind: 'township',
        officeName: '党政办',
        sealName: '田湖镇人民政府',
        address: '某县田湖镇政府街1号',
        postcode: '276000',
        phone: '0539-1234567',
        hours: '工作日',
        email: 'gk@example.gov.cn',
        indexPattern: '{code}/{year}-{serial:5}',
        reportDeadline: null,
      });
      for (let i = 0; i < N; i++)
        await store.transaction(async (tx) => {
          const id = `TH-2024-${String(i + 1).padStart(4, '0')}/1/email`;
          await tx.notices.create({
            id,
            caseId: id.split('/')[0]!,
            organId: 'tianhu',
            kind: 'receipt',
            channel: 'email',
            to: `a${i}@example.com`,
            subject: `通知${i}`,
            text: '正文',
            createdAt: new Date().toISOString(),
            status: 'pending',
            sentAt: null,
            providerId: null,
            lastError: null,
            attempts: 0,
          });
          await tx.jobs.enqueue({
            task: NOTICE_TASK,
            payload: { notice: id },
            key: `notice:${id}`,
            maxAttempts: NOTICE_ATTEMPTS,
          });
        });
      const env = {
        DATA_DIR: dir,
        ...(url ? { DATABASE_URL: url } : {}),
        SMTP_URL: sink.url,
        SMTP_FROM: 'gk@example.gov.cn',
        JOB_LOCK_SECONDS: '2',
        LOG: 'false',
      };
      workers.push(worker(env));
      if (postgres) workers.push(worker(env));
      await sink.waitFor(N / 4, 60_000);
      workers[0]!.kill('SIGKILL');
      await exited(workers[0]!);
      const atKill = sink.messages.length;
      workers[0] = worker(env);
      const keys = () => new Set(sink.messages.map((m) => m.notice));
      await waitUntil(
        () => keys().size >= N,
        90_000,
        () => `${keys().size} of ${N} notices`,
      );
      // the killed worker's locks have expired and every retry has had its chance to (wrongly) send again
      await new Promise((r) => setTimeout(r, 4000));
      const counts = new Map<string, number>();
      for (const m of sink.messages) counts.set(m.notice, (counts.get(m.notice) ?? 0) + 1);
      const twice = [...counts].filter(([, n]) => n > 1);
      assert.deepEqual(twice, [], 'no notice twice');
      assert.equal(counts.size, N, 'every notice delivered');
      assert.ok(atKill < N, `the kill came mid-send (${atKill} delivered by then)`);
      const left = (await store.notices.listRecent(null, N + 10)).filter((n) => n.status !== 'sent');
      assert.deepEqual(left, [], 'every notice recorded as sent');
    } finally {
      for (const w of workers) w.kill('SIGTERM');
      await Promise.all(workers.map(exited));
      await store.close();
      await sink.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
