/**
 * Case events: the append-only history of a case. Every change of state is one of these, with the day it
 * happened (`on`, ISO) and who did it (`by`, optional in imports).
 */
import type { IsoDate } from '../calendar/iso-date.js';
import type { CaseFacts, OutcomeCode } from './case-model.js';

interface Base {
  on: IsoDate;
  /** the staff account (or `applicant`, `system`) that recorded it */
  by?: string;
  note?: string;
}

export type CaseEvent =
  /**
   * 条例第二十九条、第三十一条: registered; `on` is the receipt date, `submittedOn` the day it was sent,
   * `receiptReason` why `on` is the receipt date (e.g. signed for on a Saturday, counted from Monday)
   */
  | (Base & { kind: 'registered'; submittedOn: IsoDate; facts: CaseFacts; receiptReason?: string })
  /** 条例第三十条: 补正告知 (once, listing everything to correct) */
  | (Base & { kind: 'clarification_requested'; items: string[]; replyWithinDays?: number })
  /** 条例第三十条: the corrected application arrived; the reply period runs again from this day */
  | (Base & { kind: 'clarification_received' })
  /** 条例第三十条: no correction in time → treated as abandoned (其他处理 1) */
  | (Base & { kind: 'clarification_lapsed' })
  /** 条例第三十二条: written consultation of a third party; `receivedOn` when the third party got it */
  | (Base & { kind: 'third_party_consulted'; party: string; receivedOn?: IsoDate })
  | (Base & { kind: 'third_party_replied'; party?: string; answer: 'consent' | 'objection' | 'no_answer' })
  /** 条例第三十四条: consultation of another organ that made the information jointly */
  | (Base & { kind: 'co_producer_consulted'; organ: string; receivedOn?: IsoDate })
  | (Base & { kind: 'co_producer_replied'; organ?: string; answer: 'consent' | 'objection' | 'no_answer' })
  /** 条例第三十三条第二款: one extension, at most 20 working days, approved by the head of the 工作机构 */
  | (Base & { kind: 'extended'; days: number; approvedBy: string; reason: string })
  /** 国办函〔2020〕109号: fee notice (按件 or 按量, never both); `receivedOn` when the applicant got it */
  | (Base & {
      kind: 'fee_notice_issued';
      method: 'per_piece' | 'per_volume';
      amountYuan: number;
      receivedOn?: IsoDate;
    })
  | (Base & { kind: 'fee_paid' })
  /** 109号: not paid in time → treated as abandoned (其他处理 2) */
  | (Base & { kind: 'fee_lapsed' })
  /** the applicant withdrew the application (其他处理 3) */
  | (Base & { kind: 'withdrawn' })
  /** the decision: exactly one outcome row; `signedBy` the head who signed the reply */
  | (Base & { kind: 'decided'; outcome: OutcomeCode; signedBy?: string; reasons?: string })
  | (Base & { kind: 'delivered'; method: string })
  /** handling starts again (e.g. a 行政复议 decision ordered a new reply) */
  | (Base & { kind: 'reopened'; reason: string });

export type CaseEventKind = CaseEvent['kind'];
