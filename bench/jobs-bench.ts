/**
 * The job queue: jobs per second through it on SQLite (the embedded runner) and PostgreSQL (graphile-worker) — a
 * task that does nothing, so the figure is the queue's own cost — and notices per second delivered to a real SMTP
 * server (the smtp-server package, on this machine), each through the whole path: job, notice row, SMTP, mark sent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../src/core/ports.js';
import { openPostgresStore, openSqliteStore } from '../src/adapters/storage/kysely/kysely-store.js';
import { startJobRunner } from '../src/adapters/jobs/start-runner.js';
import { smtpMailer } from '../src/adapters/mail/smtp-mailer.js';
import { noticeTasks, NOTICE_TASK } from '../src/app/notices/case-notices.js';
import { createCalendar } from '../src/core/calendar/holiday-calendar.js';
import { nationalCalendarEntries } from '../src/adapters/calendar/chinese-days-seed.js';
import { DEFAULT_CASE_RULES } from '../src/core/case/case-rules.js';
import { localFileStore } from '../src/adapters/files/local-file-store.js';
import { startMailSink } from '../test/helpers/mail-sink.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 2000);
const NOTICES = Number(process.env.BENCH_NOTICES ?? 300);
const SERVER = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

async function pgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gongkai_bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return {
    url: `${SERVER}/${name}`,
    drop: async () => {
      const d = new pg.Client({ connectionString: `${SERVER}/postgres` });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

async function waitEmpty(store: Store, done: () => number, n: number): Promise<void> {
  while (done() < n) await new Promise((r) => setTimeout(r, 5));
  void store;
}

async function queueRate(store: Store, url: string | undefined): Promise<{ enqueue: number; run: number }> {
  let done = 0;
  let t0 = performance.now();
  for (let i = 0; i < JOBS; i += 100)
    await store.transaction(async (tx) => {
      for (let k = i; k < Math.min(JOBS, i + 100); k++)
        await tx.jobs.enqueue({ task: 'bench.noop', payload: { k }, key: `bench:${k}` });
    });
  const enqueue = JOBS / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  const runner = await startJobRunner(
    store,
    url,
    {
      'bench.noop': async () => {
        done++;
      },
    },
    { pollMs: 10, concurrency: url ? 4 : 1 },
  );
  await waitEmpty(store, () => done, JOBS);
  const run = JOBS / ((performance.now() - t0) / 1000);
  await runner.stop();
  return { enqueue, run };
}

async function noticeRate(store: Store, url: string | undefined): Promise<number> {
  const sink = await startMailSink({ starttls: false });
  const deps = {
    store,
    files: localFileStore(mkdtempSync(join(tmpdir(), 'gk-bench-files-'))),
    calendar: createCalendar(nationalCalendarEntries()),
    rules: DEFAULT_CASE_RULES,
    now: () => new Date(),
    secret: 'bench-secret-0123456789',
    notify: { mailer: smtpMailer(sink.url), from: 'gk@example.gov.cn', publicUrl: 'http://127.0.0.1' },
  };
  for (let i = 0; i < NOTICES; i += 50)
    await store.transaction(async (tx) => {
      for (let k = i; k < Math.min(NOTICES, i + 50); k++) {
        const id = `B-2024-${k}/1/email`;
        await tx.notices.create({
          id,
          caseId: `B-2024-${k}`,
          organId: 'bench',
          kind: 'receipt',
          channel: 'email',
          to: `a${k}@example.com`,
          subject: '通知',
          text: '正文',
          createdAt: new Date().toISOString(),
          status: 'pending',
          sentAt: null,
          providerId: null,
          lastError: null,
          attempts: 0,
        });
        await tx.jobs.enqueue({ task: NOTICE_TASK, payload: { notice: id }, key: `notice:${id}` });
      }
    });
  const t0 = performance.now();
  const runner = await startJobRunner(store, url, noticeTasks(deps), { pollMs: 10, concurrency: 4 });
  while (sink.messages.length < NOTICES) await new Promise((r) => setTimeout(r, 5));
  const rate = NOTICES / ((performance.now() - t0) / 1000);
  await runner.stop();
  await sink.close();
  return rate;
}

export async function runJobsBench(): Promise<void> {
  console.log(`\n== 后台任务队列（${JOBS}个空任务；${NOTICES}条通知经真实SMTP服务器） ==`);
  const dir = mkdtempSync(join(tmpdir(), 'gk-bench-jobs-'));
  const sqlite = await openSqliteStore(join(dir, 'jobs.db'));
  await sqlite.migrate();
  const s = await queueRate(sqlite, undefined);
  const sn = await noticeRate(sqlite, undefined);
  await sqlite.close();
  const db = await pgDatabase();
  let p = { enqueue: 0, run: 0 };
  let pn = 0;
  try {
    const store = await openPostgresStore(db.url);
    await store.migrate();
    p = await queueRate(store, db.url);
    pn = await noticeRate(store, db.url);
    await store.close();
  } finally {
    await db.drop();
  }
  const row = (label: string, a: number, b: number) =>
    console.log(
      `${label.padEnd(14, '　')} SQLite ${a.toFixed(0).padStart(7)}/秒   PostgreSQL ${b.toFixed(0).padStart(7)}/秒   比值 ${(b / a).toFixed(2)}`,
    );
  row('入队（每事务100个）', s.enqueue, p.enqueue);
  row('执行空任务', s.run, p.run);
  row('发送通知（SMTP，并发4）', sn, pn);
  console.log(
    '  （每条通知一个SMTP连接；测试用的smtp-server对每个连接先等待100毫秒再问候，通知速率受此限制：4路并发约40条/秒）',
  );
}
