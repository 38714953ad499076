/**
 * What was submitted once is filed once (post/redirect/get with a key the form carries), and every case has a
 * query code whatever its channel: a registered case's 回执 carries a working code; a reissued code replaces the
 * old one. A reload of the receipt, a back-and-resubmit and a double click each give the same case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';

const keyOf = (html: string) => /name="idem" value="([^"]+)"/.exec(html)![1]!;

test('reload, back-and-resubmit and a double click of the application form give one case (本年新收 counts it once)', async () => {
  const t = await testApp();
  try {
    const a = new Client(t.app);
    const form = await a.get('/apply/tianhu');
    const idem = keyOf(form.body);
    const first = await a.post('/apply/tianhu', { ...VALID_APPLICATION, idem });
    assert.equal(first.statusCode, 303);
    const receiptUrl = String(first.headers.location);
    const receipt = await a.get(receiptUrl);
    assert.equal(receipt.statusCode, 200);
    const caseId = /id="case-id">([^<]+)</.exec(receipt.body)![1]!;
    const code = /id="query-code">([^<]+)</.exec(receipt.body)![1]!;
    // reload of the receipt
    assert.match((await a.get(receiptUrl)).body, new RegExp(caseId));
    // back and resubmit, and a double click: the same key
    const [again, twice] = await Promise.all([
      a.post('/apply/tianhu', { ...VALID_APPLICATION, idem }),
      a.post('/apply/tianhu', { ...VALID_APPLICATION, idem }),
    ]);
    for (const r of [again, twice]) assert.equal(r.headers.location, receiptUrl);
    assert.equal((await t.deps.store.cases.list({ organIds: ['tianhu'] })).length, 1, 'one case filed');
    // the code works, and another browser cannot read the receipt
    const s = new Client(t.app);
    await s.get('/status');
    assert.equal((await s.post('/status', { caseId, code })).statusCode, 303);
    assert.equal((await new Client(t.app).get(receiptUrl)).statusCode, 404);
  } finally {
    await t.close();
  }
});

test('a registered (letter) application gets a 回执 with a working query code; a reissued code invalidates the old one', async () => {
  const t = await testApp();
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const form = await clerk.get('/admin/cases/new');
    const idem = keyOf(form.body);
    const values = {
      ...VALID_APPLICATION,
      channel: 'letter',
      submittedOn: '2024-03-01',
      signedOn: '2024-03-04',
      idem,
    };
    const r = await clerk.post('/admin/cases/new', values);
    assert.equal(r.statusCode, 303, r.body.slice(0, 300));
    const receipt = await clerk.get(String(r.headers.location));
    assert.match(receipt.body, /登记回执/);
    const caseId = /id="case-id">([^<]+)</.exec(receipt.body)![1]!;
    const code = /id="query-code">([^<]+)</.exec(receipt.body)![1]!;
    assert.equal(
      (await clerk.post('/admin/cases/new', values)).headers.location,
      r.headers.location,
      'registered once',
    );
    const applicant = new Client(t.app);
    await applicant.get('/status');
    assert.equal(
      (await applicant.post('/status', { caseId, code })).statusCode,
      303,
      'the printed code works',
    );
    await clerk.get(`/admin/cases/${caseId}`);
    const re = await clerk.post(`/admin/cases/${caseId}/query-code`, {});
    const fresh = /新的查询码：([A-Z0-9]{8})/.exec(re.body)![1]!;
    const b = new Client(t.app);
    await b.get('/status');
    assert.equal((await b.post('/status', { caseId, code })).statusCode, 404, 'the old code stops working');
    assert.equal((await b.post('/status', { caseId, code: fresh })).statusCode, 303, 'the new one works');
    const log = await t.deps.store.audit.list(['tianhu'], 30);
    assert.ok(
      log.some((e) => e.action === 'case.code_reissued' && e.caseId === caseId),
      'audited',
    );
  } finally {
    await t.close();
  }
});
