/**
 * Use cases: link a 行政复议 or 行政诉讼 to the case it arises from, and record its outcome (feeds Section 四).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ReviewRow, StaffUser } from '../../core/entities.js';
import { isIsoDate } from '../../core/calendar/iso-date.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';

const schema = z.object({
  kind: z.enum(['review', 'litigation_direct', 'litigation_after_review'], { error: '请选择类型' }),
  reference: z.string().trim().min(1, { error: '请填写案号或决定书文号' }).max(100),
  filedOn: z.string().refine(isIsoDate, { error: '请填写真实的申请或起诉日期' }),
  concludedOn: z
    .string()
    .optional()
    .default('')
    .refine((s) => !s || isIsoDate(s), { error: '审结日期无效' }),
  result: z.enum(['', 'upheld', 'corrected', 'other']).optional().default(''),
});

export async function addReview(
  deps: AppDeps,
  user: StaffUser,
  caseId: string,
  input: unknown,
  ip: string,
): Promise<ReviewRow> {
  if (user.role === 'supervisor') throw new AppError('forbidden', '上级主管部门只能查看', 'forbidden');
  const row = await deps.store.cases.find(caseId);
  if (!row || row.organId !== user.organId) throw new AppError('case_not_found', '找不到该案件', 'not_found');
  const r = schema.safeParse(input);
  if (!r.success) {
    const fields: Record<string, string> = {};
    for (const i of r.error.issues) fields[String(i.path[0])] ??= i.message;
    throw new AppError('form_invalid', '复议诉讼信息有误', 'invalid', fields);
  }
  const v = r.data;
  if (!!v.concludedOn !== !!v.result)
    throw new AppError('form_invalid', '复议诉讼信息有误', 'invalid', {
      result: '已审结的请同时填写审结日期和结果',
    });
  if (v.concludedOn && v.concludedOn < v.filedOn)
    throw new AppError('form_invalid', '复议诉讼信息有误', 'invalid', {
      concludedOn: '审结日期不能早于申请日期',
    });
  const rv: ReviewRow = {
    id: randomBytes(8).toString('hex'),
    caseId,
    organId: row.organId,
    kind: v.kind,
    reference: v.reference,
    filedOn: v.filedOn,
    concludedOn: v.concludedOn || null,
    result: (v.result || null) as ReviewRow['result'],
    createdAt: deps.now().toISOString(),
  };
  await deps.store.transaction(async (tx) => {
    await tx.reviews.create(rv);
    await audit(tx, deps.now(), {
      organId: row.organId,
      userId: user.id,
      role: user.role,
      action: 'review.add',
      caseId,
      ip,
      detail: { kind: v.kind },
    });
  });
  return rv;
}
