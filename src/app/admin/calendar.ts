/**
 * Use cases: the platform administrator (管理员 of a top-level organ) extends the working-day calendar — next
 * year's State Council notice each November (pasted whole and read by core/calendar/holiday-notice.ts, or day by
 * day), or a local extension — and every running case's reply due date is recomputed, with the list of those that
 * moved. A deadline counted through a year without its notice is 暂定 (core: provisionalReason); from 1 November
 * the platform administrator is warned while next year's notice is missing.
 */
import { z } from 'zod';
import type { StaffUser } from '../../core/entities.js';
import {
  type CalendarEntry,
  type HolidayCalendar,
  createCalendar,
  hasNotice,
  noticeYearOf,
  provisionalReason,
} from '../../core/calendar/holiday-calendar.js';
import { isIsoDate } from '../../core/calendar/iso-date.js';
import { type NoticeProblem, parseHolidayNotice } from '../../core/calendar/holiday-notice.js';
import { changedDeadlines, type DeadlineChange } from '../../core/case/deadlines.js';
import { nationalCalendarEntries } from '../../adapters/calendar/chinese-days-seed.js';
import { authorize } from '../policies/authorize.js';
import { canEditCalendar } from '../policies/admin-policy.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { audit } from '../audit.js';
import { loadCase } from '../cases/record-case-event.js';

/** The calendar in force: the national seed data, then every administrator entry on top. */
export async function loadCalendar(deps: Pick<AppDeps, 'store'>) {
  const edits = await deps.store.calendar.list();
  return createCalendar(
    nationalCalendarEntries(),
    edits.map(({ date, kind, name, source }) => ({ date, kind, name, source })),
  );
}

const schema = z.object({
  date: z.string().refine(isIsoDate, { error: '请填写真实日期（YYYY-MM-DD）' }),
  kind: z.enum(['rest', 'work'], { error: '请选择放假或调休上班' }),
  name: z.string().trim().min(2, { error: '请填写节日名称' }).max(30),
  source: z.string().trim().min(2, { error: '请填写依据（通知名称或文号）' }).max(100),
});

/** Refuses anyone but the platform administrator. */
export async function authorizeCalendarEdit(deps: AppDeps, user: StaffUser): Promise<void> {
  authorize(user, canEditCalendar, await deps.store.organs.find(user.organId));
}

/** The year's calendar entries and every local edit, for the platform administrator. */
export async function calendarView(deps: AppDeps, user: StaffUser, year: number) {
  await authorizeCalendarEdit(deps, user);
  const days = [...deps.calendar.entries.values()]
    .filter((e) => e.date.startsWith(String(year)))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    days,
    edits: await deps.store.calendar.list(),
    /** whether the year's State Council notice is entered (else its deadlines are 暂定) */
    hasNotice: hasNotice(deps.calendar, year),
    warning: await calendarWarning(deps, user, today(deps)),
  };
}

/**
 * For the platform administrator only: a warning when the calendar lacks a State Council notice it needs — next
 * year's from 1 November (the notice usually comes out in October–November), this year's at any time. Null
 * otherwise (and for everyone else). `today` is an ISO date (China time).
 */
export async function calendarWarning(deps: AppDeps, user: StaffUser, today: string): Promise<string | null> {
  if (user.role !== 'admin' || !isIsoDate(today)) return null;
  if (!canEditCalendar.allow(user, await deps.store.organs.find(user.organId))) return null;
  const year = Number(today.slice(0, 4));
  const missing = [year, ...(today.slice(5) >= '11-01' ? [year + 1] : [])].filter(
    (y) => !hasNotice(deps.calendar, y),
  );
  if (!missing.length) return null;
  const ys = missing.map((y) => `${y}年`).join('、');
  return `尚未录入${ys}国务院办公厅节假日安排，${ys}的期限均为暂定（只按周末计算，未计元旦、春节等节假日和调休）。通知发布后，请在“工作日历”页粘贴通知全文录入，办理中案件的期限将重新计算。`;
}

/**
 * The staff member with the platform administrator's calendar warning (calendarWarning), for the header of every
 * back-office page (as withHeaderFacts); unchanged for everyone else.
 */
export async function withCalendarWarning<U extends StaffUser>(
  deps: AppDeps,
  user: U,
): Promise<U & { calendarWarning?: string }> {
  const warning = await calendarWarning(deps, user, today(deps));
  return warning ? { ...user, calendarWarning: warning } : user;
}

/** For any page that shows a due date: why it is 暂定, or null (from the day the count starts after). */
export function provisionalDue(
  deps: Pick<AppDeps, 'calendar'>,
  from: string,
  due: string | null | undefined,
): string | null {
  return due && isIsoDate(from) && isIsoDate(due) ? provisionalReason(from, due, deps.calendar) : null;
}

/**
 * The case list's marks: case id → why its stored due date is 暂定 (counted from receipt: the clock starts on or
 * after it, so this never misses a year; only cases with a provisional due date are listed).
 */
export function provisionalDues(
  deps: Pick<AppDeps, 'calendar'>,
  rows: readonly { id: string; receivedOn: string; dueOn: string | null }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) {
    const why = provisionalDue(deps, r.receivedOn, r.dueOn);
    if (why) out[r.id] = why;
  }
  return out;
}

const MAX_NOTICE_CHARS = 20000;

/** A notice read for review: each entry with how it changes the calendar in force. */
export interface NoticePreview {
  year: number | null;
  source: string;
  entries: (CalendarEntry & { change: 'new' | 'same' | 'changed' })[];
  problems: NoticeProblem[];
  text: string;
}

function readNotice(deps: AppDeps, input: { notice?: unknown }): NoticePreview {
  const text = typeof input.notice === 'string' ? input.notice : '';
  if (!text.trim())
    throw new AppError('form_invalid', '请粘贴通知全文', 'invalid', { notice: '请粘贴通知全文' });
  if (text.length > MAX_NOTICE_CHARS)
    throw new AppError('form_invalid', '通知文本过长', 'invalid', {
      notice: `通知文本不超过${MAX_NOTICE_CHARS}字`,
    });
  const p = parseHolidayNotice(text);
  return {
    year: p.year,
    source: p.source,
    problems: p.problems,
    text,
    entries: p.entries.map((e) => {
      const now = deps.calendar.entries.get(e.date);
      const change = !now ? 'new' : now.kind === e.kind ? 'same' : 'changed';
      return { ...e, change };
    }),
  };
}

/** Reads the pasted text of the yearly notice for the administrator to review (nothing is saved). */
export async function previewNotice(
  deps: AppDeps,
  user: StaffUser,
  input: { notice?: unknown },
): Promise<NoticePreview> {
  await authorizeCalendarEdit(deps, user);
  return readNotice(deps, input);
}

/**
 * Saves the reviewed notice in one step: the text is read again (never the preview's fields), refused while it
 * has problems; in one transaction every entry is written (an earlier entry of the same year's notice that the
 * text no longer has is removed; local entries stay), the running cases' due dates are recomputed and it is
 * audited. Returns the year, the entries saved and the moved due dates.
 */
export async function saveNotice(
  deps: AppDeps,
  user: StaffUser,
  input: { notice?: unknown },
  ip: string,
): Promise<{ year: number; saved: number; moved: DeadlineChange[] }> {
  await authorizeCalendarEdit(deps, user);
  const p = readNotice(deps, input);
  if (p.problems.length || p.year === null || !p.entries.length)
    throw new AppError('notice_problems', '通知中有无法确认的内容，未保存；请核对后再试', 'invalid', {
      notice:
        p.problems.map((x) => `${x.item ? x.item + '：' : ''}${x.message}`).join('；') || '未读出任何日期',
    });
  const year = p.year;
  const entries: CalendarEntry[] = p.entries.map(({ date, kind, name, source }) => ({
    date,
    kind,
    name,
    source,
  }));
  const dates = new Set(entries.map((e) => e.date));
  const edits = await deps.store.calendar.list();
  const stale = edits.filter((e) => noticeYearOf(e) === year && !dates.has(e.date)).map((e) => e.date);
  const kept = edits
    .filter((e) => !dates.has(e.date) && !stale.includes(e.date))
    .map(({ date, kind, name, source }) => ({ date, kind, name, source }));
  const before = deps.calendar;
  const after = createCalendar(nationalCalendarEntries(), [...kept, ...entries]);
  const moved = await movedDeadlines(deps, before, after);
  const at = deps.now().toISOString();
  await deps.store.transaction(async (tx) => {
    for (const date of stale) await tx.calendar.remove(date);
    for (const e of entries) await tx.calendar.upsert(e, user.id, at);
    for (const m of moved) await tx.cases.setDue(m.id, m.after);
    await audit(tx, deps.now(), {
      organId: user.organId,
      userId: user.id,
      role: user.role,
      action: 'calendar.edit',
      ip,
      detail: {
        notice: p.source,
        year,
        entries: entries.length,
        removed: stale.length,
        moved: moved.length,
      },
    });
  });
  deps.calendar = after;
  return { year, saved: entries.length, moved };
}

/** The running cases whose reply due date differs between two calendars. */
async function movedDeadlines(
  deps: AppDeps,
  before: HolidayCalendar,
  after: HolidayCalendar,
): Promise<DeadlineChange[]> {
  const running = await deps.store.cases.listOpen();
  const cases = [];
  for (const row of running)
    cases.push({
      id: row.id,
      snapshot: (await loadCase(deps.store, { calendar: after, rules: deps.rules }, row.id)).snapshot,
    });
  return changedDeadlines(cases, before, after, deps.rules);
}

/** Saves an entry (or removes one) and recomputes running cases; returns the moved due dates. */
export async function editCalendar(
  deps: AppDeps,
  user: StaffUser,
  input: unknown,
  remove: boolean,
  ip: string,
): Promise<DeadlineChange[]> {
  await authorizeCalendarEdit(deps, user);
  const r = schema.safeParse(input);
  if (!r.success && !remove) {
    const fields: Record<string, string> = {};
    for (const i of r.error.issues) fields[String(i.path[0])] ??= i.message;
    throw new AppError('form_invalid', '日历条目有误', 'invalid', fields);
  }
  const before = deps.calendar;
  const date = String((input as { date?: string }).date ?? '');
  if (remove) {
    if (!isIsoDate(date)) throw new AppError('form_invalid', '日期无效', 'invalid', { date: '日期无效' });
    await deps.store.calendar.remove(date);
  } else await deps.store.calendar.upsert(r.data as CalendarEntry, user.id, deps.now().toISOString());
  const after = await loadCalendar(deps);
  deps.calendar = after;
  const moved = await movedDeadlines(deps, before, after);
  await deps.store.transaction(async (tx) => {
    for (const m of moved) await tx.cases.setDue(m.id, m.after);
    await audit(tx, deps.now(), {
      organId: user.organId,
      userId: user.id,
      role: user.role,
      action: remove ? 'calendar.remove' : 'calendar.edit',
      ip,
      detail: { date, moved: moved.length },
    });
  });
  return moved;
}

const seenVersion = new WeakMap<object, number>();

/**
 * Reloads the calendar when another process changed it since this one last looked (a version counter in the
 * database); the first look only records the version unless edits exist.
 */
export async function loadCalendarIfChanged(deps: AppDeps): Promise<void> {
  const v = await deps.store.calendar.version();
  const seen = seenVersion.get(deps);
  if (v !== seen && (seen !== undefined || v > 0)) deps.calendar = await loadCalendar(deps);
  seenVersion.set(deps, v);
}

/** The built-in national calendar (the State Council notices) with optional local entries on top. */
export function builtInCalendar(local: readonly CalendarEntry[] = []) {
  return createCalendar(nationalCalendarEntries(), [...local]);
}
