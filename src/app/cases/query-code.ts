/**
 * Use cases: every case has a query code, whatever its channel. A registered case's code is printed on its 回执
 * (shown to staff once, for two hours after registration); staff may issue a new one for an applicant who lost it
 * — audited, and the old one stops working at once.
 */
import type { StaffUser } from '../../core/entities.js';
import { queryCode } from '../../adapters/security/password-hasher.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { authorize } from '../policies/authorize.js';
import { canHandleCase } from '../policies/case-policy.js';
import { getCaseForStaff } from './case-view.js';
import { type CreatedCase, findSubmission, queryCodeHash } from './create-case.js';

/** Issues a new query code for the case; returns it (shown once). */
export async function reissueQueryCode(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  ip: string,
): Promise<string> {
  const v = await getCaseForStaff(deps, user, caseId);
  authorize(user, canHandleCase, v.row);
  const code = queryCode();
  await deps.store.transaction(async (tx) => {
    await tx.cases.setQueryCodeHash(v.row.id, queryCodeHash(deps.secret, v.row.id, code));
    await audit(tx, deps.now(), {
      organId: user.organId,
      userId: user.id,
      role: user.role,
      action: 'case.code_reissued',
      caseId: v.row.id,
      ip,
    });
  });
  return code;
}

/** The 回执 of a case staff registered, with its code while it may still be shown. */
export async function registeredReceipt(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  key: string,
): Promise<CreatedCase & { organName: string }> {
  const v = await getCaseForStaff(deps, user, caseId);
  const c = await findSubmission(deps, key);
  if (!c || c.caseId !== v.row.id) throw new AppError('receipt_not_found', '找不到该回执', 'not_found');
  return { ...c, organName: v.organ.name };
}
