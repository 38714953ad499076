/**
 * The application form (条例第二十九条): fields, validation with a Chinese message naming each field.
 */
import { z } from 'zod';
import {
  APPLICANT_TYPES,
  type CaseFacts,
  CHANNELS,
  ID_TYPES,
  type IdType,
  ORG_ID_TYPES,
  PERSON_ID_TYPES,
} from '../../core/case/case-model.js';
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

/** The number of each kind of 身份证明, by its published shape; null when it fits, else the message. */
export function idNumberProblem(type: IdType, raw: string): string | null {
  const id = raw.trim().toUpperCase();
  switch (type) {
    case 'resident_id':
      return isValidIdCard(id) ? null : '身份证号码不正确（18位，末位为校验码）';
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(id) ? null : '护照号码应为5–17位字母或数字';
    case 'hk_macao_permit':
      return /^[HM]\d{8}(\d{2})?$/.test(id) ? null : '港澳居民来往内地通行证号码应为H或M加8位或10位数字';
    case 'taiwan_permit':
      return /^\d{8}(\d{2})?$/.test(id) ? null : '台湾居民来往大陆通行证号码应为8位或10位数字';
    case 'foreign_permanent_resident':
      return /^[A-Z]{3}\d{12}$/.test(id) || (/^9\d{16}[\dX]$/.test(id) && isValidIdCard(id))
        ? null
        : '外国人永久居留身份证号码应为3位字母加12位数字，或以9开头的18位号码';
    case 'credit_code':
      return isValidCreditCode(id) ? null : '统一社会信用代码应为18位';
    case 'other_person_id':
    case 'other_org_registration':
      return id.length >= 4 && id.length <= 40 ? null : '证件号码应为4–40个字符';
  }
}

/** The most characters each field of the application takes (the forms state them before typing). */
export const APPLICATION_LIMITS = {
  name: 100,
  idNumber: 40,
  representative: 50,
  email: 100,
  address: 200,
  postcode: 10,
  descriptionMin: 5,
  description: 2000,
} as const;
const L = APPLICATION_LIMITS;

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少${min}个字` })
    .max(max, { error: `${label}不超过${max}个字` });

export const applicationSchema = z
  .object({
    applicantType: z.enum(APPLICANT_TYPES as [string, ...string[]], { error: '请选择申请人类型' }),
    name: text('姓名或名称', 1, L.name),
    idType: z.string().trim().optional().default(''),
    idNumber: z
      .string()
      .trim()
      .max(L.idNumber, { error: `证件号码不超过${L.idNumber}个字` })
      .optional()
      .default(''),
    representative: z
      .string()
      .trim()
      .max(L.representative, { error: `法定代表人或负责人不超过${L.representative}个字` })
      .optional()
      .default(''),
    phone: z
      .string({ error: '请填写联系电话' })
      .trim()
      .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, {
        error: '联系电话格式不正确（手机号11位，或带区号的固定电话）',
      }),
    email: z
      .string()
      .trim()
      .max(L.email, { error: `电子邮箱不超过${L.email}个字` })
      .optional()
      .default(''),
    address: z
      .string()
      .trim()
      .max(L.address, { error: `通信地址不超过${L.address}个字` })
      .optional()
      .default(''),
    postcode: z
      .string()
      .trim()
      .max(L.postcode, { error: `邮政编码不超过${L.postcode}个字` })
      .optional()
      .default(''),
    description: text(
      '所需政府信息的名称、文号或者便于查询的其他特征性描述',
      L.descriptionMin,
      L.description,
    ),
    requestedForm: z.enum(['paper', 'electronic', 'inspection', 'other'], { error: '请选择获取信息的形式' }),
    delivery: z.enum(['post', 'email', 'online', 'pickup', 'fax', 'other'], {
      error: '请选择获取信息的方式',
    }),
    // how the applicant wants to be told of each step (notices; the letters stay on the status page)
    notifyEmail: z.string().optional().default(''),
    notifySms: z.string().optional().default(''),
  })
  .superRefine((v, ctx) => {
    const person = v.applicantType === 'natural_person';
    const types = person ? PERSON_ID_TYPES : ORG_ID_TYPES;
    const idType = (v.idType || types[0]) as IdType;
    if (!types.includes(idType))
      ctx.addIssue({ code: 'custom', path: ['idType'], message: '请选择身份证明的种类' });
    else if (!v.idNumber)
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `请填写${ID_TYPES[idType]}号码` });
    else {
      const problem = idNumberProblem(idType, v.idNumber);
      if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem });
    }
    if (!person && !v.representative)
      ctx.addIssue({ code: 'custom', path: ['representative'], message: '请填写法定代表人或者负责人' });
    if (v.delivery === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email))
      ctx.addIssue({ code: 'custom', path: ['email'], message: '选择电子邮件获取时，请填写正确的电子邮箱' });
    if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email))
      ctx.addIssue({ code: 'custom', path: ['email'], message: '电子邮箱格式不正确' });
    if (v.delivery === 'post' && v.address.length < 5)
      ctx.addIssue({ code: 'custom', path: ['address'], message: '选择邮寄时，请填写详细通信地址' });
    if (v.postcode && !/^\d{6}$/.test(v.postcode))
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: '邮政编码应为6位数字' });
    if (YES.has(v.notifyEmail) && !v.email)
      ctx.addIssue({
        code: 'custom',
        path: ['notifyEmail'],
        message: '选择了电子邮件通知，请填写电子邮箱，或取消该选项',
      });
    if (YES.has(v.notifySms) && !/^1\d{10}$/.test(v.phone))
      ctx.addIssue({
        code: 'custom',
        path: ['notifySms'],
        message: '短信通知需要11位手机号码作为联系电话，或取消该选项',
      });
  });

const YES = new Set(['yes', 'true', 'on']);

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

/** What 条例第二十九条第二款 requires of an application, by form field, in the words a 补正告知书 uses. */
const REQUIRED: Record<string, string> = {
  name: '申请人的姓名或者名称',
  idNumber: '申请人的身份证明',
  representative: '法定代表人或者负责人的姓名',
  phone: '申请人的联系方式（联系电话）',
  description: '申请公开的政府信息的名称、文号或者便于查询的其他特征性描述',
};

/**
 * A registered application (letter, in person, fax) is recorded as received, whatever it lacks: the organ must
 * then ask for exactly what is missing (条例第三十条). Missing required fields become `missing`; a value that is
 * there but wrong (a mistyped date, a malformed number) is still a field error.
 */
export function validateRegistered(
  input: Record<string, unknown>,
  channel: CaseFacts['channel'],
): { ok: true; facts: CaseFacts } | { ok: false; fields: Record<string, string> } {
  const r = validateApplication(input, channel);
  // registering with gaps is a deliberate choice on the form ("先登记，再告知补正"), never an accident
  if (r.ok || !ALLOW_INCOMPLETE.has(String(input.allowIncomplete ?? ''))) return r;
  const missing: string[] = [];
  const patched: Record<string, unknown> = { ...input };
  const blank = (k: string) => !String(input[k] ?? '').trim();
  for (const [k, what] of Object.entries(REQUIRED)) {
    if (!(k in r.fields) || !blank(k)) continue;
    missing.push(what);
    patched[k] = k === 'description' ? '（申请未写明所需信息）' : (PLACEHOLDER[k] ?? '');
  }
  if (!missing.length) return r;
  const again = validateApplication(
    { ...patched, ...(blank('idNumber') ? { idType: 'other_person_id' } : {}) },
    channel,
  );
  if (!again.ok) {
    for (const k of Object.keys(REQUIRED)) if (blank(k)) delete again.fields[k];
    if (Object.keys(again.fields).length) return again;
    return r;
  }
  const a = again.facts.applicant;
  for (const k of Object.keys(REQUIRED)) if (blank(k)) (a as unknown as Record<string, unknown>)[k] = '';
  if (blank('idNumber')) delete a.idType;
  return { ok: true, facts: { ...again.facts, missing } };
}

const ALLOW_INCOMPLETE = new Set(['yes', 'true', 'on']);

/** Values that let a registration with gaps through the shape checks; blanked again afterwards. */
const PLACEHOLDER: Record<string, string> = {
  name: '（未写明）',
  idNumber: 'NONE',
  representative: '（未写明）',
  phone: '13800000000',
};

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
  const person = v.applicantType === 'natural_person';
  const applicant: CaseFacts['applicant'] = {
    type: v.applicantType as CaseFacts['applicant']['type'],
    idType: (v.idType || (person ? PERSON_ID_TYPES : ORG_ID_TYPES)[0]) as IdType,
    name: v.name,
    idNumber: v.idNumber.toUpperCase(),
    phone: v.phone,
  };
  if (v.representative) applicant.representative = v.representative;
  if (v.email) applicant.email = v.email;
  if (v.address) applicant.address = v.address;
  if (v.postcode) applicant.postcode = v.postcode;
  const notify = [
    ...(YES.has(v.notifyEmail) ? (['email'] as const) : []),
    ...(YES.has(v.notifySms) ? (['sms'] as const) : []),
  ];
  if (notify.length) applicant.notify = notify;
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
