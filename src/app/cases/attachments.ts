/**
 * Use case: attach a file to a case (the application scan, a 补正, a consultation reply, the information
 * released). Size and type limits are checked on the bytes (magic numbers), not the name.
 */
import { randomBytes } from 'node:crypto';
import type { Attachment, AttachmentKind } from '../../core/entities.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The MIME type of the bytes, or null when the type is not accepted. */
export function sniffType(bytes: Uint8Array): string | null {
  const b = bytes;
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'application/pdf';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04)
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return null;
}

export const ATTACHMENT_KIND_LABEL: Record<AttachmentKind, string> = {
  application: '申请材料',
  identity_document: '身份证明复印件（营业执照等）',
  power_of_attorney: '委托书',
  clarification: '补正材料',
  consultation_reply: '征求意见回复',
  released_information: '公开的政府信息',
  other: '其他',
};

/** A file an applicant sends with an online application, checked and stored, waiting for its case's row. */
export interface PreparedUpload {
  id: string;
  kind: AttachmentKind;
  filename: string;
  mime: string;
  size: number;
  storageKey: string;
}

/**
 * Checks an applicant's optional upload (a copy of the 身份证明 / 营业执照, a 委托书) on its bytes and stores it;
 * the error names the form field. Nothing is recorded until the case is (create-case.ts, in its transaction).
 */
export async function prepareUpload(
  deps: Pick<AppDeps, 'files'>,
  organId: string,
  kind: AttachmentKind,
  field: string,
  file: { filename: string; bytes: Uint8Array },
): Promise<PreparedUpload> {
  const bad = (m: string) => new AppError('file_invalid', m, 'invalid', { [field]: m });
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw bad('文件不能超过10MB');
  const mime = sniffType(file.bytes);
  if (!mime) throw bad('只能上传PDF、JPG、PNG或DOCX文件，请重新选择');
  const id = randomBytes(8).toString('hex');
  const storageKey = `${organId}/applications/${id}`;
  await deps.files.put(storageKey, file.bytes);
  return { id, kind, filename: safeName(file.filename), mime, size: file.bytes.length, storageKey };
}

const safeName = (filename: string) =>
  (filename || 'file').replace(/[\\/\u0000-\u001f<>:"|?*]/g, '_').slice(0, 120);

export async function addAttachment(
  deps: AppDeps,
  caseId: string,
  kind: Attachment['kind'],
  filename: string,
  bytes: Uint8Array,
  by: { userId: string | null; role: string; organId: string },
  ip: string,
): Promise<Attachment> {
  if (bytes.length === 0)
    throw new AppError('file_empty', '文件为空', 'invalid', { file: '请选择要上传的文件' });
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    throw new AppError('file_too_large', '文件超过10MB', 'too_large', { file: '文件不能超过10MB' });
  const mime = sniffType(bytes);
  if (!mime)
    throw new AppError('file_type', '文件类型不支持', 'invalid', { file: '只能上传PDF、JPG、PNG或DOCX文件' });
  if (!(kind in ATTACHMENT_KIND_LABEL))
    throw new AppError('file_kind', '附件类别无效', 'invalid', { kind: '请选择附件类别' });
  const id = randomBytes(8).toString('hex');
  const key = `${caseId}/${id}`;
  await deps.files.put(key, bytes);
  const a: Attachment = {
    id,
    caseId,
    kind,
    filename: safeName(filename),
    mime,
    size: bytes.length,
    storageKey: key,
    uploadedBy: by.userId ?? 'applicant',
    createdAt: deps.now().toISOString(),
  };
  await deps.store.transaction(async (tx) => {
    await tx.attachments.create(a);
    await audit(tx, deps.now(), {
      organId: by.organId,
      userId: by.userId,
      role: by.role,
      action: 'attachment.add',
      caseId,
      ip,
      detail: { kind, size: a.size },
    });
  });
  return a;
}
