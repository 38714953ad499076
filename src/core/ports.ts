/**
 * Interfaces the core and the use cases need from the outside world. Adapters implement them.
 */
import type { AnnualReport } from './annual-report/report-model.js';
import type { Finding } from './annual-report/report-findings.js';
import type { CaseEvent } from './case/case-event.js';
import type { CaseState } from './case/case-machine.js';
import type { ApplicantType, Channel } from './case/case-model.js';
import type { ReviewKind, ReviewResult } from './case/case-statistics.js';

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


export type OrganKind = 'government' | 'department' | 'township' | 'office';
export type StaffRole = 'clerk' | 'head' | 'admin' | 'supervisor';

export interface Organ {
  id: string;
  parentId: string | null;
  name: string;
  /** short code used in case numbers and 索引号 */
  code: string;
  kind: OrganKind;
  /** 政府信息公开工作机构 */
  officeName: string;
  sealName: string;
  address: string;
  postcode: string;
  phone: string;
  hours: string;
  email: string;
}

export interface StaffUser {
  id: string;
  organId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
  disabled: boolean;
}

export interface Session {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** A case row: facts for listing plus caches recomputed on every event (state, reply due date). */
export interface CaseRow {
  id: string;
  organId: string;
  year: number;
  serial: number;
  queryCodeHash: string;
  applicantName: string;
  applicantType: ApplicantType;
  channel: Channel;
  description: string;
  receivedOn: string;
  state: CaseState;
  dueOn: string | null;
  assigneeId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StoredEvent {
  caseId: string;
  seq: number;
  event: CaseEvent;
  actorId: string | null;
  actorRole: string;
  recordedAt: string;
}

export interface Approval {
  id: string;
  caseId: string;
  organId: string;
  kind: 'extension' | 'decision';
  /** the event to record once approved (without approvedBy/signedBy) */
  payload: CaseEvent;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
}

export interface Attachment {
  id: string;
  caseId: string;
  kind: 'application' | 'clarification' | 'consultation_reply' | 'released_information' | 'other';
  filename: string;
  mime: string;
  size: number;
  storageKey: string;
  uploadedBy: string;
  createdAt: string;
}

export interface ReviewRow {
  id: string;
  caseId: string;
  organId: string;
  kind: ReviewKind;
  reference: string;
  filedOn: string;
  concludedOn: string | null;
  result: ReviewResult | null;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  organId: string | null;
  userId: string | null;
  role: string;
  action: string;
  caseId: string | null;
  ip: string;
  detail: string;
}

export interface CaseListFilter {
  organIds: string[];
  states?: CaseState[];
  assigneeId?: string;
  dueOnOrBefore?: string;
  dueBefore?: string;
  openOnly?: boolean;
  search?: string;
  limit?: number;
  offset?: number;
}

/** The storage contract every database adapter passes (test/contracts/storage.contract.ts). */
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
  };
  sessions: {
    create(s: Session): Promise<void>;
    find(id: string): Promise<Session | undefined>;
    touch(id: string, lastSeenAt: string): Promise<void>;
    delete(id: string): Promise<void>;
  };
  cases: {
    nextSerial(organId: string, year: number): Promise<number>;
    create(row: CaseRow, first: StoredEvent): Promise<void>;
    find(id: string): Promise<CaseRow | undefined>;
    list(f: CaseListFilter): Promise<CaseRow[]>;
    count(f: CaseListFilter): Promise<number>;
    events(caseId: string): Promise<StoredEvent[]>;
    /** Appends one event; fails when `event.seq` is taken (a concurrent write), leaving nothing written. */
    appendEvent(event: StoredEvent, cache: { state: CaseState; dueOn: string | null; updatedAt: string }): Promise<void>;
    assign(caseId: string, userId: string | null): Promise<void>;
    /** every case of the given organs, for statistics */
    allWithEvents(organIds: string[]): Promise<{ row: CaseRow; events: StoredEvent[] }[]>;
  };
  approvals: {
    create(a: Approval): Promise<void>;
    find(id: string): Promise<Approval | undefined>;
    listPending(organIds: string[]): Promise<Approval[]>;
    listForCase(caseId: string): Promise<Approval[]>;
    decide(id: string, status: 'approved' | 'rejected', by: string, at: string, comment: string | null): Promise<boolean>;
  };
  attachments: {
    create(a: Attachment): Promise<void>;
    find(id: string): Promise<Attachment | undefined>;
    listForCase(caseId: string): Promise<Attachment[]>;
  };
  reviews: {
    create(r: ReviewRow): Promise<void>;
    update(id: string, concludedOn: string | null, result: string | null): Promise<void>;
    listForCase(caseId: string): Promise<ReviewRow[]>;
    listForOrgans(organIds: string[]): Promise<ReviewRow[]>;
  };
  audit: {
    append(e: AuditEntry): Promise<void>;
    list(organIds: string[], limit: number): Promise<AuditEntry[]>;
  };
}
