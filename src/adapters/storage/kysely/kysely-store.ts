/**
 * The Store over Kysely, for SQLite (better-sqlite3) and PostgreSQL (pg). Driver errors are wrapped with the
 * layer and what it was doing, keeping the cause.
 */
import {
  buildJobsStore,
  buildNoticesStore,
  buildScheduledRunsStore,
  buildStaffNoticesStore,
} from './kysely-jobs-store.js';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction, sql } from 'kysely';
import type {
  Approval,
  Attachment,
  AuditEntry,
  CaseRow,
  Organ,
  SealImage,
  ReviewRow,
  Session,
  StaffUser,
  StoredEvent,
  ApiToken,
} from '../../../core/entities.js';
import type { CaseListFilter, Store } from '../../../core/ports.js';
import type { CaseEvent } from '../../../core/case/case-event.js';
import type { IssuedLetter } from '../../../core/letters/issued-letter.js';
import type { Letter, LetterKind } from '../../../core/letters/build-letters.js';
import type { Database } from './schema.js';
import { type Dialect, migrationProvider } from './migrations.js';
import { buildPublicationStore } from './kysely-publication-store.js';
import { nextCounter } from './counters.js';

const CALENDAR_VERSION = 'calendar:version';

/** A storage failure: which layer, what it was doing, and the driver's error as `cause`. */
export class StorageError extends Error {
  readonly code: string;
  constructor(code: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'StorageError';
    this.code = code;
  }
}

/**
 * Whether a driver error means the database cannot be reached now (down, restarting, failed over, renamed,
 * connection dropped), as opposed to a bad query: SQLSTATE class 08 (connection exception), 57P01–57P03
 * (admin shutdown, crash shutdown, cannot connect now), 3D000 (database does not exist), socket errors.
 */
export function isUnavailable(e: unknown): boolean {
  const x = e as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (!x || typeof x !== 'object') return false;
  const code = typeof x.code === 'string' ? x.code : '';
  if (code === 'storage_unavailable') return true;
  if (/^08|^57P0[123]$|^3D000$|^ECONNREFUSED$|^ECONNRESET$|^EPIPE$|^ETIMEDOUT$/.test(code)) return true;
  const msg = typeof x.message === 'string' ? x.message : '';
  if (
    /Connection terminated|terminating connection|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      msg,
    )
  )
    return true;
  return x.cause !== undefined && x.cause !== e ? isUnavailable(x.cause) : false;
}

async function wrap<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof StorageError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    const conflict = /UNIQUE|unique|duplicate key|PRIMARY KEY/.test(msg);
    throw new StorageError(
      conflict ? 'storage_conflict' : isUnavailable(e) ? 'storage_unavailable' : 'storage_failed',
      `store: unable to ${what}: ${msg}`,
      e,
    );
  }
}

const toOrgan = (r: Database['organs']): Organ => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  code: r.code,
  kind: r.kind as Organ['kind'],
  officeName: r.office_name,
  sealName: r.seal_name,
  address: r.address,
  postcode: r.postcode,
  phone: r.phone,
  hours: r.hours,
  email: r.email,
  indexPattern: r.index_pattern,
  reportDeadline: r.report_deadline ?? null,
  docCode: r.doc_code ?? '',
  sealImage: r.seal_image ? (JSON.parse(r.seal_image) as SealImage) : null,
  fax: r.fax ?? '',
  website: r.website ?? '',
  applicantUploads: Number(r.applicant_uploads ?? 0) === 1,
});
const toLetter = (r: Database['issued_letters']): IssuedLetter => ({
  id: r.id,
  caseId: r.case_id,
  organId: r.organ_id,
  kind: r.kind as LetterKind,
  number: r.number,
  seq: Number(r.seq),
  issuedAt: r.issued_at,
  issuedByEventSeq: r.issued_by_event_seq === null ? null : Number(r.issued_by_event_seq),
  replacesId: r.replaces_id,
  content: JSON.parse(r.content) as Letter,
});
const toToken = (r: Database['api_tokens']): ApiToken => ({
  id: r.id,
  tokenHash: r.token_hash,
  userId: r.user_id,
  organId: r.organ_id,
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});
const toUser = (r: Database['users']): StaffUser => ({
  id: r.id,
  organId: r.organ_id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as StaffUser['role'],
  passwordHash: r.password_hash,
  failedLogins: Number(r.failed_logins),
  lockedUntil: r.locked_until,
  disabled: Number(r.disabled) === 1,
  mustChangePassword: Number(r.must_change_password) === 1,
});
const toCase = (r: Database['cases']): CaseRow => ({
  id: r.id,
  organId: r.organ_id,
  year: Number(r.year),
  serial: Number(r.serial),
  queryCodeHash: r.query_code_hash,
  applicantName: r.applicant_name,
  applicantType: r.applicant_type as CaseRow['applicantType'],
  channel: r.channel as CaseRow['channel'],
  description: r.description,
  receivedOn: r.received_on,
  state: r.state as CaseRow['state'],
  dueOn: r.due_on,
  assigneeId: r.assignee_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const toEvent = (r: Database['case_events']): StoredEvent => ({
  caseId: r.case_id,
  seq: Number(r.seq),
  event: JSON.parse(r.payload) as CaseEvent,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  recordedAt: r.recorded_at,
});
const toApproval = (r: Database['approvals']): Approval => ({
  id: r.id,
  caseId: r.case_id,
  organId: r.organ_id,
  kind: r.kind as Approval['kind'],
  payload: JSON.parse(r.payload) as CaseEvent,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  status: r.status as Approval['status'],
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  comment: r.comment,
});
const toAttachment = (r: Database['attachments']): Attachment => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind as Attachment['kind'],
  filename: r.filename,
  mime: r.mime,
  size: Number(r.size),
  storageKey: r.storage_key,
  uploadedBy: r.uploaded_by,
  createdAt: r.created_at,
  ...(r.removed_at
    ? { removed: { at: r.removed_at, by: r.removed_by ?? '', reason: r.removed_reason ?? '' } }
    : {}),
});
const toReview = (r: Database['reviews']): ReviewRow => ({
  id: r.id,
  caseId: r.case_id,
  organId: r.organ_id,
  kind: r.kind as ReviewRow['kind'],
  reference: r.reference,
  filedOn: r.filed_on,
  concludedOn: r.concluded_on,
  result: r.result as ReviewRow['result'],
  createdAt: r.created_at,
});

type Db = Kysely<Database> | Transaction<Database>;

function filtered(db: Db, f: CaseListFilter) {
  let q = f.organIds.length
    ? db.selectFrom('cases').where('organ_id', 'in', f.organIds)
    : db.selectFrom('cases').where(sql<boolean>`1 = 0`);
  if (f.states?.length) q = q.where('state', 'in', f.states);
  if (f.openOnly)
    q = q.where('state', 'in', ['registered', 'awaiting_clarification', 'consulting', 'awaiting_fee']);
  if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
  if (f.dueOnOrBefore) q = q.where('due_on', '<=', f.dueOnOrBefore);
  if (f.dueBefore) q = q.where('due_on', '<', f.dueBefore);
  if (f.dueOnOrAfter) q = q.where('due_on', '>=', f.dueOnOrAfter);
  if (f.receivedFrom) q = q.where('received_on', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('received_on', '<=', f.receivedTo);
  // case-insensitive on both databases (SQLite's LIKE folds ASCII case, PostgreSQL's does not)
  if (f.search) {
    const s = `%${f.search.replace(/[%_\\]/g, '').toUpperCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('upper', ['id']), 'like', s),
        eb(eb.fn('upper', ['applicant_name']), 'like', s),
        eb(eb.fn('upper', ['description']), 'like', s),
      ]),
    );
  }
  return q;
}

function build(db: Db, dialect: Dialect, root: Kysely<Database>): Store {
  const store: Store = {
    async migrate() {
      const migrator = new Migrator({ db: root, provider: migrationProvider(dialect) });
      const { error, results } = await migrator.migrateToLatest();
      if (error)
        throw new StorageError(
          'storage_migration_failed',
          `store: unable to migrate: ${(error as Error).message ?? String(error)}`,
          error,
        );
      void results;
    },
    async close() {
      await root.destroy();
    },
    async transaction(fn) {
      if (db !== root) return fn(store);
      try {
        return await root.transaction().execute((trx) => fn(build(trx, dialect, root)));
      } catch (e) {
        if (!(e instanceof StorageError) && isUnavailable(e))
          throw new StorageError(
            'storage_unavailable',
            `store: database unavailable: ${(e as Error).message}`,
            e,
          );
        throw e;
      }
    },
    organs: {
      create: (o) =>
        wrap('create organ', async () => {
          await db
            .insertInto('organs')
            .values({
              id: o.id,
              parent_id: o.parentId,
              name: o.name,
              code: o.code,
              kind: o.kind,
              office_name: o.officeName,
              seal_name: o.sealName,
              address: o.address,
              postcode: o.postcode,
              phone: o.phone,
              hours: o.hours,
              email: o.email,
              index_pattern: o.indexPattern,
              report_deadline: o.reportDeadline,
              doc_code: o.docCode ?? '',
              seal_image: o.sealImage ? JSON.stringify(o.sealImage) : null,
              fax: o.fax ?? '',
              website: o.website ?? '',
              applicant_uploads: o.applicantUploads ? 1 : 0,
            })
            .execute();
        }),
      find: (id) =>
        wrap('find organ', async () => {
          const r = await db.selectFrom('organs').selectAll().where('id', '=', id).executeTakeFirst();
          return r && toOrgan(r);
        }),
      list: () =>
        wrap('list organs', async () =>
          (await db.selectFrom('organs').selectAll().orderBy('code').execute()).map(toOrgan),
        ),
      update: (o) =>
        wrap('update organ', async () => {
          await db
            .updateTable('organs')
            .set({
              name: o.name,
              office_name: o.officeName,
              seal_name: o.sealName,
              address: o.address,
              postcode: o.postcode,
              phone: o.phone,
              hours: o.hours,
              email: o.email,
              index_pattern: o.indexPattern,
              report_deadline: o.reportDeadline,
              // absent: unchanged (an Organ built without them keeps what the organ has)
              ...(o.docCode !== undefined ? { doc_code: o.docCode } : {}),
              ...(o.sealImage !== undefined
                ? { seal_image: o.sealImage ? JSON.stringify(o.sealImage) : null }
                : {}),
              ...(o.fax !== undefined ? { fax: o.fax } : {}),
              ...(o.website !== undefined ? { website: o.website } : {}),
              ...(o.applicantUploads !== undefined ? { applicant_uploads: o.applicantUploads ? 1 : 0 } : {}),
            })
            .where('id', '=', o.id)
            .execute();
        }),
    },
    users: {
      create: (u) =>
        wrap('create user', async () => {
          await db
            .insertInto('users')
            .values({
              id: u.id,
              organ_id: u.organId,
              username: u.username,
              display_name: u.displayName,
              role: u.role,
              password_hash: u.passwordHash,
              failed_logins: u.failedLogins,
              locked_until: u.lockedUntil,
              disabled: u.disabled ? 1 : 0,
              must_change_password: u.mustChangePassword ? 1 : 0,
            })
            .execute();
        }),
      find: (id) =>
        wrap('find user', async () => {
          const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
          return r && toUser(r);
        }),
      findByUsername: (n) =>
        wrap('find user by name', async () => {
          const r = await db.selectFrom('users').selectAll().where('username', '=', n).executeTakeFirst();
          return r && toUser(r);
        }),
      listByOrgan: (o) =>
        wrap('list users', async () =>
          (
            await db.selectFrom('users').selectAll().where('organ_id', '=', o).orderBy('username').execute()
          ).map(toUser),
        ),
      setLoginState: (id, n, until) =>
        wrap('record login state', async () => {
          await db
            .updateTable('users')
            .set({ failed_logins: n, locked_until: until })
            .where('id', '=', id)
            .execute();
        }),
      update: (id, f) =>
        wrap('update user', async () => {
          const set: Partial<Database['users']> = {};
          if (f.displayName !== undefined) set.display_name = f.displayName;
          if (f.role !== undefined) set.role = f.role;
          if (f.disabled !== undefined) set.disabled = f.disabled ? 1 : 0;
          if (f.mustChangePassword !== undefined) set.must_change_password = f.mustChangePassword ? 1 : 0;
          if (f.passwordHash !== undefined) {
            set.password_hash = f.passwordHash;
            set.failed_logins = 0;
            set.locked_until = null;
          }
          if (Object.keys(set).length) await db.updateTable('users').set(set).where('id', '=', id).execute();
        }),
    },
    apiTokens: {
      create: (t) =>
        wrap('create API token', async () => {
          await db
            .insertInto('api_tokens')
            .values({
              id: t.id,
              token_hash: t.tokenHash,
              user_id: t.userId,
              organ_id: t.organId,
              name: t.name,
              created_at: t.createdAt,
              last_used_at: t.lastUsedAt,
              revoked_at: t.revokedAt,
            })
            .execute();
        }),
      findByHash: (h) =>
        wrap('find API token', async () => {
          const r = await db
            .selectFrom('api_tokens')
            .selectAll()
            .where('token_hash', '=', h)
            .executeTakeFirst();
          return r && toToken(r);
        }),
      listForOrgan: (organId) =>
        wrap('list API tokens', async () =>
          (
            await db
              .selectFrom('api_tokens')
              .selectAll()
              .where('organ_id', '=', organId)
              .orderBy('created_at', 'desc')
              .execute()
          ).map(toToken),
        ),
      revoke: (id, organId, at) =>
        wrap(
          'revoke API token',
          async () =>
            Number(
              (
                await db
                  .updateTable('api_tokens')
                  .set({ revoked_at: at })
                  .where('id', '=', id)
                  .where('organ_id', '=', organId)
                  .where('revoked_at', 'is', null)
                  .executeTakeFirst()
              ).numUpdatedRows,
            ) === 1,
        ),
      touch: (id, at) =>
        wrap('touch API token', async () => {
          await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
        }),
    },
    rateLimits: {
      hit: (key, window) =>
        wrap('count a request', async () =>
          Number(
            (
              await db
                .insertInto('rate_limits')
                .values({ key, window, hits: 1 })
                .onConflict((oc) =>
                  oc.columns(['key', 'window']).doUpdateSet({ hits: sql<number>`rate_limits.hits + 1` }),
                )
                .returning('hits')
                .executeTakeFirstOrThrow()
            ).hits,
          ),
        ),
      prune: (window) =>
        wrap('prune request counters', async () => {
          await db.deleteFrom('rate_limits').where('window', '<', window).execute();
        }),
    },
    sessions: {
      create: (s) =>
        wrap('create session', async () => {
          await db
            .insertInto('sessions')
            .values({
              id: s.id,
              user_id: s.userId,
              created_at: s.createdAt,
              last_seen_at: s.lastSeenAt,
              expires_at: s.expiresAt,
            })
            .execute();
        }),
      find: (id) =>
        wrap('find session', async () => {
          const r = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
          return (
            r &&
            ({
              id: r.id,
              userId: r.user_id,
              createdAt: r.created_at,
              lastSeenAt: r.last_seen_at,
              expiresAt: r.expires_at,
            } as Session)
          );
        }),
      touch: (id, at) =>
        wrap('touch session', async () => {
          await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
        }),
      delete: (id) =>
        wrap('delete session', async () => {
          await db.deleteFrom('sessions').where('id', '=', id).execute();
        }),
      deleteForUser: (userId) =>
        wrap("end a user's sessions", async () => {
          await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
        }),
    },
    releaseReviews: {
      add: (r) =>
        wrap('record a release review', async () => {
          await db
            .insertInto('release_reviews')
            .values({
              attachment_id: r.attachmentId,
              case_id: r.caseId,
              passed: r.passed ? 1 : 0,
              basis: r.basis,
              by_user: r.byUser,
              by_name: r.byName,
              at: r.at,
            })
            .execute();
        }),
      listForCase: (caseId) =>
        wrap('list release reviews', async () =>
          (
            await db
              .selectFrom('release_reviews')
              .selectAll()
              .where('case_id', '=', caseId)
              .orderBy('at')
              .execute()
          ).map((r) => ({
            attachmentId: r.attachment_id,
            caseId: r.case_id,
            passed: Number(r.passed) === 1,
            basis: r.basis,
            byUser: r.by_user,
            byName: r.by_name,
            at: r.at,
          })),
        ),
    },
    submissions: {
      add: (x) =>
        wrap('record a submission', async () => {
          await db
            .insertInto('submissions')
            .values({ key: x.key, case_id: x.caseId, sealed: x.sealed, created_at: x.createdAt })
            .execute();
        }),
      find: (key) =>
        wrap('find a submission', async () => {
          const r = await db.selectFrom('submissions').selectAll().where('key', '=', key).executeTakeFirst();
          return r && { key: r.key, caseId: r.case_id, sealed: r.sealed, createdAt: r.created_at };
        }),
    },
    loginFailures: {
      // one statement: concurrent failures cannot overwrite each other's count
      record: (username, client, at) =>
        wrap('count a failed login', async () =>
          Number(
            (
              await db
                .insertInto('login_failures')
                .values({ username, client, failures: 1, last_at: at })
                .onConflict((oc) =>
                  oc.columns(['username', 'client']).doUpdateSet({
                    failures: sql`login_failures.failures + 1`,
                    last_at: at,
                  }),
                )
                .returning('failures')
                .executeTakeFirstOrThrow()
            ).failures,
          ),
        ),
      find: (username, client) =>
        wrap('read failed logins', async () => {
          const r = await db
            .selectFrom('login_failures')
            .select(['failures', 'last_at'])
            .where('username', '=', username)
            .where('client', '=', client)
            .executeTakeFirst();
          return r && { failures: Number(r.failures), lastAt: r.last_at };
        }),
      recent: (username, since) =>
        wrap('count recent failed logins', async () => {
          const r = await db
            .selectFrom('login_failures')
            .select((eb) => eb.fn.sum<number>('failures').as('n'))
            .where('username', '=', username)
            .where('last_at', '>=', since)
            .executeTakeFirst();
          return Number(r?.n ?? 0);
        }),
      clear: (username, client) =>
        wrap('clear failed logins', async () => {
          await db
            .deleteFrom('login_failures')
            .where('username', '=', username)
            .where('client', '=', client)
            .execute();
        }),
    },
    cases: {
      nextSerial: (organId, year) => wrap('allocate a case number', () => nextCounter(db, organId, year)),
      setQueryCodeHash: (id, hash) =>
        wrap('replace a query code', async () => {
          await db.updateTable('cases').set({ query_code_hash: hash }).where('id', '=', id).execute();
        }),
      create: (row, first) =>
        wrap('create case', async () => {
          await db
            .insertInto('cases')
            .values({
              id: row.id,
              organ_id: row.organId,
              year: row.year,
              serial: row.serial,
              query_code_hash: row.queryCodeHash,
              applicant_name: row.applicantName,
              applicant_type: row.applicantType,
              channel: row.channel,
              description: row.description,
              received_on: row.receivedOn,
              state: row.state,
              due_on: row.dueOn,
              assignee_id: row.assigneeId,
              created_at: row.createdAt,
              updated_at: row.updatedAt,
            })
            .execute();
          await db
            .insertInto('case_events')
            .values({
              case_id: first.caseId,
              seq: first.seq,
              kind: first.event.kind,
              on_date: first.event.on,
              payload: JSON.stringify(first.event),
              actor_id: first.actorId,
              actor_role: first.actorRole,
              recorded_at: first.recordedAt,
            })
            .execute();
        }),
      find: (id) =>
        wrap('find case', async () => {
          const r = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
          return r && toCase(r);
        }),
      list: (f) =>
        wrap('list cases', async () =>
          (
            await filtered(db, f)
              .selectAll()
              .orderBy('received_on', 'desc')
              .orderBy('id', 'desc')
              .limit(f.limit ?? 100)
              .offset(f.offset ?? 0)
              .execute()
          ).map(toCase),
        ),
      count: (f) =>
        wrap('count cases', async () =>
          Number(
            (
              await filtered(db, f)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      events: (caseId) =>
        wrap('read case history', async () =>
          (
            await db
              .selectFrom('case_events')
              .selectAll()
              .where('case_id', '=', caseId)
              .orderBy('seq')
              .execute()
          ).map(toEvent),
        ),
      appendEvent: (e, cache) =>
        wrap('append a case event', async () => {
          await db
            .insertInto('case_events')
            .values({
              case_id: e.caseId,
              seq: e.seq,
              kind: e.event.kind,
              on_date: e.event.on,
              payload: JSON.stringify(e.event),
              actor_id: e.actorId,
              actor_role: e.actorRole,
              recorded_at: e.recordedAt,
            })
            .execute();
          await db
            .updateTable('cases')
            .set({ state: cache.state, due_on: cache.dueOn, updated_at: cache.updatedAt })
            .where('id', '=', e.caseId)
            .execute();
        }),
      setDue: (caseId, dueOn) =>
        wrap('update due date', async () => {
          await db.updateTable('cases').set({ due_on: dueOn }).where('id', '=', caseId).execute();
        }),
      listOpen: () =>
        wrap('list running cases', async () =>
          (
            await db
              .selectFrom('cases')
              .selectAll()
              .where('state', 'in', ['registered', 'awaiting_clarification', 'consulting', 'awaiting_fee'])
              .execute()
          ).map(toCase),
        ),
      assign: (caseId, userId) =>
        wrap('assign case', async () => {
          await db.updateTable('cases').set({ assignee_id: userId }).where('id', '=', caseId).execute();
        }),
      allWithEvents: (organIds) =>
        wrap('read cases for statistics', async () => {
          if (!organIds.length) return [];
          const rows = (
            await db.selectFrom('cases').selectAll().where('organ_id', 'in', organIds).execute()
          ).map(toCase);
          const events = rows.length
            ? (
                await db
                  .selectFrom('case_events')
                  .selectAll()
                  .where(
                    'case_id',
                    'in',
                    rows.map((r) => r.id),
                  )
                  .orderBy('case_id')
                  .orderBy('seq')
                  .execute()
              ).map(toEvent)
            : [];
          const by = new Map<string, StoredEvent[]>();
          for (const e of events) {
            const l = by.get(e.caseId) ?? [];
            l.push(e);
            by.set(e.caseId, l);
          }
          return rows.map((row) => ({ row, events: by.get(row.id) ?? [] }));
        }),
    },
    approvals: {
      create: (a) =>
        wrap('create approval', async () => {
          await db
            .insertInto('approvals')
            .values({
              id: a.id,
              case_id: a.caseId,
              organ_id: a.organId,
              kind: a.kind,
              payload: JSON.stringify(a.payload),
              requested_by: a.requestedBy,
              requested_at: a.requestedAt,
              status: a.status,
              decided_by: a.decidedBy,
              decided_at: a.decidedAt,
              comment: a.comment,
            })
            .execute();
        }),
      find: (id) =>
        wrap('find approval', async () => {
          const r = await db.selectFrom('approvals').selectAll().where('id', '=', id).executeTakeFirst();
          return r && toApproval(r);
        }),
      listPending: (organIds) =>
        wrap('list approvals', async () =>
          !organIds.length
            ? []
            : (
                await db
                  .selectFrom('approvals')
                  .selectAll()
                  .where('organ_id', 'in', organIds)
                  .where('status', '=', 'pending')
                  .orderBy('requested_at')
                  .execute()
              ).map(toApproval),
        ),
      countPending: (organIds) =>
        wrap('count approvals', async () =>
          !organIds.length
            ? 0
            : Number(
                (
                  await db
                    .selectFrom('approvals')
                    .select((eb) => eb.fn.countAll<number>().as('n'))
                    .where('organ_id', 'in', organIds)
                    .where('status', '=', 'pending')
                    .executeTakeFirstOrThrow()
                ).n,
              ),
        ),
      listForCase: (caseId) =>
        wrap('list case approvals', async () =>
          (
            await db
              .selectFrom('approvals')
              .selectAll()
              .where('case_id', '=', caseId)
              .orderBy('requested_at')
              .execute()
          ).map(toApproval),
        ),
      decide: (id, status, by, at, comment) =>
        wrap('decide approval', async () => {
          const r = await db
            .updateTable('approvals')
            .set({ status, decided_by: by, decided_at: at, comment })
            .where('id', '=', id)
            .where('status', '=', 'pending')
            .executeTakeFirst();
          return Number(r.numUpdatedRows) === 1;
        }),
    },
    letters: {
      add: (l) =>
        wrap('record an issued letter', async () => {
          await db
            .insertInto('issued_letters')
            .values({
              id: l.id,
              case_id: l.caseId,
              organ_id: l.organId,
              kind: l.kind,
              number: l.number,
              seq: l.seq,
              issued_at: l.issuedAt,
              issued_by_event_seq: l.issuedByEventSeq,
              replaces_id: l.replacesId,
              content: JSON.stringify(l.content),
            })
            .execute();
        }),
      listForCase: (caseId) =>
        wrap('list issued letters', async () =>
          (
            await db
              .selectFrom('issued_letters')
              .selectAll()
              .where('case_id', '=', caseId)
              .orderBy('seq')
              .execute()
          ).map(toLetter),
        ),
    },
    attachments: {
      create: (a) =>
        wrap('record attachment', async () => {
          await db
            .insertInto('attachments')
            .values({
              id: a.id,
              case_id: a.caseId,
              kind: a.kind,
              filename: a.filename,
              mime: a.mime,
              size: a.size,
              storage_key: a.storageKey,
              uploaded_by: a.uploadedBy,
              created_at: a.createdAt,
            })
            .execute();
        }),
      find: (id) =>
        wrap('find attachment', async () => {
          const r = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
          return r && toAttachment(r);
        }),
      listForCase: (caseId) =>
        wrap('list attachments', async () =>
          (
            await db
              .selectFrom('attachments')
              .selectAll()
              .where('case_id', '=', caseId)
              .where('removed_at', 'is', null)
              .orderBy('created_at')
              .execute()
          ).map(toAttachment),
        ),
      setKind: (id, kind) =>
        wrap('reclassify attachment', async () => {
          await db
            .updateTable('attachments')
            .set({ kind })
            .where('id', '=', id)
            .where('removed_at', 'is', null)
            .execute();
        }),
      remove: (id, r) =>
        wrap('remove attachment', async () => {
          await db
            .updateTable('attachments')
            .set({ removed_at: r.at, removed_by: r.by, removed_reason: r.reason })
            .where('id', '=', id)
            .where('removed_at', 'is', null)
            .execute();
        }),
    },
    reviews: {
      create: (r) =>
        wrap('create review case', async () => {
          await db
            .insertInto('reviews')
            .values({
              id: r.id,
              case_id: r.caseId,
              organ_id: r.organId,
              kind: r.kind,
              reference: r.reference,
              filed_on: r.filedOn,
              concluded_on: r.concludedOn,
              result: r.result,
              created_at: r.createdAt,
            })
            .execute();
        }),
      update: (id, c, res) =>
        wrap('update review case', async () => {
          await db
            .updateTable('reviews')
            .set({ concluded_on: c, result: res })
            .where('id', '=', id)
            .execute();
        }),
      listForCase: (caseId) =>
        wrap('list review cases', async () =>
          (
            await db
              .selectFrom('reviews')
              .selectAll()
              .where('case_id', '=', caseId)
              .orderBy('filed_on')
              .execute()
          ).map(toReview),
        ),
      listForOrgans: (ids) =>
        wrap('list review cases', async () =>
          !ids.length
            ? []
            : (
                await db
                  .selectFrom('reviews')
                  .selectAll()
                  .where('organ_id', 'in', ids)
                  .orderBy('filed_on')
                  .execute()
              ).map(toReview),
        ),
    },
    publication: buildPublicationStore(db, dialect, wrap),
    jobs: buildJobsStore(db, dialect, wrap),
    notices: buildNoticesStore(db, wrap),
    staffNotices: buildStaffNoticesStore(db, wrap),
    scheduledRuns: buildScheduledRunsStore(db, wrap),
    calendar: {
      list: () =>
        wrap('read calendar entries', async () =>
          (await db.selectFrom('calendar_entries').selectAll().orderBy('date').execute()).map((r) => ({
            date: r.date,
            kind: r.kind as 'rest' | 'work',
            name: r.name,
            source: r.source,
            createdBy: r.created_by,
            createdAt: r.created_at,
          })),
        ),
      upsert: (e, by, at) =>
        wrap('save calendar entry', async () => {
          await db.deleteFrom('calendar_entries').where('date', '=', e.date).execute();
          await db
            .insertInto('calendar_entries')
            .values({
              date: e.date,
              kind: e.kind,
              name: e.name,
              source: e.source,
              created_by: by,
              created_at: at,
            })
            .execute();
          await nextCounter(db, CALENDAR_VERSION, 0);
        }),
      remove: (date) =>
        wrap('remove calendar entry', async () => {
          await db.deleteFrom('calendar_entries').where('date', '=', date).execute();
          await nextCounter(db, CALENDAR_VERSION, 0);
        }),
      version: () =>
        wrap('read the calendar version', async () =>
          Number(
            (
              await db
                .selectFrom('counters')
                .select('last_serial')
                .where('organ_id', '=', CALENDAR_VERSION)
                .where('year', '=', 0)
                .executeTakeFirst()
            )?.last_serial ?? 0,
          ),
        ),
    },
    audit: {
      append: (e) =>
        wrap('append audit entry', async () => {
          await db
            .insertInto('audit_log')
            .values({
              id: e.id,
              at: e.at,
              organ_id: e.organId,
              user_id: e.userId,
              role: e.role,
              action: e.action,
              case_id: e.caseId,
              ip: e.ip,
              detail: e.detail,
            })
            .execute();
        }),
      list: (ids, limit) =>
        wrap('read audit log', async () =>
          !ids.length
            ? []
            : (
                await db
                  .selectFrom('audit_log')
                  .selectAll()
                  .where((eb) => {
                    const named = ids.filter((x): x is string => x !== null);
                    const parts = named.length ? [eb('organ_id', 'in', named)] : [];
                    if (ids.includes(null)) parts.push(eb('organ_id', 'is', null));
                    return eb.or(parts);
                  })
                  .orderBy('at', 'desc')
                  .orderBy('id', 'desc')
                  .limit(limit)
                  .execute()
              ).map((r) => ({
                id: r.id,
                at: r.at,
                organId: r.organ_id,
                userId: r.user_id,
                role: r.role,
                action: r.action,
                caseId: r.case_id,
                ip: r.ip,
                detail: r.detail,
              })),
        ),
    },
  };
  return store;
}

/** A Store on SQLite (a file, or ':memory:'); WAL for files. */
export async function openSqliteStore(file: string): Promise<Store> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const sqlite = new BetterSqlite3(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Reuse prepared statements: Kysely prepares every query anew, which costs more than most of our queries run.
  const statements = new Map<string, ReturnType<typeof sqlite.prepare>>();
  const cached = new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (text: string) => {
          let st = statements.get(text);
          if (!st) {
            if (statements.size >= 2000) statements.clear();
            st = target.prepare(text);
            statements.set(text, st);
          }
          return st;
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) });
  return build(db, 'sqlite', db);
}

/** A Store on PostgreSQL. */
export async function openPostgresStore(connectionString: string): Promise<Store> {
  const { default: pg } = await import('pg');
  // A restart or failover ends idle connections with an 'error' event: without a listener Node would exit.
  // The pool drops the broken client and opens new connections when the database answers again; requests
  // meanwhile fail fast (connectionTimeoutMillis) and the web layer answers 503.
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000 });
  pool.on('error', (err) => {
    process.emitWarning(`store: a PostgreSQL connection failed (${err.message}); it will be replaced`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const store = build(db, 'postgres', db);
  const ours = store.migrate;
  // the job queue is graphile-worker's: its schema is migrated with ours (ADR 0009)
  store.migrate = async () => {
    await ours();
    const { runMigrations, Logger } = await import('graphile-worker');
    try {
      await runMigrations({ connectionString, logger: new Logger(() => () => {}) });
    } catch (e) {
      throw new StorageError(
        'storage_migration_failed',
        `store: unable to migrate the job queue: ${(e as Error).message}`,
        e,
      );
    }
  };
  return store;
}

/** Opens the store a DATABASE_URL names (postgres://…), else SQLite at `sqlitePath`. */
export async function openStore(databaseUrl: string | undefined, sqlitePath: string): Promise<Store> {
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgresStore(databaseUrl);
  return openSqliteStore(sqlitePath);
}
