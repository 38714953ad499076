/**
 * `gongkai worker` runs background jobs (notices) on their own, beside any number of web processes sharing the
 * database (on PostgreSQL several workers share graphile-worker's queue; on SQLite run one). `gongkai jobs list
 * [--failed]`, `gongkai jobs retry ID`, `gongkai jobs purge` look after the queue. A wiring file: it opens the
 * store and chooses the transports from the environment, like web/main.ts.
 */
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppDeps } from '../../app/deps.js';
import type { CliIO } from '../main.js';

export const JOBS_USAGE = `  gongkai worker [--concurrency N]   只运行后台任务（通知等）；与网站进程共用数据库
  gongkai jobs list [--failed]       列出后台任务（--failed：只列出已用尽重试次数的失败任务）
  gongkai jobs retry 任务编号         立即重试一个失败任务
  gongkai jobs purge                 删除全部失败任务`;

async function withDeps<T>(
  fn: (deps: AppDeps, databaseUrl: string | undefined, lockSeconds: number) => Promise<T>,
): Promise<T> {
  const { loadConfig } = await import('../../config/env.js');
  const { openStore } = await import('../../adapters/storage/kysely/kysely-store.js');
  const { localFileStore } = await import('../../adapters/files/local-file-store.js');
  const { s3FileStore } = await import('../../adapters/files/s3-file-store.js');
  const { noticeTransports } = await import('../../adapters/jobs/start-runner.js');
  const { loadCalendar } = await import('../../app/admin/calendar.js');
  const { DEFAULT_CASE_RULES } = await import('../../core/case/case-rules.js');
  const config = loadConfig();
  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const secretFile = join(dataDir, 'secret');
  const secret = config.secret ?? (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : '');
  const store = await openStore(config.databaseUrl, join(dataDir, 'gongkai.db'));
  try {
    await store.migrate();
    const deps: AppDeps = {
      store,
      files: config.s3 ? s3FileStore(config.s3) : localFileStore(join(dataDir, 'attachments')),
      calendar: await loadCalendar({ store }),
      rules: DEFAULT_CASE_RULES,
      now: () => new Date(),
      secret,
      notify: noticeTransports(config, false),
    };
    return await fn(deps, config.databaseUrl, config.jobLockSeconds);
  } finally {
    await store.close();
  }
}

export async function runWorkerCommand(args: string[], io: CliIO): Promise<number> {
  const i = args.indexOf('--concurrency');
  const concurrency = i >= 0 ? Number(args[i + 1]) : 2;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
    io.err('--concurrency 应为1至32之间的整数');
    return 2;
  }
  return withDeps(async (deps, databaseUrl, lockSeconds) => {
    const { startJobRunner } = await import('../../adapters/jobs/start-runner.js');
    const { allTasks, startScheduler } = await import('../../app/jobs/tasks.js');
    const runner = await startJobRunner(deps.store, databaseUrl, allTasks(deps), {
      concurrency,
      lockSeconds,
      onError: (task, e) => io.err(`任务 ${task} 失败：${e instanceof Error ? e.message : String(e)}`),
    });
    deps.notify!.wake = () => runner.wake();
    const stopScheduler = startScheduler(deps);
    io.out(
      `后台任务进程已启动（${databaseUrl ? 'PostgreSQL / graphile-worker' : 'SQLite'}，并发 ${concurrency}）`,
    );
    await new Promise<void>((res) => {
      process.once('SIGINT', res);
      process.once('SIGTERM', res);
    });
    stopScheduler();
    await runner.stop();
    await deps.notify?.mailer?.close();
    return 0;
  });
}

export async function runJobsCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  const { queueOverview, retryJob, purgeFailedJobs } = await import('../../app/jobs/queue-admin.js');
  const { AppError } = await import('../../app/deps.js');
  return withDeps(async (deps) => {
    try {
      if (sub === 'list') {
        const q = await queueOverview(deps, { failedOnly: rest.includes('--failed'), limit: 200 });
        io.out(`等待 ${q.waiting}，失败 ${q.failed}，最早等待自 ${q.oldestWaitingSince ?? '—'}`);
        for (const j of q.jobs)
          io.out(
            `${j.id}\t${j.task}\t${j.status === 'failed' ? '失败' : j.status === 'running' ? '运行中' : '等待'}\t第${j.attempts}/${j.maxAttempts}次\t${j.runAt}\t${j.lastError ?? ''}`,
          );
        return 0;
      }
      if (sub === 'retry' && rest[0]) {
        await retryJob(deps, rest[0]);
        io.out(`任务 ${rest[0]} 将立即重试`);
        return 0;
      }
      if (sub === 'purge') {
        io.out(`已删除 ${await purgeFailedJobs(deps)} 个失败任务`);
        return 0;
      }
    } catch (e) {
      if (e instanceof AppError) {
        io.err(e.message);
        return 1;
      }
      throw e;
    }
    io.err(JOBS_USAGE);
    return 2;
  });
}
