/**
 * Use cases of the back office's case page: open a case (reading personal data is audited), record an event
 * from a form, propose one for the head's approval, attach a file, download one, list pending approvals and read
 * the audit log. The organ scope and the role are checked here, once, through the policies.
 */
import type {
  Approval,
  Attachment,
  AuditEntry,
  Organ,
  ReleaseReview,
  StaffUser,
} from '../../core/entities.js';
import type { CaseEventKind } from '../../core/case/case-event.js';
import { TRANSITIONS, findTransition } from '../../core/case/case-machine.js';
import type { Letter } from '../../core/letters/build-letters.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { audit } from '../audit.js';
import { authorize } from '../policies/authorize.js';
import { canHandleCase, canReadAudit } from '../policies/case-policy.js';
import { getCaseForStaff, type CaseView } from './case-view.js';
import { caseLetters } from './case-letters.js';
import { releaseReviews } from './released-files.js';
import { eventFromForm } from './event-form.js';
import { recordCaseEvent } from './record-case-event.js';
import { requestApproval } from './approvals.js';
import { addAttachment } from './attachments.js';

export interface StaffCasePage {
  view: CaseView;
  letters: Letter[];
  organs: Organ[];
  /** the latest 保密审查 of each file to be released, by attachment id */
  releaseReviews: Map<string, ReleaseReview>;
}

/** What the case page shows. */
export async function staffCasePage(deps: AppDeps, user: StaffUser, caseId: string): Promise<StaffCasePage> {
  const view = await getCaseForStaff(deps, user, caseId);
  return {
    view,
    letters: await caseLetters(deps, view),
    organs: await deps.store.organs.list(),
    releaseReviews: await releaseReviews(deps, view.row.id),
  };
}

/** Opens the case page; reading an applicant's personal data is an action too, and is audited. */
export async function openStaffCase(deps: AppDeps, user: StaffUser, caseId: string, ip: string) {
  const p = await staffCasePage(deps, user, caseId);
  const entry = { userId: user.id, role: user.role, action: 'case.view', caseId, ip };
  await audit(deps.store, deps.now(), { ...entry, organId: user.organId });
  // a supervisor's read shows in the log of the organ whose applicant it is, too
  if (p.view.row.organId !== user.organId)
    await audit(deps.store, deps.now(), {
      ...entry,
      organId: p.view.row.organId,
      detail: { by: user.organId },
    });
  return p;
}

const EVENT_KINDS = new Set<string>(TRANSITIONS.map((t) => t.event).filter((k) => k !== 'registered'));

/** Records the event a back-office form describes; a head records extensions and replies in their own name. */
export async function recordStaffEvent(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  kind: string,
  form: Record<string, string>,
  ip: string,
): Promise<void> {
  if (!EVENT_KINDS.has(kind)) throw new AppError('event_unknown', '未知的办理事项', 'not_found');
  const k = kind as CaseEventKind;
  const v = await getCaseForStaff(deps, user, caseId);
  authorize(user, canHandleCase, v.row);
  if (!findTransition(v.snapshot.state, k))
    throw new AppError(
      'transition_not_allowed',
      `当前状态下不能“${TRANSITIONS.find((t) => t.event === k)!.label}”`,
      'conflict',
    );
  const ev = eventFromForm(k, form, today(deps));
  // 条例第三十三条第二款: the head's own extension is approved by the head
  if (ev.kind === 'extended' && user.role === 'head') ev.approvedBy = user.displayName;
  if (ev.kind === 'decided' && user.role === 'head')
    (ev as { signedBy?: string }).signedBy = user.displayName;
  await recordCaseEvent(deps, { user }, v.row.id, ev, ip);
}

/** A clerk proposes an extension or a reply; the head approves or signs it (approvals.ts). */
export async function proposeStaffEvent(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  kind: string,
  form: Record<string, string>,
  ip: string,
): Promise<Approval> {
  if (kind !== 'extended' && kind !== 'decided')
    throw new AppError('event_unknown', '只有延期和答复需要审批', 'not_found');
  const v = await getCaseForStaff(deps, user, caseId);
  return requestApproval(deps, user, v.row.id, eventFromForm(kind, form, today(deps)), ip);
}

/** Staff attach a file to a case of their own organ. */
export async function attachStaffFile(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  kind: string,
  file: { filename: string; bytes: Uint8Array } | null,
  ip: string,
): Promise<Attachment> {
  const v = await getCaseForStaff(deps, user, caseId);
  authorize(user, canHandleCase, v.row);
  if (!file) throw new AppError('file_missing', '请选择要上传的文件', 'invalid');
  const by = { userId: user.id, role: user.role, organId: user.organId };
  return addAttachment(
    deps,
    v.row.id,
    kind as Attachment['kind'],
    file.filename || 'file',
    file.bytes,
    by,
    ip,
  );
}

/** An attachment of a case the user may read, with its bytes. */
export async function downloadCaseAttachment(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  attachmentId: string,
) {
  const v = await getCaseForStaff(deps, user, caseId);
  const a = v.attachments.find((x) => x.id === attachmentId);
  if (!a) throw new AppError('attachment_not_found', '找不到该附件', 'not_found');
  return { filename: a.filename, mime: a.mime, bytes: await deps.files.get(a.storageKey) };
}

/** The approvals waiting for a head of this organ (none for other roles). */
export async function pendingApprovals(deps: AppDeps, user: StaffUser): Promise<Approval[]> {
  return user.role === 'head' ? deps.store.approvals.listPending([user.organId]) : [];
}

/** The organ's audit log (newest 200) and the staff names it mentions. */
export async function organAuditLog(
  deps: AppDeps,
  user: StaffUser,
): Promise<{ entries: AuditEntry[]; names: Record<string, string> }> {
  authorize(user, canReadAudit, undefined);
  const users = await deps.store.users.listByOrgan(user.organId);
  const names = Object.fromEntries(users.map((u) => [u.id, `${u.displayName}（${u.username}）`]));
  // the platform's administrator also sees what belongs to no organ (failed logins with an unknown name)
  const organ = await deps.store.organs.find(user.organId);
  const ids = organ && !organ.parentId ? [user.organId, null] : [user.organId];
  return { entries: await deps.store.audit.list(ids, 200), names };
}
