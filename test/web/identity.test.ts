/**
 * 条例第二十九条 asks only for 身份证明: a passport, a 港澳/台湾 permit or a 外国人永久居留身份证 is accepted online;
 * a letter without an ID number is registered as received, and the case offers the 补正 (条例第三十条) for exactly
 * what it lacks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';
import { idNumberProblem } from '../../src/app/cases/application-form.js';

test('条例第二十九条: a passport applicant is accepted online, and each document is checked by its own shape', async () => {
  const t = await testApp();
  try {
    const a = new Client(t.app);
    await a.get('/apply/tianhu');
    const ok = await a.post('/apply/tianhu', {
      ...VALID_APPLICATION,
      idType: 'passport',
      idNumber: 'E12345678',
    });
    assert.equal(ok.statusCode, 201, ok.body.slice(0, 400));
    await a.get('/apply/tianhu');
    const bad = await a.post('/apply/tianhu', {
      ...VALID_APPLICATION,
      idType: 'hk_macao_permit',
      idNumber: '12345',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /港澳居民来往内地通行证号码应为H或M加8位或10位数字/);
    const [row] = await t.deps.store.cases.list({ organIds: ['tianhu'] });
    const events = await t.deps.store.cases.events(row!.id);
    const first = events[0]!.event as { facts?: { applicant: { idType?: string } } };
    assert.equal(first.facts?.applicant.idType, 'passport');
  } finally {
    await t.close();
  }
  assert.equal(idNumberProblem('hk_macao_permit', 'H12345678'), null);
  assert.equal(idNumberProblem('taiwan_permit', '12345678'), null);
  assert.equal(idNumberProblem('foreign_permanent_resident', 'USA123456789012'), null);
  assert.ok(idNumberProblem('resident_id', '110101199001011235'), 'a wrong check digit is refused');
});

test('条例第三十条: a letter application with no ID number is registered, and the 补正 asks for exactly the ID', async () => {
  const t = await testApp();
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get('/admin/cases/new');
    const letter = {
      ...VALID_APPLICATION,
      idNumber: '',
      channel: 'letter',
      submittedOn: '2024-03-01',
      signedOn: '2024-03-04',
    };
    const unticked = await clerk.post('/admin/cases/new', letter);
    assert.equal(
      unticked.statusCode,
      400,
      'a gap is an error unless the clerk chose to register it as it came',
    );
    const r = await clerk.post('/admin/cases/new', { ...letter, allowIncomplete: 'yes' });
    assert.equal(r.statusCode, 303, r.body.slice(0, 500));
    const caseId = /\/admin\/cases\/([A-Z]+-\d{4}-\d{4})/.exec(String(r.headers.location))![1]!;
    const page = await clerk.get(`/admin/cases/${caseId}`);
    assert.match(page.body, /缺少申请人的身份证明/);
    assert.match(page.body, /请补充申请人的身份证明<\/textarea>/, 'the 补正 form names exactly the ID');
    const done = await clerk.post(`/admin/cases/${caseId}/events/clarification_requested`, {
      on: '2024-03-04',
      items: '请补充申请人的身份证明',
      replyWithinDays: '15',
    });
    assert.equal(done.statusCode, 303, done.body.slice(0, 300));
    // a value that is there but wrong is still an error
    await clerk.get('/admin/cases/new');
    const wrong = await clerk.post('/admin/cases/new', {
      ...VALID_APPLICATION,
      idNumber: '123',
      channel: 'letter',
      submittedOn: '2024-03-01',
      signedOn: '2024-03-04',
      allowIncomplete: 'yes',
    });
    assert.equal(wrong.statusCode, 400);
  } finally {
    await t.close();
  }
});

test('条例第三十一条第（二）项: a letter signed for on a Saturday counts from Monday, and the case page and the 登记回执 say why', async () => {
  const t = await testApp();
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get('/admin/cases/new');
    const r = await clerk.post('/admin/cases/new', {
      ...VALID_APPLICATION,
      channel: 'letter',
      submittedOn: '2024-02-29',
      signedOn: '2024-03-02',
    });
    assert.equal(r.statusCode, 303, r.body.slice(0, 500));
    const caseId = /\/admin\/cases\/([A-Z]+-\d{4}-\d{4})/.exec(String(r.headers.location))![1]!;
    const page = (await clerk.get(`/admin/cases/${caseId}`)).body;
    const why = /id="receipt-reason">([^<]+)</.exec(page)?.[1] ?? '';
    assert.match(why, /以行政机关签收之日为收到申请之日（条例第三十一条第（二）项）：2024年3月2日/);
    assert.match(why, /该日不是工作日，按本机关规定自下一个工作日2024年3月4日起视为收到/);
    const receipt = (await t.deps.store.letters.listForCase(caseId)).find((l) => l.kind === 'receipt')!;
    assert.match(
      receipt.content.paragraphs[0]!,
      /本机关于2024年3月4日收到.*收到申请之日的确定：以邮寄方式提交的/,
    );
  } finally {
    await t.close();
  }
});
