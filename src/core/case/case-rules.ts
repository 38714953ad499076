/**
 * The statutory periods, as data. Each is a rule (unit + amount) with its article, so an organ (or a later
 * amendment) can change them without touching code. Defaults follow the 条例 (国务院令第711号).
 */
export interface CaseRules {
  /** 条例第三十三条第二款: reply within 20 working days of receipt */
  replyDays: number;
  /** 条例第三十三条第二款: one extension of at most 20 working days, with the head's consent */
  maxExtensionDays: number;
  /** 条例第三十条: 补正告知 within 7 working days of receipt, once */
  clarificationNoticeDays: number;
  /**
   * Period given to the applicant to supply the 补正. The 条例 sets none; the organ states a reasonable one in
   * the notice. Default 15 working days [configurable; not fixed by the statute].
   */
  clarificationReplyDays: number;
  /** 条例第三十二条: the third party answers within 15 working days of receiving the request */
  thirdPartyDays: number;
  /** 条例第三十四条: a co-producing organ answers within 15 working days */
  coProducerDays: number;
  /** 国办函〔2020〕109号: pay within 20 working days from the day after receiving the fee notice */
  feePaymentDays: number;
  /**
   * 条例第三十一条 does not say what happens to a submission on a non-working day; the default treats it as
   * received on the next working day [configurable].
   */
  nonWorkingDaySubmission: 'next_working_day' | 'same_day';
  /** working days left at or below which a case is "due soon" */
  dueSoonDays: number;
}

export const DEFAULT_CASE_RULES: Readonly<CaseRules> = Object.freeze({
  replyDays: 20,
  maxExtensionDays: 20,
  clarificationNoticeDays: 7,
  clarificationReplyDays: 15,
  thirdPartyDays: 15,
  coProducerDays: 15,
  feePaymentDays: 20,
  nonWorkingDaySubmission: 'next_working_day',
  dueSoonDays: 5,
});
