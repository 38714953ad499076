/** Bench helper: serves a portal over an existing SQLite file (seeded by portal-bench.ts); prints the address. */
import { createCalendar } from '../src/core/calendar/holiday-calendar.js';
import { DEFAULT_CASE_RULES } from '../src/core/case/case-rules.js';
import { nationalCalendarEntries } from '../src/adapters/calendar/chinese-days-seed.js';
import { openSqliteStore } from '../src/adapters/storage/kysely/kysely-store.js';
import { localFileStore } from '../src/adapters/files/local-file-store.js';
import { buildServer } from '../src/web/server.js';

const file = process.argv[2]!;
const store = await openSqliteStore(file);
const app = await buildServer(
  {
    store,
    files: localFileStore('/tmp/gk-bench-files'),
    calendar: createCalendar(nationalCalendarEntries()),
    rules: DEFAULT_CASE_RULES,
    now: () => new Date('2026-11-26T02:00:00Z'),
    secret: 'bench-secret-0123456789',
  },
  { pageCacheSeconds: Number(process.env.GK_PAGE_CACHE ?? 10) },
);
const addr = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${addr}\n`);
