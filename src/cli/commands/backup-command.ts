/**
 * `gongkai backup [--to FILE]`: an online backup of the SQLite database (safe while the server runs: SQLite's
 * backup API over WAL). For PostgreSQL (DATABASE_URL) use pg_dump, PostgreSQL's own tool.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CliIO } from '../main.js';

export async function runBackupCommand(
  args: string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (env.DATABASE_URL) {
    io.err('使用 PostgreSQL 时请用 pg_dump 备份，例如：pg_dump "$DATABASE_URL" > gongkai.sql');
    return 2;
  }
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const src = join(dataDir, args.includes('--demo') ? 'demo.db' : 'gongkai.db');
  if (!existsSync(src)) {
    io.err(`找不到数据库文件：${src}`);
    return 2;
  }
  const ti = args.indexOf('--to');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dest = resolve(
    ti >= 0 && args[ti + 1] ? args[ti + 1]! : join(dataDir, 'backups', `gongkai-${stamp}.db`),
  );
  mkdirSync(dirname(dest), { recursive: true });
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(src, { readonly: true, fileMustExist: true });
  try {
    const t0 = performance.now();
    await db.backup(dest);
    const check = new Database(dest, { readonly: true });
    const ok = check.pragma('integrity_check', { simple: true });
    const cases = (check.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    check.close();
    io.out(
      `已备份到 ${dest}（${((performance.now() - t0) / 1000).toFixed(1)} 秒；完整性检查：${ok}；案件 ${cases} 件）`,
    );
    return ok === 'ok' ? 0 : 1;
  } finally {
    db.close();
  }
}
