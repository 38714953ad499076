/**
 * `gongkai backup` / `gongkai restore`. The defect this protects against: the backup held only the SQLite
 * database, so a restored installation opened no case for any query code (they are HMACs with DATA_DIR/secret)
 * and answered 500 for every attachment (DATA_DIR/attachments). Here an installation is built, written to while
 * the backup runs, restored into an empty directory and checked through the use cases; a tampered archive and a
 * non-empty directory are refused. SQLite, and PostgreSQL through pg_dump / pg_restore.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { createCalendar } from '../../src/core/calendar/holiday-calendar.js';
import { DEFAULT_CASE_RULES } from '../../src/core/case/case-rules.js';
import { nationalCalendarEntries } from '../../src/adapters/calendar/chinese-days-seed.js';
import { openStore } from '../../src/adapters/storage/kysely/kysely-store.js';
import { localFileStore } from '../../src/adapters/files/local-file-store.js';
import type { AppDeps } from '../../src/app/deps.js';
import type { Attachment } from '../../src/core/entities.js';
import { seedDemo } from '../../src/app/demo/seed-demo.js';
import { type CreatedCase, submitApplication } from '../../src/app/cases/create-case.js';
import { addAttachment } from '../../src/app/cases/attachments.js';
import { getCaseForApplicant } from '../../src/app/cases/case-view.js';
import { PASSWORDS, VALID_APPLICATION } from '../helpers/test-app.js';
import { freshPostgresUrl } from '../helpers/pg.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (s) => {
      out += s + '\n';
    },
    err: (s) => {
      err += s + '\n';
    },
    isTTY: false,
  });
  return { code, out, err };
}

const VARS = ['DATA_DIR', 'DATABASE_URL', 'SECRET', 'SECRET_FILE', 'S3_ENDPOINT', 'S3_BUCKET'];

/** Runs `fn` with exactly these configuration variables set (the others unset), then puts the old ones back. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));
  for (const v of VARS) delete process.env[v];
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const v of VARS) {
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
    }
  }
}

/** An installation as `gongkai serve` wires it: DATA_DIR/gongkai.db (or DATABASE_URL), DATA_DIR/secret, DATA_DIR/attachments. */
async function openInstallation(dataDir: string, databaseUrl?: string): Promise<AppDeps> {
  mkdirSync(dataDir, { recursive: true });
  const secretFile = join(dataDir, 'secret');
  if (!existsSync(secretFile))
    writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  const store = await openStore(databaseUrl, join(dataDir, 'gongkai.db'));
  await store.migrate();
  return {
    store,
    files: localFileStore(join(dataDir, 'attachments')),
    calendar: createCalendar(nationalCalendarEntries()),
    rules: DEFAULT_CASE_RULES,
    now: () => new Date('2024-03-04T02:00:00.000Z'),
    secret: readFileSync(secretFile, 'utf8').trim(),
  };
}

const ORGANS = ['tianhu', 'county'];
const application = (i: number) => ({
  ...VALID_APPLICATION,
  description: `第${i}件申请：本镇农村危房改造补助名单`,
});
/** A PDF-looking file of `size` random bytes (addAttachment checks the magic number). */
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size)]);

interface Built {
  deps: AppDeps;
  cases: CreatedCase[];
  files: { a: Attachment; bytes: Buffer }[];
}

async function build(dataDir: string, n: number, databaseUrl?: string): Promise<Built> {
  const deps = await openInstallation(dataDir, databaseUrl);
  await seedDemo(deps, { passwords: PASSWORDS, cases: false });
  const cases: CreatedCase[] = [];
  const files: Built['files'] = [];
  for (let i = 0; i < n; i++) {
    const c = await submitApplication(deps, ORGANS[i % 2]!, application(i), '127.0.0.1');
    cases.push(c);
    if (i % 4 === 0) {
      // one attachment of several megabytes, so it is streamed in many chunks
      const bytes = pdf(i === 0 ? 3 * 1024 * 1024 : 20_000 + i);
      const a = await addAttachment(
        deps,
        c.caseId,
        'application',
        `申请材料${i}.pdf`,
        bytes,
        { userId: null, role: 'applicant', organId: c.organId },
        '127.0.0.1',
      );
      files.push({ a, bytes });
    }
  }
  return { deps, cases, files };
}

/** The offset of a member's data in a tar file. */
function memberOffset(tar: Buffer, match: (name: string) => boolean): { name: string; at: number } {
  for (let off = 0; off + 512 <= tar.length; ) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
    if (match(name) && size > 0) return { name, at: off + 512 };
    off += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error('member not found');
}

async function checkRestored(
  restored: AppDeps,
  built: Built,
  during: CreatedCase[],
  duringFiles: Built['files'],
) {
  // every query code acknowledged before the backup opens its case
  for (const c of built.cases) {
    const v = await getCaseForApplicant(restored, c.caseId, c.queryCode);
    assert.equal(v.row.id, c.caseId);
  }
  // applications acknowledged while the backup ran: those in the snapshot open too
  for (const c of during)
    if (await restored.store.cases.find(c.caseId))
      assert.equal((await getCaseForApplicant(restored, c.caseId, c.queryCode)).row.id, c.caseId);
  // every attachment comes back byte for byte through the file store
  for (const { a, bytes } of built.files) {
    assert.ok(await restored.store.attachments.find(a.id), `attachment ${a.id} in the restored database`);
    assert.deepEqual(Buffer.from(await restored.files.get(a.storageKey)), bytes);
  }
  for (const { a, bytes } of duringFiles)
    if (await restored.store.attachments.find(a.id))
      assert.deepEqual(Buffer.from(await restored.files.get(a.storageKey)), bytes);
}

test('a restored backup keeps every query code and attachment working (SQLite, written to during the backup; a tampered archive is refused)', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gk-backup-'));
  const dataDir = join(tmp, 'data');
  const built = await build(dataDir, 20);
  const archive = join(tmp, 'backup.tar');
  const during: CreatedCase[] = [];
  const duringFiles: Built['files'] = [];
  let restored: AppDeps | undefined;
  try {
    await withEnv({ DATA_DIR: dataDir }, async () => {
      // applicants keep applying while the backup runs
      let stop = false;
      const writer = (async () => {
        for (let i = 100; !stop; i++) {
          await new Promise((r) => setImmediate(r));
          const c = await submitApplication(built.deps, 'tianhu', application(i), '127.0.0.1');
          during.push(c);
          if (i % 3 === 0) {
            const bytes = pdf(5000 + i);
            const a = await addAttachment(
              built.deps,
              c.caseId,
              'clarification',
              `补正${i}.pdf`,
              bytes,
              { userId: null, role: 'applicant', organId: c.organId },
              '127.0.0.1',
            );
            duringFiles.push({ a, bytes });
          }
        }
      })();
      const b = await run(['backup', '--to', archive]);
      stop = true;
      await writer;
      assert.equal(b.code, 0, b.err);
      assert.match(b.out, /已备份到 .*backup\.tar/);
      assert.match(b.out, /附件：\d+ 个/);
      assert.ok(during.length > 0, 'applications were written while the backup ran');
    });

    // the manifest lists every member with size and sha256, the version, the migration and the time
    const tar = readFileSync(archive);
    const m = memberOffset(tar, (n) => n === 'manifest.json');
    const manifest = JSON.parse(tar.subarray(m.at, tar.indexOf(0, m.at)).toString('utf8')) as Record<
      string,
      unknown
    > & { files: { path: string; size: number; sha256: string }[] };
    assert.equal(manifest.gongkaiVersion, '0.1.0');
    assert.match(String(manifest.schemaVersion), /^\d{3}_/);
    assert.match(String(manifest.createdAt), /^\d{4}-\d\d-\d\dT/);
    const paths = manifest.files.map((f) => f.path);
    assert.ok(paths.includes('database/gongkai.db') && paths.includes('secret'));
    for (const { a } of built.files) assert.ok(paths.includes(`attachments/${a.storageKey}`));
    for (const f of manifest.files) assert.match(f.sha256, /^[0-9a-f]{64}$/);

    // restored into an empty, new data directory
    const fresh = join(tmp, 'restored');
    const r = await withEnv({ DATA_DIR: join(tmp, 'unused') }, () =>
      run(['restore', archive, '--data-dir', fresh]),
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /已核对 \d+ 个文件的校验值/);
    assert.deepEqual(readdirSync(fresh).sort(), ['attachments', 'gongkai.db', 'secret']);
    restored = await openInstallation(fresh);
    await checkRestored(restored, built, during, duringFiles);

    // one flipped byte in a member: refused, naming the member, and nothing is restored
    for (const which of [
      (n: string) => n.startsWith('attachments/'),
      (n: string) => n === 'database/gongkai.db',
    ]) {
      const bad = Buffer.from(tar);
      const { name, at } = memberOffset(bad, which);
      bad[at + 1000] = bad[at + 1000]! ^ 0x01;
      const badFile = join(tmp, 'tampered.tar');
      writeFileSync(badFile, bad);
      const target = join(tmp, `tampered-${name.length}`);
      const t = await withEnv({ DATA_DIR: target }, () => run(['restore', badFile]));
      assert.equal(t.code, 1);
      assert.ok(t.err.includes(`备份文件已损坏或被改动：${name} 的校验值与 manifest.json 不符`), t.err);
      assert.deepEqual(readdirSync(target), []);
    }
  } finally {
    await built.deps.store.close();
    await restored?.store.close();
  }
});

test('gongkai restore refuses a non-empty data directory without --force, and with --force moves the old files aside', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gk-backup-'));
  const dataDir = join(tmp, 'data');
  const built = await build(dataDir, 2);
  await built.deps.store.close();
  const archive = join(tmp, 'b.tar');
  await withEnv({ DATA_DIR: dataDir }, async () => {
    assert.equal((await run(['backup', '--to', archive])).code, 0);
    const before = readFileSync(join(dataDir, 'gongkai.db'));
    const r = await run(['restore', archive]);
    assert.equal(r.code, 1);
    assert.match(r.err, /数据目录 .* 不是空的.*拒绝覆盖/);
    assert.match(r.err, /--force/);
    assert.deepEqual(readFileSync(join(dataDir, 'gongkai.db')), before);
    assert.ok(!readdirSync(dataDir).some((f) => f.startsWith('.restore-')));

    const f = await run(['restore', archive, '--force']);
    assert.equal(f.code, 0, f.err);
    const aside = readdirSync(dataDir).find((n) => n.startsWith('replaced-'));
    assert.ok(aside, 'the old files are kept');
    assert.ok(existsSync(join(dataDir, aside, 'gongkai.db')) && existsSync(join(dataDir, aside, 'secret')));
  });
  const restored = await openInstallation(dataDir);
  try {
    for (const c of built.cases)
      assert.equal((await getCaseForApplicant(restored, c.caseId, c.queryCode)).row.id, c.caseId);
  } finally {
    await restored.store.close();
  }
});

test('postgres: a restored backup keeps every query code and attachment working (pg_dump into the archive, pg_restore into an empty database)', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gk-backup-'));
  const dataDir = join(tmp, 'data');
  const source = await freshPostgresUrl();
  const built = await build(dataDir, 6, source);
  await built.deps.store.close();
  const archive = join(tmp, 'pg.tar');
  await withEnv({ DATA_DIR: dataDir, DATABASE_URL: source }, async () => {
    const b = await run(['backup', '--to', archive]);
    assert.equal(b.code, 0, b.err);
    assert.match(b.out, /PostgreSQL（pg_dump）/);
  });
  const target = await freshPostgresUrl();
  const fresh = join(tmp, 'restored');
  await withEnv({ DATA_DIR: fresh, DATABASE_URL: target }, async () => {
    const r = await run(['restore', archive]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /pg_restore/);
    const again = await run(['restore', archive, '--data-dir', join(tmp, 'other')]);
    assert.equal(again.code, 1);
    assert.match(again.err, /数据库不是空的/);
  });
  const restored = await openInstallation(fresh, target);
  try {
    await checkRestored(restored, built, [], []);
  } finally {
    await restored.store.close();
  }
});
