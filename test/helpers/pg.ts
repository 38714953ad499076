/** Fresh PostgreSQL databases for tests (127.0.0.1:5432, user postgres, trust auth; PG_URL overrides), dropped at exit. */
import { after } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const SERVER = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const created: string[] = [];
let hooked = false;

export async function freshPostgresUrl(): Promise<string> {
  if (!hooked) {
    hooked = true;
    after(async () => {
      const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
      await c.connect();
      for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    });
  }
  const name = `gongkai_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  created.push(name);
  return `${SERVER}/${name}`;
}
