/**
 * The case engine: each clock segment and their combinations, named after their articles, with literal dates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../src/core/calendar/holiday-calendar.js';
import { nationalCalendarEntries } from '../../src/adapters/calendar/chinese-days-seed.js';
import {
  type Actor,
  type CaseSnapshot,
  type MachineContext,
  TRANSITIONS,
  allowedEvents,
  availableEvents,
  canRecord,
  replay,
  transition,
} from '../../src/core/case/case-machine.js';
import type { CaseEvent } from '../../src/core/case/case-event.js';
import { DEFAULT_CASE_RULES } from '../../src/core/case/case-rules.js';
import { caseClocks, caseStatus, changedDeadlines, replyClock } from '../../src/core/case/deadlines.js';
import { outcomeRow, type CaseFacts } from '../../src/core/case/case-model.js';
import { receiptDate } from '../../src/core/case/receipt-date.js';
import { perPieceFee, perVolumeFee } from '../../src/core/case/fees.js';

const cal = createCalendar(nationalCalendarEntries());
const rules = DEFAULT_CASE_RULES;
const ctx: MachineContext = { calendar: cal, rules };
const facts: CaseFacts = {
  applicant: { type: 'natural_person', name: '张三', idNumber: '110101199001011234', phone: '13800000000' },
  channel: 'online',
  description: '2023年本镇农村危房改造补助发放名单',
  requestedForm: 'electronic',
  delivery: 'email',
};
const reg = (on: string): CaseEvent => ({ kind: 'registered', on, submittedOn: on, facts });

function run(events: CaseEvent[]): CaseSnapshot {
  const r = replay(events, ctx);
  assert.equal(
    r.error,
    undefined,
    r.error ? `${r.error.code}: ${r.error.message} (event ${r.error.index})` : '',
  );
  return r.snapshot;
}
const due = (s: CaseSnapshot) => replyClock(s, cal, rules)!.due;

test('条例第三十三条第二款: reply within 20 working days counted from the day after receipt', () => {
  const s = run([reg('2024-02-01')]);
  assert.equal(s.state, 'registered');
  assert.equal(due(s), '2024-03-05');
  const st = caseStatus(s, '2024-02-29', cal, rules);
  assert.deepEqual([st.daysLeft, st.dueSoon, st.overdue], [3, true, false]);
  const late = caseStatus(s, '2024-03-06', cal, rules);
  assert.deepEqual([late.daysLeft, late.overdue], [-1, true]);
  assert.equal(caseStatus(s, '2024-02-05', cal, rules).dueSoon, false);
});

test('条例第三十条: 补正 notice within 7 working days; the reply period runs again from receipt of the correction', () => {
  const s = run([
    reg('2024-03-04'),
    { kind: 'clarification_requested', on: '2024-03-08', items: ['请明确所需信息的年份和村名'] },
  ]);
  assert.equal(s.state, 'awaiting_clarification');
  assert.equal(replyClock(s, cal, rules)!.suspended, true);
  assert.equal(caseClocks(s, cal, rules).find((c) => c.key === 'clarification_notice')!.due, '2024-03-13');
  assert.equal(caseClocks(s, cal, rules).find((c) => c.key === 'clarification_reply')!.due, '2024-03-29');
  assert.equal(s.warnings.length, 0);
  const s2 = run([...s.history, { kind: 'clarification_received', on: '2024-03-15' }]);
  // 2024-03-15 + 20 working days: 清明 04-04..06 off, 04-07 (Sun) a make-up working day
  assert.equal(due(s2), '2024-04-15');
  assert.match(replyClock(s2, cal, rules)!.text, /收到补正之日/);
});

test('条例第三十条: 补正 is told once (一次性告知); a late notice is recorded as a warning', () => {
  const s = run([
    reg('2024-03-04'),
    { kind: 'clarification_requested', on: '2024-03-20', items: ['补充身份证明'] },
  ]);
  assert.equal(s.warnings[0]!.code, 'clarification_notice_late');
  const again = transition(
    run([...s.history, { kind: 'clarification_received', on: '2024-03-21' }]),
    { kind: 'clarification_requested', on: '2024-03-22', items: ['再补充'] },
    ctx,
  );
  assert.equal(again.ok, false);
  assert.equal(!again.ok && again.error.code, 'clarification_once');
});

test('条例第三十条: no correction in time → 其他处理 1 (2021 format), （六）其他处理 (2019 trial)', () => {
  const base = [
    reg('2024-03-04'),
    { kind: 'clarification_requested', on: '2024-03-08', items: ['请明确信息名称'] } as CaseEvent,
  ];
  const early = replay([...base, { kind: 'clarification_lapsed', on: '2024-03-29' }], ctx);
  assert.equal(early.error?.code, 'clarification_not_lapsed');
  const s = run([...base, { kind: 'clarification_lapsed', on: '2024-04-01' }]);
  assert.equal(s.state, 'closed');
  assert.equal(s.outcome, 'other_no_clarification');
  assert.equal(
    outcomeRow(s.outcome!, '2021'),
    '（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  );
  assert.equal(outcomeRow(s.outcome!, '2019-trial'), '（六）其他处理');
});

test('条例第三十二条、第三十三条第三款: third-party consultation time is not counted; the third party has 15 working days', () => {
  const s = run([
    reg('2024-05-06'),
    { kind: 'third_party_consulted', on: '2024-05-10', party: '某建筑公司', receivedOn: '2024-05-13' },
  ]);
  assert.equal(s.state, 'consulting');
  assert.equal(replyClock(s, cal, rules)!.suspended, true);
  assert.equal(replyClock(s, cal, rules)!.counted, 4);
  assert.equal(caseClocks(s, cal, rules).find((c) => c.key === 'third_party_reply')!.due, '2024-06-03');
  const s2 = run([...s.history, { kind: 'third_party_replied', on: '2024-05-24', answer: 'objection' }]);
  assert.equal(s2.state, 'registered');
  // without the consultation: 2024-05-31 (05-11 is a Labour Day make-up Saturday); 11 working days in
  // (05-10, 05-24] not counted → 2024-06-18 (端午 06-10 off)
  assert.equal(addDue([reg('2024-05-06')]), '2024-05-31');
  assert.equal(due(s2), '2024-06-18');
  assert.match(
    replyClock(s2, cal, rules)!.text,
    /征求第三方（某建筑公司）意见期间（2024年5月10日至2024年5月24日）不计算在内/,
  );
});

function addDue(events: CaseEvent[]) {
  return due(run(events));
}

test('条例第三十四条: co-producer consultation pauses the clock too; two consultations overlap without double counting', () => {
  const s = run([
    reg('2024-05-06'),
    { kind: 'third_party_consulted', on: '2024-05-10', party: '甲公司' },
    { kind: 'co_producer_consulted', on: '2024-05-13', organ: '县自然资源局' },
    { kind: 'third_party_replied', on: '2024-05-17', party: '甲公司', answer: 'consent' },
  ]);
  assert.equal(s.state, 'consulting', 'still waiting for the co-producer');
  const s2 = run([
    ...s.history,
    { kind: 'co_producer_replied', on: '2024-05-24', organ: '县自然资源局', answer: 'no_answer' },
  ]);
  assert.equal(s2.state, 'registered');
  assert.equal(due(s2), '2024-06-18');
});

test("条例第三十三条第二款: one extension of at most 20 working days with the head's approval", () => {
  const s = run([
    reg('2024-02-01'),
    { kind: 'extended', on: '2024-02-26', days: 20, approvedBy: '王主任', reason: '需调取档案' },
  ]);
  // 2024-03-05 + 20 working days (清明 04-04 comes after)
  assert.equal(due(s), '2024-04-02');
  const twice = transition(
    s,
    { kind: 'extended', on: '2024-02-27', days: 5, approvedBy: '王主任', reason: '再延' },
    ctx,
  );
  assert.equal(!twice.ok && twice.error.code, 'extension_once');
  const long = transition(
    run([reg('2024-02-01')]),
    { kind: 'extended', on: '2024-02-26', days: 21, approvedBy: '王主任', reason: 'x' },
    ctx,
  );
  assert.equal(!long.ok && long.error.code, 'extension_too_long');
  const unapproved = transition(
    run([reg('2024-02-01')]),
    { kind: 'extended', on: '2024-02-26', days: 10, approvedBy: '', reason: 'x' },
    ctx,
  );
  assert.equal(!unapproved.ok && unapproved.error.code, 'extension_needs_approval');
  const byApplicant = transition(
    run([reg('2024-02-01')]),
    { kind: 'extended', on: '2024-02-26', days: 10, approvedBy: '王主任', reason: 'x' },
    { ...ctx, actor: 'applicant' },
  );
  assert.equal(!byApplicant.ok && byApplicant.error.code, 'actor_not_allowed');
});

test('条例第三十三条第二款: an extension decided after the reply period ran out is refused (the reply is late, not extended)', () => {
  // received 2024-02-01, due 2024-03-05 (20 working days, 春节 skipped)
  const s = run([reg('2024-02-01')]);
  assert.equal(due(s), '2024-03-05');
  const onLastDay = transition(
    s,
    { kind: 'extended', on: '2024-03-05', days: 10, approvedBy: '王主任', reason: '材料多' },
    ctx,
  );
  assert.equal(onLastDay.ok, true, 'on the last day of the period: still in time');
  const late = transition(
    s,
    { kind: 'extended', on: '2024-03-06', days: 10, approvedBy: '王主任', reason: '材料多' },
    ctx,
  );
  assert.equal(!late.ok && late.error.code, 'extension_too_late');
  assert.match(!late.ok ? late.error.message : '', /2024年3月5日届满/);
});

test('条例第三十条、第三十二条、第三十三条 combined: 补正, then consultation, then extension', () => {
  const s = run([
    reg('2024-03-04'),
    { kind: 'clarification_requested', on: '2024-03-08', items: ['请说明所需文件的文号'] },
    { kind: 'clarification_received', on: '2024-03-15' },
    { kind: 'third_party_consulted', on: '2024-03-20', party: '某合作社' },
    { kind: 'third_party_replied', on: '2024-03-27', answer: 'consent' },
    { kind: 'extended', on: '2024-04-10', days: 15, approvedBy: '李主任', reason: '信息量大' },
  ]);
  // from 03-15: 20 WD → 04-15; consultation 03-21..03-27 (5 WD) not counted → 04-22; +15 WD extension → 2024-05-14
  // (劳动节 05-01..05-05 off, 04-28 Sun and 05-11 Sat make-up working days)
  assert.equal(due(s), '2024-05-14');
  const text = replyClock(s, cal, rules)!.text;
  assert.match(text, /经李主任同意延长15个工作日/);
  assert.match(text, /共扣除5个工作日/);
});

test('国办函〔2020〕109号: the fee notice suspends the reply clock; 20 working days to pay; not paying → 其他处理 2', () => {
  const s = run([
    reg('2024-06-03'),
    {
      kind: 'fee_notice_issued',
      on: '2024-06-05',
      method: 'per_piece',
      amountYuan: 300,
      receivedOn: '2024-06-06',
    },
  ]);
  assert.equal(s.state, 'awaiting_fee');
  assert.equal(replyClock(s, cal, rules)!.suspended, true);
  assert.equal(caseClocks(s, cal, rules).find((c) => c.key === 'fee_payment')!.due, '2024-07-05');
  assert.equal(
    replay([...s.history, { kind: 'fee_lapsed', on: '2024-07-05' }], ctx).error?.code,
    'fee_not_lapsed',
  );
  const lapsed = run([...s.history, { kind: 'fee_lapsed', on: '2024-07-08' }]);
  assert.equal(lapsed.outcome, 'other_fee_unpaid');
  assert.equal(
    outcomeRow('other_fee_unpaid', '2021'),
    '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  );
  const paid = run([...s.history, { kind: 'fee_paid', on: '2024-06-12' }]);
  assert.equal(paid.state, 'registered');
  // without the notice 2024-07-02; in (06-05, 06-12] the working days 06-06, 07, 11, 12 (端午 06-10) are not counted → 2024-07-08
  assert.equal(due(paid), '2024-07-08');
  const both = transition(
    run([reg('2024-06-03')]),
    { kind: 'fee_notice_issued', on: '2024-06-05', method: 'both' as never, amountYuan: 10 },
    ctx,
  );
  assert.equal(!both.ok && both.error.code, 'fee_method_invalid');
});

test('国办函〔2020〕109号 第四条、第五条: the fee calculator (按件 per natural month, 按量 per application)', () => {
  assert.equal(perPieceFee(0, 10).amountYuan, 0);
  assert.equal(perPieceFee(0, 11).amountYuan, 100);
  assert.equal(perPieceFee(0, 30).amountYuan, 2000);
  assert.equal(perPieceFee(0, 31).amountYuan, 2200);
  assert.equal(perPieceFee(0, 41).amountYuan, 2000 + 10 * 200 + 300);
  assert.equal(perPieceFee(8, 5).amountYuan, 300);
  assert.match(perPieceFee(8, 5).text, /第9至10件免费；第11至13件每件100元，计300元/);
  assert.equal(perVolumeFee(30).amountYuan, 0);
  assert.equal(perVolumeFee(31).amountYuan, 10);
  assert.equal(perVolumeFee(100).amountYuan, 700);
  assert.equal(perVolumeFee(101).amountYuan, 720);
  assert.equal(perVolumeFee(200).amountYuan, 2700);
  assert.equal(perVolumeFee(250).amountYuan, 4700);
});

test('条例第三十一条: receipt date by channel, and a weekend submission counts from the next working day', () => {
  assert.equal(
    receiptDate({ channel: 'in_person', submittedOn: '2024-02-01' }, cal, rules)!.receivedOn,
    '2024-02-01',
  );
  assert.equal(
    receiptDate({ channel: 'letter', submittedOn: '2024-01-29', signedOn: '2024-02-01' }, cal, rules)!
      .receivedOn,
    '2024-02-01',
  );
  assert.equal(
    receiptDate({ channel: 'online', submittedOn: '2024-02-01', confirmedOn: '2024-02-02' }, cal, rules)!
      .receivedOn,
    '2024-02-02',
  );
  const sat = receiptDate({ channel: 'online', submittedOn: '2024-02-10' }, cal, rules)!;
  assert.equal(
    sat.receivedOn,
    '2024-02-18',
    'Spring Festival 02-10..17; 02-18 (Sun) is a make-up working day',
  );
  assert.match(sat.text, /条例第三十一条第（三）项/);
  assert.equal(
    receiptDate({ channel: 'online', submittedOn: '2024-02-10' }, cal, {
      ...rules,
      nonWorkingDaySubmission: 'same_day',
    })!.receivedOn,
    '2024-02-10',
  );
  assert.equal(receiptDate({ channel: 'fax', submittedOn: '2024-13-01' }, cal, rules), null);
});

test('the transition table: every event cites its article; states and actors the table forbids are refused', () => {
  for (const t of TRANSITIONS) assert.match(t.article, /条例|国办函/, t.event);
  const decided = run([
    reg('2024-02-01'),
    { kind: 'decided', on: '2024-02-20', outcome: 'disclosed', signedBy: '王主任' },
  ]);
  assert.equal(decided.state, 'decided');
  const r = transition(
    decided,
    { kind: 'extended', on: '2024-02-21', days: 5, approvedBy: '王主任', reason: 'x' },
    ctx,
  );
  assert.equal(!r.ok && r.error.code, 'transition_not_allowed');
  assert.equal(canRecord('registered', 'decided', 'applicant'), false);
  assert.equal(canRecord('registered', 'withdrawn', 'applicant'), true);
  assert.equal(canRecord('decided', 'reopened', 'clerk'), false);
  const byEvent = transition(
    run([reg('2024-02-01')]),
    { kind: 'decided', on: '2024-02-20', outcome: 'other_fee_unpaid' },
    ctx,
  );
  assert.equal(!byEvent.ok && byEvent.error.code, 'outcome_needs_event');
  const back = replay([reg('2024-02-01'), { kind: 'decided', on: '2024-01-20', outcome: 'disclosed' }], ctx);
  assert.equal(back.error?.code, 'event_out_of_order');
});

test('a decision after the due date is marked as answered late; reopening starts a new handling episode', () => {
  const s = run([
    reg('2024-02-01'),
    { kind: 'decided', on: '2024-03-06', outcome: 'unavailable_not_held' },
    { kind: 'delivered', on: '2024-03-07', method: '电子邮件' },
  ]);
  assert.equal(caseStatus(s, '2024-03-10', cal, rules).answeredLate, true);
  const r = run([
    ...s.history,
    { kind: 'reopened', on: '2024-06-03', reason: '县政府行政复议决定书责令重新答复' },
  ]);
  assert.equal(r.state, 'registered');
  assert.equal(r.episodes.length, 2);
  assert.equal(r.outcome, undefined);
  assert.equal(due(r), '2024-07-02');
});

test('a calendar change recomputes running cases and says which due dates moved', () => {
  const a = run([reg('2026-02-10')]);
  const b = run([reg('2026-05-11')]);
  const local = createCalendar(nationalCalendarEntries(), [
    { date: '2026-02-24', kind: 'rest', name: '春节（本省延长）', source: '省政府通知' },
  ]);
  const moved = changedDeadlines(
    [
      { id: 'A', snapshot: a },
      { id: 'B', snapshot: b },
    ],
    cal,
    local,
    rules,
  );
  assert.deepEqual(moved, [{ id: 'A', before: '2026-03-16', after: '2026-03-17' }]);
});

test('条例第三十三条第二款、第三十条、第三十二条、第三十四条、国办函〔2020〕109号: availableEvents is a dry run of the table and its guards on a given day', () => {
  const extended: CaseEvent = {
    kind: 'extended',
    on: '2024-02-20',
    days: 10,
    approvedBy: '王主任',
    reason: '需调取档案',
  };
  const asked: CaseEvent = { kind: 'clarification_requested', on: '2024-03-08', items: ['请写明年份'] };
  const rows: {
    name: string;
    events: CaseEvent[];
    actor: Actor;
    today: string;
    /** every event the table allows the actor now: true, or the refusal code of a probe dated `today` */
    expect: Record<string, true | string>;
  }[] = [
    {
      name: 'received 2024-02-01 (due 2024-03-05): the head may do everything the table allows',
      events: [reg('2024-02-01')],
      actor: 'head',
      today: '2024-02-20',
      expect: {
        clarification_requested: true,
        third_party_consulted: true,
        co_producer_consulted: true,
        extended: true,
        fee_notice_issued: true,
        withdrawn: true,
        decided: true,
      },
    },
    {
      name: '条例第三十三条第二款: on the last day of the period an extension is still possible',
      events: [reg('2024-02-01')],
      actor: 'head',
      today: '2024-03-05',
      expect: {
        clarification_requested: true,
        third_party_consulted: true,
        co_producer_consulted: true,
        extended: true,
        fee_notice_issued: true,
        withdrawn: true,
        decided: true,
      },
    },
    {
      name: '条例第三十三条第二款: after the period ran out, no extension (the reply is late)',
      events: [reg('2024-02-01')],
      actor: 'head',
      today: '2024-03-06',
      expect: {
        clarification_requested: true,
        third_party_consulted: true,
        co_producer_consulted: true,
        extended: 'extension_too_late',
        fee_notice_issued: true,
        withdrawn: true,
        decided: true,
      },
    },
    {
      name: '条例第三十三条第二款: extended once already',
      events: [reg('2024-02-01'), extended],
      actor: 'head',
      today: '2024-02-21',
      expect: {
        clarification_requested: true,
        third_party_consulted: true,
        co_producer_consulted: true,
        extended: 'extension_once',
        fee_notice_issued: true,
        withdrawn: true,
        decided: true,
      },
    },
    {
      name: 'a clerk: the table leaves extension and decision to the head',
      events: [reg('2024-02-01')],
      actor: 'clerk',
      today: '2024-02-20',
      expect: {
        clarification_requested: true,
        third_party_consulted: true,
        co_producer_consulted: true,
        fee_notice_issued: true,
        withdrawn: true,
      },
    },
    {
      name: '条例第三十条: the 补正 period (to 2024-03-29) has not run out',
      events: [reg('2024-03-04'), asked],
      actor: 'clerk',
      today: '2024-03-29',
      expect: {
        clarification_received: true,
        clarification_lapsed: 'clarification_not_lapsed',
        withdrawn: true,
      },
    },
    {
      name: '条例第三十条: after the 补正 period, the lapse can be recorded',
      events: [reg('2024-03-04'), asked],
      actor: 'clerk',
      today: '2024-04-01',
      expect: { clarification_received: true, clarification_lapsed: true, withdrawn: true },
    },
    {
      name: '条例第三十条: 补正 is told once per handling',
      events: [reg('2024-03-04'), asked, { kind: 'clarification_received', on: '2024-03-15' }],
      actor: 'clerk',
      today: '2024-03-18',
      expect: {
        clarification_requested: 'clarification_once',
        third_party_consulted: true,
        co_producer_consulted: true,
        fee_notice_issued: true,
        withdrawn: true,
      },
    },
    {
      name: '条例第三十二条、第三十四条: only the co-producing organ is consulted, so no third party can reply',
      events: [reg('2024-02-01'), { kind: 'co_producer_consulted', on: '2024-02-05', organ: '县自然资源局' }],
      actor: 'clerk',
      today: '2024-02-06',
      expect: {
        third_party_consulted: true,
        third_party_replied: 'consultation_not_open',
        co_producer_consulted: true,
        co_producer_replied: true,
        withdrawn: true,
      },
    },
    {
      name: '国办函〔2020〕109号: the 20 working days to pay have not run out',
      events: [
        reg('2024-02-01'),
        { kind: 'fee_notice_issued', on: '2024-02-05', method: 'per_piece', amountYuan: 100 },
      ],
      actor: 'clerk',
      today: '2024-02-06',
      expect: { fee_paid: true, fee_lapsed: 'fee_not_lapsed', withdrawn: true },
    },
    {
      name: '国办函〔2020〕109号: not paid in time, the lapse can be recorded',
      events: [
        reg('2024-02-01'),
        { kind: 'fee_notice_issued', on: '2024-02-05', method: 'per_piece', amountYuan: 100 },
      ],
      actor: 'clerk',
      today: '2024-04-30',
      expect: { fee_paid: true, fee_lapsed: true, withdrawn: true },
    },
    {
      name: '条例第四十条、第五十一条: after the reply, the head delivers or reopens',
      events: [reg('2024-02-01'), { kind: 'decided', on: '2024-02-20', outcome: 'disclosed' }],
      actor: 'head',
      today: '2024-02-21',
      expect: { delivered: true, reopened: true },
    },
    {
      name: 'the history is appended in date order: nothing can be dated before its last event',
      events: [reg('2024-02-01')],
      actor: 'clerk',
      today: '2024-01-31',
      expect: {
        clarification_requested: 'event_out_of_order',
        third_party_consulted: 'event_out_of_order',
        co_producer_consulted: 'event_out_of_order',
        fee_notice_issued: 'event_out_of_order',
        withdrawn: 'event_out_of_order',
      },
    },
  ];
  for (const r of rows) {
    const s = run(r.events);
    const got = availableEvents(s, r.actor, { calendar: cal, rules, today: r.today });
    assert.deepEqual(
      got.map((a) => a.event),
      allowedEvents(s.state, r.actor),
      `${r.name}: exactly the table's events, in table order`,
    );
    assert.deepEqual(
      Object.fromEntries(got.map((a) => [a.event, a.ok ? true : a.error!.code])),
      r.expect,
      r.name,
    );
    for (const a of got) {
      assert.equal(a.row.event, a.event, r.name);
      assert.equal(a.ok, a.error === undefined, r.name);
    }
  }
  const late = availableEvents(run([reg('2024-02-01')]), 'head', {
    calendar: cal,
    rules,
    today: '2024-03-06',
  }).find((a) => a.event === 'extended')!;
  assert.match(late.error!.message, /2024年3月5日届满/);
});

test('条例第三十三条第二款: the case page offers what the table allows its viewer today — the clerk proposes extension and reply, the head records them, a supervisor nothing', async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openSqliteStore } = await import('../../src/adapters/storage/kysely/kysely-store.js');
  const { localFileStore } = await import('../../src/adapters/files/local-file-store.js');
  const { seedDemo } = await import('../../src/app/demo/seed-demo.js');
  const { registerApplication } = await import('../../src/app/cases/create-case.js');
  const { getCaseForStaff } = await import('../../src/app/cases/case-view.js');
  const { requestApproval } = await import('../../src/app/cases/approvals.js');
  const dir = mkdtempSync(join(tmpdir(), 'gk-actions-'));
  const store = await openSqliteStore(join(dir, 'a.db'));
  await store.migrate();
  const clock = { now: new Date('2024-02-05T02:00:00.000Z') };
  const deps = {
    store,
    files: localFileStore(join(dir, 'files')),
    calendar: cal,
    rules,
    now: () => clock.now,
    secret: 'test-secret-0123456789abcdef',
  };
  try {
    await seedDemo(deps, { cases: false, items: 0 });
    const user = async (name: string) => (await store.users.findByUsername(name))!;
    const clerk = await user('th-clerk');
    const created = await registerApplication(
      deps,
      clerk,
      {
        channel: 'in_person',
        submittedOn: '2024-02-01',
        applicantType: 'natural_person',
        name: '张三',
        idNumber: '11010519491231002X',
        phone: '13800138000',
        email: 'zhangsan@example.com',
        description: '2023年本镇农村危房改造补助发放名单',
        requestedForm: 'electronic',
        delivery: 'email',
      },
      '127.0.0.1',
    );
    const actions = async (name: string) =>
      (await getCaseForStaff(deps, await user(name), created.caseId)).actions;
    // received 2024-02-01, due 2024-03-05
    assert.deepEqual(await actions('th-clerk'), {
      direct: [
        'clarification_requested',
        'third_party_consulted',
        'co_producer_consulted',
        'fee_notice_issued',
        'withdrawn',
      ],
      viaApproval: ['extended', 'decided'],
    });
    assert.deepEqual(await actions('th-head'), {
      direct: [
        'clarification_requested',
        'third_party_consulted',
        'co_producer_consulted',
        'extended',
        'fee_notice_issued',
        'withdrawn',
        'decided',
      ],
      viaApproval: [],
    });
    assert.deepEqual(await actions('th-admin'), { direct: [], viaApproval: [] });
    assert.deepEqual(await actions('county-super'), { direct: [], viaApproval: [] }, 'supervisor: read-only');
    await assert.rejects(actions('ss-clerk'), /找不到该案件/, 'another organ: not found');
    // 2024-03-06: the reply period ran out, no extension any more (条例第三十三条第二款)
    clock.now = new Date('2024-03-06T02:00:00.000Z');
    assert.deepEqual((await actions('th-clerk')).viaApproval, ['decided']);
    assert.equal((await actions('th-head')).direct.includes('extended'), false);
    // back in time: an extension is pending, so the clerk cannot propose another
    clock.now = new Date('2024-02-05T02:00:00.000Z');
    await requestApproval(
      deps,
      clerk,
      created.caseId,
      { kind: 'extended', on: '2024-02-05', days: 10, approvedBy: '', reason: '需调取档案' },
      '127.0.0.1',
    );
    assert.deepEqual((await actions('th-clerk')).viaApproval, ['decided']);
  } finally {
    await store.close();
  }
});
