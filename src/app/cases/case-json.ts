/**
 * The documented JSON form of a case history (docs/case-json.md), validated with zod so an import from an
 * existing register gets a clear message naming the field.
 */
import { z } from 'zod';
import { isIsoDate } from '../../core/calendar/iso-date.js';
import { APPLICANT_TYPES, CHANNELS, OUTCOMES } from '../../core/case/case-model.js';
import type { CaseEvent } from '../../core/case/case-event.js';
import type { ReviewCase } from '../../core/case/case-statistics.js';

const date = z.string().refine(isIsoDate, { message: '应为YYYY-MM-DD格式的真实日期' });
const base = { on: date, by: z.string().optional(), note: z.string().optional() };
const nonEmpty = z.string().trim().min(1, { message: '不能为空' });

const facts = z.object({
  applicant: z.object({
    type: z.enum(APPLICANT_TYPES as [string, ...string[]]),
    name: nonEmpty,
    idNumber: z.string().optional(),
    representative: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
    notify: z.array(z.enum(['email', 'sms'])).optional(),
    address: z.string().optional(),
    postcode: z.string().optional(),
  }),
  channel: z.enum(CHANNELS as [string, ...string[]]),
  description: nonEmpty,
  requestedForm: z.enum(['paper', 'electronic', 'inspection', 'other']),
  delivery: z.enum(['post', 'email', 'online', 'pickup', 'fax', 'other']),
});

const answer = z.enum(['consent', 'objection', 'no_answer']);

export const caseEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('registered'),
    ...base,
    submittedOn: date,
    facts,
    receiptReason: z.string().max(500).optional(),
  }),
  z.object({
    kind: z.literal('clarification_requested'),
    ...base,
    items: z.array(nonEmpty).min(1),
    replyWithinDays: z.number().int().optional(),
  }),
  z.object({ kind: z.literal('clarification_received'), ...base }),
  z.object({ kind: z.literal('clarification_lapsed'), ...base }),
  z.object({
    kind: z.literal('third_party_consulted'),
    ...base,
    party: nonEmpty,
    receivedOn: date.optional(),
  }),
  z.object({ kind: z.literal('third_party_replied'), ...base, party: z.string().optional(), answer }),
  z.object({
    kind: z.literal('co_producer_consulted'),
    ...base,
    organ: nonEmpty,
    receivedOn: date.optional(),
  }),
  z.object({ kind: z.literal('co_producer_replied'), ...base, organ: z.string().optional(), answer }),
  z.object({
    kind: z.literal('extended'),
    ...base,
    days: z.number().int(),
    approvedBy: z.string(),
    reason: z.string(),
  }),
  z.object({
    kind: z.literal('fee_notice_issued'),
    ...base,
    method: z.enum(['per_piece', 'per_volume']),
    amountYuan: z.number(),
    receivedOn: date.optional(),
  }),
  z.object({ kind: z.literal('fee_paid'), ...base }),
  z.object({ kind: z.literal('fee_lapsed'), ...base }),
  z.object({ kind: z.literal('withdrawn'), ...base }),
  z.object({
    kind: z.literal('decided'),
    ...base,
    outcome: z.enum(OUTCOMES.map((o) => o.code) as [string, ...string[]]),
    signedBy: z.string().optional(),
    reasons: z.string().optional(),
  }),
  z.object({ kind: z.literal('delivered'), ...base, method: nonEmpty }),
  z.object({ kind: z.literal('reopened'), ...base, reason: nonEmpty }),
]);

const reviewSchema = z.object({
  id: nonEmpty,
  caseId: z.string().optional(),
  kind: z.enum(['review', 'litigation_direct', 'litigation_after_review']),
  filedOn: date,
  concludedOn: date.optional(),
  result: z.enum(['upheld', 'corrected', 'other']).optional(),
});

export const caseFileSchema = z.object({
  id: nonEmpty,
  organ: z.string().optional(),
  events: z.array(caseEventSchema).min(1, { message: '至少要有登记事件' }),
  reviews: z.array(reviewSchema).optional(),
});

export interface CaseFileJson {
  id: string;
  organ?: string;
  events: CaseEvent[];
  reviews?: ReviewCase[];
}

/** Reads one case or an array of cases; returns the cases or the problems, each naming its field. */
export function parseCaseFiles(json: unknown): { cases: CaseFileJson[]; errors: string[] } {
  const list = Array.isArray(json) ? json : [json];
  const cases: CaseFileJson[] = [];
  const errors: string[] = [];
  list.forEach((item, i) => {
    const r = caseFileSchema.safeParse(item);
    if (r.success) cases.push(r.data as unknown as CaseFileJson);
    else
      for (const issue of r.error.issues)
        errors.push(`第${i + 1}个案件 ${issue.path.join('.') || '（整体）'}：${issue.message}`);
  });
  return { cases, errors };
}
