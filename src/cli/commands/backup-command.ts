/**
 * `gongkai backup [--to FILE]` and `gongkai restore FILE [--data-dir DIR] [--force]`: one archive holds everything
 * an installation needs to come back — the database, the server secret (query codes are stored as HMACs with
 * it, so a database without its secret opens no case for any applicant) and the attachments — plus a
 * manifest.json listing every member with its size and sha256, the gongkai version, the schema migration and
 * the time.
 *
 * The archive is a plain POSIX tar (ustar; sizes past 8 GiB in the GNU base-256 form), written and read here
 * (about a hundred lines) rather than through a package: we write regular files only, with names we make, and
 * read back only what we wrote, so no new dependency is needed. Members are streamed in and out, never held in
 * memory whole. Layout: `database/gongkai.db` (SQLite) or `database/gongkai.pgdump` (pg_dump custom format),
 * `secret`, `attachments/<key>` …, and `manifest.json` last.
 *
 * The database is taken online: SQLite through its backup API (a separate connection; WAL lets the server keep
 * writing, and the copy is one consistent snapshot), PostgreSQL through pg_dump (one consistent snapshot too).
 * The snapshot is taken before the attachments are read: a file is stored before its row is committed, so every
 * attachment the snapshot knows of is already complete on disk. When SECRET comes from the environment, or the
 * attachments live in S3-compatible object storage, the manifest says so instead.
 *
 * Restore reads the whole archive into a staging folder inside the data directory, checks every size and
 * checksum against the manifest and only then moves the members into place; a mismatch is refused with the
 * member's name and leaves the data directory as it was.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { loadConfig, type Config } from '../../config/env.js';
import type { CliIO } from '../main.js';

export const BACKUP_USAGE = `  gongkai backup [--to 文件]  在线备份（服务运行中也可以）：数据库、密钥和附件写入一个 tar 文件，附 manifest.json 校验清单
  gongkai restore 备份文件 [--data-dir 目录] [--force]
                            核对每个文件的校验值后恢复到数据目录（默认 DATA_DIR）；目录不空时需要 --force`;

const FORMAT = 'gongkai-backup';
const FORMAT_VERSION = 1;

/** A refusal or failure with a Chinese message for the operator. */
class BackupError extends Error {}

interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  gongkaiVersion: string;
  createdAt: string;
  schemaVersion: string | null;
  database: { kind: 'sqlite' | 'postgresql'; file: string | null; note?: string };
  secret: { file: string | null; note?: string };
  attachments: { storage: 'local' | 's3'; count: number; bytes: number; note?: string };
  files: ManifestFile[];
  notes: string[];
}

// ---------------------------------------------------------------------------------------------- tar (ustar)

const BLOCK = 512;

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function tarHeader(name: string, size: number, mode: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  let prefix = '';
  let rest = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    prefix = cut > 0 ? name.slice(0, cut) : '';
    rest = cut > 0 ? name.slice(cut + 1) : name;
    if (!prefix || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(rest) > 100)
      throw new BackupError(`文件名太长，无法写入备份：${name}`);
  }
  h.write(rest, 0, 100, 'utf8');
  h.write(octal(mode, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  if (size < 8 ** 11) h.write(octal(size, 12), 124, 'ascii');
  else {
    h[124] = 0x80; // GNU base-256: big-endian binary in the remaining 11 bytes
    for (let i = 135, v = BigInt(size); i > 124; i--, v >>= 8n) h[i] = Number(v & 0xffn);
  }
  h.write(octal(mtime, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

/** Writes members one after another into a file; each member's sha256 is computed as it is written. */
class TarWriter {
  readonly files: ManifestFile[] = [];
  private constructor(private fh: FileHandle) {}
  static async create(path: string): Promise<TarWriter> {
    return new TarWriter(await open(path, 'wx', 0o600));
  }
  private async pad(size: number): Promise<void> {
    const r = size % BLOCK;
    if (r) await this.fh.write(Buffer.alloc(BLOCK - r));
  }
  async addBuffer(name: string, bytes: Buffer, mode = 0o644): Promise<void> {
    await this.fh.write(tarHeader(name, bytes.length, mode, Math.floor(Date.now() / 1000)));
    await this.fh.write(bytes);
    await this.pad(bytes.length);
    this.files.push({
      path: name,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  /** Streams `size` bytes of the file (its size when stat'ed: a file still growing is cut there). */
  async addFile(name: string, path: string, size: number, mtimeMs: number, mode = 0o644): Promise<void> {
    await this.fh.write(tarHeader(name, size, mode, Math.floor(mtimeMs / 1000)));
    const hash = createHash('sha256');
    let n = 0;
    if (size > 0)
      for await (const chunk of createReadStream(path, {
        start: 0,
        end: size - 1,
      }) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        await this.fh.write(chunk);
        n += chunk.length;
      }
    if (n !== size) throw new BackupError(`读取 ${path} 时文件变短了（${size} → ${n} 字节），请重新备份`);
    await this.pad(size);
    this.files.push({ path: name, size, sha256: hash.digest('hex') });
  }
  async finish(): Promise<void> {
    await this.fh.write(Buffer.alloc(BLOCK * 2));
    await this.fh.sync();
    await this.fh.close();
  }
  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}

interface TarSink {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
}

function parseTarHeader(h: Buffer, index: number): { name: string; size: number } {
  const str = (from: number, len: number) => {
    const s = h.subarray(from, from + len);
    const z = s.indexOf(0);
    return (z >= 0 ? s.subarray(0, z) : s).toString('utf8');
  };
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  const name = (str(345, 155) ? str(345, 155) + '/' : '') + str(0, 100);
  if (str(257, 6).trim() !== 'ustar' || parseInt(str(148, 8).trim(), 8) !== sum)
    throw new BackupError(`备份文件已损坏：第 ${index + 1} 个文件（${name || '无名'}）的文件头校验失败`);
  const type = str(156, 1);
  if (type !== '0' && type !== '')
    throw new BackupError(`备份文件中有不是普通文件的成员：${name}（不是 gongkai 写出的备份）`);
  let size = 0;
  if (h[124]! & 0x80) for (let i = 125; i < 136; i++) size = size * 256 + h[i]!;
  else size = parseInt(str(124, 12).trim() || '0', 8);
  if (!Number.isSafeInteger(size)) throw new BackupError(`备份文件已损坏：${name} 的大小无法读取`);
  return { name, size };
}

/** Reads every member of a tar file, streaming each one into the sink `open` gives; returns sizes and sha256. */
async function readTar(
  file: string,
  open: (name: string, size: number) => Promise<TarSink>,
): Promise<ManifestFile[]> {
  const out: ManifestFile[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let cur: {
    name: string;
    size: number;
    left: number;
    hash: ReturnType<typeof createHash>;
    sink: TarSink;
  } | null = null;
  let skip = 0;
  let ended = false;
  const close = async () => {
    await cur!.sink.end();
    out.push({ path: cur!.name, size: cur!.size, sha256: cur!.hash.digest('hex') });
    skip = (BLOCK - (cur!.size % BLOCK)) % BLOCK;
    cur = null;
  };
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    const buf = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    let off = 0;
    while (off < buf.length && !ended) {
      if (skip) {
        const n = Math.min(skip, buf.length - off);
        off += n;
        skip -= n;
      } else if (cur) {
        const part = buf.subarray(off, off + Math.min(cur.left, buf.length - off));
        cur.hash.update(part);
        await cur.sink.write(part);
        off += part.length;
        cur.left -= part.length;
        if (cur.left === 0) await close();
      } else if (buf.length - off < BLOCK) {
        pending = Buffer.from(buf.subarray(off));
        off = buf.length;
      } else {
        const h = buf.subarray(off, off + BLOCK);
        off += BLOCK;
        if (h.every((b) => b === 0)) ended = true;
        else {
          const { name, size } = parseTarHeader(h, out.length);
          cur = { name, size, left: size, hash: createHash('sha256'), sink: await open(name, size) };
          if (size === 0) await close();
        }
      }
    }
    if (ended) break;
  }
  if (!ended || cur) throw new BackupError(`备份文件不完整（${file} 在归档结束标记之前就结束了）`);
  return out;
}

// ---------------------------------------------------------------------------------------------- helpers

function gongkaiVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** libpq's environment for a postgres:// URL, so the password never appears on a command line. */
function pgEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname.replace(/^\[|\]$/g, ''));
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const db = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (db) env.PGDATABASE = db;
  const ssl = u.searchParams.get('sslmode');
  if (ssl) env.PGSSLMODE = ssl;
  return env;
}

/** Runs a program; `missing` when it is not installed. */
function runTool(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stderr: string; missing: boolean }> {
  return new Promise((done) => {
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 10000) stderr += d.toString();
    });
    p.on('error', (e: NodeJS.ErrnoException) =>
      done({ code: null, stderr: e.message, missing: e.code === 'ENOENT' }),
    );
    p.on('close', (code) => done({ code, stderr: stderr.trim(), missing: false }));
  });
}

async function pgQuery<T>(
  url: string,
  fn: (q: (text: string) => Promise<unknown[]>) => Promise<T>,
): Promise<T> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(async (text) => (await c.query(text)).rows as unknown[]);
  } finally {
    await c.end();
  }
}

/** Every regular file under `root`, as paths relative to it, sorted. */
async function walk(root: string, rel = ''): Promise<{ rel: string; size: number; mtimeMs: number }[]> {
  const dir = join(root, rel);
  if (!existsSync(dir)) return [];
  const out: { rel: string; size: number; mtimeMs: number }[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    const st = await lstat(join(root, r)).catch(() => null);
    if (st?.isDirectory()) out.push(...(await walk(root, r)));
    else if (st?.isFile()) out.push({ rel: r, size: st.size, mtimeMs: st.mtimeMs });
  }
  return out;
}

function flags(args: string[]): { pos: string[]; f: Record<string, string | true> } {
  const pos: string[] = [];
  const f: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--force' || a === '--demo') f[a.slice(2)] = true;
    else if (a.startsWith('--')) f[a.slice(2)] = args[++i] ?? '';
    else pos.push(a);
  }
  return { pos, f };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

// ---------------------------------------------------------------------------------------------- backup

/** The SQLite database copied online into `dest` (one consistent snapshot), checked; its migration and cases. */
async function snapshotSqlite(
  src: string,
  dest: string,
): Promise<{ schemaVersion: string | null; cases: number }> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(src, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // 256 pages a step, so the server's writes go on in between; if they keep restarting the copy (SQLite
    // starts over when another connection writes), the rest is copied in one step.
    let last = Number.POSITIVE_INFINITY;
    await db.backup(dest, {
      progress: ({ remainingPages }) => {
        const restarted = remainingPages > last;
        last = remainingPages;
        return restarted ? 0x7fffffff : 256;
      },
    });
  } finally {
    db.close();
  }
  const copy = new Database(dest);
  try {
    copy.pragma('journal_mode = DELETE'); // one self-contained file in the archive
    const ok = copy.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new BackupError(`数据库副本完整性检查未通过：${String(ok)}`);
    const migrated = copy.prepare("SELECT 1 FROM sqlite_master WHERE name = 'kysely_migration'").get();
    const m = migrated
      ? (copy.prepare('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1').get() as
          | { name: string }
          | undefined)
      : undefined;
    const cases = (copy.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    return { schemaVersion: m?.name ?? null, cases };
  } finally {
    copy.close();
  }
}

async function backup(args: string[], io: CliIO, env: NodeJS.ProcessEnv): Promise<number> {
  const { f } = flags(args);
  const config: Readonly<Config> = loadConfig(env);
  const dataDir = resolve(config.dataDir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dest = resolve(
    typeof f.to === 'string' && f.to ? f.to : join(dataDir, 'backups', `gongkai-${stamp}.tar`),
  );
  if (existsSync(dest)) throw new BackupError(`${dest} 已存在，请换一个文件名`);
  mkdirSync(dirname(dest), { recursive: true });
  const t0 = performance.now();
  const work = await mkdtemp(join(dirname(dest), '.gongkai-backup-'));
  const partial = `${dest}.partial`;
  const notes: string[] = [];
  let exit = 0;
  let tar: TarWriter | undefined;
  try {
    // 1. the database: one snapshot, taken before the attachments are read
    let database: Manifest['database'];
    let schemaVersion: string | null = null;
    let dbFile: string | null = null;
    let summary: string;
    if (config.databaseUrl) {
      const url = config.databaseUrl;
      schemaVersion = await pgQuery(url, async (q) => {
        const rows = (await q('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1').catch(
          () => [],
        )) as { name: string }[];
        return rows[0]?.name ?? null;
      });
      dbFile = join(work, 'gongkai.pgdump');
      const r = await runTool(
        'pg_dump',
        ['--format=custom', '--no-owner', '--no-privileges', `--file=${dbFile}`],
        pgEnv(url),
      );
      if (r.missing) {
        const note =
          'PostgreSQL 数据库由 PostgreSQL 自己的 pg_dump 备份，本机没有找到 pg_dump，数据库未包含在本备份中。' +
          '请安装 PostgreSQL 客户端后重新备份，或另行运行：pg_dump --format=custom "$DATABASE_URL" > gongkai.pgdump';
        database = { kind: 'postgresql', file: null, note };
        notes.push(note);
        io.err(`注意：${note}`);
        dbFile = null;
        exit = 1;
        summary = '数据库未包含（没有 pg_dump）';
      } else if (r.code !== 0) {
        throw new BackupError(`pg_dump 失败（退出码 ${r.code}）：${r.stderr}`);
      } else {
        database = { kind: 'postgresql', file: 'database/gongkai.pgdump' };
        summary = 'PostgreSQL（pg_dump）';
      }
    } else {
      const name = f.demo ? 'demo.db' : 'gongkai.db';
      const src = join(dataDir, name);
      if (!existsSync(src)) throw new BackupError(`找不到数据库文件：${src}`);
      dbFile = join(work, name);
      const s = await snapshotSqlite(src, dbFile);
      schemaVersion = s.schemaVersion;
      database = { kind: 'sqlite', file: `database/${name}` };
      summary = `SQLite，案件 ${s.cases} 件，完整性检查 ok`;
    }
    tar = await TarWriter.create(partial);
    if (dbFile && database.file) {
      const st = await lstat(dbFile);
      await tar.addFile(database.file, dbFile, st.size, st.mtimeMs, 0o600);
    }

    // 2. the secret query codes and cookies are signed with
    let secret: Manifest['secret'];
    const secretFile = join(dataDir, 'secret');
    if (config.secret !== undefined) {
      const note =
        '密钥由环境变量 SECRET（或 SECRET_FILE）提供，不在本备份中；恢复后的实例必须使用同一个 SECRET，否则查询码全部失效。';
      secret = { file: null, note };
      notes.push(note);
    } else if (existsSync(secretFile)) {
      await tar.addBuffer('secret', readFileSync(secretFile), 0o600);
      secret = { file: 'secret' };
    } else {
      const note = `数据目录中没有密钥文件（${secretFile}）：服务还没有启动过，尚无查询码。`;
      secret = { file: null, note };
      notes.push(note);
      io.err(`注意：${note}`);
    }

    // 3. the attachments, streamed
    let attachments: Manifest['attachments'];
    if (config.s3) {
      const note = `附件保存在对象存储（${config.s3.endpoint}，存储桶 ${config.s3.bucket}）中，不在本备份中；请用对象存储自身的备份或版本功能保护它们。`;
      attachments = { storage: 's3', count: 0, bytes: 0, note };
      notes.push(note);
    } else {
      const root = join(dataDir, 'attachments');
      let count = 0;
      let bytes = 0;
      for (const a of await walk(root)) {
        await tar.addFile(`attachments/${a.rel}`, join(root, a.rel), a.size, a.mtimeMs);
        count++;
        bytes += a.size;
      }
      attachments = { storage: 'local', count, bytes };
    }

    // 4. the manifest, last
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      gongkaiVersion: gongkaiVersion(),
      createdAt: new Date().toISOString(),
      schemaVersion,
      database,
      secret,
      attachments,
      files: tar.files,
      notes,
    };
    await tar.addBuffer('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
    await tar.finish();
    tar = undefined;
    await rename(partial, dest);
    io.out(
      `已备份到 ${dest}（${((performance.now() - t0) / 1000).toFixed(1)} 秒）\n` +
        `  数据库：${summary}；结构版本 ${schemaVersion ?? '未知'}\n` +
        `  密钥：${secret.file ? '已包含' : (secret.note ?? '')}\n` +
        `  附件：${attachments.storage === 's3' ? attachments.note : `${attachments.count} 个，共 ${mb(attachments.bytes)}`}`,
    );
    return exit;
  } catch (e) {
    await tar?.abort();
    await rm(partial, { force: true });
    throw e;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------- restore

const SAFE_SEGMENT = /^[^/\\\0]+$/;

/** Where a member may go: the database, the secret, an attachment or the manifest; anything else is refused. */
function checkMemberName(name: string): void {
  const ok =
    name === 'manifest.json' ||
    name === 'secret' ||
    /^database\/[\w-]+\.(db|pgdump)$/.test(name) ||
    (name.startsWith('attachments/') &&
      name
        .slice('attachments/'.length)
        .split('/')
        .every((s) => SAFE_SEGMENT.test(s) && s !== '.' && s !== '..'));
  if (!ok) throw new BackupError(`备份文件中有不应出现的文件：${name}（不是 gongkai 写出的备份）`);
}

function parseManifest(bytes: Buffer): Manifest {
  let m: Manifest;
  try {
    m = JSON.parse(bytes.toString('utf8')) as Manifest;
  } catch {
    throw new BackupError('备份文件已损坏：manifest.json 不是有效的 JSON');
  }
  if (m?.format !== FORMAT || !Array.isArray(m.files))
    throw new BackupError('这不是 gongkai 的备份文件（manifest.json 格式不对）');
  if (m.formatVersion > FORMAT_VERSION)
    throw new BackupError(`备份格式版本 ${m.formatVersion} 比本程序新，请先升级 gongkai`);
  return m;
}

/** Refuses unless every member the manifest lists came back with its size and checksum, and nothing else did. */
function verify(manifest: Manifest, got: ManifestFile[]): void {
  const seen = new Map(got.filter((g) => g.path !== 'manifest.json').map((g) => [g.path, g]));
  if (seen.size !== got.length - 1) throw new BackupError('备份文件已损坏：有重复的成员');
  for (const want of manifest.files) {
    const g = seen.get(want.path);
    if (!g) throw new BackupError(`备份文件不完整：缺少 ${want.path}`);
    if (g.size !== want.size || g.sha256 !== want.sha256)
      throw new BackupError(
        `备份文件已损坏或被改动：${want.path} 的校验值与 manifest.json 不符（应为 ${want.sha256.slice(0, 16)}…，实为 ${g.sha256.slice(0, 16)}…），拒绝恢复`,
      );
    seen.delete(want.path);
  }
  for (const extra of seen.keys())
    throw new BackupError(`备份文件被改动：${extra} 不在 manifest.json 的清单中，拒绝恢复`);
}

async function restore(args: string[], io: CliIO, env: NodeJS.ProcessEnv): Promise<number> {
  const { pos, f } = flags(args);
  const file = pos[0];
  if (!file) {
    io.err(`请指定备份文件\n${BACKUP_USAGE}`);
    return 2;
  }
  if (!existsSync(file)) throw new BackupError(`找不到备份文件：${file}`);
  const config = loadConfig(env);
  const dataDir = resolve(
    typeof f['data-dir'] === 'string' && f['data-dir'] ? f['data-dir'] : config.dataDir,
  );
  const force = f.force === true;
  const existing = existsSync(dataDir) ? readdirSync(dataDir) : [];
  if (existing.length && !force)
    throw new BackupError(
      `数据目录 ${dataDir} 不是空的（有 ${existing.slice(0, 5).join('、')}${existing.length > 5 ? ' 等' : ''}），拒绝覆盖。` +
        '请恢复到一个空目录（--data-dir 目录），或确认覆盖后加 --force（原有的数据库、密钥和附件会移到 replaced-时间 目录中）。',
    );
  mkdirSync(dataDir, { recursive: true });

  // 1. everything into a staging folder, checksummed on the way
  const staging = await mkdtemp(join(dataDir, '.restore-'));
  try {
    let manifestBytes: Buffer | null = null;
    const got = await readTar(resolve(file), async (name, size) => {
      checkMemberName(name);
      if (name === 'manifest.json') {
        if (size > 64 * 1024 * 1024) throw new BackupError('备份文件已损坏：manifest.json 过大');
        const parts: Buffer[] = [];
        return {
          write: async (c) => void parts.push(Buffer.from(c)),
          end: async () => void (manifestBytes = Buffer.concat(parts)),
        };
      }
      const p = join(staging, name);
      await mkdir(dirname(p), { recursive: true });
      const fh = await open(p, 'wx', name === 'secret' || name.startsWith('database/') ? 0o600 : 0o644);
      return {
        write: async (c) => void (await fh.write(c)),
        end: async () => {
          await fh.sync();
          await fh.close();
        },
      };
    });
    if (!manifestBytes) throw new BackupError('备份文件中没有 manifest.json，无法核对，拒绝恢复');
    const manifest = parseManifest(manifestBytes);
    verify(manifest, got);
    const { migrationProvider } = await import('../../adapters/storage/kysely/migrations.js');
    const known = Object.keys(await migrationProvider('sqlite').getMigrations());
    if (manifest.schemaVersion && !known.includes(manifest.schemaVersion))
      throw new BackupError(
        `备份的数据库结构版本 ${manifest.schemaVersion} 是本程序（${gongkaiVersion()}）不认识的，请先升级 gongkai（备份来自 ${manifest.gongkaiVersion}）`,
      );

    // 2. the database
    const db = manifest.database;
    const lines: string[] = [];
    let exit = 0;
    let dbInDir: string | null = null; // the database file that goes into the data directory
    if (db.kind === 'postgresql' && db.file) {
      if (!config.databaseUrl)
        throw new BackupError(
          '备份中的数据库是 PostgreSQL：请把 DATABASE_URL 设为要恢复到的（空）数据库后再运行',
        );
      const url = config.databaseUrl;
      const tables = await pgQuery(url, async (q) =>
        Number(
          (
            (await q(
              "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
            )) as {
              n: string;
            }[]
          )[0]!.n,
        ),
      );
      if (tables > 0 && !force)
        throw new BackupError(
          `DATABASE_URL 指向的数据库不是空的（${tables} 张表），拒绝覆盖；确认覆盖请加 --force`,
        );
      const penv = pgEnv(url);
      const r = await runTool(
        'pg_restore',
        [
          `--dbname=${penv.PGDATABASE ?? penv.PGUSER ?? 'postgres'}`, // a name only: the password stays in the environment
          '--no-owner',
          '--no-privileges',
          '--single-transaction',
          '--exit-on-error',
          ...(tables > 0 ? ['--clean', '--if-exists'] : []),
          join(staging, db.file),
        ],
        penv,
      );
      if (r.missing) {
        dbInDir = basename(db.file);
        lines.push(
          `  数据库：本机没有 pg_restore，转储文件已放在 ${join(dataDir, basename(db.file))}，请运行：pg_restore --no-owner -d "$DATABASE_URL" ${join(dataDir, basename(db.file))}`,
        );
        exit = 1;
      } else if (r.code !== 0) throw new BackupError(`pg_restore 失败（退出码 ${r.code}）：${r.stderr}`);
      else lines.push('  数据库：已用 pg_restore 恢复到 DATABASE_URL 指向的 PostgreSQL 数据库');
    } else if (db.kind === 'sqlite' && db.file) {
      dbInDir = basename(db.file);
      lines.push(
        `  数据库：${join(dataDir, basename(db.file))}（结构版本 ${manifest.schemaVersion ?? '未知'}）`,
      );
      if (config.databaseUrl)
        lines.push('  注意：当前设置了 DATABASE_URL，服务会使用 PostgreSQL 而不是恢复的 SQLite 数据库');
    } else {
      lines.push(`  数据库：未包含在备份中——${db.note ?? ''}`);
      exit = 1;
    }

    // 3. move aside what --force overwrites, then move the staged members into place
    const targets = [
      ...(dbInDir ? [dbInDir, `${dbInDir}-wal`, `${dbInDir}-shm`] : []),
      ...(manifest.secret.file ? ['secret'] : []),
      ...(manifest.attachments.storage === 'local' ? ['attachments'] : []),
    ];
    const clash = targets.filter((t) => existsSync(join(dataDir, t)));
    if (clash.length) {
      const aside = join(dataDir, `replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      await mkdir(aside);
      for (const t of clash) await rename(join(dataDir, t), join(aside, t));
      lines.push(`  原有的 ${clash.join('、')} 已移到 ${aside}`);
    }
    if (dbInDir) await rename(join(staging, db.file!), join(dataDir, dbInDir));
    if (manifest.secret.file) {
      await rename(join(staging, 'secret'), join(dataDir, 'secret'));
      lines.push('  密钥：已恢复（查询码依赖它）');
      const restored = readFileSync(join(dataDir, 'secret'), 'utf8').trim();
      if (config.secret !== undefined && config.secret !== restored)
        lines.push(
          '  注意：环境变量 SECRET 已设置且与备份中的密钥不同，服务会使用 SECRET，已发出的查询码将无法使用',
        );
    } else lines.push(`  密钥：${manifest.secret.note ?? '未包含'}`);
    if (manifest.attachments.storage === 'local') {
      const from = join(staging, 'attachments');
      if (existsSync(from)) await rename(from, join(dataDir, 'attachments'));
      else await mkdir(join(dataDir, 'attachments'));
      lines.push(`  附件：${manifest.attachments.count} 个，共 ${mb(manifest.attachments.bytes)}`);
    } else lines.push(`  附件：${manifest.attachments.note ?? '在对象存储中'}`);
    io.out(
      `已核对 ${manifest.files.length} 个文件的校验值，备份（${manifest.createdAt}，gongkai ${manifest.gongkaiVersion}）已恢复到 ${dataDir}\n${lines.join('\n')}`,
    );
    return exit;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------- entry points

async function guarded(fn: () => Promise<number>, io: CliIO): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof BackupError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
}

export function runBackupCommand(
  args: string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return guarded(() => backup(args, io, env), io);
}

export function runRestoreCommand(
  args: string[],
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return guarded(() => restore(args, io, env), io);
}
