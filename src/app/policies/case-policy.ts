/**
 * Who may see and do what. Staff see their own organ's cases; a supervisor sees its organ and every organ below
 * it, read-only. What may be recorded is the transition table's answer for the staff member's role.
 */
import type { CaseRow, Organ, StaffRole, StaffUser } from '../../core/ports.js';
import { type Actor, type CaseState, canRecord } from '../../core/case/case-machine.js';
import type { CaseEventKind } from '../../core/case/case-event.js';

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

export function canViewCase(user: StaffUser, row: CaseRow, organs: readonly Organ[]): boolean {
  return visibleOrganIds(user, organs).includes(row.organId);
}

/** Whether the user may record `event` on a case in `state` (own organ only). */
export function canActOnCase(user: StaffUser, row: CaseRow, event: CaseEventKind, state: CaseState): boolean {
  const actor = actorOf(user.role);
  return !!actor && row.organId === user.organId && canRecord(state, event, actor);
}

/** Heads approve extensions and sign decisions. */
export function canApprove(user: StaffUser, row: CaseRow): boolean {
  return user.role === 'head' && row.organId === user.organId;
}

export function canViewAudit(user: StaffUser): boolean {
  return user.role === 'admin';
}
