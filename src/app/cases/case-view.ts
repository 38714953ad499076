/**
 * Use cases for reading: a case with everything its page shows (for staff), a case list with counts, and
 * the applicant's status view by case number + query code.
 */
import type { CaseListFilter } from '../../core/ports.js';
import type {
  CaseRow,
  StaffUser,
  StoredEvent,
  Approval,
  Attachment,
  ReviewRow,
  Organ,
} from '../../core/entities.js';
import { type CaseSnapshot, availableEvents } from '../../core/case/case-machine.js';
import type { CaseEventKind } from '../../core/case/case-event.js';
import { type CaseStatus, type Clock, caseClocks, caseStatus } from '../../core/case/deadlines.js';
import { addWorkingDays } from '../../core/calendar/working-days.js';
import { safeEqual } from '../../adapters/security/password-hasher.js';
import { AppError, type AppDeps, today } from '../deps.js';
import {
  actorOf,
  canActOnCase,
  canHandleCase,
  canProposeApproval,
  canViewCase,
  visibleOrganIds,
} from '../policies/case-policy.js';
import { loadCase } from './record-case-event.js';
import { queryCodeHash } from './create-case.js';

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
  /** what the viewing staff member can do today (none for the applicant's views) */
  actions: CaseActions;
}

/** The actions a case page offers: the transition table's dry run for the user's role on today's date. */
export interface CaseActions {
  /** events the user records now (own organ; the table's actors and guards) */
  direct: CaseEventKind[];
  /** a clerk proposes these to the head (条例第三十三条第二款 延期 needs the head's consent; the head signs the reply),
   * unless one of the same kind is already pending */
  viaApproval: ('extended' | 'decided')[];
}

const noActions = (): CaseActions => ({ direct: [], viaApproval: [] });

function caseActions(
  deps: AppDeps,
  user: StaffUser,
  row: CaseRow,
  snapshot: CaseSnapshot,
  approvals: readonly Approval[],
  t: string,
): CaseActions {
  const actor = actorOf(user.role);
  if (!actor || !canHandleCase.allow(user, row)) return noActions();
  const ctx = { calendar: deps.calendar, rules: deps.rules, today: t };
  const direct = availableEvents(snapshot, actor, ctx)
    .filter((a) => a.ok && a.event !== 'registered' && canActOnCase(user, row, a.event, snapshot.state))
    .map((a) => a.event);
  // the clerk's proposal is checked as the head would record it (as requestApproval does)
  const viaApproval = canProposeApproval.allow(user)
    ? availableEvents(snapshot, 'head', ctx)
        .filter(
          (a): a is typeof a & { event: 'extended' | 'decided' } =>
            a.ok && (a.event === 'extended' || a.event === 'decided'),
        )
        .filter(
          (a) =>
            !approvals.some(
              (p) => p.status === 'pending' && p.kind === (a.event === 'extended' ? 'extension' : 'decision'),
            ),
        )
        .map((a) => a.event)
    : [];
  return { direct, viaApproval };
}

async function view(deps: AppDeps, caseId: string, user?: StaffUser): Promise<CaseView> {
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
    actions: user ? caseActions(deps, user, row, snapshot, approvals, t) : noActions(),
  };
}

/** A case as staff see it, with the actions open to `user` today; 404 for a case outside the user's organs (never 403, so ids are not confirmed). */
export async function getCaseForStaff(deps: AppDeps, user: StaffUser, caseId: string): Promise<CaseView> {
  const row = await deps.store.cases.find(caseId);
  const organs = await deps.store.organs.list();
  if (!row || !canViewCase(user, row, organs))
    throw new AppError('case_not_found', '找不到该案件', 'not_found');
  return view(deps, caseId, user);
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
