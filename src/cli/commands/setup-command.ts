/**
 * `gongkai organ add|list` and `gongkai user add`: set up an installation from the command line — the organs of
 * the platform and their first accounts — on the database the server uses (DATA_DIR/gongkai.db or DATABASE_URL).
 */
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { CliIO } from '../main.js';
import type { AppDeps } from '../../app/deps.js';
import { listOrgans } from '../../app/publication/public-pages.js';
import { AppError } from '../../app/deps.js';
import { addOrgan, addUser } from '../../app/admin/bootstrap.js';

export const SETUP_USAGE = `  gongkai organ add 标识 全称 --code 代码 --kind government|department|township [--parent 上级标识]
                            增加机关（第一个机关为平台最上级机关，如县人民政府）
  gongkai organ list        列出机关
  gongkai user add 用户名 --organ 机关标识 --name 姓名 --role admin|clerk|head|supervisor
                            增加账号，打印一次性初始密码（之后由各机关管理员在网页上管理账号）`;

function flags(args: string[]): { pos: string[]; f: Record<string, string> } {
  const pos: string[] = [];
  const f: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      f[a.slice(2)] = args[i + 1] ?? '';
      i++;
    } else pos.push(a);
  }
  return { pos, f };
}

async function withDeps<T>(fn: (deps: AppDeps) => Promise<T>, env: NodeJS.ProcessEnv): Promise<T> {
  const { openStore } = await import('../../adapters/storage/kysely/kysely-store.js');
  const { localFileStore } = await import('../../adapters/files/local-file-store.js');
  const { loadCalendar } = await import('../../app/admin/calendar.js');
  const { DEFAULT_CASE_RULES } = await import('../../core/case/case-rules.js');
  const dataDir = resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const store = await openStore(env.DATABASE_URL, join(dataDir, 'gongkai.db'));
  try {
    await store.migrate();
    return await fn({
      store,
      files: localFileStore(join(dataDir, 'attachments')),
      calendar: await loadCalendar({ store }),
      rules: DEFAULT_CASE_RULES,
      now: () => new Date(),
      secret: 'cli-has-no-secret-use',
    });
  } finally {
    await store.close();
  }
}

function report(e: unknown, io: CliIO): number {
  if (e instanceof AppError) {
    io.err(`${e.message}：${Object.values(e.fields).join('；') || e.code}`);
    return 1;
  }
  throw e;
}

export async function runOrganCommand(
  args: string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [sub, ...rest] = args;
  const { pos, f } = flags(rest);
  if (sub === 'list') {
    return withDeps(async (deps) => {
      const organs = await listOrgans(deps);
      if (!organs.length) io.out('还没有机关。先用 gongkai organ add 增加平台最上级机关。');
      for (const o of organs)
        io.out(
          `${o.id.padEnd(16)} ${o.code.padEnd(8)} ${o.kind.padEnd(11)} ${(o.parentId ?? '（最上级）').padEnd(16)} ${o.name}`,
        );
      return 0;
    }, env);
  }
  if (sub !== 'add' || pos.length < 2) {
    io.err(`用法：\n${SETUP_USAGE}`);
    return 2;
  }
  return withDeps(async (deps) => {
    try {
      const o = await addOrgan(deps, {
        id: pos[0],
        name: pos[1],
        code: f.code,
        kind: f.kind,
        parent: f.parent,
      });
      io.out(
        `已增加机关：${o.name}（标识 ${o.id}，代码 ${o.code}${o.parentId ? `，上级 ${o.parentId}` : '，平台最上级机关'}）。专栏：/gk/${o.id}`,
      );
      return 0;
    } catch (e) {
      return report(e, io);
    }
  }, env);
}

export async function runUserCommand(
  args: string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [sub, ...rest] = args;
  const { pos, f } = flags(rest);
  if (sub !== 'add' || pos.length < 1) {
    io.err(`用法：\n${SETUP_USAGE}`);
    return 2;
  }
  return withDeps(async (deps) => {
    try {
      const { user, password } = await addUser(deps, {
        username: pos[0],
        organ: f.organ,
        displayName: f.name,
        role: f.role,
      });
      io.out(
        `已增加账号 ${user.username}（${user.displayName}），初始密码：${password}（只显示这一次，请当面交给本人）`,
      );
      return 0;
    } catch (e) {
      return report(e, io);
    }
  }, env);
}
