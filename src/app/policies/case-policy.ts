/**
 * Who may see and do what with 依申请公开 cases. Staff see their own organ's cases; a supervisor sees its organ
 * and every organ below it, read-only. What may be recorded is the transition table's answer for the role.
 */
import type { CaseRow, Organ, StaffRole, StaffUser } from '../../core/entities.js';
import { type Actor, type CaseState, canRecord } from '../../core/case/case-machine.js';
import type { CaseEventKind } from '../../core/case/case-event.js';
import { policy } from './authorize.js';

/** The machine actor a staff role acts as (a supervisor records nothing). */
export function actorOf(role: StaffRole): Actor | null {
  return role === 'supervisor' ? null : role;
}

/** The organ ids a user may read: own organ; a supervisor also every descendant. */
export function visibleOrganIds(user: StaffUser, organs: readonly Organ[]): string[] {
  return user.role === 'supervisor' ? subtreeIds(user.organId, organs) : [user.organId];
}

/** An organ and every organ below it, the organ first. */
export function subtreeIds(rootId: string, organs: readonly Organ[]): string[] {
  const out = [rootId];
  for (let i = 0; i < out.length; i++)
    for (const o of organs) if (o.parentId === out[i] && !out.includes(o.id)) out.push(o.id);
  return out;
}

/** Read a case: within the user's organs; otherwise it does not exist for them. */
export const canReadCase = policy<{ row: CaseRow; organs: readonly Organ[] }>(
  'case_not_found',
  '找不到该案件',
  (user, { row, organs }) => visibleOrganIds(user, organs).includes(row.organId),
  'not_found',
);

/** Act on a case (record events, attach files, register 复议/诉讼): own organ, not a supervisor. */
export const canHandleCase = policy<CaseRow>(
  'forbidden',
  '只能办理本机关的案件',
  (user, row) => row.organId === user.organId && user.role !== 'supervisor',
);

/** Register an application received by letter, in person, fax or e-mail. */
export const canRegisterCase = policy('forbidden', '只有经办人或负责人可以登记申请', (user) =>
  ['clerk', 'head'].includes(user.role),
);

/** Propose an extension or a reply for the head's approval (条例第三十三条第二款: the head approves). */
export const canProposeApproval = policy(
  'forbidden',
  '由经办人提请负责人审批',
  (user) => user.role === 'clerk',
);

/** Approve an extension, sign a reply. */
export const canDecideApproval = policy('forbidden', '只有负责人可以审批', (user) => user.role === 'head');

/** The organ's audit log. */
export const canReadAudit = policy(
  'forbidden',
  '只有管理员可以查看操作日志',
  (user) => user.role === 'admin',
);

/** Whether the user may read the case (the predicate of `canReadCase`). */
export function canViewCase(user: StaffUser, row: CaseRow, organs: readonly Organ[]): boolean {
  return canReadCase.allow(user, { row, organs });
}

/** Whether the user may record `event` on a case in `state`: own organ, and the transition table allows the role. */
export function canActOnCase(user: StaffUser, row: CaseRow, event: CaseEventKind, state: CaseState): boolean {
  const actor = actorOf(user.role);
  return !!actor && canHandleCase.allow(user, row) && canRecord(state, event, actor);
}
