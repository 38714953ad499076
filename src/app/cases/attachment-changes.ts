/**
 * Use cases: a wrongly classified attachment is reclassified, a wrongly uploaded one removed — by a clerk or head
 * of the case's organ, each audited with what it was. A removed file is hidden from the case, never deleted (its
 * row and bytes stay, with who removed it and why). A file listed in the 答复书 in force is part of what was issued
 * (条例第三十六条第（一）（二）项) and cannot be changed; correct the 答复书 instead.
 */
import type { AttachmentKind, StaffUser } from '../../core/entities.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { authorize } from '../policies/authorize.js';
import { canHandleCase } from '../policies/case-policy.js';
import { ATTACHMENT_KIND_LABEL } from './attachments.js';
import { getCaseForStaff } from './case-view.js';
import { listedInReply } from './released-files.js';

async function changeable(deps: AppDeps, user: StaffUser, caseId: string, attachmentId: string) {
  const v = await getCaseForStaff(deps, user, caseId);
  authorize(user, canHandleCase, v.row);
  const file = v.attachments.find((a) => a.id === attachmentId);
  if (!file) throw new AppError('attachment_not_found', '找不到该附件', 'not_found');
  const listed = listedInReply(await deps.store.letters.listForCase(v.row.id));
  if (listed?.has(file.id))
    throw new AppError(
      'attachment_issued',
      `《${file.filename}》已列入已签发的答复书，不能更改或移除；如有错误，请由负责人更正答复书`,
      'conflict',
    );
  return { v, file };
}

const reasonOf = (form: Record<string, string>) => (form.reason ?? '').trim().slice(0, 200);

/** Sets the attachment's kind (类别), with a reason. */
export async function reclassifyAttachment(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  attachmentId: string,
  form: Record<string, string>,
  ip: string,
): Promise<void> {
  const { v, file } = await changeable(deps, user, caseId, attachmentId);
  const kind = form.kind as AttachmentKind;
  if (!(kind in ATTACHMENT_KIND_LABEL))
    throw new AppError('file_kind', '附件类别无效', 'invalid', { kind: '请选择附件类别' });
  if (kind === file.kind) return;
  const reason = reasonOf(form);
  await deps.store.transaction(async (tx) => {
    await tx.attachments.setKind(file.id, kind);
    await audit(tx, deps.now(), {
      organId: v.row.organId,
      userId: user.id,
      role: user.role,
      action: 'attachment.reclassify',
      caseId: v.row.id,
      ip,
      detail: { file: file.filename, from: file.kind, to: kind, ...(reason ? { reason } : {}) },
    });
  });
}

/** Removes the attachment from the case (hidden, kept), with a reason (required). */
export async function removeAttachment(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  attachmentId: string,
  form: Record<string, string>,
  ip: string,
): Promise<void> {
  const { v, file } = await changeable(deps, user, caseId, attachmentId);
  const reason = reasonOf(form);
  if (!reason)
    throw new AppError('form_invalid', '请写明移除原因', 'invalid', { reason: '请写明移除原因，如“误传”' });
  const at = deps.now().toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.attachments.remove(file.id, { at, by: user.id, reason });
    await audit(tx, deps.now(), {
      organId: v.row.organId,
      userId: user.id,
      role: user.role,
      action: 'attachment.remove',
      caseId: v.row.id,
      ip,
      detail: { file: file.filename, kind: file.kind, reason },
    });
  });
}
