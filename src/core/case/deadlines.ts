/**
 * Every statutory clock of a case, derived from its history and a calendar (never stored), each with its
 * article and an explanation. "Overdue", "due soon" and "days left" need a day, which the caller passes in.
 */
import { type HolidayCalendar, isWorkdayNumber, provisionalReason } from '../calendar/holiday-calendar.js';
import { type IsoDate, dayNumber, isoOf } from '../calendar/iso-date.js';
import { addWorkingDays, cnDate, workingDayNumbersBetween } from '../calendar/working-days.js';
import { type CaseSnapshot, type CaseState, isOpen } from './case-machine.js';
import type { CaseRules } from './case-rules.js';

export type ClockKey =
  | 'reply'
  | 'clarification_notice'
  | 'clarification_reply'
  | 'third_party_reply'
  | 'co_producer_reply'
  | 'fee_payment';

export interface Clock {
  key: ClockKey;
  label: string;
  article: string;
  /** the day the count starts after */
  start: IsoDate;
  /** working days allowed */
  workingDays: number;
  /** the last day, or null while the clock is suspended */
  due: IsoDate | null;
  suspended: boolean;
  /** the day the obligation was met (reply sent, notice given, answer received, fee paid), if it was */
  metOn?: IsoDate;
  /** working days counted so far when suspended */
  counted?: number;
  /**
   * 暂定: a day counted or skipped lies in a year without its State Council notice (only weekends were skipped
   * there), so the due date moves once the notice is entered; `provisionalReason` says which years
   */
  provisional?: true;
  provisionalReason?: string;
  text: string;
}

/** Marks a clock 暂定 when its count passes through a year the calendar has no notice for (the reason joins its text). */
function markProvisional(c: Clock, cal: HolidayCalendar): Clock {
  const why = c.due ? provisionalReason(c.start, c.due, cal) : null;
  if (why) {
    c.provisional = true;
    c.provisionalReason = why;
    c.text += `（暂定：${why}。）`;
  }
  return c;
}

const MAX_WALK = 3 * 366;

/**
 * 条例第三十三条: the reply clock. 20 working days from the day after receipt (or after the corrected
 * application, 条例第三十条), plus an approved extension; working days while a third party or another organ is
 * consulted (条例第三十三条第三款) or a fee notice is outstanding (109号) are not counted.
 */
export function replyClock(s: CaseSnapshot, cal: HolidayCalendar, rules: CaseRules): Clock | null {
  if (!s.clockStart) return null;
  const start = dayNumber(s.clockStart);
  const episodeStart = dayNumber(s.episodes[s.episodes.length - 1]?.start ?? s.clockStart);
  const ext = s.extension && dayNumber(s.extension.on) >= episodeStart ? s.extension.days : 0;
  const total = rules.replyDays + ext;
  const parts: string[] = [
    `自${cnDate(s.clockStart)}${s.clarification?.receivedOn === s.clockStart ? '（收到补正之日）' : ''}的次日起算${rules.replyDays}个工作日（条例第三十三条第二款）`,
  ];
  if (ext) parts.push(`经${s.extension!.approvedBy}同意延长${ext}个工作日`);
  const met = s.concludedOn && dayNumber(s.concludedOn) >= start ? s.concludedOn : undefined;
  if (s.state === 'awaiting_clarification') {
    return {
      key: 'reply',
      label: '答复期限',
      article: '条例第三十条、第三十三条',
      start: s.clockStart,
      workingDays: total,
      due: null,
      suspended: true,
      text: `等待申请人补正：答复期限自收到补正申请之日起重新计算（条例第三十条）`,
    };
  }
  const pauses = s.pauses
    .filter((p) => dayNumber(p.to ?? '9999-12-31') > start)
    .map((p) => ({ from: dayNumber(p.from), to: p.to ? dayNumber(p.to) : Infinity, p }));
  let counted = 0;
  let d = start;
  let excluded = 0;
  for (let i = 0; i < MAX_WALK && counted < total; i++) {
    d++;
    const inPause = pauses.find((x) => d > x.from && d <= x.to);
    if (inPause) {
      if (inPause.to === Infinity) {
        const what =
          inPause.p.kind === 'fee'
            ? '收费通知待缴费'
            : inPause.p.kind === 'third_party'
              ? `征求第三方（${inPause.p.subject}）意见`
              : `征求${inPause.p.subject}意见`;
        parts.push(
          `${what}，自${cnDate(inPause.p.from)}起暂停计算，已计${counted}个工作日，尚余${total - counted}个工作日`,
        );
        return {
          key: 'reply',
          label: '答复期限',
          article: '条例第三十三条',
          start: s.clockStart,
          workingDays: total,
          due: null,
          suspended: true,
          counted,
          text: parts.join('；') + '。',
        };
      }
      if (isWorkdayNumber(d, cal)) excluded++;
      continue;
    }
    if (isWorkdayNumber(d, cal)) counted++;
  }
  for (const x of pauses) {
    if (x.to === Infinity) continue;
    const what =
      x.p.kind === 'fee'
        ? '收费通知至缴费'
        : x.p.kind === 'third_party'
          ? `征求第三方（${x.p.subject}）意见`
          : `征求${x.p.subject}意见`;
    parts.push(
      `${what}期间（${cnDate(x.p.from)}至${cnDate(x.p.to!)}）不计算在内（${x.p.kind === 'fee' ? '国办函〔2020〕109号' : '条例第三十三条第三款'}）`,
    );
  }
  if (excluded) parts.push(`共扣除${excluded}个工作日`);
  const due = isoOf(d);
  parts.push(`截止${cnDate(due)}`);
  if (met)
    parts.push(
      dayNumber(met) <= d
        ? `已于${cnDate(met)}答复`
        : `${cnDate(met)}才答复，逾期${workingDayNumbersBetween(d, dayNumber(met), cal)}个工作日`,
    );
  const clock: Clock = {
    key: 'reply',
    label: '答复期限',
    article: ext ? '条例第三十三条第二款（已延期）' : '条例第三十三条第二款',
    start: s.clockStart,
    workingDays: total,
    due,
    suspended: false,
    text: parts.join('；') + '。',
  };
  if (met) clock.metOn = met;
  return markProvisional(clock, cal);
}

/** Every clock of a case: reply, 补正 notice and reply, consultations, fee payment. */
export function caseClocks(s: CaseSnapshot, cal: HolidayCalendar, rules: CaseRules): Clock[] {
  const out: Clock[] = [];
  const reply = replyClock(s, cal, rules);
  if (reply) out.push(reply);
  if (s.receivedOn) {
    // 条例第三十条: 补正告知 within 7 working days of receipt
    const due = addWorkingDays(s.receivedOn, rules.clarificationNoticeDays, cal);
    const c: Clock = {
      key: 'clarification_notice',
      label: '补正告知期限',
      article: '条例第三十条',
      start: s.receivedOn,
      workingDays: rules.clarificationNoticeDays,
      due,
      suspended: false,
      text: `申请内容不明确的，应自${cnDate(s.receivedOn)}的次日起${rules.clarificationNoticeDays}个工作日内（${cnDate(due)}前）一次性告知补正。${s.clarification ? `已于${cnDate(s.clarification.requestedOn)}告知。` : ''}`,
    };
    if (s.clarification) c.metOn = s.clarification.requestedOn;
    out.push(markProvisional(c, cal));
  }
  if (s.clarification) {
    const c = s.clarification;
    const due = addWorkingDays(c.requestedOn, c.replyWithinDays, cal);
    const clock: Clock = {
      key: 'clarification_reply',
      label: '申请人补正期限',
      article: '条例第三十条',
      start: c.requestedOn,
      workingDays: c.replyWithinDays,
      due,
      suspended: false,
      text: `补正告知书给予${c.replyWithinDays}个工作日，截止${cnDate(due)}；逾期无正当理由不补正的，视为放弃申请（条例第三十条）。${c.receivedOn ? `已于${cnDate(c.receivedOn)}补正。` : ''}`,
    };
    if (c.receivedOn) clock.metOn = c.receivedOn;
    out.push(markProvisional(clock, cal));
  }
  for (const p of s.pauses) {
    if (p.kind === 'fee') continue;
    const days = p.kind === 'third_party' ? rules.thirdPartyDays : rules.coProducerDays;
    const due = addWorkingDays(p.receivedOn, days, cal);
    const article = p.kind === 'third_party' ? '条例第三十二条' : '条例第三十四条';
    const clock: Clock = {
      key: p.kind === 'third_party' ? 'third_party_reply' : 'co_producer_reply',
      label: p.kind === 'third_party' ? `第三方（${p.subject}）答复期限` : `${p.subject}答复期限`,
      article,
      start: p.receivedOn,
      workingDays: days,
      due,
      suspended: false,
      text: `自对方收到征求意见书（${cnDate(p.receivedOn)}）的次日起${days}个工作日内答复，截止${cnDate(due)}；${p.kind === 'third_party' ? '逾期未提出意见的，由行政机关依照条例规定决定是否公开' : '逾期未答复的视为同意公开'}（${article}）。${p.to ? `已于${cnDate(p.to)}答复。` : ''}`,
    };
    if (p.to) clock.metOn = p.to;
    out.push(markProvisional(clock, cal));
  }
  if (s.fee) {
    const due = addWorkingDays(s.fee.receivedOn, rules.feePaymentDays, cal);
    const clock: Clock = {
      key: 'fee_payment',
      label: '缴费期限',
      article: '国办函〔2020〕109号',
      start: s.fee.receivedOn,
      workingDays: rules.feePaymentDays,
      due,
      suspended: false,
      text: `自收到收费通知（${cnDate(s.fee.receivedOn)}）的次日起${rules.feePaymentDays}个工作日内缴纳${s.fee.amountYuan}元，截止${cnDate(due)}；逾期未缴纳的视为放弃申请。${s.fee.paidOn ? `已于${cnDate(s.fee.paidOn)}缴纳。` : ''}`,
    };
    if (s.fee.paidOn) clock.metOn = s.fee.paidOn;
    out.push(markProvisional(clock, cal));
  }
  return out;
}

export interface CaseStatus {
  state: CaseState;
  /** the reply due date, or null while suspended / not registered */
  due: IsoDate | null;
  /** working days from `today` to the due date (negative when overdue), or null */
  daysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
  suspended: boolean;
  /** decided after the due date */
  answeredLate: boolean;
  /** the due date is 暂定 (see Clock.provisional), and why */
  provisional: boolean;
  provisionalReason: string | null;
}

/** The status of a case on a given day. */
export function caseStatus(
  s: CaseSnapshot,
  today: IsoDate,
  cal: HolidayCalendar,
  rules: CaseRules,
): CaseStatus {
  const reply = replyClock(s, cal, rules);
  const due = reply?.due ?? null;
  const open = isOpen(s.state);
  let daysLeft: number | null = null;
  if (due && open) {
    const t = dayNumber(today);
    const dd = dayNumber(due);
    daysLeft = t <= dd ? workingDayNumbersBetween(t, dd, cal) : -workingDayNumbersBetween(dd, t, cal);
  }
  const overdue = open && !!due && dayNumber(today) > dayNumber(due);
  const answeredLate = !open && !!reply?.metOn && !!due && dayNumber(reply.metOn) > dayNumber(due);
  return {
    state: s.state,
    due,
    daysLeft,
    overdue,
    dueSoon: open && !overdue && daysLeft !== null && daysLeft <= rules.dueSoonDays,
    suspended: !!reply?.suspended,
    answeredLate,
    provisional: !!reply?.provisional,
    provisionalReason: reply?.provisionalReason ?? null,
  };
}

export interface DeadlineChange {
  id: string;
  before: IsoDate | null;
  after: IsoDate | null;
}

/** After a calendar change: the running cases whose reply due date moved. */
export function changedDeadlines(
  cases: readonly { id: string; snapshot: CaseSnapshot }[],
  before: HolidayCalendar,
  after: HolidayCalendar,
  rules: CaseRules,
): DeadlineChange[] {
  const out: DeadlineChange[] = [];
  for (const c of cases) {
    if (!isOpen(c.snapshot.state)) continue;
    const a = replyClock(c.snapshot, before, rules)?.due ?? null;
    const b = replyClock(c.snapshot, after, rules)?.due ?? null;
    if (a !== b) out.push({ id: c.id, before: a, after: b });
  }
  return out;
}
