/**
 * What the use cases need, passed in by main.ts: storage, files, calendar, rules, the clock and a secret.
 */
import type { Mailer, SmsSender, Store } from '../core/ports.js';
import type { HolidayCalendar } from '../core/calendar/holiday-calendar.js';
import type { CaseRules } from '../core/case/case-rules.js';
import type { FileStore } from '../adapters/files/local-file-store.js';

export interface AppDeps {
  store: Store;
  files: FileStore;
  calendar: HolidayCalendar;
  rules: CaseRules;
  /** the current instant */
  now: () => Date;
  /** server secret for query-code and cookie signatures */
  secret: string;
  /** notices to applicants and staff; absent: none are queued */
  notify?: NotifyDeps;
}

export interface NotifyDeps {
  /** SMTP (SMTP_URL); absent: e-mail notices wait on the queue and end on the dead-letter list */
  mailer?: Mailer;
  /** the SMS provider (SMS_URL); absent: SMS notices likewise */
  sms?: SmsSender;
  /** the address messages come from (SMTP_FROM); the organ's name is its display name */
  from: string;
  /** the public address of the site (PUBLIC_URL), for links to the status page */
  publicUrl: string;
  /** tells an in-process runner that jobs were queued */
  wake?: () => void;
}

/** Today in China Standard Time (UTC+8), ISO. */
export function today(deps: Pick<AppDeps, 'now'>): string {
  return new Date(deps.now().getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * What went wrong, in the use case's words. The web layer maps each kind to an HTTP status in one place
 * (web/http-errors.ts); the CLI maps it to an exit code.
 */
export type ErrorKind =
  | 'invalid' // the input is wrong: `fields` names each field with a Chinese message
  | 'unauthenticated' // nobody is logged in, or the credentials are wrong
  | 'forbidden' // the user may not do this
  | 'not_found' // no such thing, or not in the user's scope (the two are not told apart)
  | 'conflict' // the thing's state does not allow it now
  | 'locked' // the account is locked
  | 'too_large' // a file or text over its limit
  | 'unavailable'; // a dependency (the database) does not answer

/** An application error with a stable code, a Chinese message, its kind and, for form errors, the fields. */
export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly fields: Record<string, string>;
  constructor(
    code: string,
    message: string,
    kind: ErrorKind = 'invalid',
    fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.kind = kind;
    this.fields = fields;
  }
}

/** Masks personal data for logs, audit details and exports: 张三 → 张*, 110101199001011234 → 110***********1234. */
export function maskName(s: string): string {
  if (!s) return s;
  const chars = [...s];
  if (chars.length <= 1) return '*';
  if (/有限公司|事务所|协会|研究|大学|学院|中心|组织|基金会|合作社|公司/.test(s)) return s;
  return chars[0] + '*'.repeat(chars.length - 1);
}

export function maskId(s: string | undefined): string {
  if (!s) return '';
  return s.length <= 7 ? '*'.repeat(s.length) : `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}

/** a***@example.com: the first character and the domain. */
export function maskEmail(s: string | undefined): string {
  if (!s) return '';
  return s.replace(/^(.)[^@]*/, '$1***');
}

export function maskPhone(s: string | undefined): string {
  if (!s) return '';
  return s.length <= 7 ? '*'.repeat(s.length) : `${s.slice(0, 3)}****${s.slice(-4)}`;
}
