/**
 * Released information reaches the applicant (条例第三十六条第（一）（二）项, 第四十条): files of the kind 公开的政府信息
 * attached to a case are listed on the applicant's status page and can be downloaded there — only once the reply
 * is signed (the case decided by the head) and a passed 保密审查 is recorded for each file (条例第十七条).
 * Every download is audited.
 */
import type { Attachment, ReleaseReview, StaffUser } from '../../core/entities.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { authorize } from '../policies/authorize.js';
import { canDecideApproval, canHandleCase } from '../policies/case-policy.js';
import { getCaseForStaff, type CaseView } from './case-view.js';

/** The latest 保密审查 of each released file, by attachment id. */
export async function releaseReviews(deps: AppDeps, caseId: string): Promise<Map<string, ReleaseReview>> {
  const out = new Map<string, ReleaseReview>();
  for (const r of await deps.store.releaseReviews.listForCase(caseId)) out.set(r.attachmentId, r);
  return out;
}

/** The head records the 保密审查 of a file to be released (passed or not, with its basis). */
export async function reviewReleasedFile(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  attachmentId: string,
  form: Record<string, string>,
  ip: string,
): Promise<void> {
  const v = await getCaseForStaff(deps, user, caseId);
  authorize(user, canHandleCase, v.row);
  authorize(user, canDecideApproval, undefined);
  const file = v.attachments.find((a) => a.id === attachmentId && a.kind === 'released_information');
  if (!file) throw new AppError('attachment_not_found', '找不到该拟公开的文件', 'not_found');
  const basis = (form.basis ?? '').trim().slice(0, 500);
  if (!basis)
    throw new AppError('form_invalid', '请写明保密审查的结论依据', 'invalid', { basis: '请写明审查依据' });
  const passed = form.passed === 'yes';
  const at = deps.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.releaseReviews.add({
      attachmentId,
      caseId: v.row.id,
      passed,
      basis,
      byUser: user.id,
      byName: user.displayName,
      at,
    });
    await audit(tx, deps.now(), {
      organId: user.organId,
      userId: user.id,
      role: user.role,
      action: 'case.release_review',
      caseId: v.row.id,
      ip,
      detail: { file: file.filename, passed },
    });
  });
}

/** Whether the reply has been signed: the case is decided (the head records or signs every decision). */
function replySigned(v: CaseView): boolean {
  return v.snapshot.state === 'decided' || v.snapshot.state === 'delivered';
}

/** The files the applicant may see now: released information with a passed 保密审查, after the signed reply. */
export async function filesForApplicant(deps: AppDeps, v: CaseView): Promise<Attachment[]> {
  if (!replySigned(v)) return [];
  const reviews = await releaseReviews(deps, v.row.id);
  return v.attachments.filter((a) => a.kind === 'released_information' && reviews.get(a.id)?.passed === true);
}

/** The applicant downloads a released file (audited in the organ's log). */
export async function downloadReleasedFile(deps: AppDeps, v: CaseView, attachmentId: string, ip: string) {
  const f = (await filesForApplicant(deps, v)).find((a) => a.id === attachmentId);
  if (!f) throw new AppError('attachment_not_found', '找不到该文件', 'not_found');
  await audit(deps.store, deps.now(), {
    organId: v.row.organId,
    userId: null,
    role: 'applicant',
    action: 'case.release_download',
    caseId: v.row.id,
    ip,
    detail: { file: f.filename },
  });
  return { filename: f.filename, mime: f.mime, bytes: await deps.files.get(f.storageKey) };
}
