/**
 * The application's records as stored: organs, staff, sessions and tokens, cases with their append-only events,
 * approvals, attachments, 复议/诉讼 reviews, the audit log, and the 主动公开 columns, items, versions and files.
 * Plain data; the interfaces that store and read them are in ports.ts.
 */
import type { CaseEvent } from './case/case-event.js';
import type { CaseState } from './case/case-machine.js';
import type { ApplicantType, Channel } from './case/case-model.js';
import type { ReviewKind, ReviewResult } from './case/case-statistics.js';
import type { ItemEvent, ItemMeta, ItemState } from './publication/item-model.js';
import type { ColumnKind } from './publication/catalogue.js';

// ---------------------------------------------------------------- organs, staff, access

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
  /** 索引号 pattern (see core/publication/item-model.ts indexNumber) */
  indexPattern: string;
  /** 年报 deadline as MM-DD set by the supervising jurisdiction; null: 条例第四十九条's default for the organ's kind */
  reportDeadline: string | null;
  /** 机关代字 for 文号 (e.g. 田政 → 田政依申复〔2024〕1号); empty or absent: the code is used */
  docCode?: string;
  /** the organ's 电子印章 as uploaded by its 管理员; absent or null: letters leave the place for the seal blank */
  sealImage?: SealImage | null;
  /** 传真号码 (条例第十二条), '' or absent: none */
  fax?: string;
  /** 互联网联系方式 (条例第十二条), '' or absent: none */
  website?: string;
  /** online applicants may upload a copy of their 身份证明 / 营业执照 and a 委托书 (optional for them) */
  applicantUploads?: boolean;
}

/** An uploaded seal image, stored through the file store under a key that names its bytes (never overwritten). */
export interface SealImage {
  key: string;
  mime: 'image/png' | 'image/jpeg';
  sha256: string;
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
  /** a new account or a reset password: the user must choose a password before doing anything else */
  mustChangePassword?: boolean;
}

/** A staff member's token for the JSON API (only its HMAC is stored). */
export interface ApiToken {
  id: string;
  tokenHash: string;
  userId: string;
  organId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Session {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

// ---------------------------------------------------------------- 依申请公开 (cases)

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

export type AttachmentKind =
  | 'application'
  | 'identity_document'
  | 'power_of_attorney'
  | 'clarification'
  | 'consultation_reply'
  | 'released_information'
  | 'other';

export interface Attachment {
  id: string;
  caseId: string;
  kind: AttachmentKind;
  filename: string;
  mime: string;
  size: number;
  storageKey: string;
  uploadedBy: string;
  createdAt: string;
  /** removed from the case (hidden, never deleted): when, by which user, why */
  removed?: { at: string; by: string; reason: string };
}

/** A 保密审查 record for a file to be released to the applicant (条例第十七条). */
export interface ReleaseReview {
  attachmentId: string;
  caseId: string;
  passed: boolean;
  basis: string;
  byUser: string;
  byName: string;
  at: string;
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

// ---------------------------------------------------------------- 主动公开 (publication)

export interface ColumnRow {
  id: string;
  organId: string;
  key: string;
  parentId: string | null;
  name: string;
  kind: ColumnKind;
  article: string | null;
  sort: number;
}

export interface ItemRow extends ItemMeta {
  id: string;
  organId: string;
  indexNo: string;
  state: ItemState;
  version: number;
  publishedVersion: number | null;
  publishedOn: string | null;
  firstPublishedOn: string | null;
  searchRowid: number | null;
  /** the published version's body (what the public sees) */
  bodyHtml: string;
  bodyText: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

export interface ItemVersion {
  itemId: string;
  version: number;
  title: string;
  bodyHtml: string;
  bodyText: string;
  meta: ItemMeta;
  createdAt: string;
  createdBy: string;
}

export interface StoredItemEvent {
  itemId: string;
  seq: number;
  event: ItemEvent;
  actorId: string | null;
  actorRole: string;
}

export interface ItemFile {
  id: string;
  itemId: string;
  version: number;
  filename: string;
  mime: string;
  size: number;
  storageKey: string;
  text: string;
  createdAt: string;
}
