/**
 * Serial numbers (case numbers, 索引号) from the `counters` table in one atomic statement, so concurrent writers
 * never receive the same number: PostgreSQL holds the counter row's lock until the transaction ends (a second
 * writer waits and then sees the new value); SQLite has one writer at a time.
 */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Database } from './schema.js';

export async function nextCounter(
  db: Kysely<Database> | Transaction<Database>,
  key: string,
  year: number,
): Promise<number> {
  const r = await db
    .insertInto('counters')
    .values({ organ_id: key, year, last_serial: 1 })
    .onConflict((oc) =>
      oc.columns(['organ_id', 'year']).doUpdateSet({ last_serial: sql<number>`counters.last_serial + 1` }),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return Number(r.last_serial);
}
