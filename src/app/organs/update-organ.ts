/**
 * Use case: the organ's administrator edits what letters and the 政府信息公开指南 print: the 工作机构, seal name,
 * address, postcode, phone, office hours and e-mail; and the organ's 索引号 pattern.
 */
import { z } from 'zod';
import type { Organ, StaffUser } from '../../core/entities.js';
import { authorize } from '../policies/authorize.js';
import { canEditOrgan } from '../policies/admin-policy.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';
import { indexPatternProblem } from '../../core/publication/item-model.js';

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
  indexPattern: '索引号规则',
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
  const { indexPattern, ...rest } = r.data;
  const next: Organ = { ...organ, ...rest, ...(indexPattern !== undefined ? { indexPattern } : {}) };
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
