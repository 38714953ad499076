/**
 * Use cases: the platform administrator (管理员 of a top-level organ) extends the working-day calendar — next
 * year's State Council notice each November, or a local extension — and every running case's reply due date is
 * recomputed, with the list of those that moved.
 */
import { z } from 'zod';
import type { StaffUser } from '../../core/entities.js';
import { type CalendarEntry, createCalendar } from '../../core/calendar/holiday-calendar.js';
import { isIsoDate } from '../../core/calendar/iso-date.js';
import { changedDeadlines, type DeadlineChange } from '../../core/case/deadlines.js';
import { nationalCalendarEntries } from '../../adapters/calendar/chinese-days-seed.js';
import { authorize } from '../policies/authorize.js';
import { canEditCalendar } from '../policies/admin-policy.js';
import { AppError, type AppDeps } from '../deps.js';
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
  return { days, edits: await deps.store.calendar.list() };
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
  const running = await deps.store.cases.listOpen();
  const cases = [];
  for (const row of running)
    cases.push({
      id: row.id,
      snapshot: (await loadCase(deps.store, { calendar: after, rules: deps.rules }, row.id)).snapshot,
    });
  const moved = changedDeadlines(cases, before, after, deps.rules);
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
