/**
 * Random valid case histories: each step picks an event the transition table allows from the current state,
 * with lawful parameters and increasing dates, and keeps it only if the machine accepts it.
 */
import type { HolidayCalendar } from '../../src/core/calendar/holiday-calendar.js';
import { addDays, dayNumber } from '../../src/core/calendar/iso-date.js';
import { addWorkingDays } from '../../src/core/calendar/working-days.js';
import {
  type CaseSnapshot,
  type MachineContext,
  EMPTY_CASE,
  allowedEvents,
  transition,
} from '../../src/core/case/case-machine.js';
import type { CaseEvent } from '../../src/core/case/case-event.js';
import { APPLICANT_TYPES, CHANNELS, OUTCOMES } from '../../src/core/case/case-model.js';
import type { ReviewCase, ReviewKind } from '../../src/core/case/case-statistics.js';
import { rng } from './random-report.js';

const DECIDABLE = OUTCOMES.filter((o) => !o.byEventOnly).map((o) => o.code);

export function randomHistory(
  seed: number,
  ctx: MachineContext,
  firstDay = '2019-06-01',
  spanDays = 365 * 6,
): { events: CaseEvent[]; snapshot: CaseSnapshot } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const start = addDays(firstDay, Math.floor(r() * spanDays));
  let s = EMPTY_CASE;
  const events: CaseEvent[] = [];
  let day = start;
  const push = (ev: CaseEvent): boolean => {
    const res = transition(s, ev, ctx);
    if (!res.ok) return false;
    s = res.snapshot;
    events.push(ev);
    return true;
  };
  push({
    kind: 'registered',
    on: day,
    submittedOn: day,
    facts: {
      applicant: { type: pick(APPLICANT_TYPES), name: `申请人${seed}` },
      channel: pick(CHANNELS),
      description: '某项政府信息',
      requestedForm: 'electronic',
      delivery: 'email',
    },
  });
  const steps = 1 + Math.floor(r() * 9);
  for (let i = 0; i < steps; i++) {
    const options = allowedEvents(s.state);
    if (!options.length) break;
    const kind = pick(options);
    day = addDays(day, Math.floor(r() * 25));
    let ev: CaseEvent | null = null;
    switch (kind) {
      case 'clarification_requested':
        ev = { kind, on: day, items: ['请明确所需信息'], replyWithinDays: 10 + Math.floor(r() * 10) };
        break;
      case 'clarification_received':
        ev = { kind, on: day };
        break;
      case 'clarification_lapsed':
        day = addWorkingDays(
          addWorkingDays(s.clarification!.requestedOn, s.clarification!.replyWithinDays, ctx.calendar),
          1,
          ctx.calendar,
        );
        ev = {
          kind,
          on: dayNumber(day) < dayNumber(events[events.length - 1]!.on) ? events[events.length - 1]!.on : day,
        };
        break;
      case 'third_party_consulted':
        ev = { kind, on: day, party: pick(['甲公司', '乙合作社', '丙某']) };
        break;
      case 'third_party_replied':
        ev = { kind, on: day, answer: pick(['consent', 'objection', 'no_answer'] as const) };
        break;
      case 'co_producer_consulted':
        ev = { kind, on: day, organ: '县某局' };
        break;
      case 'co_producer_replied':
        ev = { kind, on: day, answer: 'consent' };
        break;
      case 'extended':
        ev = { kind, on: day, days: 1 + Math.floor(r() * 20), approvedBy: '负责人', reason: '情况复杂' };
        break;
      case 'fee_notice_issued':
        ev = { kind, on: day, method: pick(['per_piece', 'per_volume'] as const), amountYuan: 100 };
        break;
      case 'fee_paid':
        ev = { kind, on: day };
        break;
      case 'fee_lapsed':
        day = addWorkingDays(s.fee!.receivedOn, 21, ctx.calendar);
        ev = {
          kind,
          on: dayNumber(day) < dayNumber(events[events.length - 1]!.on) ? events[events.length - 1]!.on : day,
        };
        break;
      case 'withdrawn':
        ev = { kind, on: day };
        break;
      case 'decided':
        ev = { kind, on: day, outcome: pick(DECIDABLE) };
        break;
      case 'delivered':
        ev = { kind, on: day, method: '邮寄' };
        break;
      case 'reopened':
        ev = { kind, on: day, reason: '复议决定责令重新答复' };
        break;
      default:
        ev = null;
    }
    if (ev) push(ev);
    day = events[events.length - 1]!.on;
  }
  return { events, snapshot: s };
}

export function randomReviews(
  seed: number,
  n: number,
  firstDay = '2019-06-01',
  spanDays = 365 * 6,
): ReviewCase[] {
  const r = rng(seed);
  const kinds: ReviewKind[] = ['review', 'litigation_direct', 'litigation_after_review'];
  return Array.from({ length: n }, (_, i) => {
    const filedOn = addDays(firstDay, Math.floor(r() * spanDays));
    const rc: ReviewCase = { id: `R${seed}-${i}`, kind: kinds[Math.floor(r() * 3)]!, filedOn };
    if (r() < 0.8) {
      rc.concludedOn = addDays(filedOn, Math.floor(r() * 200));
      rc.result = (['upheld', 'corrected', 'other'] as const)[Math.floor(r() * 3)]!;
    }
    return rc;
  });
}

export type { HolidayCalendar };
