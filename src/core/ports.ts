/**
 * Interfaces the core and the use cases need from the outside world (report parsers, the store); adapters
 * implement them. The records they carry are in entities.ts.
 */
import type { AnnualReport } from './annual-report/report-model.js';
import type { Finding } from './annual-report/report-findings.js';
import type { CaseState } from './case/case-machine.js';
import type { ItemMeta, ItemState } from './publication/item-model.js';
import type {
  ApiToken,
  AttachmentKind,
  Approval,
  Attachment,
  ReleaseReview,
  AuditEntry,
  CaseRow,
  ColumnRow,
  ItemFile,
  ItemRow,
  ItemVersion,
  Organ,
  ReviewRow,
  Session,
  StaffRole,
  StaffUser,
  StoredEvent,
  StoredItemEvent,
} from './entities.js';
import type { IssuedLetter } from './letters/issued-letter.js';
import type { Notice, StaffNotification, StaffPrefs } from './notices/notice.js';

/** What reading a report gives: the report as far as it could be read, and a finding per problem. */
export interface ReportParseResult {
  report: AnnualReport;
  findings: Finding[];
}

/** The kinds of input a report can come in. */
export type ReportInputKind = 'text' | 'html' | 'docx' | 'pdf' | 'json';

/** Reads a report from bytes of one input kind. Never throws. */
export type ReportParser = (bytes: Uint8Array) => Promise<ReportParseResult>;

/** One parser per input kind. */
export type ReportParsers = Record<ReportInputKind, ReportParser>;

// ---------------------------------------------------------------- application storage

export interface CaseListFilter {
  organIds: string[];
  states?: CaseState[];
  assigneeId?: string;
  dueOnOrBefore?: string;
  dueBefore?: string;
  dueOnOrAfter?: string;
  openOnly?: boolean;
  /** received on or after / on or before (ISO) */
  receivedFrom?: string;
  receivedTo?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

/** The storage contract every database adapter passes (test/contracts/storage.contract.ts). */
/** A job on the queue (the embedded runner's table on SQLite; graphile-worker's on PostgreSQL). */
export interface QueuedJob {
  id: string;
  task: string;
  payload: Record<string, unknown>;
  /** at most one waiting job per key */
  key: string | null;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  /** failed: every attempt used up (the dead-letter list) */
  status: 'waiting' | 'running' | 'failed';
}

export interface NewJob {
  task: string;
  payload: Record<string, unknown>;
  key?: string;
  runAt?: string;
  maxAttempts?: number;
}

/**
 * Sends e-mail (SMTP). `messageId` is the notice's idempotency key, as the Message-ID. `beforeHandOver` runs once
 * the whole message is with the server but before the final "." that makes the server take it: whatever it
 * records (the notice is being handed over) is true before the server can have the message.
 */
export interface Mailer {
  send(m: {
    to: string;
    from: string;
    subject: string;
    text: string;
    messageId: string;
    headers?: Record<string, string>;
    beforeHandOver?: () => Promise<void>;
  }): Promise<string>;
  close(): Promise<void>;
}

/** Sends an SMS through the configured provider; `key` is the notice's idempotency key. */
export interface SmsSender {
  send(m: { to: string; text: string; key: string }): Promise<string>;
}

export interface Store {
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Runs `fn` in one transaction: everything or nothing. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  organs: {
    create(o: Organ): Promise<void>;
    find(id: string): Promise<Organ | undefined>;
    list(): Promise<Organ[]>;
    update(o: Organ): Promise<void>;
  };
  users: {
    create(u: StaffUser): Promise<void>;
    find(id: string): Promise<StaffUser | undefined>;
    findByUsername(username: string): Promise<StaffUser | undefined>;
    listByOrgan(organId: string): Promise<StaffUser[]>;
    setLoginState(id: string, failedLogins: number, lockedUntil: string | null): Promise<void>;
    update(
      id: string,
      fields: {
        displayName?: string;
        role?: StaffRole;
        disabled?: boolean;
        passwordHash?: string;
        mustChangePassword?: boolean;
      },
    ): Promise<void>;
  };
  apiTokens: {
    create(t: ApiToken): Promise<void>;
    findByHash(tokenHash: string): Promise<ApiToken | undefined>;
    listForOrgan(organId: string): Promise<ApiToken[]>;
    revoke(id: string, organId: string, at: string): Promise<boolean>;
    touch(id: string, at: string): Promise<void>;
  };
  /** request counters for rate limits, shared by every web process on the database */
  rateLimits: {
    /** counts one hit of `key` in fixed window `window`; returns the hits so far in that window */
    hit(key: string, window: number): Promise<number>;
    /** forgets windows before `window` */
    prune(window: number): Promise<void>;
  };
  sessions: {
    create(s: Session): Promise<void>;
    find(id: string): Promise<Session | undefined>;
    touch(id: string, lastSeenAt: string): Promise<void>;
    delete(id: string): Promise<void>;
    /** ends every session of the user (password changed or reset, role changed, account disabled) */
    deleteForUser(userId: string): Promise<void>;
  };
  /** application forms already submitted, by the key each form carried */
  submissions: {
    /** records the submission; fails (storage_conflict) when the key was used already */
    add(s: { key: string; caseId: string; sealed: string; createdAt: string }): Promise<void>;
    find(
      key: string,
    ): Promise<{ key: string; caseId: string; sealed: string; createdAt: string } | undefined>;
  };
  /** failed logins per account (normalised username) and client, counted atomically */
  loginFailures: {
    /** adds one failure and returns the client's count for the account */
    record(username: string, client: string, at: string): Promise<number>;
    /** the client's failures for the account and when the last one happened */
    find(username: string, client: string): Promise<{ failures: number; lastAt: string } | undefined>;
    /** failures for the account from every client since `since` */
    recent(username: string, since: string): Promise<number>;
    /** forgets the client's failures for the account (after a successful login) */
    clear(username: string, client: string): Promise<void>;
  };
  cases: {
    nextSerial(organId: string, year: number): Promise<number>;
    create(row: CaseRow, first: StoredEvent): Promise<void>;
    find(id: string): Promise<CaseRow | undefined>;
    /** a new query code (its HMAC): the old one stops working */
    setQueryCodeHash(id: string, hash: string): Promise<void>;
    list(f: CaseListFilter): Promise<CaseRow[]>;
    count(f: CaseListFilter): Promise<number>;
    events(caseId: string): Promise<StoredEvent[]>;
    /** Appends one event; fails when `event.seq` is taken (a concurrent write), leaving nothing written. */
    appendEvent(
      event: StoredEvent,
      cache: { state: CaseState; dueOn: string | null; updatedAt: string },
    ): Promise<void>;
    assign(caseId: string, userId: string | null): Promise<void>;
    /** after a calendar change: the recomputed reply due date of a running case */
    setDue(caseId: string, dueOn: string | null): Promise<void>;
    /** running cases of every organ (for recomputing deadlines) */
    listOpen(): Promise<CaseRow[]>;
    /** every case of the given organs, for statistics */
    allWithEvents(organIds: string[]): Promise<{ row: CaseRow; events: StoredEvent[] }[]>;
  };
  approvals: {
    create(a: Approval): Promise<void>;
    find(id: string): Promise<Approval | undefined>;
    listPending(organIds: string[]): Promise<Approval[]>;
    /** how many approvals of the organs await a decision (one COUNT, for the staff header) */
    countPending(organIds: string[]): Promise<number>;
    listForCase(caseId: string): Promise<Approval[]>;
    decide(
      id: string,
      status: 'approved' | 'rejected',
      by: string,
      at: string,
      comment: string | null,
    ): Promise<boolean>;
  };
  /** letters as issued, append-only like the case history: a wrong letter is replaced by a new one */
  letters: {
    /** Appends one letter; fails when its seq, its event or the letter it replaces is taken (a concurrent write). */
    add(l: IssuedLetter): Promise<void>;
    /** the case's letters in order of issue */
    listForCase(caseId: string): Promise<IssuedLetter[]>;
  };
  attachments: {
    create(a: Attachment): Promise<void>;
    find(id: string): Promise<Attachment | undefined>;
    /** the case's attachments, removed ones left out */
    listForCase(caseId: string): Promise<Attachment[]>;
    /** reclassifies an attachment (not a removed one) */
    setKind(id: string, kind: AttachmentKind): Promise<void>;
    /** removes an attachment from the case: hidden from every list, its row and bytes kept */
    remove(id: string, r: { at: string; by: string; reason: string }): Promise<void>;
  };
  /** 保密审查 records of files to be released to applicants (append-only) */
  releaseReviews: {
    add(r: ReleaseReview): Promise<void>;
    listForCase(caseId: string): Promise<ReleaseReview[]>;
  };
  reviews: {
    create(r: ReviewRow): Promise<void>;
    update(id: string, concludedOn: string | null, result: string | null): Promise<void>;
    listForCase(caseId: string): Promise<ReviewRow[]>;
    listForOrgans(organIds: string[]): Promise<ReviewRow[]>;
  };
  audit: {
    append(e: AuditEntry): Promise<void>;
    /** newest first; `null` among the ids lists what belongs to no organ (e.g. logins with an unknown name) */
    list(organIds: (string | null)[], limit: number): Promise<AuditEntry[]>;
  };
  publication: PublicationStore;
  /** background work: enqueued in the caller's transaction, so a rolled-back action enqueues nothing */
  jobs: {
    enqueue(j: NewJob): Promise<void>;
    list(f: { failedOnly?: boolean; limit: number }): Promise<QueuedJob[]>;
    counts(): Promise<{ waiting: number; failed: number; oldestWaitingSince: string | null }>;
    /** a failed job runs again now (its attempts reset) */
    retry(id: string): Promise<boolean>;
    /** removes failed jobs; returns how many */
    purgeFailed(): Promise<number>;
    /** the embedded runner (SQLite): takes the next job due at `now`, locked for `worker` */
    claim(worker: string, now: string, lockSeconds: number): Promise<QueuedJob | undefined>;
    complete(id: string): Promise<void>;
    /** records a failed attempt: runs again at `retryAt`, or, null, stays failed */
    fail(id: string, error: string, retryAt: string | null): Promise<void>;
  };
  /** notices to applicants, each delivered once (its id is the idempotency key) */
  notices: {
    create(n: Notice): Promise<void>;
    find(id: string): Promise<Notice | undefined>;
    markSent(id: string, at: string, providerId: string): Promise<void>;
    /** the message is with the server but for its final "." (a pending or failed notice only) */
    markHanding(id: string): Promise<void>;
    markAttempt(id: string, error: string, failed: boolean): Promise<void>;
    listForCase(caseId: string): Promise<Notice[]>;
    listRecent(organIds: string[] | null, limit: number): Promise<Notice[]>;
  };
  /** staff members' notice preferences and the bell */
  staffNotices: {
    prefs(userId: string): Promise<StaffPrefs | undefined>;
    setPrefs(p: StaffPrefs): Promise<void>;
    /** adds a notification unless one with its id exists; returns whether it was added */
    add(n: StaffNotification): Promise<boolean>;
    list(userId: string, limit: number): Promise<StaffNotification[]>;
    unread(userId: string): Promise<number>;
    markRead(userId: string, at: string): Promise<void>;
  };
  /** a scheduled run (`name`, `period` e.g. a day) happens once: the first to claim it runs it */
  scheduledRuns: {
    claim(name: string, period: string, at: string): Promise<boolean>;
  };
  /** administrator edits of the working-day calendar (they override the seed data) */
  calendar: {
    list(): Promise<
      (import('./calendar/holiday-calendar.js').CalendarEntry & { createdBy: string; createdAt: string })[]
    >;
    upsert(e: import('./calendar/holiday-calendar.js').CalendarEntry, by: string, at: string): Promise<void>;
    remove(date: string): Promise<void>;
    /** changes with every upsert or remove, so other processes know to reload */
    version(): Promise<number>;
  };
}

// ---------------------------------------------------------------- 主动公开 (publication) storage

export interface StaffItemQuery {
  states?: ItemState[] | null;
  search?: string;
  limit: number;
  offset?: number;
}

export interface PublicQuery {
  organIds?: string[];
  columnIds?: string[];
  year?: number;
  validity?: string;
  /** the public sees items published on or before this day */
  today: string;
  /** keyset cursor: items strictly before this (published_on, rowid) */
  before?: { publishedOn: string; rowid: number };
  limit: number;
}

/** The index fields of a published item. */
export interface PublishedIndex {
  title: string;
  bodyHtml: string;
  bodyText: string;
  searchText: string;
  unigrams: string[];
  bigrams: string[];
  publishedOn: string;
  publishedVersion: number;
  meta: ItemMeta;
}

export interface PublicationStore {
  columns: {
    createMany(cols: ColumnRow[]): Promise<void>;
    list(organId: string): Promise<ColumnRow[]>;
    find(id: string): Promise<ColumnRow | undefined>;
    update(id: string, fields: { name?: string; sort?: number }): Promise<void>;
  };
  items: {
    nextSerial(organId: string, year: number): Promise<number>;
    create(row: ItemRow, version: ItemVersion, first: StoredItemEvent): Promise<void>;
    find(id: string): Promise<ItemRow | undefined>;
    /** the back-office list: newest change first; `search` matches the title or the 索引号 (any letter case) */
    listForOrgan(organId: string, q: StaffItemQuery): Promise<ItemRow[]>;
    countForOrgan(organId: string, q: Omit<StaffItemQuery, 'limit' | 'offset'>): Promise<number>;
    events(id: string): Promise<StoredItemEvent[]>;
    versions(id: string): Promise<ItemVersion[]>;
    /** appends an event and updates the workflow fields (and the working meta when a new version is saved) */
    appendEvent(
      e: StoredItemEvent,
      fields: { state: ItemState; version: number; updatedAt: string },
    ): Promise<void>;
    saveVersion(v: ItemVersion): Promise<void>;
    /** makes a version public and (re)indexes it; assigns a new search rowid */
    publish(id: string, idx: PublishedIndex): Promise<number>;
    /** takes an item off the portal and out of the search index */
    unpublish(id: string): Promise<void>;
    setValidity(id: string, validity: string, date: string | null, repealedBy: string | null): Promise<void>;
    listPublic(q: PublicQuery): Promise<ItemRow[]>;
    countPublic(q: PublicQuery, cap: number): Promise<number>;
    search(q: PublicQuery & { terms: string[]; beforeRowid?: number }): Promise<ItemRow[]>;
    countSearch(q: PublicQuery & { terms: string[] }, cap: number): Promise<number>;
    publishedInYear(organIds: string[], year: number): Promise<ItemRow[]>;
    /** every published-at-least-once 规章 and 行政规范性文件 of the organs */
    documents(organIds: string[]): Promise<ItemRow[]>;
  };
  files: {
    add(f: ItemFile): Promise<void>;
    list(itemId: string): Promise<ItemFile[]>;
    find(id: string): Promise<ItemFile | undefined>;
  };
}
