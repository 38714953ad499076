/**
 * The storage contract of issued letters on SQLite and PostgreSQL: appended in order of issue, read back exactly
 * as written, one letter per event, a letter replaced at most once, and the table refuses UPDATE and DELETE
 * (append-only, like the case history); an organ's 机关代字 and 电子印章 round-trip.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore, openSqliteStore } from '../../src/adapters/storage/kysely/kysely-store.js';
import type { Store } from '../../src/core/ports.js';
import type { IssuedLetter } from '../../src/core/letters/issued-letter.js';
import { freshPostgresUrl } from '../helpers/pg.js';
import { caseRow, ev, organ } from './storage.contract.js';

const letter = (seq: number, over: Partial<IssuedLetter> = {}): IssuedLetter => ({
  id: `A-1/${seq}`,
  caseId: 'A-1',
  organId: 'a',
  kind: seq === 1 ? 'receipt' : 'extension',
  number: seq === 1 ? '田政依申回〔2024〕1号' : `田政依申延〔2024〕1${seq > 2 ? `-${seq - 1}` : ''}号`,
  seq,
  issuedAt: `2024-03-0${seq}T02:00:00.000Z`,
  issuedByEventSeq: seq,
  replacesId: null,
  content: {
    kind: seq === 1 ? 'receipt' : 'extension',
    id: `x-${seq}`,
    title: '延期答复告知书',
    number: '田政依申延〔2024〕1号',
    recipient: '张三',
    paragraphs: ['本机关将于2024年4月23日前作出答复。', '“引号”与\\反斜杠\n换行'],
    basis: '《中华人民共和国政府信息公开条例》第三十三条第二款',
    organName: 'a人民政府',
    sealName: 'a人民政府',
    date: '2024年3月4日',
    forApplicant: true,
    contact: { address: '某县某路1号', postcode: '000000', phone: '0000-0000000' },
    sealImage: { key: 'seals/a/abc.png', mime: 'image/png', sha256: 'abc' },
  },
  ...over,
});

async function contract(name: string, s: Store, raw: { run(sql: string): Promise<unknown> }) {
  await s.organs.create({ ...organ('a'), docCode: '田政' });
  await s.cases.create(caseRow('A-1', 'a'), ev('A-1', 1));
  assert.equal((await s.organs.find('a'))!.docCode, '田政', `${name}: 机关代字`);
  await s.organs.update({
    ...(await s.organs.find('a'))!,
    sealImage: { key: 'seals/a/abc.png', mime: 'image/png', sha256: 'abc' },
  });
  assert.deepEqual((await s.organs.find('a'))!.sealImage, {
    key: 'seals/a/abc.png',
    mime: 'image/png',
    sha256: 'abc',
  });
  // an Organ built without the new fields leaves them as they are
  const { docCode: _d, sealImage: _s, ...plain } = (await s.organs.find('a'))!;
  await s.organs.update({ ...plain, phone: '1111-1111111' });
  assert.equal((await s.organs.find('a'))!.docCode, '田政');
  assert.equal((await s.organs.find('a'))!.sealImage!.key, 'seals/a/abc.png');

  await s.transaction(async (tx) => {
    await tx.letters.add(letter(1));
    await tx.letters.add(letter(2));
  });
  assert.deepEqual(
    await s.letters.listForCase('A-1'),
    [letter(1), letter(2)],
    `${name}: read back as written`,
  );
  assert.deepEqual(await s.letters.listForCase('B-1'), []);
  const conflict = (e: Error & { code?: string }) => e.code === 'storage_conflict';
  await assert.rejects(s.letters.add(letter(2, { id: 'A-1/2b' })), conflict, 'a taken seq');
  await assert.rejects(s.letters.add(letter(3, { issuedByEventSeq: 2 })), conflict, 'one letter per event');
  const fix = letter(3, { issuedByEventSeq: null, replacesId: 'A-1/2' });
  await s.letters.add(fix);
  await assert.rejects(
    s.letters.add(letter(4, { issuedByEventSeq: null, replacesId: 'A-1/2' })),
    conflict,
    'a letter is replaced once',
  );
  // a failed transaction leaves nothing
  await assert.rejects(
    s.transaction(async (tx) => {
      await tx.letters.add(letter(5, { issuedByEventSeq: 5 }));
      await tx.letters.add(letter(5, { id: 'A-1/5b', issuedByEventSeq: 6 }));
    }),
  );
  assert.deepEqual(
    (await s.letters.listForCase('A-1')).map((l) => [l.seq, l.issuedByEventSeq, l.replacesId]),
    [
      [1, 1, null],
      [2, 2, null],
      [3, null, 'A-1/2'],
    ],
  );
  await s.close();
  await assert.rejects(
    raw.run("UPDATE issued_letters SET number = 'forged'"),
    /append-only/,
    `${name}: UPDATE`,
  );
  await assert.rejects(raw.run('DELETE FROM issued_letters'), /append-only/, `${name}: DELETE`);
}

test('sqlite: issued letters are appended, read back exactly, one per event, replaced once, never updated or deleted', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'gk-letters-')), 'l.db');
  const s = await openSqliteStore(file);
  await s.migrate();
  const db = new Database(file);
  try {
    await contract('sqlite', s, { run: async (q) => db.prepare(q).run() });
  } finally {
    db.close();
  }
});

test('postgres: issued letters are appended, read back exactly, one per event, replaced once, never updated or deleted', async () => {
  const url = await freshPostgresUrl();
  const s = await openPostgresStore(url);
  await s.migrate();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await contract('postgres', s, { run: (q) => c.query(q) });
  } finally {
    await c.end();
  }
});
