/**
 * Scheduled work for staff, on the job queue: every morning a digest per clerk and head (cases due within 5 working
 * days, overdue, approvals waiting; lapses the law now allows — 补正 not supplied in time (条例第三十条), fee not
 * paid (国办函〔2020〕109号) — proposed, never applied; the 年报 reminder from 1 January until it is published
 * (条例第四十九条); on Mondays from 1 November the platform administrator's calendar-year warning), and every Monday a digest for the supervising organ of its subordinates' overdue cases and late
 * publications (条例第二十六条). Each goes to the bell; by e-mail too when the staff member gave an address and has
 * not opted out, held back until the end of their quiet hours. A run happens once per period however many
 * processes look at the clock (`scheduledRuns.claim`), and each notification once per cause (its id).
 */
import type { Organ, StaffUser } from '../../core/entities.js';
import type { Store } from '../../core/ports.js';
import { addWorkingDays, cnDate } from '../../core/calendar/working-days.js';
import { type IsoDate, dayNumber } from '../../core/calendar/iso-date.js';
import { availableEvents } from '../../core/case/case-machine.js';
import { reportDeadline } from '../../core/annual-report/report-deadline.js';
import {
  type Notice,
  type StaffNotification,
  type StaffPrefs,
  inQuietHours,
} from '../../core/notices/notice.js';
import { type AppDeps, today } from '../deps.js';
import { loadCase } from '../cases/record-case-event.js';
import { supervisionDashboard } from '../supervision/supervision-dashboard.js';
import { calendarWarning } from '../admin/calendar.js';
import { queueNotice } from './case-notices.js';

export const DAILY_TASK = 'digest.daily';
export const WEEKLY_TASK = 'digest.weekly';
/** the hour (China Standard Time) the morning digest is made */
export const DIGEST_HOUR = 8;

const cstHour = (d: Date) => (d.getUTCHours() + 8) % 24;
const isMonday = (day: IsoDate) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1;

/**
 * Called every minute by each process that runs jobs: from the digest hour on, queues today's digest (and on
 * Mondays the weekly one) once — the first process to claim the day queues it, in the same transaction. The job
 * itself may run again after a crash: each notification has one id per cause and day, so nobody is told twice.
 */
export async function scheduleDue(deps: AppDeps): Promise<void> {
  const now = deps.now();
  if (cstHour(now) < DIGEST_HOUR) return;
  const day = today(deps);
  const at = now.toISOString();
  const runs = [DAILY_TASK, ...(isMonday(day) ? [WEEKLY_TASK] : [])];
  for (const task of runs)
    await deps.store.transaction(async (tx) => {
      if (await tx.scheduledRuns.claim(task, day, at))
        await tx.jobs.enqueue({ task, payload: { day }, key: `${task}:${day}` });
    });
  deps.notify?.wake?.();
}

interface Item {
  kind: StaffNotification['kind'];
  title: string;
  lines: string[];
  link: string;
}

/**
 * Delivers one notification to a staff member: the bell, and e-mail unless opted out (after quiet hours).
 * Returns false when this cause already notified them today.
 */
async function deliver(
  tx: Store,
  deps: AppDeps,
  user: StaffUser,
  day: IsoDate,
  item: Item,
  key: string,
): Promise<boolean> {
  const now = deps.now();
  const added = await tx.staffNotices.add({
    id: `${key}:${user.id}:${day}`,
    userId: user.id,
    organId: user.organId,
    kind: item.kind,
    title: item.title,
    body: item.lines.join('\n'),
    link: item.link,
    createdAt: now.toISOString(),
    readAt: null,
  });
  if (!added) return false;
  if (!deps.notify) return true;
  const prefs: StaffPrefs = (await tx.staffNotices.prefs(user.id)) ?? {
    userId: user.id,
    email: '',
    digest: true,
    quietStart: null,
    quietEnd: null,
  };
  if (!prefs.email || !prefs.digest) return true;
  // quiet hours: the e-mail waits until they end
  let runAt: string | undefined;
  if (inQuietHours(prefs, cstHour(now))) {
    const end = new Date(now);
    end.setUTCMinutes(0, 0, 0);
    while (inQuietHours(prefs, cstHour(end))) end.setUTCHours(end.getUTCHours() + 1);
    runAt = end.toISOString();
  }
  const url = deps.notify.publicUrl.replace(/\/$/, '');
  const notice: Notice = {
    id: `${key}/${user.id}/${day}/email`,
    caseId: '',
    organId: user.organId,
    kind: 'digest',
    channel: 'email',
    to: prefs.email,
    subject: `【政府信息公开】${item.title}`,
    text: [`${user.displayName}：`, '', ...item.lines, '', `查看：${url}${item.link}`].join('\n'),
    createdAt: now.toISOString(),
    status: 'pending',
    sentAt: null,
    providerId: null,
    lastError: null,
    attempts: 0,
  };
  await queueNotice(tx, notice, runAt);
  return true;
}

/** What one organ's clerks and heads are told this morning. */
async function organMorning(deps: AppDeps, organ: Organ, day: IsoDate) {
  const soon = addWorkingDays(day, deps.rules.dueSoonDays, deps.calendar);
  const f = { organIds: [organ.id], openOnly: true };
  const [dueSoon, overdue, approvals] = await Promise.all([
    deps.store.cases.list({ ...f, dueOnOrAfter: day, dueOnOrBefore: soon, limit: 50 }),
    deps.store.cases.list({ ...f, dueBefore: day, limit: 50 }),
    deps.store.approvals.countPending([organ.id]),
  ]);
  // lapses the law allows now: proposed to the clerk, never recorded by the system
  const lapses: string[] = [];
  for (const row of await deps.store.cases.list({
    organIds: [organ.id],
    states: ['awaiting_clarification', 'awaiting_fee'],
    limit: 200,
  })) {
    const c = await loadCase(deps.store, deps, row.id);
    const can = availableEvents(c.snapshot, 'clerk', {
      calendar: deps.calendar,
      rules: deps.rules,
      today: day,
    });
    if (can.some((a) => a.ok && a.event === 'clarification_lapsed'))
      lapses.push(`${row.id}：补正期限已过，申请人未补正，可以记录“视为放弃申请”（条例第三十条）`);
    if (can.some((a) => a.ok && a.event === 'fee_lapsed'))
      lapses.push(`${row.id}：缴费期限已过，申请人未缴费，可以记录“视为放弃申请”（国办函〔2020〕109号）`);
  }
  // the 年报 of last year, from 1 January until it is published
  const year = Number(day.slice(0, 4));
  const deadline = reportDeadline(organ, year);
  const reports = await deps.store.publication.items.listPublic({
    columnIds: [`${organ.id}:reports`],
    today: day,
    limit: 50,
  });
  const published = reports.some((r) => r.title.includes(`${year - 1}年政府信息公开工作年度报告`));
  const daysLeft = dayNumber(deadline) - dayNumber(day);
  const report =
    !published && daysLeft >= -366
      ? daysLeft >= 0
        ? `${year - 1}年政府信息公开工作年度报告尚未公布，应于${cnDate(deadline)}前公布（条例第四十九条），还有${daysLeft}天。`
        : `${year - 1}年政府信息公开工作年度报告尚未公布，已超过${cnDate(deadline)}的公布期限（条例第四十九条）。`
      : null;
  return { dueSoon, overdue, approvals, lapses, report, daysLeft };
}

/** The morning digest of `day` (once per day). Returns how many staff members were notified. */
export async function dailyDigest(deps: AppDeps, day: IsoDate): Promise<number> {
  let n = 0;
  const monday = isMonday(day);
  for (const organ of await deps.store.organs.list()) {
    const staff = (await deps.store.users.listByOrgan(organ.id)).filter((u) => !u.disabled);
    if (!staff.length) continue;
    const m = await organMorning(deps, organ, day);
    for (const user of staff) {
      const items: { item: Item; key: string }[] = [];
      if (user.role === 'clerk' || user.role === 'head') {
        const lines = [
          ...(m.overdue.length
            ? [`已逾期 ${m.overdue.length} 件：${m.overdue.map((c) => c.id).join('、')}`]
            : []),
          ...(m.dueSoon.length
            ? [
                `5个工作日内到期 ${m.dueSoon.length} 件：${m.dueSoon.map((c) => `${c.id}（${c.dueOn ? cnDate(c.dueOn) : ''}）`).join('、')}`,
              ]
            : []),
          ...(user.role === 'head' && m.approvals ? [`待您审批 ${m.approvals} 件`] : []),
          ...m.lapses,
        ];
        if (lines.length)
          items.push({
            key: 'digest',
            item: { kind: 'digest', title: `${organ.name}今日待办（${cnDate(day)}）`, lines, link: '/admin' },
          });
      }
      // the calendar-year warning (from 1 November, for the platform administrator), on Mondays
      const calendar = monday ? await calendarWarning(deps, user, day) : null;
      if (calendar)
        items.push({
          key: 'calendar',
          item: {
            kind: 'calendar',
            title: '工作日历需要录入节假日安排',
            lines: [calendar],
            link: '/admin/calendar',
          },
        });
      // the 年报 reminder: on Mondays, and every day of the last week before the deadline or after it
      if (m.report && user.role !== 'supervisor' && (monday || m.daysLeft <= 7))
        items.push({
          key: 'report',
          item: {
            kind: 'report_deadline',
            title: `${organ.name}年度报告提醒`,
            lines: [m.report],
            link: '/admin/report',
          },
        });
      for (const { item, key } of items)
        if (await deps.store.transaction((tx) => deliver(tx, deps, user, day, item, key))) n++;
    }
  }
  return n;
}

/** Monday's digest for each supervising organ's staff: subordinates' overdue cases and late publications. */
export async function weeklyDigest(deps: AppDeps, day: IsoDate): Promise<number> {
  let n = 0;
  for (const organ of await deps.store.organs.list()) {
    for (const user of (await deps.store.users.listByOrgan(organ.id)).filter(
      (u) => !u.disabled && u.role === 'supervisor',
    )) {
      const d = await supervisionDashboard(deps, user);
      const rows = d.rows.filter((r) => r.organ.id !== organ.id && (r.overdue || r.latePublications));
      if (!rows.length) continue;
      const item: Item = {
        kind: 'weekly',
        title: `所属机关本周情况（${cnDate(day)}）`,
        lines: rows.map(
          (r) =>
            `${r.organ.name}：逾期未答复 ${r.overdue} 件，今年超过20个工作日发布的信息 ${r.latePublications} 条（条例第二十六条）`,
        ),
        link: '/admin/supervise',
      };
      if (await deps.store.transaction((tx) => deliver(tx, deps, user, day, item, 'weekly'))) n++;
    }
  }
  return n;
}

export function digestTasks(deps: AppDeps) {
  return {
    [DAILY_TASK]: async (payload: Record<string, unknown>) => {
      await dailyDigest(deps, String(payload.day));
    },
    [WEEKLY_TASK]: async (payload: Record<string, unknown>) => {
      await weeklyDigest(deps, String(payload.day));
    },
  };
}
