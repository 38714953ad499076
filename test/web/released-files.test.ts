/**
 * 条例第十七条 and 第四十条: released information reaches the applicant — on the status page, for download, audited —
 * only after the reply is signed and a passed 保密审查 is recorded for each file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';

test('条例第十七条: released files are invisible before the signed reply and their 保密审查, listed in the 答复书, visible (and audited) after; a reply waits for every review; a removed file is kept and hidden', async () => {
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
    const sign = () =>
      head.post(`/admin/cases/${caseId}/events/decided`, { on: '2024-03-04', outcome: 'disclosed' });
    const early = await sign();
    assert.equal(early.statusCode, 409, 'a reply that provides information waits for every file’s 保密审查');
    assert.match(early.body, /尚未经过保密审查（条例第十七条）：未审查\.pdf/);
    assert.equal((await t.deps.store.cases.events(caseId)).length, 1, 'nothing recorded');
    // the clerk removes the file that was not to be released (kept, hidden, audited)
    assert.equal(
      (await clerk.post(`/admin/cases/${caseId}/attachments/${unreviewed.id}/remove`, { reason: '' }))
        .statusCode,
      400,
      'a removal needs its reason',
    );
    const removed = await clerk.post(`/admin/cases/${caseId}/attachments/${unreviewed.id}/remove`, {
      reason: '误传',
    });
    assert.equal(removed.statusCode, 303, removed.body.slice(0, 300));
    assert.equal((await t.deps.store.attachments.find(unreviewed.id))!.removed?.reason, '误传');
    assert.ok(!(await clerk.get(`/admin/cases/${caseId}`)).body.includes(unreviewed.id), 'hidden');
    await head.get(`/admin/cases/${caseId}`);
    const decided = await sign();
    assert.equal(decided.statusCode, 303, decided.body.slice(0, 300));
    const letters = await t.deps.store.letters.listForCase(caseId);
    const replyLetter = letters.find((l) => l.kind === 'reply')!;
    assert.deepEqual(
      replyLetter.content.released?.map((f) => f.filename),
      ['2024年预算表.pdf'],
      'the 答复书 lists the file it provides',
    );
    const html = await head.get(`/admin/cases/${caseId}/letters/${replyLetter.content.id}.html`);
    assert.match(html.body, /本答复书提供的政府信息共1件：1\. 2024年预算表\.pdf/);
    assert.equal(
      (
        await clerk.post(`/admin/cases/${caseId}/attachments/${reviewed.id}/kind`, {
          kind: 'other',
        })
      ).statusCode,
      409,
      'a file the signed 答复书 lists cannot be reclassified',
    );
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
    // a file added after the reply reaches the applicant only once a corrected 答复书 lists it
    await clerk.postFile(
      `/admin/cases/${caseId}/attachments`,
      { kind: 'released_information' },
      { name: '补充材料.pdf', bytes: pdf },
    );
    const later = (await t.deps.store.attachments.listForCase(caseId)).find(
      (f) => f.filename === '补充材料.pdf',
    )!;
    await head.get(`/admin/cases/${caseId}`);
    await head.post(`/admin/cases/${caseId}/attachments/${later.id}/review`, {
      passed: 'yes',
      basis: '不涉密',
    });
    assert.ok(
      !(await applicant.get(`/status/${caseId}`)).body.includes(later.id),
      'not in the reply: not given',
    );
    await head.get(`/admin/cases/${caseId}`);
    const corrected = await head.post(`/admin/cases/${caseId}/letters/${replyLetter.content.id}/correct`, {
      reason: '补充提供信息',
    });
    assert.equal(corrected.statusCode, 303, corrected.body.slice(0, 300));
    assert.ok((await applicant.get(`/status/${caseId}`)).body.includes(later.id), 'listed by the correction');
    const log = await t.deps.store.audit.list(['tianhu'], 40);
    assert.ok(log.some((e) => e.action === 'attachment.remove' && e.caseId === caseId));
    assert.ok(
      log.some((e) => e.action === 'case.release_download' && e.caseId === caseId),
      'the download is audited',
    );
    assert.ok(log.some((e) => e.action === 'case.release_review'));
  } finally {
    await t.close();
  }
});
