/** The storage contract on SQLite (a temporary file with WAL), plus the append-only triggers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/adapters/storage/kysely/kysely-store.js';
import { caseRow, ev, organ, runStorageContract } from './storage.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'gk-sqlite-'));
let n = 0;
runStorageContract('sqlite', async () => {
  const s = await openSqliteStore(join(dir, `t${++n}.db`));
  await s.migrate();
  return s;
});

test('sqlite: the case history and the audit log refuse UPDATE and DELETE', async () => {
  const file = join(dir, 'append-only.db');
  const s = await openSqliteStore(file);
  await s.migrate();
  await s.organs.create(organ('a'));
  await s.cases.create(caseRow('A-1', 'a'), ev('A-1', 1));
  await s.audit.append({
    id: 'x',
    at: '2024-01-01T00:00:00.000Z',
    organId: 'a',
    userId: null,
    role: 'system',
    action: 't',
    caseId: null,
    ip: '-',
    detail: '{}',
  });
  await s.close();
  const raw = new Database(file);
  assert.throws(() => raw.prepare("UPDATE audit_log SET action = 'forged'").run(), /append-only/);
  assert.throws(() => raw.prepare('DELETE FROM audit_log').run(), /append-only/);
  assert.throws(() => raw.prepare('DELETE FROM case_events').run(), /append-only/);
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  raw.close();
});
