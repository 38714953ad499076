/**
 * Use case: the supervising organ's dashboard (e.g. the county 政务公开办) across every subordinate organ —
 * running and overdue cases, this year's applications and publications, publications later than 条例第二十六条
 * allows, and whether last year's annual report is published on time and passes the checker (against the year
 * before's published report too, for the carry-over).
 */
import type { Organ, StaffUser } from '../../core/entities.js';
import { addWorkingDays } from '../../core/calendar/working-days.js';
import { reportDeadline } from '../../core/annual-report/report-deadline.js';
import { validateReport } from '../../core/annual-report/validate-report.js';
import { parseReportHtml } from '../../adapters/parse/html/html-report-parser.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { visibleOrganIds } from '../policies/case-policy.js';
import { lateItems } from '../publication/portal.js';
import { reportYearProblem } from '../reports/compile-annual-report.js';

export interface OrganRow {
  organ: Organ;
  open: number;
  overdue: number;
  dueSoon: number;
  receivedThisYear: number;
  publishedThisYear: number;
  latePublications: number;
  report: {
    published: boolean;
    publishedOn: string | null;
    deadline: string;
    onTime: boolean | null;
    errors: number | null;
    itemId: string | null;
  };
}

/** One month of the last twelve, across every organ on the dashboard. */
export interface MonthRow {
  month: string;
  received: number;
  published: number;
}

export async function supervisionDashboard(
  deps: AppDeps,
  user: StaffUser,
): Promise<{ rows: OrganRow[]; months: MonthRow[]; year: number; today: string }> {
  if (user.role !== 'supervisor' && user.role !== 'admin' && user.role !== 'head')
    throw new AppError('forbidden', '无权查看', 'forbidden');
  const organs = await deps.store.organs.list();
  const ids = user.role === 'supervisor' ? visibleOrganIds(user, organs) : [user.organId];
  const t = today(deps);
  const year = Number(t.slice(0, 4));
  const soon = addWorkingDays(t, deps.rules.dueSoonDays, deps.calendar);
  const rows: OrganRow[] = [];
  for (const id of ids) {
    const organ = organs.find((o) => o.id === id)!;
    const f = { organIds: [id] };
    const [open, overdue, dueSoonAll, received] = await Promise.all([
      deps.store.cases.count({ ...f, openOnly: true }),
      deps.store.cases.count({ ...f, openOnly: true, dueBefore: t }),
      deps.store.cases.count({ ...f, openOnly: true, dueOnOrBefore: soon }),
      deps.store.cases.count({ ...f, receivedFrom: `${year}-01-01`, receivedTo: `${year}-12-31` }),
    ]);
    const published = await deps.store.publication.items.publishedInYear([id], year);
    const late = await lateItems(deps, [id], year);
    // last year's report: an item of the 年报 column titled "…{year-1}年政府信息公开工作年度报告"
    const reports = await deps.store.publication.items.listPublic({
      columnIds: [`${id}:reports`],
      today: t,
      limit: 50,
    });
    const title = `${year - 1}年政府信息公开工作年度报告`;
    const rep = reports.find((r) => r.title.includes(title));
    // the year before, when published too: its 结转下年度 must be this report's 上年结转 (and 现行有效件数 carry on)
    const prevRep = reports.find((r) => r.title.includes(`${year - 2}年政府信息公开工作年度报告`));
    const deadline = reportDeadline(organ, year);
    let errors: number | null = null;
    if (rep) {
      const read = async (r: typeof rep) =>
        parseReportHtml(
          `<h1>${r.title}</h1>${(await deps.store.publication.items.find(r.id))?.bodyHtml ?? ''}`,
        );
      const parsed = await read(rep);
      const prev = prevRep ? (await read(prevRep)).report : undefined;
      errors = [...parsed.findings, ...validateReport(parsed.report, prev ? { prev } : {})].filter(
        (x) => x.severity === 'error',
      ).length;
    }
    rows.push({
      organ,
      open,
      overdue,
      dueSoon: Math.max(0, dueSoonAll - overdue),
      receivedThisYear: received,
      publishedThisYear: published.length,
      latePublications: late.length,
      report: {
        published: !!rep,
        publishedOn: rep?.firstPublishedOn ?? null,
        deadline,
        onTime: rep ? (rep.firstPublishedOn ?? '9999') <= deadline : t > deadline ? false : null,
        errors,
        itemId: rep?.id ?? null,
      },
    });
  }
  return { rows, months: await lastTwelveMonths(deps, ids, t), year, today: t };
}

/** Applications received and items first published per month, the last twelve months up to `t`, all organs together. */
async function lastTwelveMonths(deps: AppDeps, ids: string[], t: string): Promise<MonthRow[]> {
  const months: MonthRow[] = [];
  let y = Number(t.slice(0, 4));
  let m = Number(t.slice(5, 7));
  for (let i = 0; i < 12; i++) {
    months.unshift({ month: `${y}-${String(m).padStart(2, '0')}`, received: 0, published: 0 });
    if (--m === 0) {
      m = 12;
      y--;
    }
  }
  const last = (mm: string) =>
    `${mm}-${String(new Date(Date.UTC(Number(mm.slice(0, 4)), Number(mm.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;
  await Promise.all(
    months.map(async (r) => {
      r.received = await deps.store.cases.count({
        organIds: ids,
        receivedFrom: `${r.month}-01`,
        receivedTo: last(r.month),
      });
    }),
  );
  const byMonth = new Map(months.map((r) => [r.month, r]));
  const years = [...new Set(months.map((r) => Number(r.month.slice(0, 4))))];
  for (const yr of years) {
    for (const item of await deps.store.publication.items.publishedInYear(ids, yr)) {
      const row = item.firstPublishedOn ? byMonth.get(item.firstPublishedOn.slice(0, 7)) : undefined;
      if (row) row.published++;
    }
  }
  return months;
}

/** The supervisor's roll-up of the subordinate organs' published reports for a year (read from the portal pages). */
export async function rollUpSubordinates(deps: AppDeps, user: StaffUser, year: number) {
  if (user.role !== 'supervisor') throw new AppError('forbidden', '只有上级主管部门可以汇总', 'forbidden');
  // 条例第五十条: a year is reported once it has ended; an earlier year than the 2019 format is not rolled up
  const problem = reportYearProblem(year, today(deps));
  const current = Number(today(deps).slice(0, 4));
  if (problem || year >= current)
    throw new AppError('form_invalid', problem ?? `${year}年尚未结束，不能汇总该年度的年度报告`, 'invalid', {
      year: problem ?? `${year}年尚未结束`,
    });
  const { rollUpReports } = await import('../../core/annual-report/roll-up.js');
  const { renderReportHtml } = await import('../../adapters/render/html-report-renderer.js');
  const organs = await deps.store.organs.list();
  const ids = visibleOrganIds(user, organs).filter((id) => id !== user.organId);
  const t = today(deps);
  const included: Organ[] = [];
  const missing: Organ[] = [];
  const reports = [];
  for (const id of ids) {
    const organ = organs.find((o) => o.id === id)!;
    const rep = (
      await deps.store.publication.items.listPublic({ columnIds: [`${id}:reports`], today: t, limit: 50 })
    ).find((r) => r.title.includes(`${year}年政府信息公开工作年度报告`));
    if (!rep) {
      missing.push(organ);
      continue;
    }
    const full = await deps.store.publication.items.find(rep.id);
    const parsed = parseReportHtml(`<h1>${rep.title}</h1>${full?.bodyHtml ?? ''}`);
    parsed.report.organ = organ.name;
    reports.push(parsed.report);
    included.push(organ);
  }
  const own = organs.find((o) => o.id === user.organId)!;
  const { report, findings } = rollUpReports(reports, own.name.replace(/人民政府$/, '') + '所属机关', year);
  const all = [...findings, ...validateReport(report)];
  return {
    included,
    missing,
    report,
    findings: all,
    html: renderReportHtml(report)
      .replace(/^[\s\S]*<body>/, '')
      .replace(/<\/body>[\s\S]*$/, ''),
  };
}
