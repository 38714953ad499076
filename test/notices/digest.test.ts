/**
 * Scheduled work with a fixed clock: at 08:00 (China Standard Time) each clerk and head gets the morning digest —
 * in the bell, and by e-mail to those who gave an address, after their quiet hours; lapses the law now allows are
 * proposed, never recorded; on Mondays the supervising organ gets its subordinates' overdue cases. Each runs once
 * a day however often the clock is looked at.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';
import { startMailSink, waitUntil } from '../helpers/mail-sink.js';
import { smtpMailer } from '../../src/adapters/mail/smtp-mailer.js';
import { startEmbeddedRunner } from '../../src/adapters/jobs/embedded-runner.js';
import { allTasks } from '../../src/app/jobs/tasks.js';
import { dailyDigest, scheduleDue } from '../../src/app/notices/staff-digest.js';

test('the morning digest: clerks and heads in the bell and by e-mail (after quiet hours), once a day; a lapse 条例第三十条 allows is proposed, never recorded; the supervisor’s Monday digest', async () => {
  const sink = await startMailSink();
  // Monday 4 March 2024, 07:30 in Beijing
  const t = await testApp({
    cases: true,
    now: '2024-03-03T23:30:00.000Z',
    notify: {
      mailer: smtpMailer(sink.url, { tlsRejectUnauthorized: false }),
      from: 'gk@example.gov.cn',
      publicUrl: 'https://gk.example.gov.cn',
    },
  });
  const runner = startEmbeddedRunner(t.deps.store, allTasks(t.deps), { pollMs: 20, now: () => t.clock.now });
  t.deps.notify!.wake = () => runner.wake();
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get('/admin/notifications/settings');
    const bad = await clerk.post('/admin/notifications/settings', {
      email: 'x',
      digest: 'yes',
      quietStart: '22',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /电子邮箱格式不正确/);
    assert.match(bad.body, /免打扰时段的开始和结束都要填写/);
    assert.equal(
      (await clerk.post('/admin/notifications/settings', { email: 'clerk@example.gov.cn', digest: 'yes' }))
        .statusCode,
      200,
    );
    const head = new Client(t.app);
    await head.login('th-head');
    await head.get('/admin/notifications/settings');
    // quiet until 10:00: the head's e-mail waits
    await head.post('/admin/notifications/settings', {
      email: 'head@example.gov.cn',
      digest: 'yes',
      quietStart: '20',
      quietEnd: '10',
    });

    // a letter application whose 补正 period ran out: the lapse is proposed to the clerk
    await clerk.get('/admin/cases/new');
    const reg = await clerk.post('/admin/cases/new', {
      ...VALID_APPLICATION,
      channel: 'letter',
      submittedOn: '2024-01-29',
      signedOn: '2024-01-30',
    });
    assert.equal(reg.statusCode, 303, reg.body.slice(0, 300));
    const late = /\/admin\/cases\/([A-Z]+-\d{4}-\d{4})/.exec(String(reg.headers.location))![1]!;
    await clerk.get(`/admin/cases/${late}`);
    const asked = await clerk.post(`/admin/cases/${late}/events/clarification_requested`, {
      on: '2024-01-31',
      items: '请写明所需信息的年份',
      replyWithinDays: '15',
    });
    assert.equal(asked.statusCode, 303, asked.body.slice(0, 300));
    await scheduleDue(t.deps);
    assert.equal((await t.deps.store.jobs.counts()).waiting, 0, 'before 08:00 nothing is due');
    t.clock.now = new Date('2024-03-04T00:05:00.000Z'); // 08:05
    await scheduleDue(t.deps);
    await scheduleDue(t.deps);
    await waitUntil(
      async () => (await t.deps.store.jobs.counts()).waiting <= 1,
      10_000,
      () => 'digest jobs',
    );
    await sink.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      sink.messages.map((m) => m.to),
      ['clerk@example.gov.cn'],
      'the head is in quiet hours; nobody else gave an address',
    );
    const mail = sink.messages[0]!;
    assert.match(mail.subject, /田湖镇人民政府今日待办（2024年3月4日）/);
    assert.match(mail.text, /https:\/\/gk\.example\.gov\.cn\/admin/);
    await clerk.login('th-clerk'); // the clock moved past the session's idle limit
    const bell = await clerk.get('/admin/notifications');
    assert.match(bell.body, /田湖镇人民政府今日待办/);
    assert.match((await clerk.get('/admin')).body, /id="bell">\s*提醒（\d+）/);
    const clerkItems = await t.deps.store.staffNotices.list('u-th-clerk', 10);
    const digest = clerkItems.find((n) => n.kind === 'digest')!;
    assert.match(digest.body, /已逾期|5个工作日内到期/);
    assert.match(
      digest.body,
      new RegExp(`${late}：补正期限已过，申请人未补正，可以记录“视为放弃申请”（条例第三十条）`),
    );
    assert.equal(
      (await t.deps.store.cases.find(late))!.state,
      'awaiting_clarification',
      'proposed, not applied',
    );
    const headDigest = (await t.deps.store.staffNotices.list('u-th-head', 10)).find(
      (n) => n.kind === 'digest',
    );
    assert.ok(headDigest, 'the head has it in the bell at once');

    // a lapse the law allows is proposed, never recorded
    const lapsed = (await t.deps.store.cases.list({ organIds: ['tianhu'], limit: 500 })).filter(
      (c) => c.state === 'closed',
    ).length;
    await clerk.post('/admin/notifications/read', {});
    assert.doesNotMatch((await clerk.get('/admin')).body, /提醒（\d+）/, 'read');

    // 10:00: the head's e-mail goes
    t.clock.now = new Date('2024-03-04T02:00:00.000Z');
    await clerk.login('th-clerk');
    runner.wake();
    await sink.waitFor(2);
    assert.equal(sink.messages[1]!.to, 'head@example.gov.cn');
    // once a day: looking at the clock again queues nothing new
    await scheduleDue(t.deps);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(sink.messages.length, 2);
    assert.equal(
      (await t.deps.store.cases.list({ organIds: ['tianhu'], limit: 500 })).filter(
        (c) => c.state === 'closed',
      ).length,
      lapsed,
      'nothing recorded by the system',
    );
    // the supervisor's Monday digest lists subordinates with overdue cases or late publications
    const sup = await t.deps.store.staffNotices.list('u-county-super', 10);
    const weekly = sup.find((n) => n.kind === 'weekly');
    assert.ok(weekly, `the supervisor has the weekly digest: ${JSON.stringify(sup)}`);
    assert.match(weekly.body, /逾期未答复 \d+ 件/);
  } finally {
    await runner.stop();
    await t.close();
    await sink.close();
  }
});

test('from 1 November the platform administrator’s Monday digest asks for next year’s holiday notice (暂定 deadlines otherwise)', async () => {
  // Monday 2 November 2026, 08:05 in Beijing; the calendar has no 2027 notice
  const t = await testApp({ now: '2026-11-02T00:05:00.000Z' });
  try {
    await scheduleDue(t.deps);
    const [job] = await t.deps.store.jobs.list({ limit: 5 });
    assert.ok(job, 'the daily run is queued');
    await dailyDigest(t.deps, '2026-11-02');
    const admin = await t.deps.store.staffNotices.list('u-county-admin', 10);
    const cal = admin.find((n) => n.kind === 'calendar');
    assert.ok(cal, JSON.stringify(admin));
    assert.match(cal.body, /尚未录入2027年国务院办公厅节假日安排/);
    assert.equal(
      (await t.deps.store.staffNotices.list('u-th-admin', 10)).filter((n) => n.kind === 'calendar').length,
      0,
      'only the platform administrator edits the calendar',
    );
  } finally {
    await t.close();
  }
});
