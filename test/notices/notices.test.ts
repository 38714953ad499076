/**
 * Notices to the applicant over a real SMTP server (STARTTLS) and a real HTTP SMS endpoint, from the job queue:
 * one message per notice for a whole case (apply → 补正 → extension → reply), each naming the organ and the case
 * and pointing to the status page; a refused event queues nothing. On SQLite (the embedded runner) and on
 * PostgreSQL (graphile-worker).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';
import { startMailSink, startSmsSink } from '../helpers/mail-sink.js';
import { smtpMailer } from '../../src/adapters/mail/smtp-mailer.js';
import { httpSmsSender } from '../../src/adapters/sms/http-sms.js';
import { startJobRunner } from '../../src/adapters/jobs/start-runner.js';
import { allTasks } from '../../src/app/jobs/tasks.js';
import { createHmac } from 'node:crypto';

for (const postgres of [false, true])
  test(`notices (${postgres ? 'PostgreSQL, graphile-worker' : 'SQLite, embedded runner'}): exactly one e-mail and one SMS per notice for a whole case, with the right text; a refused event sends nothing`, async () => {
    const mail = await startMailSink();
    const sms = await startSmsSink();
    const t = await testApp({
      postgres,
      notify: {
        mailer: smtpMailer(mail.url, { tlsRejectUnauthorized: false }),
        sms: httpSmsSender({ url: sms.url, secret: 'sms-secret', signatureHeader: 'X-Signature' }),
        from: 'gk@example.gov.cn',
        publicUrl: 'https://gk.example.gov.cn',
      },
    });
    const runner = await startJobRunner(t.deps.store, t.pgUrl, allTasks(t.deps), { pollMs: 50 });
    t.deps.notify!.wake = () => runner.wake();
    try {
      const applicant = new Client(t.app);
      await applicant.get('/apply/tianhu');
      const r = await applicant.post('/apply/tianhu', {
        ...VALID_APPLICATION,
        notifyEmail: 'yes',
        notifySms: 'yes',
      });
      assert.equal(r.statusCode, 201, r.body.slice(0, 300));
      const caseId = /id="case-id">([^<]+)</.exec(r.body)![1]!;
      const code = /id="query-code">([^<]+)</.exec(r.body)![1]!.trim();
      await mail.waitFor(1);
      await sms.waitFor(1);

      const clerk = new Client(t.app);
      await clerk.login('th-clerk');
      await clerk.get(`/admin/cases/${caseId}`);
      const cl = await clerk.post(`/admin/cases/${caseId}/events/clarification_requested`, {
        on: '2024-03-04',
        items: '请写明所需名单的村名',
      });
      assert.equal(cl.statusCode, 303, cl.body.slice(0, 300));
      await mail.waitFor(2);
      await applicant.get(`/status/${caseId}`);
      const supplied = await applicant.post(`/status/${caseId}/clarification`, { text: '田湖村' });
      assert.equal(supplied.statusCode, 303, supplied.body.slice(0, 300));
      const head = new Client(t.app);
      await head.login('th-head');
      for (const [kind, form] of [
        ['extended', { days: '10', reason: '需要调取档案' }],
        ['decided', { outcome: 'disclosed' }],
      ] as const) {
        await clerk.get(`/admin/cases/${caseId}`);
        assert.equal((await clerk.post(`/admin/cases/${caseId}/approvals/${kind}`, form)).statusCode, 303);
        const [a] = await t.deps.store.approvals.listPending(['tianhu']);
        await head.get('/admin/approvals');
        const ok = await head.post(`/admin/approvals/${a!.id}`, { decision: 'approve' });
        assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
      }
      await mail.waitFor(4);
      await sms.waitFor(4);
      // a refused event (a second reply on a decided case) queues nothing
      await head.get(`/admin/cases/${caseId}`);
      const refused = await head.post(`/admin/cases/${caseId}/events/decided`, { outcome: 'disclosed' });
      assert.notEqual(refused.statusCode, 303);
      await new Promise((res) => setTimeout(res, 400));

      const subjects = mail.messages.map((m) => m.subject);
      assert.deepEqual(subjects, [
        `【田湖镇人民政府】政府信息公开申请${caseId}已登记`,
        `【田湖镇人民政府】政府信息公开申请${caseId}需要补正`,
        `【田湖镇人民政府】政府信息公开申请${caseId}答复期限已延长`,
        `【田湖镇人民政府】政府信息公开申请${caseId}已作出答复`,
      ]);
      assert.equal(new Set(mail.messages.map((m) => m.notice)).size, 4, 'one message per notice');
      for (const m of mail.messages) {
        assert.equal(m.to, 'zhangsan@example.com');
        assert.equal(m.from, 'gk@example.gov.cn');
        assert.ok(m.secure, 'sent over STARTTLS');
        assert.match(m.text, /https:\/\/gk\.example\.gov\.cn\/status/);
        assert.doesNotMatch(m.text, /11010519491231002X/, 'no ID number');
      }
      assert.match(mail.messages[0]!.text, new RegExp(`查询码${code}`), 'the receipt carries the query code');
      assert.doesNotMatch(mail.messages[1]!.text, new RegExp(code), 'later notices do not');
      assert.match(mail.messages[2]!.text, /本机关将于2024年\d+月\d+日前作出答复/);
      assert.equal(sms.received.length, 4);
      for (const s of sms.received) {
        assert.equal(s.body.to, '13800138000');
        assert.match(s.body.text!, new RegExp(`【田湖镇人民政府】政府信息公开申请${caseId}`));
        assert.equal(
          s.signature,
          createHmac('sha256', 'sms-secret').update(JSON.stringify(s.body)).digest('hex'),
          'signed',
        );
      }
      assert.equal(new Set(sms.received.map((s) => s.key)).size, 4);
      const notices = await t.deps.store.notices.listForCase(caseId);
      assert.equal(notices.length, 8);
      assert.ok(notices.every((n) => n.status === 'sent'));
      assert.ok(
        notices.every((n) => !n.text.includes(code) && !n.subject.includes(code)),
        'the query code is never stored in the clear (sealed, filled in when sent)',
      );
      const log = await t.deps.store.audit.list(['tianhu'], 200);
      const sent = log.filter((e) => e.action === 'notice.sent');
      assert.equal(sent.length, 8, 'every notice sent is in the audit log');
      assert.ok(
        sent.every((e) => !JSON.stringify(e.detail).includes('zhangsan@')),
        'masked',
      );
    } finally {
      await runner.stop();
      await t.deps.notify!.mailer!.close();
      await t.close();
      await mail.close();
      await sms.close();
    }
  });
