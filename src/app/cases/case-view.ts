/**
 * Use cases for reading: a case with everything its page shows (for staff), a case list with counts, and
 * the applicant's status view by case number + query code.
 */
import type { CaseListFilter, CaseRow, StaffUser } from '../../core/ports.js';
import type { CaseSnapshot } from '../../core/case/case-machine.js';
import { type CaseStatus, type Clock, caseClocks, caseStatus } from '../../core/case/deadlines.js';
import { addWorkingDays } from '../../core/calendar/working-days.js';
import { safeEqual } from '../../adapters/security/password-hasher.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { canViewCase, visibleOrganIds } from '../policies/case-policy.js';
import { loadCase } from './record-case-event.js';
import { queryCodeHash } from './create-case.js';
import type { StoredEvent, Approval, Attachment, ReviewRow, Organ } from '../../core/ports.js';

export interface CaseView {
  row: CaseRow;
  organ: Organ;
  events: StoredEvent[];
  snapshot: CaseSnapshot;
  clocks: Clock[];
  status: CaseStatus;
  approvals: Approval[];
  attachments: Attachment[];
  reviews: ReviewRow[];
  today: string;
}

async function view(deps: AppDeps, caseId: string): Promise<CaseView> {
  const { row, events, snapshot } = await loadCase(deps.store, deps, caseId);
  const t = today(deps);
  const [approvals, attachments, reviews, organ] = await Promise.all([
    deps.store.approvals.listForCase(caseId),
    deps.store.attachments.listForCase(caseId),
    deps.store.reviews.listForCase(caseId),
    deps.store.organs.find(row.organId),
  ]);
  return {
    row,
    organ: organ!,
    events,
    snapshot,
    clocks: caseClocks(snapshot, deps.calendar, deps.rules),
    status: caseStatus(snapshot, t, deps.calendar, deps.rules),
    approvals,
    attachments,
    reviews,
    today: t,
  };
}

/** A case as staff see it; 404 for a case outside the user's organs (never 403, so ids are not confirmed). */
export async function getCaseForStaff(deps: AppDeps, user: StaffUser, caseId: string): Promise<CaseView> {
  const row = await deps.store.cases.find(caseId);
  const organs = await deps.store.organs.list();
  if (!row || !canViewCase(user, row, organs))
    throw new AppError('case_not_found', '找不到该案件', 'not_found');
  return view(deps, caseId);
}

/** The applicant's view, after checking the query code in constant time. */
export async function getCaseForApplicant(deps: AppDeps, caseId: string, code: string): Promise<CaseView> {
  const row = await deps.store.cases.find(caseId.trim().toUpperCase());
  if (!row || !safeEqual(row.queryCodeHash, queryCodeHash(deps.secret, row.id, code)))
    throw new AppError('case_not_found', '案件编号或查询码不正确', 'not_found');
  return view(deps, row.id);
}

/** A case the applicant has already proven (signed cookie): no code needed. */
export async function getCaseForApplicantSession(deps: AppDeps, caseId: string): Promise<CaseView> {
  return view(deps, caseId);
}

export type ListTab = 'all' | 'mine' | 'due_soon' | 'overdue' | 'open' | 'closed';

export interface CaseList {
  rows: CaseRow[];
  total: number;
  page: number;
  pages: number;
  counts: Record<ListTab, number>;
  organs: Organ[];
}

export const CASES_PER_PAGE = 50;

/** The back-office list with its tab counts. "Due soon" and "overdue" are computed from today, not stored. */
export async function listCases(
  deps: AppDeps,
  user: StaffUser,
  tab: ListTab,
  search: string,
  page: number,
): Promise<CaseList> {
  const organs = await deps.store.organs.list();
  const ids = visibleOrganIds(user, organs);
  const t = today(deps);
  const soon = addWorkingDays(t, deps.rules.dueSoonDays, deps.calendar);
  const base: CaseListFilter = { organIds: ids };
  const filters: Record<ListTab, CaseListFilter> = {
    all: base,
    mine: { ...base, assigneeId: user.id, openOnly: true },
    due_soon: { ...base, openOnly: true, dueOnOrAfter: t, dueOnOrBefore: soon },
    overdue: { ...base, openOnly: true, dueBefore: t },
    open: { ...base, openOnly: true },
    closed: { ...base, states: ['decided', 'closed', 'delivered'] },
  };
  const counts = {} as Record<ListTab, number>;
  for (const k of Object.keys(filters) as ListTab[]) counts[k] = await deps.store.cases.count(filters[k]);
  const q: CaseListFilter = { ...filters[tab], ...(search ? { search } : {}) };
  const total = await deps.store.cases.count(q);
  const pages = Math.max(1, Math.ceil(total / CASES_PER_PAGE));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await deps.store.cases.list({ ...q, limit: CASES_PER_PAGE, offset: (p - 1) * CASES_PER_PAGE });
  return { rows, total, page: p, pages, counts, organs: organs.filter((o) => ids.includes(o.id)) };
}
