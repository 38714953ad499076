/**
 * 条例第三十一条: the day an application counts as received, by channel.
 */
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { type IsoDate, isIsoDate } from '../calendar/iso-date.js';
import { cnDate, isWorkday, nextWorkdayOnOrAfter } from '../calendar/working-days.js';
import type { Channel } from './case-model.js';
import type { CaseRules } from './case-rules.js';

export interface ReceiptInput {
  channel: Channel;
  /** the day the applicant handed in, posted, sent or submitted it */
  submittedOn: IsoDate;
  /** 信函: the day the organ signed for it */
  signedOn?: IsoDate;
  /** the day organ and applicant confirmed it (internet, fax, e-mail; ordinary mail needing no signature) */
  confirmedOn?: IsoDate;
}

export interface ReceiptDate {
  receivedOn: IsoDate;
  text: string;
}

/** The receipt date and why. Returns null when a date is invalid. */
export function receiptDate(input: ReceiptInput, cal: HolidayCalendar, rules: CaseRules): ReceiptDate | null {
  if (!isIsoDate(input.submittedOn)) return null;
  for (const d of [input.signedOn, input.confirmedOn]) if (d !== undefined && !isIsoDate(d)) return null;
  let day: IsoDate;
  let why: string;
  switch (input.channel) {
    case 'in_person':
      day = input.submittedOn;
      why = '当面提交的，以提交之日为收到申请之日（条例第三十一条第（一）项）';
      break;
    case 'letter':
      if (input.signedOn) {
        day = input.signedOn;
        why = '以邮寄方式提交的，以行政机关签收之日为收到申请之日（条例第三十一条第（二）项）';
      } else {
        day = input.confirmedOn ?? input.submittedOn;
        why =
          '以平常信函等无需签收的方式提交的，以与申请人确认之日为收到申请之日（条例第三十一条第（二）项）';
      }
      break;
    default:
      day = input.confirmedOn ?? input.submittedOn;
      why = '通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）';
  }
  let text = `${why}：${cnDate(day)}`;
  if (!isWorkday(day, cal) && rules.nonWorkingDaySubmission === 'next_working_day') {
    const next = nextWorkdayOnOrAfter(day, cal);
    text += `；该日不是工作日，按本机关规定自下一个工作日${cnDate(next)}起视为收到`;
    day = next;
  }
  return { receivedOn: day, text: text + '。' };
}
