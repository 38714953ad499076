/**
 * The application form (条例第二十九条): fields, validation with a Chinese message naming each field.
 */
import { z } from 'zod';
import { APPLICANT_TYPES, type CaseFacts, CHANNELS } from '../../core/case/case-model.js';
import { isIsoDate } from '../../core/calendar/iso-date.js';

/** 18-digit 居民身份证号码 with its check digit (GB 11643). */
export function isValidIdCard(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const c = '10X98765432';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * w[i]!;
  return c[sum % 11] === id[17]!.toUpperCase();
}

/** 18-character 统一社会信用代码 (shape only). */
export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code.toUpperCase());
}

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少${min}个字` })
    .max(max, { error: `${label}不超过${max}个字` });

export const applicationSchema = z
  .object({
    applicantType: z.enum(APPLICANT_TYPES as [string, ...string[]], { error: '请选择申请人类型' }),
    name: text('姓名或名称', 1, 100),
    idNumber: z.string().trim().max(40).optional().default(''),
    representative: z.string().trim().max(50).optional().default(''),
    phone: z
      .string({ error: '请填写联系电话' })
      .trim()
      .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, {
        error: '联系电话格式不正确（手机号11位，或带区号的固定电话）',
      }),
    email: z.string().trim().max(100).optional().default(''),
    address: z.string().trim().max(200).optional().default(''),
    postcode: z.string().trim().max(10).optional().default(''),
    description: text('所需政府信息的名称、文号或者便于查询的其他特征性描述', 5, 2000),
    requestedForm: z.enum(['paper', 'electronic', 'inspection', 'other'], { error: '请选择获取信息的形式' }),
    delivery: z.enum(['post', 'email', 'online', 'pickup', 'fax', 'other'], {
      error: '请选择获取信息的方式',
    }),
  })
  .superRefine((v, ctx) => {
    if (v.applicantType === 'natural_person') {
      if (!v.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '请填写身份证件号码' });
      else if (!isValidIdCard(v.idNumber))
        ctx.addIssue({
          code: 'custom',
          path: ['idNumber'],
          message: '身份证号码不正确（18位，末位为校验码）',
        });
    } else {
      if (!v.idNumber)
        ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '请填写统一社会信用代码' });
      else if (!isValidCreditCode(v.idNumber))
        ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '统一社会信用代码应为18位' });
      if (!v.representative)
        ctx.addIssue({ code: 'custom', path: ['representative'], message: '请填写法定代表人或者负责人' });
    }
    if (v.delivery === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email))
      ctx.addIssue({ code: 'custom', path: ['email'], message: '选择电子邮件获取时，请填写正确的电子邮箱' });
    if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email))
      ctx.addIssue({ code: 'custom', path: ['email'], message: '电子邮箱格式不正确' });
    if (v.delivery === 'post' && v.address.length < 5)
      ctx.addIssue({ code: 'custom', path: ['address'], message: '选择邮寄时，请填写详细通信地址' });
    if (v.postcode && !/^\d{6}$/.test(v.postcode))
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: '邮政编码应为6位数字' });
  });

export type ApplicationInput = z.input<typeof applicationSchema>;

/** The staff registration form adds the channel and the dates 条例第三十一条 needs. */
export const registrationSchema = z.object({
  channel: z.enum(CHANNELS as [string, ...string[]], { error: '请选择申请渠道' }),
  submittedOn: z
    .string({ error: '请填写提交日期' })
    .refine(isIsoDate, { error: '提交日期应为真实日期（YYYY-MM-DD）' }),
  signedOn: z
    .string()
    .optional()
    .default('')
    .refine((s) => !s || isIsoDate(s), { error: '签收日期应为真实日期（YYYY-MM-DD）' }),
  confirmedOn: z
    .string()
    .optional()
    .default('')
    .refine((s) => !s || isIsoDate(s), { error: '确认日期应为真实日期（YYYY-MM-DD）' }),
});

/** Validates; returns the facts or the field errors. */
export function validateApplication(
  input: unknown,
  channel: CaseFacts['channel'],
): { ok: true; facts: CaseFacts } | { ok: false; fields: Record<string, string> } {
  const r = applicationSchema.safeParse(input);
  if (!r.success) {
    const fields: Record<string, string> = {};
    for (const i of r.error.issues) {
      const k = String(i.path[0] ?? 'form');
      if (!fields[k]) fields[k] = i.message;
    }
    return { ok: false, fields };
  }
  const v = r.data;
  const applicant: CaseFacts['applicant'] = {
    type: v.applicantType as CaseFacts['applicant']['type'],
    name: v.name,
    idNumber: v.idNumber.toUpperCase(),
    phone: v.phone,
  };
  if (v.representative) applicant.representative = v.representative;
  if (v.email) applicant.email = v.email;
  if (v.address) applicant.address = v.address;
  if (v.postcode) applicant.postcode = v.postcode;
  return {
    ok: true,
    facts: {
      applicant,
      channel,
      description: v.description,
      requestedForm: v.requestedForm as CaseFacts['requestedForm'],
      delivery: v.delivery as CaseFacts['delivery'],
    },
  };
}
