/**
 * The job queue and the notices over Kysely. Jobs are enqueued in the caller's transaction (a rolled-back action
 * enqueues nothing). SQLite: the embedded runner's `jobs` table (claim by an UPDATE … RETURNING, a lock that
 * expires, so a killed worker's job runs again). PostgreSQL: graphile-worker's queue, through its SQL functions
 * (`add_job`, `reschedule_jobs`, `complete_jobs`) on the same connection — several web and worker processes share
 * it and graphile-worker never runs a job twice at the same time (ADR 0009). Listing reads its `_private_jobs`
 * table (the public `jobs` view has no payload), the one place that depends on its internals.
 */
import { type Kysely, type Transaction, sql } from 'kysely';
import type { NewJob, QueuedJob, Store } from '../../../core/ports.js';
import type { Notice, StaffNotification, StaffPrefs } from '../../../core/notices/notice.js';
import type { Database } from './schema.js';
import type { Dialect } from './migrations.js';

type Db = Kysely<Database> | Transaction<Database>;
type Wrap = <T>(what: string, fn: () => Promise<T>) => Promise<T>;

const DEFAULT_ATTEMPTS = 8;

const toJob = (r: Database['jobs'] & { id: number }): QueuedJob => ({
  id: String(r.id),
  task: r.task,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  key: r.key,
  runAt: r.run_at,
  attempts: Number(r.attempts),
  maxAttempts: Number(r.max_attempts),
  lastError: r.last_error,
  status: Number(r.failed) === 1 ? 'failed' : r.locked_by ? 'running' : 'waiting',
});

interface GraphileRow {
  id: string | number;
  task_identifier: string;
  payload: unknown;
  key: string | null;
  run_at: Date | string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_at: Date | string | null;
}
const iso = (d: Date | string | null) =>
  d === null ? null : d instanceof Date ? d.toISOString() : String(d);
const fromGraphile = (r: GraphileRow): QueuedJob => ({
  id: String(r.id),
  task: r.task_identifier,
  payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : (r.payload ?? {})) as Record<
    string,
    unknown
  >,
  key: r.key,
  runAt: iso(r.run_at)!,
  attempts: Number(r.attempts),
  maxAttempts: Number(r.max_attempts),
  lastError: r.last_error,
  status: Number(r.attempts) >= Number(r.max_attempts) ? 'failed' : r.locked_at ? 'running' : 'waiting',
});

export function buildJobsStore(db: Db, dialect: Dialect, wrap: Wrap): Store['jobs'] {
  if (dialect === 'postgres')
    return {
      enqueue: (j: NewJob) =>
        wrap('enqueue job', async () => {
          await sql`select graphile_worker.add_job(${j.task}, ${JSON.stringify(j.payload)}::json, run_at => ${j.runAt ?? null}::timestamptz, max_attempts => ${j.maxAttempts ?? DEFAULT_ATTEMPTS}, job_key => ${j.key ?? null})`.execute(
            db,
          );
        }),
      list: (f) =>
        wrap('list jobs', async () => {
          const r =
            await sql<GraphileRow>`select j.id, t.identifier as task_identifier, j.payload, j.key, j.run_at, j.attempts, j.max_attempts, j.last_error, j.locked_at from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id ${f.failedOnly ? sql`where j.attempts >= j.max_attempts` : sql``} order by j.run_at, j.id limit ${f.limit}`.execute(
              db,
            );
          return r.rows.map(fromGraphile);
        }),
      counts: () =>
        wrap('count jobs', async () => {
          const r = await sql<{
            waiting: string;
            failed: string;
            oldest: Date | null;
          }>`select count(*) filter (where attempts < max_attempts) as waiting, count(*) filter (where attempts >= max_attempts) as failed, min(run_at) filter (where attempts < max_attempts and run_at <= now()) as oldest from graphile_worker.jobs`.execute(
            db,
          );
          const x = r.rows[0]!;
          return { waiting: Number(x.waiting), failed: Number(x.failed), oldestWaitingSince: iso(x.oldest) };
        }),
      retry: (id) =>
        wrap('retry job', async () => {
          const r = await sql<{
            id: string;
          }>`select id from graphile_worker.reschedule_jobs(array[${Number(id)}]::bigint[], run_at => now(), attempts => 0)`.execute(
            db,
          );
          return r.rows.length > 0;
        }),
      purgeFailed: () =>
        wrap('purge jobs', async () => {
          const r = await sql<{
            id: string;
          }>`select id from graphile_worker.complete_jobs(array(select id from graphile_worker.jobs where attempts >= max_attempts))`.execute(
            db,
          );
          return r.rows.length;
        }),
      claim: async () => {
        throw new Error('jobs: on PostgreSQL graphile-worker runs the jobs');
      },
      complete: async () => {
        throw new Error('jobs: on PostgreSQL graphile-worker runs the jobs');
      },
      fail: async () => {
        throw new Error('jobs: on PostgreSQL graphile-worker runs the jobs');
      },
    };
  return {
    enqueue: (j) =>
      wrap('enqueue job', async () => {
        await db
          .insertInto('jobs')
          .values({
            task: j.task,
            payload: JSON.stringify(j.payload),
            key: j.key ?? null,
            run_at: j.runAt ?? new Date(0).toISOString(),
            attempts: 0,
            max_attempts: j.maxAttempts ?? DEFAULT_ATTEMPTS,
            last_error: null,
            locked_by: null,
            locked_until: null,
            failed: 0,
          })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
      }),
    list: (f) =>
      wrap('list jobs', async () => {
        let q = db.selectFrom('jobs').selectAll();
        if (f.failedOnly) q = q.where('failed', '=', 1);
        return (await q.orderBy('run_at').orderBy('id').limit(f.limit).execute()).map((r) =>
          toJob(r as Database['jobs'] & { id: number }),
        );
      }),
    counts: () =>
      wrap('count jobs', async () => {
        const r = await db
          .selectFrom('jobs')
          .select([
            sql<number>`sum(case when failed = 0 then 1 else 0 end)`.as('waiting'),
            sql<number>`sum(case when failed = 1 then 1 else 0 end)`.as('failed'),
            sql<string | null>`min(case when failed = 0 then run_at end)`.as('oldest'),
          ])
          .executeTakeFirst();
        return {
          waiting: Number(r?.waiting ?? 0),
          failed: Number(r?.failed ?? 0),
          oldestWaitingSince: r?.oldest ?? null,
        };
      }),
    retry: (id) =>
      wrap('retry job', async () => {
        const r = await db
          .updateTable('jobs')
          .set({
            failed: 0,
            attempts: 0,
            run_at: new Date(0).toISOString(),
            locked_by: null,
            locked_until: null,
          })
          .where('id', '=', Number(id))
          .where('failed', '=', 1)
          .executeTakeFirst();
        return Number(r.numUpdatedRows) > 0;
      }),
    purgeFailed: () =>
      wrap('purge jobs', async () => {
        const r = await db.deleteFrom('jobs').where('failed', '=', 1).executeTakeFirst();
        return Number(r.numDeletedRows);
      }),
    claim: (worker, now, lockSeconds) =>
      wrap('claim job', async () => {
        const until = new Date(new Date(now).getTime() + lockSeconds * 1000).toISOString();
        const r = await db
          .updateTable('jobs')
          .set({ locked_by: worker, locked_until: until, attempts: sql`attempts + 1` })
          .where(
            'id',
            '=',
            db
              .selectFrom('jobs')
              .select('id')
              .where('failed', '=', 0)
              .where('run_at', '<=', now)
              .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
              .orderBy('run_at')
              .orderBy('id')
              .limit(1),
          )
          .returningAll()
          .executeTakeFirst();
        return r ? toJob(r as Database['jobs'] & { id: number }) : undefined;
      }),
    complete: (id) =>
      wrap('complete job', async () => {
        await db.deleteFrom('jobs').where('id', '=', Number(id)).execute();
      }),
    fail: (id, error, retryAt) =>
      wrap('fail job', async () => {
        await db
          .updateTable('jobs')
          .set({
            last_error: error.slice(0, 1000),
            locked_by: null,
            locked_until: null,
            ...(retryAt ? { run_at: retryAt } : { failed: 1 }),
          })
          .where('id', '=', Number(id))
          .execute();
      }),
  };
}

const toNotice = (r: Database['notices']): Notice => ({
  id: r.id,
  caseId: r.case_id,
  organId: r.organ_id,
  kind: r.kind as Notice['kind'],
  channel: r.channel as Notice['channel'],
  to: r.recipient,
  subject: r.subject,
  text: r.body,
  createdAt: r.created_at,
  status: r.status as Notice['status'],
  sentAt: r.sent_at,
  providerId: r.provider_id,
  lastError: r.last_error,
  attempts: Number(r.attempts),
  ...(r.sealed_secret ? { sealedSecret: r.sealed_secret } : {}),
});

export function buildNoticesStore(db: Db, wrap: Wrap): Store['notices'] {
  return {
    create: (n) =>
      wrap('create notice', async () => {
        await db
          .insertInto('notices')
          .values({
            id: n.id,
            case_id: n.caseId,
            organ_id: n.organId,
            kind: n.kind,
            channel: n.channel,
            recipient: n.to,
            subject: n.subject,
            body: n.text,
            created_at: n.createdAt,
            status: n.status,
            sent_at: n.sentAt,
            provider_id: n.providerId,
            last_error: n.lastError,
            attempts: n.attempts,
            sealed_secret: n.sealedSecret ?? null,
          })
          .execute();
      }),
    find: (id) =>
      wrap('find notice', async () => {
        const r = await db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
        return r && toNotice(r);
      }),
    markSent: (id, at, providerId) =>
      wrap('mark notice sent', async () => {
        await db
          .updateTable('notices')
          .set({ status: 'sent', sent_at: at, provider_id: providerId, attempts: sql`attempts + 1` })
          .where('id', '=', id)
          .execute();
      }),
    markHanding: (id) =>
      wrap('mark notice handing', async () => {
        await db
          .updateTable('notices')
          .set({ status: 'handing' })
          .where('id', '=', id)
          .where('status', 'in', ['pending', 'failed'])
          .execute();
      }),
    markAttempt: (id, error, failed) =>
      wrap('mark notice attempt', async () => {
        await db
          .updateTable('notices')
          .set({
            last_error: error.slice(0, 1000),
            attempts: sql`attempts + 1`,
            status: failed ? 'failed' : 'pending',
          })
          .where('id', '=', id)
          .where('status', '!=', 'sent')
          .execute();
      }),
    listForCase: (caseId) =>
      wrap('list notices', async () =>
        (
          await db
            .selectFrom('notices')
            .selectAll()
            .where('case_id', '=', caseId)
            .orderBy('created_at')
            .execute()
        ).map(toNotice),
      ),
    listRecent: (organIds, limit) =>
      wrap('list notices', async () => {
        let q = db.selectFrom('notices').selectAll();
        if (organIds) q = q.where('organ_id', 'in', organIds.length ? organIds : ['']);
        return (await q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute()).map(toNotice);
      }),
  };
}

const toNotification = (r: Database['staff_notifications']): StaffNotification => ({
  id: r.id,
  userId: r.user_id,
  organId: r.organ_id,
  kind: r.kind as StaffNotification['kind'],
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at,
  readAt: r.read_at,
});

export function buildStaffNoticesStore(db: Db, wrap: Wrap): Store['staffNotices'] {
  return {
    prefs: (userId) =>
      wrap('read staff prefs', async () => {
        const r = await db
          .selectFrom('staff_prefs')
          .selectAll()
          .where('user_id', '=', userId)
          .executeTakeFirst();
        return r
          ? ({
              userId: r.user_id,
              email: r.email,
              digest: Number(r.digest) === 1,
              quietStart: r.quiet_start === null ? null : Number(r.quiet_start),
              quietEnd: r.quiet_end === null ? null : Number(r.quiet_end),
            } satisfies StaffPrefs)
          : undefined;
      }),
    setPrefs: (p) =>
      wrap('save staff prefs', async () => {
        const row = {
          user_id: p.userId,
          email: p.email,
          digest: p.digest ? 1 : 0,
          quiet_start: p.quietStart,
          quiet_end: p.quietEnd,
        };
        await db
          .insertInto('staff_prefs')
          .values(row)
          .onConflict((oc) =>
            oc.column('user_id').doUpdateSet({
              email: row.email,
              digest: row.digest,
              quiet_start: row.quiet_start,
              quiet_end: row.quiet_end,
            }),
          )
          .execute();
      }),
    add: (n) =>
      wrap('add notification', async () => {
        const r = await db
          .insertInto('staff_notifications')
          .values({
            id: n.id,
            user_id: n.userId,
            organ_id: n.organId,
            kind: n.kind,
            title: n.title,
            body: n.body,
            link: n.link,
            created_at: n.createdAt,
            read_at: n.readAt,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
      }),
    list: (userId, limit) =>
      wrap('list notifications', async () =>
        (
          await db
            .selectFrom('staff_notifications')
            .selectAll()
            .where('user_id', '=', userId)
            .orderBy('created_at', 'desc')
            .orderBy('id')
            .limit(limit)
            .execute()
        ).map(toNotification),
      ),
    unread: (userId) =>
      wrap('count notifications', async () => {
        const r = await db
          .selectFrom('staff_notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .executeTakeFirst();
        return Number(r?.n ?? 0);
      }),
    markRead: (userId, at) =>
      wrap('mark notifications read', async () => {
        await db
          .updateTable('staff_notifications')
          .set({ read_at: at })
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .execute();
      }),
  };
}

export function buildScheduledRunsStore(db: Db, wrap: Wrap): Store['scheduledRuns'] {
  return {
    claim: (name, period, at) =>
      wrap('claim scheduled run', async () => {
        const r = await db
          .insertInto('scheduled_runs')
          .values({ name, period, at })
          .onConflict((oc) => oc.columns(['name', 'period']).doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
      }),
  };
}
