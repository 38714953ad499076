/**
 * The storage contract on PostgreSQL (127.0.0.1:5432, user postgres, trust auth): a fresh database per store,
 * dropped afterwards. PG_URL overrides the server.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openPostgresStore } from '../../src/adapters/storage/kysely/kysely-store.js';
import { caseRow, ev, organ, runStorageContract } from './storage.contract.js';
import { freshPostgresUrl } from '../helpers/pg.js';

runStorageContract('postgres', async () => {
  const s = await openPostgresStore(await freshPostgresUrl());
  await s.migrate();
  return s;
});

test('postgres: the case history and the audit log refuse UPDATE and DELETE', async () => {
  const url = await freshPostgresUrl();
  const s = await openPostgresStore(url);
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
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await assert.rejects(c.query("UPDATE audit_log SET action = 'forged'"), /append-only/);
  await assert.rejects(c.query('DELETE FROM audit_log'), /append-only/);
  await assert.rejects(c.query('DELETE FROM case_events'), /append-only/);
  await c.end();
});
