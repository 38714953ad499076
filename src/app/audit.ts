/** Appends an audit entry (who did what, when, to which case, from where). Personal data is masked before. */
import { randomBytes } from 'node:crypto';
import type { Store } from '../core/ports.js';

export interface AuditInput {
  organId: string | null;
  userId: string | null;
  role: string;
  action: string;
  caseId?: string | null;
  ip: string;
  detail?: Record<string, unknown>;
}

export async function audit(store: Store, now: Date, a: AuditInput): Promise<void> {
  await store.audit.append({
    id: `${now.toISOString()}-${randomBytes(4).toString('hex')}`,
    at: now.toISOString(),
    organId: a.organId,
    userId: a.userId,
    role: a.role,
    action: a.action,
    caseId: a.caseId ?? null,
    ip: a.ip,
    detail: JSON.stringify(a.detail ?? {}),
  });
}

/** Records what a staff member did or read (e.g. through the staff API), in their organ's log. */
export async function auditStaffAction(
  deps: { store: Store; now: () => Date },
  user: { id: string; organId: string; role: string },
  action: string,
  caseId: string | null,
  ip: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await audit(deps.store, deps.now(), {
    organId: user.organId,
    userId: user.id,
    role: user.role,
    action,
    caseId,
    ip,
    detail,
  });
}
