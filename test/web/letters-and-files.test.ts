/**
 * Letters for every step and outcome (with the 复议/诉讼 rights notice on decisions), attachments with type and size
 * limits, 复议/诉讼 feeding Section 四, and the application's use cases on PostgreSQL as on SQLite.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';
import { submitApplication } from '../../src/app/cases/create-case.js';
import { recordCaseEvent, loadCase } from '../../src/app/cases/record-case-event.js';
import { buildLetters } from '../../src/core/letters/build-letters.js';
import { renderLetterDocx, renderLetterHtml } from '../../src/adapters/render/letter-renderers.js';
import { OUTCOMES } from '../../src/core/case/case-model.js';
import { organStatistics } from '../../src/app/cases/organ-statistics.js';
import { cellKey, indexCells } from '../../src/core/annual-report/report-model.js';
import type { StaffUser } from '../../src/core/entities.js';
import { DEMO_ORGANS } from '../../src/app/demo/seed-demo.js';
import { createCalendar } from '../../src/core/calendar/holiday-calendar.js';
import { nationalCalendarEntries } from '../../src/adapters/calendar/chinese-days-seed.js';
import { DEFAULT_CASE_RULES } from '../../src/core/case/case-rules.js';
import { replay } from '../../src/core/case/case-machine.js';
import type { CaseEvent } from '../../src/core/case/case-event.js';

const cal = createCalendar(nationalCalendarEntries());
const facts = {
  applicant: { type: 'natural_person' as const, name: '张三' },
  channel: 'online' as const,
  description: '某项信息',
  requestedForm: 'paper' as const,
  delivery: 'post' as const,
};
const ctx = {
  organ: DEMO_ORGANS.find((o) => o.id === 'tianhu')!,
  reviewOrgan: '某县人民政府',
  caseId: 'TH-2024-0007',
  calendar: cal,
  rules: DEFAULT_CASE_RULES,
};

test('letters: 回执, 补正告知书, 征求意见书, 延期答复告知书, 收费通知书 — with dates computed on the calendar', () => {
  const events: CaseEvent[] = [
    { kind: 'registered', on: '2024-02-01', submittedOn: '2024-02-01', facts },
    { kind: 'clarification_requested', on: '2024-02-02', items: ['写明年份', '写明村名'] },
    { kind: 'clarification_received', on: '2024-02-05' },
    { kind: 'third_party_consulted', on: '2024-02-06', party: '甲公司' },
    { kind: 'third_party_replied', on: '2024-02-08', answer: 'consent' },
    { kind: 'extended', on: '2024-03-01', days: 10, approvedBy: '王主任', reason: '信息量大' },
    { kind: 'fee_notice_issued', on: '2024-03-04', method: 'per_piece', amountYuan: 300 },
  ];
  const s = replay(events, { calendar: cal, rules: DEFAULT_CASE_RULES }).snapshot;
  const letters = buildLetters(s, ctx);
  assert.deepEqual(
    letters.map((l) => l.kind),
    ['receipt', 'clarification', 'consultation', 'extension', 'fee'],
  );
  assert.match(letters[0]!.paragraphs.join(''), /2024年3月5日前/);
  assert.equal(letters[0]!.number, 'TH依申回〔2024〕7号');
  assert.match(letters[1]!.paragraphs.join('\n'), /1\. 写明年份\n2\. 写明村名/);
  assert.equal(letters[2]!.recipient, '甲公司');
  assert.equal(letters[2]!.forApplicant, false, 'the 征求意见书 goes to the third party, not the applicant');
  assert.match(letters[3]!.paragraphs.join(''), /延长10个工作日/);
  assert.match(letters[4]!.paragraphs.join(''), /按件计收信息处理费300元/);
});

test('letters: a 答复书 for every outcome cites its article and the rights to 行政复议 (60 days) and 行政诉讼 (6 months)', async () => {
  for (const o of OUTCOMES.filter((x) => !x.byEventOnly)) {
    const evs: CaseEvent[] = [{ kind: 'registered', on: '2024-02-01', submittedOn: '2024-02-01', facts }];
    if (o.code === 'unavailable_unclear_after_clarification')
      evs.push(
        { kind: 'clarification_requested', on: '2024-02-02', items: ['x'] },
        { kind: 'clarification_received', on: '2024-02-05' },
      );
    evs.push({ kind: 'decided', on: '2024-02-20', outcome: o.code });
    const s = replay(evs, { calendar: cal, rules: DEFAULT_CASE_RULES });
    assert.equal(s.error, undefined, o.code);
    const reply = buildLetters(s.snapshot, ctx).find((l) => l.kind === 'reply')!;
    assert.ok(reply, o.code);
    assert.match(reply.rights!, /六十日内向某县人民政府申请行政复议.*六个月内依法向人民法院提起行政诉讼/);
    assert.match(reply.paragraphs.join(''), /条例》第/);
    const html = renderLetterHtml(reply);
    assert.match(html, /政府信息公开申请答复书/);
  }
  const s = replay(
    [
      {
        kind: 'registered',
        on: '2024-02-01',
        submittedOn: '2024-02-01',
        facts: { ...facts, applicant: { type: 'natural_person', name: '<script>x</script>' } },
      },
    ],
    { calendar: cal, rules: DEFAULT_CASE_RULES },
  ).snapshot;
  const html = renderLetterHtml(buildLetters(s, ctx)[0]!);
  assert.ok(!html.includes('<script>x'), 'letters escape what applicants typed');
  const docx = await renderLetterDocx(buildLetters(s, ctx)[0]!);
  assert.equal(Buffer.from(docx.subarray(0, 2)).toString(), 'PK');
});

test('attachments: PDF/JPG/PNG/DOCX up to 10 MB, checked on the bytes; others refused with a message', async () => {
  const t = await testApp();
  try {
    const c = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
    const cl = new Client(t.app);
    await cl.login('th-clerk');
    await cl.get(`/admin/cases/${c.caseId}`);
    const up = (name: string, bytes: Uint8Array) =>
      cl.postFile(`/admin/cases/${c.caseId}/attachments`, { kind: 'application' }, { name, bytes });
    const pdf = new TextEncoder().encode('%PDF-1.4\n% test\n');
    assert.equal((await up('申请表.pdf', pdf)).statusCode, 303);
    const exe = await up('virus.pdf', new TextEncoder().encode('MZ\u0090\u0000 not a pdf'));
    assert.equal(exe.statusCode, 400);
    assert.match(exe.body, /只能上传PDF、JPG、PNG或DOCX文件/);
    const big = await up('big.pdf', new Uint8Array(11 * 1024 * 1024).fill(0x25));
    assert.equal(big.statusCode, 413);
    const list = await t.deps.store.attachments.listForCase(c.caseId);
    assert.deepEqual(
      list.map((a) => [a.filename, a.mime]),
      [['申请表.pdf', 'application/pdf']],
    );
    const dl = await cl.get(`/admin/cases/${c.caseId}/attachments/${list[0]!.id}`);
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.headers['content-type'], 'application/pdf');
    assert.equal(dl.body.slice(0, 4), '%PDF');
  } finally {
    await t.close();
  }
});

test('复议 and 诉讼 linked to a case feed Section 四; Section 三 comes from the cases', async () => {
  const t = await testApp();
  try {
    const c = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
    const head = (await t.deps.store.users.findByUsername('th-head')) as StaffUser;
    await recordCaseEvent(
      t.deps,
      { user: head },
      c.caseId,
      { kind: 'decided', on: '2024-03-04', outcome: 'withheld_third_party_rights' },
      '127.0.0.1',
    );
    const cl = new Client(t.app);
    await cl.login('th-clerk');
    await cl.get(`/admin/cases/${c.caseId}`);
    const bad = await cl.post(`/admin/cases/${c.caseId}/reviews`, {
      kind: 'review',
      reference: '',
      filedOn: '2024-03-01',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /请填写案号或决定书文号/);
    assert.equal(
      (
        await cl.post(`/admin/cases/${c.caseId}/reviews`, {
          kind: 'review',
          reference: '某县复决字〔2024〕3号',
          filedOn: '2024-03-04',
          concludedOn: '2024-03-04',
          result: 'corrected',
        })
      ).statusCode,
      303,
    );
    const stats = await organStatistics(t.deps, head, 2024);
    const cells = indexCells(stats.cells);
    assert.equal(cells.get(cellKey('三', '（三）不予公开/4.保护第三方合法权益', '自然人'))!.value, 1);
    assert.match(stats.html, /<td>1<\/td>/);
    const page = await cl.get('/admin/stats?year=2024');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /行政复议/);
  } finally {
    await t.close();
  }
});

test("the application's use cases run on PostgreSQL too (register, decide, list, statistics)", async () => {
  const { openPostgresStore } = await import('../../src/adapters/storage/kysely/kysely-store.js');
  const { freshPostgresUrl } = await import('../helpers/pg.js');
  const store = await openPostgresStore(await freshPostgresUrl());
  await store.migrate();
  try {
    const { seedDemo } = await import('../../src/app/demo/seed-demo.js');
    const { localFileStore } = await import('../../src/adapters/files/local-file-store.js');
    const deps = {
      store,
      files: localFileStore('/tmp/gk-pg-files'),
      calendar: cal,
      rules: DEFAULT_CASE_RULES,
      now: () => new Date('2024-03-04T02:00:00.000Z'),
      secret: 'pg-secret-0123456789',
    };
    await seedDemo(deps, { passwords: {}, cases: true });
    const c = await submitApplication(deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
    const head = (await store.users.findByUsername('th-head')) as StaffUser;
    await recordCaseEvent(
      deps,
      { user: head },
      c.caseId,
      { kind: 'decided', on: '2024-03-04', outcome: 'disclosed' },
      '127.0.0.1',
    );
    const { snapshot } = await loadCase(store, deps, c.caseId);
    assert.equal(snapshot.state, 'decided');
    assert.ok((await store.cases.count({ organIds: ['tianhu'] })) > 5);
    const stats = await organStatistics(deps, head, 2024);
    assert.ok(stats.cells.length === 175);
  } finally {
    await store.close();
  }
});
