/**
 * Use cases: a clerk asks the head to approve an extension (条例第三十三条第二款: 经政府信息公开工作机构负责人同意)
 * or to sign a reply; the head approves (the event is recorded in the head's name) or sends it back. Before
 * deciding, the head sees the exact letter approving would issue now (a draft); the staff header counts what waits.
 */
import { randomBytes } from 'node:crypto';
import type { Approval, StaffUser } from '../../core/entities.js';
import type { Letter } from '../../core/letters/build-letters.js';
import type { CaseEvent } from '../../core/case/case-event.js';
import { transition } from '../../core/case/case-machine.js';
import { authorize } from '../policies/authorize.js';
import { canEditCalendar } from '../policies/admin-policy.js';
import { canDecideApproval, canProposeApproval } from '../policies/case-policy.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { loadCase, recordCaseEvent } from './record-case-event.js';
import { type LetterFormat, approvalDraft, eventOnApproval, pickDraft } from './case-letters.js';

/** Files a request; the event must be one the table would accept now (checked as the head would record it). */
export async function requestApproval(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  payload: CaseEvent,
  ip: string,
): Promise<Approval> {
  authorize(user, canProposeApproval, undefined);
  const kind = payload.kind === 'extended' ? 'extension' : payload.kind === 'decided' ? 'decision' : null;
  if (!kind) throw new AppError('approval_kind_invalid', '只有延期和答复需要负责人审批');
  const { row, snapshot } = await loadCase(deps.store, deps, caseId);
  if (row.organId !== user.organId) throw new AppError('case_not_found', '找不到该案件', 'not_found');
  const probe = payload.kind === 'extended' ? { ...payload, approvedBy: '（待负责人同意）' } : payload;
  const r = transition(snapshot, probe, { calendar: deps.calendar, rules: deps.rules, actor: 'head' });
  if (!r.ok) throw new AppError(r.error.code, r.error.message, 'conflict');
  const pending = (await deps.store.approvals.listForCase(caseId)).find(
    (a) => a.status === 'pending' && a.kind === kind,
  );
  if (pending)
    throw new AppError(
      'approval_pending',
      kind === 'extension' ? '已有待审批的延期申请' : '已有待签发的答复',
    );
  const now = deps.now();
  const a: Approval = {
    id: randomBytes(8).toString('hex'),
    caseId,
    organId: row.organId,
    kind,
    payload,
    requestedBy: user.id,
    requestedAt: now.toISOString(),
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    comment: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.approvals.create(a);
    await audit(tx, now, {
      organId: row.organId,
      userId: user.id,
      role: user.role,
      action: `approval.request.${kind}`,
      caseId,
      ip,
    });
  });
  return a;
}

/** The head decides. Approving records the event (extension with approvedBy, decision with signedBy). */
export async function decideApproval(
  deps: AppDeps,
  head: StaffUser,
  approvalId: string,
  approve: boolean,
  comment: string,
  ip: string,
): Promise<Approval> {
  const a = await deps.store.approvals.find(approvalId);
  if (!a || a.organId !== head.organId)
    throw new AppError('approval_not_found', '找不到该审批事项', 'not_found');
  authorize(head, canDecideApproval, undefined);
  if (a.status !== 'pending') throw new AppError('approval_decided', '该事项已审批');
  const now = deps.now();
  await deps.store.transaction(async (tx) => {
    const d2 = { ...deps, store: tx };
    if (approve) {
      // the letter is frozen with the event, as the head's preview showed it (approvalDraft)
      const ev = eventOnApproval(a.payload, head.displayName, todayIso(deps));
      await recordCaseEvent(d2, { user: head }, a.caseId, ev, ip);
    }
    const ok = await tx.approvals.decide(
      a.id,
      approve ? 'approved' : 'rejected',
      head.id,
      now.toISOString(),
      comment || null,
    );
    if (!ok) throw new AppError('approval_decided', '该事项已审批');
    await audit(tx, now, {
      organId: a.organId,
      userId: head.id,
      role: 'head',
      action: `approval.${approve ? 'approve' : 'reject'}.${a.kind}`,
      caseId: a.caseId,
      ip,
    });
  });
  return { ...a, status: approve ? 'approved' : 'rejected' };
}

function todayIso(deps: AppDeps): string {
  return new Date(deps.now().getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A pending approval and the letter approving it now would issue (null when the table would refuse it now). */
export interface ApprovalWithDraft {
  approval: Approval;
  draft: Letter | null;
}

/** The approvals waiting for a head of this organ, each with its draft letter (the page is the head's only). */
export async function pendingApprovalsWithDrafts(
  deps: AppDeps,
  user: StaffUser,
): Promise<ApprovalWithDraft[]> {
  authorize(user, canDecideApproval, undefined);
  const out: ApprovalWithDraft[] = [];
  for (const approval of await deps.store.approvals.listPending([user.organId])) {
    const c = await loadCase(deps.store, deps, approval.caseId);
    out.push({ approval, draft: await approvalDraft(deps.store, deps, approval, c) });
  }
  return out;
}

/** `preview.<html|docx|pdf>` of a pending approval of the user's organ: the letter approving it now would issue. */
export async function approvalPreview(
  deps: AppDeps,
  user: StaffUser,
  approvalId: string,
  name: string,
): Promise<{ letter: Letter; format: LetterFormat }> {
  const a = await deps.store.approvals.find(approvalId);
  if (!a || a.organId !== user.organId || a.status !== 'pending')
    throw new AppError('approval_not_found', '找不到该审批事项', 'not_found');
  const c = await loadCase(deps.store, deps, a.caseId);
  return pickDraft(deps, await approvalDraft(deps.store, deps, a, c), name);
}

/**
 * The staff member with what the header shows: the name of the organ they work for, their unread notifications
 * (the bell) and, for a head, the number of approvals awaiting them (one COUNT each).
 */
export async function withHeaderFacts<U extends StaffUser>(
  deps: AppDeps,
  user: U,
): Promise<
  U & { pendingApprovals?: number; organName?: string; editsCalendar?: boolean; unreadNotifications?: number }
> {
  const [organ, unread] = await Promise.all([
    deps.store.organs.find(user.organId),
    deps.store.staffNotices.unread(user.id),
  ]);
  const named = organ
    ? {
        ...user,
        organName: organ.name,
        editsCalendar: canEditCalendar.allow(user, organ),
        unreadNotifications: unread,
      }
    : { ...user, unreadNotifications: unread };
  if (user.role !== 'head') return named;
  return { ...named, pendingApprovals: await deps.store.approvals.countPending([user.organId]) };
}
