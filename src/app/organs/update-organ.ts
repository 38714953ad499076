/**
 * Use case: the organ's administrator edits what letters and the 政府信息公开指南 print: the 工作机构, seal name,
 * address, postcode, phone, office hours and e-mail, the 机关代字 of 文号; the organ's 索引号 pattern; and uploads
 * (or removes) the organ's 电子印章. Letters already issued keep what they were issued with.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Organ, StaffUser } from '../../core/entities.js';
import { authorize } from '../policies/authorize.js';
import { canEditOrgan } from '../policies/admin-policy.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { indexPatternProblem } from '../../core/publication/item-model.js';
import { sniffType } from '../cases/attachments.js';

const schema = z.object({
  officeName: z.string().trim().min(2, { error: '请填写政府信息公开工作机构' }).max(60),
  sealName: z.string().trim().min(2, { error: '请填写印章名称' }).max(60),
  address: z.string().trim().min(5, { error: '请填写办公地址' }).max(120),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: '邮政编码应为6位数字' }),
  phone: z.string().trim().min(7, { error: '请填写联系电话' }).max(40),
  hours: z.string().trim().min(2, { error: '请填写办公时间' }).max(80),
  email: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: '电子邮箱格式不正确' }),
  // 条例第十二条: the 指南 names the 传真号码 and the 互联网联系方式 (absent: unchanged; empty: none)
  fax: z
    .string()
    .trim()
    .regex(/^$|^[\d\-() ]{7,40}$/, { error: '传真号码应为7至40位数字，可含区号和“-”' })
    .optional(),
  website: z
    .string()
    .trim()
    .max(200, { error: '互联网联系方式不超过200个字' })
    .regex(/^$|^https?:\/\/\S+$/, { error: '互联网联系方式应为以 http:// 或 https:// 开头的网址' })
    .optional(),
  // online applicants may upload a copy of their 身份证明 / 营业执照 and a 委托书 ('yes' / 'no'; absent: unchanged)
  applicantUploads: z.enum(['yes', 'no'], { error: '请选择是否允许上传' }).optional(),
  // 机关代字 (e.g. 田政): absent: unchanged; empty: 文号 use the organ's code. Issued letters keep their 文号.
  docCode: z
    .string()
    .trim()
    .regex(/^\p{Script=Han}{0,8}$/u, { error: '机关代字应为1至8个汉字，如“田政”；不填则使用机关代码' })
    .optional(),
  // absent: unchanged. A new pattern numbers items created from now on; existing 索引号 never change.
  indexPattern: z
    .string()
    .trim()
    .optional()
    .superRefine((v, ctx) => {
      const p = v === undefined ? null : indexPatternProblem(v);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    }),
});

export const ORGAN_FIELD_LABELS: Record<string, string> = {
  officeName: '政府信息公开工作机构',
  sealName: '印章名称',
  address: '办公地址',
  postcode: '邮政编码',
  phone: '联系电话',
  hours: '办公时间',
  email: '电子邮箱',
  fax: '传真号码',
  website: '互联网联系方式',
  applicantUploads: '在线申请上传证件',
  indexPattern: '索引号规则',
  docCode: '机关代字',
  seal: '电子印章',
};

export async function updateOrgan(
  deps: AppDeps,
  user: StaffUser,
  input: unknown,
  ip: string,
): Promise<Organ> {
  authorize(user, canEditOrgan, undefined);
  const organ = await deps.store.organs.find(user.organId);
  if (!organ) throw new AppError('organ_not_found', '找不到该机关', 'not_found');
  const r = schema.safeParse(input);
  if (!r.success) {
    const fields: Record<string, string> = {};
    for (const i of r.error.issues) fields[String(i.path[0])] ??= i.message;
    throw new AppError('form_invalid', '机关信息有需要修改的地方', 'invalid', fields);
  }
  const { indexPattern, docCode, fax, website, applicantUploads, ...rest } = r.data;
  const next: Organ = {
    ...organ,
    ...rest,
    ...(fax !== undefined ? { fax } : {}),
    ...(website !== undefined ? { website } : {}),
    ...(applicantUploads !== undefined ? { applicantUploads: applicantUploads === 'yes' } : {}),
    ...(indexPattern !== undefined ? { indexPattern } : {}),
    ...(docCode !== undefined ? { docCode } : {}),
  };
  await deps.store.transaction(async (tx) => {
    await tx.organs.update(next);
    await audit(tx, deps.now(), {
      organId: organ.id,
      userId: user.id,
      role: user.role,
      action: 'organ.update',
      ip,
      detail: { fields: Object.keys(r.data) },
    });
  });
  return next;
}

/** The largest seal image accepted. */
export const MAX_SEAL_BYTES = 1024 * 1024;

/**
 * The organ's 管理员 uploads its 电子印章 (PNG or JPG, at most 1 MB, checked on the bytes) or removes it. The image
 * is stored under a key naming its bytes and never overwritten: letters issued with it keep printing it; letters
 * issued from now on print the new one (or, removed, leave the place for the seal blank).
 */
export async function setOrganSeal(
  deps: AppDeps,
  user: StaffUser,
  file: { filename: string; bytes: Uint8Array } | null,
  remove: boolean,
  ip: string,
): Promise<Organ> {
  authorize(user, canEditOrgan, undefined);
  const organ = await deps.store.organs.find(user.organId);
  if (!organ) throw new AppError('organ_not_found', '找不到该机关', 'not_found');
  let sealImage: Organ['sealImage'] = null;
  if (!remove) {
    const bad = (m: string) => new AppError('seal_invalid', m, 'invalid', { seal: m });
    if (!file || !file.bytes.length) throw bad('请选择印章图片');
    if (file.bytes.length > MAX_SEAL_BYTES) throw bad('印章图片不能超过1MB');
    const mime = sniffType(file.bytes);
    if (mime !== 'image/png' && mime !== 'image/jpeg') throw bad('印章图片只能是PNG或JPG格式');
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const key = `seals/${organ.id}/${sha256}.${mime === 'image/png' ? 'png' : 'jpg'}`;
    await deps.files.put(key, file.bytes);
    sealImage = { key, mime, sha256 };
  }
  const next: Organ = { ...organ, sealImage };
  await deps.store.transaction(async (tx) => {
    await tx.organs.update(next);
    await audit(tx, deps.now(), {
      organId: organ.id,
      userId: user.id,
      role: user.role,
      action: remove ? 'organ.seal.remove' : 'organ.seal.upload',
      ip,
      detail: sealImage ? { sha256: sealImage.sha256, size: file!.bytes.length } : {},
    });
  });
  return next;
}
