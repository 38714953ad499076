/**
 * A notice the server never accepts is retried with backoff until its attempts are used up; it then stays on the
 * dead-letter list the platform administrator sees (and the health endpoint counts), who can retry it — and once
 * the mail server answers, it is delivered exactly once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';
import { startMailSink } from '../helpers/mail-sink.js';
import { smtpMailer } from '../../src/adapters/mail/smtp-mailer.js';
import { startEmbeddedRunner } from '../../src/adapters/jobs/embedded-runner.js';
import { allTasks } from '../../src/app/jobs/tasks.js';
import { NOTICE_ATTEMPTS } from '../../src/app/notices/case-notices.js';
import type { Mailer } from '../../src/core/ports.js';

test('a notice that keeps failing ends on the dead-letter list after its attempts; the platform administrator retries it and it is delivered once', async () => {
  const sink = await startMailSink();
  let up = false;
  const real = smtpMailer(sink.url, { tlsRejectUnauthorized: false });
  const flaky: Mailer = {
    send: (m) => (up ? real.send(m) : Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:25'))),
    close: () => real.close(),
  };
  const t = await testApp({
    notify: { mailer: flaky, from: 'gk@example.gov.cn', publicUrl: 'https://gk.example.gov.cn' },
  });
  // each look at the clock is two hours later: every backoff has passed by the next claim
  let clock = Date.now();
  const runner = startEmbeddedRunner(t.deps.store, allTasks(t.deps), {
    pollMs: 20,
    now: () => new Date((clock += 2 * 3600_000)),
  });
  t.deps.notify!.wake = () => runner.wake();
  try {
    const applicant = new Client(t.app);
    await applicant.get('/apply/tianhu');
    const r = await applicant.post('/apply/tianhu', { ...VALID_APPLICATION, notifyEmail: 'yes' });
    assert.equal(r.statusCode, 201);
    const failedNotice = async () => (await t.deps.store.notices.listRecent(null, 5))[0];
    for (let i = 0; i < 200 && (await failedNotice())?.status !== 'failed'; i++)
      await new Promise((res) => setTimeout(res, 25));
    const n = (await failedNotice())!;
    assert.equal(n.status, 'failed', 'the notice is marked failed');
    assert.equal(n.attempts, NOTICE_ATTEMPTS, 'after every attempt');
    assert.match(n.lastError ?? '', /ECONNREFUSED/);
    const health = JSON.parse((await new Client(t.app).get('/healthz/jobs')).body) as Record<string, number>;
    assert.equal(health.failed, 1);
    assert.equal(health.waiting, 0);

    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    assert.equal(
      (await clerk.get('/admin/jobs')).statusCode,
      403,
      'the queue is the platform administrator’s',
    );
    assert.match((await clerk.get('/admin/outbox')).body, /发送失败/);
    const admin = new Client(t.app);
    await admin.login('county-admin');
    const page = await admin.get('/admin/jobs');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /失败 1 个/);
    const [job] = await t.deps.store.jobs.list({ failedOnly: true, limit: 5 });
    up = true;
    assert.equal((await admin.post(`/admin/jobs/${job!.id}/retry`, {})).statusCode, 303);
    await sink.waitFor(1);
    await new Promise((res) => setTimeout(res, 200));
    assert.equal(sink.messages.length, 1, 'delivered once');
    assert.equal((await t.deps.store.jobs.counts()).failed, 0);
    const log = await t.deps.store.audit.list(['county'], 20);
    assert.ok(log.some((e) => e.action === 'jobs.retry'));
  } finally {
    await runner.stop();
    await t.close();
    await sink.close();
  }
});
