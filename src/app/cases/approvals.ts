/**
 * Use cases: a clerk asks the head to approve an extension (条例第三十三条第二款: 经政府信息公开工作机构负责人同意)
 * or to sign a reply; the head approves (the event is recorded in the head's name) or sends it back.
 */
import { randomBytes } from 'node:crypto';
import type { Approval, StaffUser } from '../../core/entities.js';
import type { CaseEvent } from '../../core/case/case-event.js';
import { transition } from '../../core/case/case-machine.js';
import { authorize } from '../policies/authorize.js';
import { canDecideApproval, canProposeApproval } from '../policies/case-policy.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { loadCase, recordCaseEvent } from './record-case-event.js';

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
      const on = a.payload.on > todayIso(deps) ? a.payload.on : todayIso(deps);
      const ev: CaseEvent =
        a.payload.kind === 'extended'
          ? { ...a.payload, on, approvedBy: head.displayName }
          : a.payload.kind === 'decided'
            ? { ...a.payload, on, signedBy: head.displayName }
            : a.payload;
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
