/**
 * What the use cases need, passed in by main.ts: storage, files, calendar, rules, the clock and a secret.
 */
import type { Store } from '../core/ports.js';
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
}

/** Today in China Standard Time (UTC+8), ISO. */
export function today(deps: Pick<AppDeps, 'now'>): string {
  return new Date(deps.now().getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** An application error with a stable code, a Chinese message and, for form errors, the field. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: Record<string, string>;
  constructor(code: string, message: string, status = 400, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
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

export function maskPhone(s: string | undefined): string {
  if (!s) return '';
  return s.length <= 7 ? '*'.repeat(s.length) : `${s.slice(0, 3)}****${s.slice(-4)}`;
}
