/**
 * The one module that changes a case's state: a transition table (data) and `transition`, which checks an event
 * against the table and the statutory guards and returns the new snapshot, or a refusal. `replay` folds a whole
 * history. Nothing here reads a clock: "overdue" and "days left" are derived in deadlines.ts from a given day.
 */
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { type IsoDate, dayNumber, isIsoDate } from '../calendar/iso-date.js';
import { addWorkingDays, cnDate } from '../calendar/working-days.js';
import type { CaseEvent, CaseEventKind } from './case-event.js';
import { type CaseFacts, type OutcomeCode, findOutcome } from './case-model.js';
import type { CaseRules } from './case-rules.js';
// deadlines imports this module's types and isOpen; both are only used at call time, so the cycle is harmless
import { replyClock } from './deadlines.js';

/** Where a case stands. Stored verbatim in snake_case. */
export type CaseState =
  | 'new'
  | 'registered'
  | 'awaiting_clarification'
  | 'consulting'
  | 'awaiting_fee'
  | 'decided'
  | 'closed'
  | 'delivered';

/** Who may record an event. */
export type Actor = 'clerk' | 'head' | 'admin' | 'applicant' | 'system';

export interface TransitionRow {
  event: CaseEventKind;
  from: readonly CaseState[];
  /** the state after, or `resume` to go back to handling (or stay consulting while consultations are open) */
  to: CaseState | 'resume' | 'same';
  actors: readonly Actor[];
  article: string;
  label: string;
}

const OPEN: readonly CaseState[] = ['registered', 'awaiting_clarification', 'consulting', 'awaiting_fee'];

/** The transition table: the whole life of a case. */
export const TRANSITIONS: readonly TransitionRow[] = [
  {
    event: 'registered',
    from: ['new'],
    to: 'registered',
    actors: ['clerk', 'applicant', 'system'],
    article: '条例第二十九条、第三十一条',
    label: '登记',
  },
  {
    event: 'clarification_requested',
    from: ['registered'],
    to: 'awaiting_clarification',
    actors: ['clerk', 'head'],
    article: '条例第三十条',
    label: '补正告知',
  },
  {
    event: 'clarification_received',
    from: ['awaiting_clarification'],
    to: 'registered',
    actors: ['clerk', 'head', 'applicant'],
    article: '条例第三十条',
    label: '收到补正',
  },
  {
    event: 'clarification_lapsed',
    from: ['awaiting_clarification'],
    to: 'closed',
    actors: ['clerk', 'head', 'system'],
    article: '条例第三十条',
    label: '逾期未补正',
  },
  {
    event: 'third_party_consulted',
    from: ['registered', 'consulting'],
    to: 'consulting',
    actors: ['clerk', 'head'],
    article: '条例第三十二条',
    label: '征求第三方意见',
  },
  {
    event: 'third_party_replied',
    from: ['consulting'],
    to: 'resume',
    actors: ['clerk', 'head'],
    article: '条例第三十二条',
    label: '第三方答复',
  },
  {
    event: 'co_producer_consulted',
    from: ['registered', 'consulting'],
    to: 'consulting',
    actors: ['clerk', 'head'],
    article: '条例第三十四条',
    label: '征求共同制作机关意见',
  },
  {
    event: 'co_producer_replied',
    from: ['consulting'],
    to: 'resume',
    actors: ['clerk', 'head'],
    article: '条例第三十四条',
    label: '共同制作机关答复',
  },
  {
    event: 'extended',
    from: ['registered', 'consulting'],
    to: 'same',
    actors: ['head'],
    article: '条例第三十三条第二款',
    label: '延期答复',
  },
  {
    event: 'fee_notice_issued',
    from: ['registered'],
    to: 'awaiting_fee',
    actors: ['clerk', 'head'],
    article: '条例第四十二条；国办函〔2020〕109号',
    label: '收费通知',
  },
  {
    event: 'fee_paid',
    from: ['awaiting_fee'],
    to: 'registered',
    actors: ['clerk', 'head', 'applicant'],
    article: '国办函〔2020〕109号',
    label: '缴费',
  },
  {
    event: 'fee_lapsed',
    from: ['awaiting_fee'],
    to: 'closed',
    actors: ['clerk', 'head', 'system'],
    article: '国办函〔2020〕109号',
    label: '逾期未缴费',
  },
  {
    event: 'withdrawn',
    from: OPEN,
    to: 'closed',
    actors: ['clerk', 'head', 'applicant'],
    article: '条例第三十三条',
    label: '撤回申请',
  },
  {
    event: 'decided',
    from: ['registered'],
    to: 'decided',
    actors: ['head'],
    article: '条例第三十六条至第三十九条',
    label: '作出答复',
  },
  {
    event: 'delivered',
    from: ['decided', 'closed'],
    to: 'delivered',
    actors: ['clerk', 'head'],
    article: '条例第四十条',
    label: '送达',
  },
  {
    event: 'reopened',
    from: ['decided', 'closed', 'delivered'],
    to: 'registered',
    actors: ['head', 'admin'],
    article: '条例第五十一条（行政复议、行政诉讼后重新答复）',
    label: '重新办理',
  },
];

/** A handling episode: from receipt (or reopening) to its one outcome. */
export interface Episode {
  /** receipt date, or the reopening date */
  start: IsoDate;
  concludedOn?: IsoDate;
  outcome?: OutcomeCode;
}

export interface Pause {
  kind: 'third_party' | 'co_producer' | 'fee';
  /** the day the request/notice was sent: days after it are not counted */
  from: IsoDate;
  /** the day the answer/payment came (that day is not counted either); undefined while open */
  to?: IsoDate;
  /** who is consulted, or the fee amount */
  subject: string;
  /** when the other side received it (third party, applicant) */
  receivedOn: IsoDate;
}

export interface CaseWarning {
  code: string;
  message: string;
  on: IsoDate;
}

/** Everything the history implies. Derived, never stored. Every key is always present (a fixed shape). */
export interface CaseSnapshot {
  state: CaseState;
  facts: CaseFacts | undefined;
  submittedOn: IsoDate | undefined;
  receivedOn: IsoDate | undefined;
  /** the day the current reply period started: receipt, a received 补正, or a reopening */
  clockStart: IsoDate | undefined;
  clarification:
    | {
        requestedOn: IsoDate;
        items: string[];
        replyWithinDays: number;
        receivedOn?: IsoDate;
        lapsedOn?: IsoDate;
      }
    | undefined;
  extension: { on: IsoDate; days: number; approvedBy: string; reason: string } | undefined;
  fee:
    | {
        on: IsoDate;
        method: 'per_piece' | 'per_volume';
        amountYuan: number;
        receivedOn: IsoDate;
        paidOn?: IsoDate;
        lapsedOn?: IsoDate;
      }
    | undefined;
  pauses: Pause[];
  episodes: Episode[];
  outcome: OutcomeCode | undefined;
  concludedOn: IsoDate | undefined;
  deliveredOn: IsoDate | undefined;
  /** lawful but noteworthy, or unlawful facts the record keeps (e.g. a late 补正告知) */
  warnings: CaseWarning[];
  history: CaseEvent[];
  /** the date of the last event (events are appended in date order) */
  lastOn: IsoDate | undefined;
}

/** A shallow copy with the same fixed shape (much faster than object spread on this hot path). */
function copy(s: CaseSnapshot): CaseSnapshot {
  return {
    state: s.state,
    facts: s.facts,
    submittedOn: s.submittedOn,
    receivedOn: s.receivedOn,
    clockStart: s.clockStart,
    clarification: s.clarification,
    extension: s.extension,
    fee: s.fee,
    pauses: s.pauses,
    episodes: s.episodes,
    outcome: s.outcome,
    concludedOn: s.concludedOn,
    deliveredOn: s.deliveredOn,
    warnings: s.warnings,
    history: s.history,
    lastOn: s.lastOn,
  };
}

export interface TransitionError {
  code: string;
  message: string;
}

export type TransitionResult =
  | { ok: true; snapshot: CaseSnapshot; row: TransitionRow }
  | { ok: false; error: TransitionError };

export interface MachineContext {
  calendar: HolidayCalendar;
  rules: CaseRules;
  /** who records the event; omitted in imports (any actor the table allows) */
  actor?: Actor;
}

export const EMPTY_CASE: CaseSnapshot = Object.freeze({
  state: 'new',
  facts: undefined,
  submittedOn: undefined,
  receivedOn: undefined,
  clockStart: undefined,
  clarification: undefined,
  extension: undefined,
  fee: undefined,
  pauses: [],
  episodes: [],
  outcome: undefined,
  concludedOn: undefined,
  deliveredOn: undefined,
  warnings: [],
  history: [],
  lastOn: undefined,
}) as CaseSnapshot;

const refuse = (code: string, message: string): TransitionResult => ({ ok: false, error: { code, message } });

/** The table row for an event from a state, if any. */
export function findTransition(state: CaseState, event: CaseEventKind): TransitionRow | undefined {
  return TRANSITIONS.find((t) => t.event === event && t.from.includes(state));
}

/** Whether an actor may record an event in a state (the same question the web layer asks). */
export function canRecord(state: CaseState, event: CaseEventKind, actor: Actor): boolean {
  const row = findTransition(state, event);
  return !!row && row.actors.includes(actor);
}

/** Events allowed next from a state for an actor. */
export function allowedEvents(state: CaseState, actor?: Actor): CaseEventKind[] {
  return TRANSITIONS.filter((t) => t.from.includes(state) && (!actor || t.actors.includes(actor))).map(
    (t) => t.event,
  );
}

/** One event the transition table allows an actor in the current state, and whether it can be taken today. */
export interface AvailableEvent {
  event: CaseEventKind;
  row: TransitionRow;
  /** `transition()` accepts a probe of this event dated `today` */
  ok: boolean;
  /** the refusal of that probe (stable code and message), when not ok */
  error: TransitionError | undefined;
}

const TBD = '（待填写）';

/**
 * A probe of each event dated `on`, with placeholders for what a form supplies (items, names, reasons …), so that
 * only the guards that depend on the history and the day can refuse it.
 */
const PROBE: { [K in CaseEventKind]: (on: IsoDate) => Extract<CaseEvent, { kind: K }> } = {
  registered: (on) => ({
    kind: 'registered',
    on,
    submittedOn: on,
    facts: {
      applicant: { type: 'natural_person', name: TBD },
      channel: 'in_person',
      description: TBD,
      requestedForm: 'paper',
      delivery: 'pickup',
    },
  }),
  clarification_requested: (on) => ({ kind: 'clarification_requested', on, items: [TBD] }),
  clarification_received: (on) => ({ kind: 'clarification_received', on }),
  clarification_lapsed: (on) => ({ kind: 'clarification_lapsed', on }),
  third_party_consulted: (on) => ({ kind: 'third_party_consulted', on, party: TBD }),
  third_party_replied: (on) => ({ kind: 'third_party_replied', on, answer: 'no_answer' }),
  co_producer_consulted: (on) => ({ kind: 'co_producer_consulted', on, organ: TBD }),
  co_producer_replied: (on) => ({ kind: 'co_producer_replied', on, answer: 'no_answer' }),
  extended: (on) => ({ kind: 'extended', on, days: 1, approvedBy: TBD, reason: TBD }),
  fee_notice_issued: (on) => ({ kind: 'fee_notice_issued', on, method: 'per_piece', amountYuan: 1 }),
  fee_paid: (on) => ({ kind: 'fee_paid', on }),
  fee_lapsed: (on) => ({ kind: 'fee_lapsed', on }),
  withdrawn: (on) => ({ kind: 'withdrawn', on }),
  decided: (on) => ({ kind: 'decided', on, outcome: 'disclosed' }),
  delivered: (on) => ({ kind: 'delivered', on, method: TBD }),
  reopened: (on) => ({ kind: 'reopened', on, reason: TBD }),
};

/**
 * A dry run of the transition table: every event the table allows `actor` from the snapshot's state (in table
 * order), each probed through `transition()` on `today`, so the same guards decide — e.g. 条例第三十三条第二款
 * (extend once, only while the reply period runs), 条例第三十条 (补正 once; lapse only after its period). Guards
 * on form data (names, reasons, amounts) are passed by placeholders; the real event is checked again when recorded.
 *
 * @example availableEvents(snapshot, 'head', { calendar, rules, today: '2024-03-04' }).filter((a) => a.ok)
 */
export function availableEvents(
  s: CaseSnapshot,
  actor: Actor,
  ctx: Omit<MachineContext, 'actor'> & { today: IsoDate },
): AvailableEvent[] {
  const out: AvailableEvent[] = [];
  for (const t of TRANSITIONS) {
    if (out.some((a) => a.event === t.event)) continue;
    const row = findTransition(s.state, t.event);
    if (!row || !row.actors.includes(actor)) continue;
    const r = apply(s, PROBE[t.event](ctx.today), { calendar: ctx.calendar, rules: ctx.rules, actor }, false);
    out.push({ event: t.event, row, ok: r.ok, error: r.ok ? undefined : r.error });
  }
  return out;
}

function episodeClosed(s: CaseSnapshot, e: Episode, on: IsoDate, outcome: OutcomeCode): Episode[] {
  return s.episodes.map((x) => (x === e ? { ...x, concludedOn: on, outcome } : x));
}

/**
 * Applies one event. Returns the new snapshot or a refusal with a stable code and a Chinese message.
 *
 * @example
 * const r = transition(snapshot, { kind: 'extended', on: '2024-02-26', days: 20, approvedBy: '王主任', reason: '…' }, ctx);
 */
export function transition(s: CaseSnapshot, ev: CaseEvent, ctx: MachineContext): TransitionResult {
  return apply(s, ev, ctx, true);
}

/** `transition`, optionally without copying the history (replay appends it once at the end). */
function apply(s: CaseSnapshot, ev: CaseEvent, ctx: MachineContext, copyHistory: boolean): TransitionResult {
  if (!ev || typeof ev !== 'object' || typeof (ev as { kind?: unknown }).kind !== 'string')
    return refuse('event_invalid', '事件格式不正确');
  if (!isIsoDate(ev.on)) return refuse('date_invalid', `日期“${String(ev.on)}”无效，应为YYYY-MM-DD`);
  const row = findTransition(s.state, ev.kind);
  if (!row) {
    const known = TRANSITIONS.some((t) => t.event === ev.kind);
    return known
      ? refuse(
          'transition_not_allowed',
          `当前状态（${STATE_LABEL[s.state]}）下不能“${TRANSITIONS.find((t) => t.event === ev.kind)!.label}”`,
        )
      : refuse('event_unknown', `未知事件“${ev.kind}”`);
  }
  if (ctx.actor && !row.actors.includes(ctx.actor))
    return refuse('actor_not_allowed', `“${row.label}”不能由${ACTOR_LABEL[ctx.actor]}办理`);
  const last = s.lastOn;
  if (last && dayNumber(ev.on) < dayNumber(last))
    return refuse('event_out_of_order', `日期${ev.on}早于上一事件（${last}），案件记录只能按时间顺序追加`);
  const { calendar: cal, rules } = ctx;
  let warnings = s.warnings;
  const episode = s.episodes[s.episodes.length - 1];
  const next = copy(s);
  next.history = copyHistory ? [...s.history, ev] : s.history;
  next.lastOn = ev.on;

  switch (ev.kind) {
    case 'registered': {
      if (!isIsoDate(ev.submittedOn)) return refuse('date_invalid', '提交日期无效');
      if (dayNumber(ev.on) < dayNumber(ev.submittedOn))
        return refuse('receipt_before_submission', '收到日期不能早于提交日期');
      if (!ev.facts || !ev.facts.applicant || !ev.facts.description?.trim())
        return refuse('facts_missing', '缺少申请人或所需信息的描述（条例第二十九条）');
      next.facts = ev.facts;
      next.submittedOn = ev.submittedOn;
      next.receivedOn = ev.on;
      next.clockStart = ev.on;
      next.episodes = [{ start: ev.on }];
      break;
    }
    case 'clarification_requested': {
      // 条例第三十条: 一次性告知 — once per handling
      if (s.clarification && episode && dayNumber(s.clarification.requestedOn) >= dayNumber(episode.start))
        return refuse('clarification_once', '补正只能一次性告知，本次办理已告知过补正（条例第三十条）');
      if (!Array.isArray(ev.items) || ev.items.length === 0 || ev.items.some((x) => !String(x).trim()))
        return refuse('clarification_items_missing', '请逐项写明需要补正的内容（一次性告知）');
      const limit = addWorkingDays(s.receivedOn!, rules.clarificationNoticeDays, cal);
      if (dayNumber(ev.on) > dayNumber(limit))
        warnings = [
          ...warnings,
          {
            code: 'clarification_notice_late',
            on: ev.on,
            message: `补正告知晚于收到申请后${rules.clarificationNoticeDays}个工作日（应不晚于${cnDate(limit)}，条例第三十条）`,
          },
        ];
      const days = ev.replyWithinDays ?? rules.clarificationReplyDays;
      if (!Number.isInteger(days) || days < 1 || days > 60)
        return refuse('clarification_period_invalid', '补正期限应为1到60个工作日');
      next.clarification = { requestedOn: ev.on, items: ev.items.map(String), replyWithinDays: days };
      break;
    }
    case 'clarification_received': {
      // 条例第三十条: 答复期限自收到补正的申请之日起计算
      next.clarification = { ...s.clarification!, receivedOn: ev.on };
      next.clockStart = ev.on;
      break;
    }
    case 'clarification_lapsed': {
      const c = s.clarification!;
      const due = addWorkingDays(c.requestedOn, c.replyWithinDays, cal);
      if (dayNumber(ev.on) <= dayNumber(due))
        return refuse(
          'clarification_not_lapsed',
          `补正期限到${cnDate(due)}才届满，届满前不能按逾期未补正处理（条例第三十条）`,
        );
      next.clarification = { ...c, lapsedOn: ev.on };
      next.outcome = 'other_no_clarification';
      next.concludedOn = ev.on;
      next.episodes = episodeClosed(s, episode!, ev.on, 'other_no_clarification');
      break;
    }
    case 'third_party_consulted':
    case 'co_producer_consulted': {
      const subject = ev.kind === 'third_party_consulted' ? ev.party : ev.organ;
      if (!subject || !String(subject).trim())
        return refuse(
          'consultee_missing',
          ev.kind === 'third_party_consulted' ? '请填写第三方名称' : '请填写共同制作机关名称',
        );
      const receivedOn = ev.receivedOn ?? ev.on;
      if (!isIsoDate(receivedOn) || dayNumber(receivedOn) < dayNumber(ev.on))
        return refuse('date_invalid', '对方收到日期无效');
      next.pauses = [
        ...s.pauses,
        {
          kind: ev.kind === 'third_party_consulted' ? 'third_party' : 'co_producer',
          from: ev.on,
          subject,
          receivedOn,
        },
      ];
      break;
    }
    case 'third_party_replied':
    case 'co_producer_replied': {
      const kind = ev.kind === 'third_party_replied' ? 'third_party' : 'co_producer';
      const who = ev.kind === 'third_party_replied' ? ev.party : ev.organ;
      const idx = s.pauses.findIndex(
        (p) => p.kind === kind && p.to === undefined && (!who || p.subject === who),
      );
      if (idx < 0)
        return refuse(
          'consultation_not_open',
          kind === 'third_party' ? '没有正在征求意见的第三方' : '没有正在征求意见的共同制作机关',
        );
      const pauses = s.pauses.map((p, i) => (i === idx ? { ...p, to: ev.on } : p));
      const stillOpen = pauses.some((p) => p.to === undefined && p.kind !== 'fee');
      next.pauses = pauses;
      next.state = stillOpen ? 'consulting' : 'registered';
      return { ok: true, snapshot: next, row };
    }
    case 'extended': {
      // 条例第三十三条第二款: 延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日
      if (s.extension && episode && dayNumber(s.extension.on) >= dayNumber(episode.start))
        return refuse('extension_once', '答复期限只能延长一次（条例第三十三条）');
      if (!Number.isInteger(ev.days) || ev.days < 1 || ev.days > rules.maxExtensionDays)
        return refuse(
          'extension_too_long',
          `延长期限应为1到${rules.maxExtensionDays}个工作日（条例第三十三条）`,
        );
      if (!ev.approvedBy || !String(ev.approvedBy).trim())
        return refuse('extension_needs_approval', '延期须经政府信息公开工作机构负责人同意（条例第三十三条）');
      if (!ev.reason || !String(ev.reason).trim())
        return refuse('extension_reason_missing', '请写明延期理由');
      // the extension must be decided and notified while the period still runs; afterwards the reply is simply late
      const clock = replyClock(s, ctx.calendar, rules);
      if (clock?.due && dayNumber(ev.on) > dayNumber(clock.due))
        return refuse(
          'extension_too_late',
          `答复期限已于${cnDate(clock.due)}届满，不能再延长；延期应在答复期限内经负责人同意并告知申请人（条例第三十三条第二款）`,
        );
      next.extension = { on: ev.on, days: ev.days, approvedBy: ev.approvedBy, reason: ev.reason };
      break;
    }
    case 'fee_notice_issued': {
      if (s.fee && episode && dayNumber(s.fee.on) >= dayNumber(episode.start))
        return refuse('fee_once', '本次办理已发出过收费通知');
      if (ev.method !== 'per_piece' && ev.method !== 'per_volume')
        return refuse(
          'fee_method_invalid',
          '计收方式只能是按件或按量之一，不得同时按件和按量（国办函〔2020〕109号第三条）',
        );
      if (!(typeof ev.amountYuan === 'number' && ev.amountYuan > 0 && Number.isFinite(ev.amountYuan)))
        return refuse('fee_amount_invalid', '收费金额应大于0');
      const receivedOn = ev.receivedOn ?? ev.on;
      if (!isIsoDate(receivedOn) || dayNumber(receivedOn) < dayNumber(ev.on))
        return refuse('date_invalid', '申请人收到通知的日期无效');
      next.fee = { on: ev.on, method: ev.method, amountYuan: ev.amountYuan, receivedOn };
      next.pauses = [...s.pauses, { kind: 'fee', from: ev.on, subject: `${ev.amountYuan}元`, receivedOn }];
      break;
    }
    case 'fee_paid': {
      next.fee = { ...s.fee!, paidOn: ev.on };
      next.pauses = s.pauses.map((p) => (p.kind === 'fee' && p.to === undefined ? { ...p, to: ev.on } : p));
      break;
    }
    case 'fee_lapsed': {
      // 109号: 自收到收费通知之日的次日起20个工作日内缴纳；逾期视为放弃
      const due = addWorkingDays(s.fee!.receivedOn, rules.feePaymentDays, cal);
      if (dayNumber(ev.on) <= dayNumber(due))
        return refuse('fee_not_lapsed', `缴费期限到${cnDate(due)}才届满（国办函〔2020〕109号）`);
      next.fee = { ...s.fee!, lapsedOn: ev.on };
      next.pauses = s.pauses.map((p) => (p.kind === 'fee' && p.to === undefined ? { ...p, to: ev.on } : p));
      next.outcome = 'other_fee_unpaid';
      next.concludedOn = ev.on;
      next.episodes = episodeClosed(s, episode!, ev.on, 'other_fee_unpaid');
      break;
    }
    case 'withdrawn': {
      next.pauses = s.pauses.map((p) => (p.to === undefined ? { ...p, to: ev.on } : p));
      next.outcome = 'other';
      next.concludedOn = ev.on;
      next.episodes = episodeClosed(s, episode!, ev.on, 'other');
      break;
    }
    case 'decided': {
      const def = findOutcome(ev.outcome);
      if (!def) return refuse('outcome_unknown', `未知的答复类型“${String(ev.outcome)}”`);
      if (def.byEventOnly)
        return refuse(
          'outcome_needs_event',
          `“${def.label}”只能由${def.code === 'other_fee_unpaid' ? '逾期未缴费' : '逾期未补正'}产生，不能直接选择`,
        );
      if (def.code === 'unavailable_unclear_after_clarification' && !s.clarification?.receivedOn)
        return refuse(
          'outcome_needs_clarification',
          '“补正后申请内容仍不明确”须在收到补正之后才能作出（条例第三十条）',
        );
      next.outcome = ev.outcome;
      next.concludedOn = ev.on;
      next.episodes = episodeClosed(s, episode!, ev.on, ev.outcome);
      break;
    }
    case 'delivered': {
      if (!ev.method || !String(ev.method).trim()) return refuse('delivery_method_missing', '请填写送达方式');
      next.deliveredOn = ev.on;
      break;
    }
    case 'reopened': {
      if (!ev.reason || !String(ev.reason).trim())
        return refuse('reopen_reason_missing', '请写明重新办理的原因（如行政复议决定书文号）');
      next.outcome = undefined;
      next.concludedOn = undefined;
      next.deliveredOn = undefined;
      next.clockStart = ev.on;
      next.episodes = [...s.episodes, { start: ev.on }];
      break;
    }
  }
  if (row.to !== 'same' && row.to !== 'resume') next.state = row.to;
  next.warnings = warnings;
  return { ok: true, snapshot: next, row };
}

export interface ReplayResult {
  snapshot: CaseSnapshot;
  /** the first refused event, if any (the snapshot is as of the event before it) */
  error?: TransitionError & { index: number };
}

/** Folds a whole history through `transition`. */
export function replay(events: readonly CaseEvent[], ctx: MachineContext): ReplayResult {
  let s = EMPTY_CASE;
  for (let i = 0; i < events.length; i++) {
    const r = apply(s, events[i]!, ctx, false);
    if (!r.ok) {
      const out = copy(s);
      out.history = events.slice(0, i);
      return { snapshot: out, error: { ...r.error, index: i } };
    }
    s = r.snapshot;
  }
  const out = copy(s);
  out.history = events.slice();
  return { snapshot: out };
}

export const STATE_LABEL: Readonly<Record<CaseState, string>> = {
  new: '未登记',
  registered: '办理中',
  awaiting_clarification: '待补正',
  consulting: '征求意见中',
  awaiting_fee: '待缴费',
  decided: '已答复',
  closed: '已终止',
  delivered: '已送达',
};

export const ACTOR_LABEL: Readonly<Record<Actor, string>> = {
  clerk: '经办人',
  head: '审核人/负责人',
  admin: '管理员',
  applicant: '申请人',
  system: '系统',
};

/** True for states in which the reply clock is or may be running. */
export function isOpen(state: CaseState): boolean {
  return OPEN.includes(state);
}
