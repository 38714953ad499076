/**
 * Released information reaches the applicant (条例第三十六条第（一）（二）项, 第四十条): files of the kind 公开的政府信息
 * attached to a case are listed in the signed 答复书 and on the applicant's status page, and can be downloaded
 * there — only once the reply is signed (the case decided by the head) and a passed 保密审查 is recorded for each
 * file (条例第十七条). The head cannot sign a reply that provides information while a file to be released awaits its
 * 保密审查. A file added later reaches the applicant once a corrected 答复书 lists it. Every download is audited.
 */
import type { Attachment, ReleaseReview, StaffUser } from '../../core/entities.js';
import type { Store } from '../../core/ports.js';
import type { CaseEvent } from '../../core/case/case-event.js';
import { PROVIDING_OUTCOMES } from '../../core/letters/build-letters.js';
import type { IssuedLetter } from '../../core/letters/issued-letter.js';
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

/**
 * 条例第十七条: in the transaction of a 答复书 that provides information, refuses it while a file to be released has
 * no 保密审查 recorded.
 */
export async function assertReleaseReviewed(tx: Store, caseId: string, event: CaseEvent): Promise<void> {
  if (event.kind !== 'decided' || !PROVIDING_OUTCOMES.has(event.outcome)) return;
  const reviewed = new Set((await tx.releaseReviews.listForCase(caseId)).map((r) => r.attachmentId));
  const waiting = (await tx.attachments.listForCase(caseId)).filter(
    (a) => a.kind === 'released_information' && !reviewed.has(a.id),
  );
  if (waiting.length)
    throw new AppError(
      'release_not_reviewed',
      `拟公开的文件尚未经过保密审查（条例第十七条）：${waiting.map((a) => a.filename).join('、')}。请先完成审查，再签发答复书`,
      'conflict',
    );
}

/**
 * The files an in-force 答复书 lists (a replaced one no longer counts); null when no reply recorded a list (letters
 * issued before replies listed their files: then every reviewed file counts).
 */
export function listedInReply(letters: readonly IssuedLetter[]): Set<string> | null {
  const inForce = letters.filter((l) => l.kind === 'reply' && !letters.some((x) => x.replacesId === l.id));
  const lists = inForce.map((l) => l.content.released).filter((r) => r !== undefined);
  return lists.length ? new Set(lists.flat().map((f) => f.id)) : null;
}

/**
 * The files the applicant may see now: released information with a passed 保密审查, listed in the signed 答复书
 * that is in force.
 */
export async function filesForApplicant(deps: AppDeps, v: CaseView): Promise<Attachment[]> {
  if (!replySigned(v)) return [];
  const reviews = await releaseReviews(deps, v.row.id);
  const listed = listedInReply(await deps.store.letters.listForCase(v.row.id));
  return v.attachments.filter(
    (a) =>
      a.kind === 'released_information' &&
      reviews.get(a.id)?.passed === true &&
      (listed === null || listed.has(a.id)),
  );
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
