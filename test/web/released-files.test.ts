/**
 * 条例第十七条 and 第四十条: released information reaches the applicant — on the status page, for download, audited —
 * only after the reply is signed and a passed 保密审查 is recorded for each file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';

test('条例第十七条: released files are invisible before the signed reply and their 保密审查, visible (and audited) after', async () => {
  const t = await testApp();
  try {
    const applicant = new Client(t.app);
    await applicant.get('/apply/tianhu');
    const r = await applicant.post('/apply/tianhu', VALID_APPLICATION);
    const caseId = /id="case-id">([^<]+)</.exec(r.body)![1]!;
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get(`/admin/cases/${caseId}`);
    const pdf = new TextEncoder().encode('%PDF-1.4\n% 预算表\n');
    for (const name of ['2024年预算表.pdf', '未审查.pdf'])
      assert.equal(
        (
          await clerk.postFile(
            `/admin/cases/${caseId}/attachments`,
            { kind: 'released_information' },
            { name, bytes: pdf },
          )
        ).statusCode,
        303,
      );
    const files = await t.deps.store.attachments.listForCase(caseId);
    const reviewed = files.find((f) => f.filename === '2024年预算表.pdf')!;
    const unreviewed = files.find((f) => f.filename === '未审查.pdf')!;
    const seen = async () => {
      const page = await applicant.get(`/status/${caseId}`);
      return {
        reviewed: page.body.includes(reviewed.id),
        unreviewed: page.body.includes(unreviewed.id),
        download: (await applicant.get(`/status/${caseId}/files/${reviewed.id}`)).statusCode,
      };
    };
    assert.deepEqual(await seen(), { reviewed: false, unreviewed: false, download: 404 }, 'before anything');
    const head = new Client(t.app);
    await head.login('th-head');
    await head.get(`/admin/cases/${caseId}`);
    assert.equal(
      (
        await clerk.post(`/admin/cases/${caseId}/attachments/${reviewed.id}/review`, {
          passed: 'yes',
          basis: '不涉密',
        })
      ).statusCode,
      403,
      'the 保密审查 is the head’s',
    );
    const rev = await head.post(`/admin/cases/${caseId}/attachments/${reviewed.id}/review`, {
      passed: 'yes',
      basis: '不涉及国家秘密、商业秘密和个人隐私',
    });
    assert.equal(rev.statusCode, 303, rev.body.slice(0, 300));
    assert.deepEqual(
      await seen(),
      { reviewed: false, unreviewed: false, download: 404 },
      'reviewed, reply not signed',
    );
    await head.get(`/admin/cases/${caseId}`);
    const decided = await head.post(`/admin/cases/${caseId}/events/decided`, {
      on: '2024-03-04',
      outcome: 'disclosed',
    });
    assert.equal(decided.statusCode, 303, decided.body.slice(0, 300));
    assert.deepEqual(
      await seen(),
      { reviewed: true, unreviewed: false, download: 200 },
      'signed and reviewed',
    );
    assert.equal((await applicant.get(`/status/${caseId}/files/${unreviewed.id}`)).statusCode, 404);
    assert.equal(
      (await new Client(t.app).get(`/status/${caseId}/files/${reviewed.id}`)).statusCode,
      404,
      'only the applicant',
    );
    const log = await t.deps.store.audit.list(['tianhu'], 40);
    assert.ok(
      log.some((e) => e.action === 'case.release_download' && e.caseId === caseId),
      'the download is audited',
    );
    assert.ok(log.some((e) => e.action === 'case.release_review'));
  } finally {
    await t.close();
  }
});
