import type { Generated } from 'kysely';
/**
 * Table types for Kysely. The same schema runs on SQLite and PostgreSQL: text ids, ISO text dates and
 * timestamps, JSON as text, integers for counters.
 */
export interface NoticesTable {
  id: string;
  case_id: string;
  organ_id: string;
  kind: string;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: string;
  status: string;
  sent_at: string | null;
  provider_id: string | null;
  last_error: string | null;
  attempts: number;
  /** the query code of a receipt notice, sealed with the server secret (never stored in the clear) */
  sealed_secret: string | null;
}
/** The embedded runner's queue (SQLite only). */
export interface JobsTable {
  id: Generated<number>;
  task: string;
  payload: string;
  key: string | null;
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_by: string | null;
  locked_until: string | null;
  failed: number;
}
export interface StaffPrefsTable {
  user_id: string;
  email: string;
  digest: number;
  quiet_start: number | null;
  quiet_end: number | null;
}
export interface StaffNotificationsTable {
  id: string;
  user_id: string;
  organ_id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  created_at: string;
  read_at: string | null;
}
export interface ScheduledRunsTable {
  name: string;
  period: string;
  at: string;
}
export interface OrgansTable {
  id: string;
  parent_id: string | null;
  name: string;
  code: string;
  kind: string;
  office_name: string;
  seal_name: string;
  address: string;
  postcode: string;
  phone: string;
  hours: string;
  email: string;
  index_pattern: string;
  report_deadline: string | null;
  /** 机关代字 ('' : none) */
  doc_code: string;
  /** the 电子印章 as JSON { key, mime, sha256 }, or null */
  seal_image: string | null;
  /** 传真 ('' : none) */
  fax: string;
  /** 互联网联系方式 ('' : none) */
  website: string;
  /** 1: online applicants may upload a copy of their 身份证明 and a 委托书 */
  applicant_uploads: number;
}
export interface UsersTable {
  id: string;
  organ_id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  must_change_password: number;
}
export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  organ_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
export interface RateLimitsTable {
  key: string;
  window: number;
  hits: number;
}
/** Failed logins per account and client (条 "lockout that cannot be turned into denial of service"). */
export interface LoginFailuresTable {
  username: string;
  client: string;
  failures: number;
  last_at: string;
}
/** One submission of an application form, by the key the form carried: a resubmission finds the same case. */
export interface SubmissionsTable {
  key: string;
  case_id: string;
  /** the receipt (with its query code) sealed under the server secret, shown again for two hours */
  sealed: string;
  created_at: string;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}
export interface CasesTable {
  id: string;
  organ_id: string;
  year: number;
  serial: number;
  query_code_hash: string;
  applicant_name: string;
  applicant_type: string;
  channel: string;
  description: string;
  received_on: string;
  state: string;
  due_on: string | null;
  assignee_id: string | null;
  created_at: string;
  updated_at: string;
}
export interface CaseEventsTable {
  case_id: string;
  seq: number;
  kind: string;
  on_date: string;
  payload: string;
  actor_id: string | null;
  actor_role: string;
  recorded_at: string;
}
export interface CountersTable {
  organ_id: string;
  year: number;
  last_serial: number;
}
export interface ApprovalsTable {
  id: string;
  case_id: string;
  organ_id: string;
  kind: string;
  payload: string;
  requested_by: string;
  requested_at: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
}
/** Letters as issued (append-only; content is the letter's JSON as printed). */
export interface IssuedLettersTable {
  id: string;
  case_id: string;
  organ_id: string;
  kind: string;
  number: string;
  seq: number;
  issued_at: string;
  issued_by_event_seq: number | null;
  replaces_id: string | null;
  content: string;
}
export interface AttachmentsTable {
  id: string;
  case_id: string;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  storage_key: string;
  uploaded_by: string;
  created_at: string;
  /** removed (hidden, kept): when, by whom, why */
  removed_at: string | null;
  removed_by: string | null;
  removed_reason: string | null;
}
/** 保密审查 of a file to be released to an applicant (条例第十七条), append-only. */
export interface ReleaseReviewsTable {
  attachment_id: string;
  case_id: string;
  passed: number;
  basis: string;
  by_user: string;
  by_name: string;
  at: string;
}
export interface ReviewsTable {
  id: string;
  case_id: string;
  organ_id: string;
  kind: string;
  reference: string;
  filed_on: string;
  concluded_on: string | null;
  result: string | null;
  created_at: string;
}
export interface AuditTable {
  id: string;
  at: string;
  organ_id: string | null;
  user_id: string | null;
  role: string;
  action: string;
  case_id: string | null;
  ip: string;
  detail: string;
}

export interface ColumnsTable {
  id: string;
  organ_id: string;
  key: string;
  parent_id: string | null;
  name: string;
  kind: string;
  article: string | null;
  sort: number;
}
export interface ItemsTable {
  id: string;
  organ_id: string;
  column_id: string;
  index_no: string;
  title: string;
  topic: string;
  publisher: string;
  formed_on: string;
  doc_number: string;
  doc_type: string;
  validity: string;
  validity_date: string | null;
  repealed_by: string | null;
  open_mode: string;
  state: string;
  version: number;
  published_version: number | null;
  published_on: string | null;
  first_published_on: string | null;
  search_rowid: number | null;
  body_html: string;
  body_text: string;
  search_text: string;
  unigrams: string | null;
  bigrams: string | null;
  created_at: string;
  updated_at: string;
  created_by: string;
}
export interface ItemVersionsTable {
  item_id: string;
  version: number;
  title: string;
  body_html: string;
  body_text: string;
  meta: string;
  created_at: string;
  created_by: string;
}
export interface ItemEventsTable {
  item_id: string;
  seq: number;
  kind: string;
  payload: string;
  at: string;
  actor_id: string | null;
  actor_role: string;
}
export interface ItemFilesTable {
  id: string;
  item_id: string;
  version: number;
  filename: string;
  mime: string;
  size: number;
  storage_key: string;
  text: string;
  created_at: string;
}

export interface CalendarEntriesTable {
  date: string;
  kind: string;
  name: string;
  source: string;
  created_by: string;
  created_at: string;
}

export interface Database {
  calendar_entries: CalendarEntriesTable;
  columns: ColumnsTable;
  items: ItemsTable;
  item_versions: ItemVersionsTable;
  item_events: ItemEventsTable;
  item_files: ItemFilesTable;
  organs: OrgansTable;
  notices: NoticesTable;
  staff_prefs: StaffPrefsTable;
  staff_notifications: StaffNotificationsTable;
  scheduled_runs: ScheduledRunsTable;
  jobs: JobsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  rate_limits: RateLimitsTable;
  login_failures: LoginFailuresTable;
  submissions: SubmissionsTable;
  release_reviews: ReleaseReviewsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  counters: CountersTable;
  approvals: ApprovalsTable;
  issued_letters: IssuedLettersTable;
  attachments: AttachmentsTable;
  reviews: ReviewsTable;
  audit_log: AuditTable;
}
