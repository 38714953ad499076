/**
 * Use cases: the platform administrator (管理员 of a top-level organ) extends the working-day calendar — next
 * year's State Council notice each November, or a local extension — and every running case's reply due date is
 * recomputed, with the list of those that moved.
 */
import { z } from 'zod';
import type { StaffUser } from '../../core/ports.js';
import { type CalendarEntry, createCalendar, isIsoDate } from '../../core/calendar/holiday-calendar.js';
import { changedDeadlines, type DeadlineChange } from '../../core/case/deadlines.js';
import { nationalCalendarEntries } from '../../adapters/calendar/chinese-days-seed.js';
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

export async function canEditCalendar(deps: AppDeps, user: StaffUser): Promise<boolean> {
  if (user.role !== 'admin') return false;
  const organ = await deps.store.organs.find(user.organId);
  return !!organ && organ.parentId === null;
}

/** Saves an entry (or removes one) and recomputes running cases; returns the moved due dates. */
export async function editCalendar(
  deps: AppDeps,
  user: StaffUser,
  input: unknown,
  remove: boolean,
  ip: string,
): Promise<DeadlineChange[]> {
  if (!(await canEditCalendar(deps, user)))
    throw new AppError('forbidden', '只有平台管理员（最上级机关的管理员）可以修改工作日历', 'forbidden');
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
