/**
 * Starts the web application: reads the configuration once, opens and migrates the store, wires the use cases,
 * and listens. `--demo` rebuilds a demo installation (SQLite) first and prints the staff logins.
 */
import { STATE_LABEL, type CaseState } from '../core/case/case-machine.js';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/env.js';
import { DEFAULT_CASE_RULES } from '../core/case/case-rules.js';
import { openStore } from '../adapters/storage/kysely/kysely-store.js';
import { localFileStore } from '../adapters/files/local-file-store.js';
import { s3FileStore } from '../adapters/files/s3-file-store.js';
import { randomToken } from '../adapters/security/password-hasher.js';
import type { AppDeps } from '../app/deps.js';
import { seedDemo } from '../app/demo/seed-demo.js';
import { loadCalendar } from '../app/admin/calendar.js';
import { buildServer } from './server.js';
import { noticeTransports, startJobRunner } from '../adapters/jobs/start-runner.js';
import { allTasks, startScheduler } from '../app/jobs/tasks.js';

export async function start(argv: string[] = process.argv.slice(2)): Promise<void> {
  const config = loadConfig();
  const demo = argv.includes('--demo');
  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const secretFile = join(dataDir, 'secret');
  const secret =
    config.secret ??
    (existsSync(secretFile)
      ? readFileSync(secretFile, 'utf8').trim()
      : (() => {
          const s = randomToken(32);
          writeFileSync(secretFile, s, { mode: 0o600 });
          return s;
        })());
  const dbFile = join(dataDir, demo ? 'demo.db' : 'gongkai.db');
  if (demo && !config.databaseUrl)
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  const store = await openStore(config.databaseUrl, dbFile);
  await store.migrate();
  const deps: AppDeps = {
    store,
    files: config.s3 ? s3FileStore(config.s3) : localFileStore(join(dataDir, 'attachments')),
    calendar: await loadCalendar({ store }),
    rules: DEFAULT_CASE_RULES,
    now: () => new Date(),
    secret,
    notify: noticeTransports(config, demo),
  };
  // background work (notices): a worker in this process unless WORKER=false (then `gongkai worker` runs them)
  const runner = config.worker
    ? await startJobRunner(store, config.databaseUrl, allTasks(deps), { lockSeconds: config.jobLockSeconds })
    : undefined;
  if (runner) deps.notify!.wake = () => runner.wake();
  const stopScheduler = runner ? startScheduler(deps) : undefined;
  let seeded: Awaited<ReturnType<typeof seedDemo>> = { logins: [], cases: [] };
  if (demo) {
    if ((await store.organs.list()).length === 0) seeded = await seedDemo(deps);
    else process.stderr.write('数据库中已有数据，演示数据未重复写入。\n');
  }
  const app = await buildServer(deps, {
    secureCookies: config.secureCookies,
    logger: config.log,
    publicUrl: config.publicUrl,
    applyPerMinute: config.applyPerMinute,
    trustProxy: config.trustProxy,
    demo,
  });
  const address = await app.listen({ host: config.host, port: config.port });
  process.stdout.write(
    `\ngongkai 已启动：${address}\n  申请人入口：${address}/apply\n  工作人员登录：${address}/admin/login\n`,
  );
  if (seeded.logins.length) {
    process.stdout.write('\n演示账号（用户名 / 密码 / 角色 / 机关）：\n');
    const ROLE: Record<string, string> = {
      clerk: '经办人',
      head: '审核人/负责人',
      admin: '管理员',
      supervisor: '上级主管部门（只读）',
    };
    const names = new Map((await store.organs.list()).map((o) => [o.id, o.name]));
    for (const l of seeded.logins)
      process.stdout.write(
        `  ${l.username.padEnd(14)} ${l.password.padEnd(10)} ${(ROLE[l.role] ?? l.role).padEnd(10, '　')} ${names.get(l.organ) ?? l.organ}\n`,
      );
    if (seeded.cases.length) {
      process.stdout.write(`\n演示案件（申请人查询：${address}/status，案件编号 / 查询码 / 状态）：\n`);
      for (const c of seeded.cases)
        process.stdout.write(
          `  ${c.caseId.padEnd(16)} ${c.queryCode.padEnd(10)} ${STATE_LABEL[c.state as CaseState] ?? c.state}\n`,
        );
    }
    process.stdout.write(
      `\n演示环境不连接邮件服务器：发给申请人的通知列在 ${address}/admin/outbox（登录后“通知记录”）。\n`,
    );
    process.stdout.write(`\n数据库：${config.databaseUrl ? 'PostgreSQL' : dbFile}\n按 Ctrl+C 停止。\n`);
  }
  const stop = async () => {
    await app.close();
    stopScheduler?.();
    await runner?.stop();
    await deps.notify?.mailer?.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`)
  start().catch((e) => {
    process.stderr.write(`启动失败：${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
