/**
 * 条例第十二条 and 第二十九条: the organ's 传真 and 互联网联系方式 in its settings and its 指南, a downloadable 申请表
 * for letter, in-person and fax applications, and — where the organ offers it — an online applicant's optional
 * copy of the 身份证明 and 委托书, recorded with the case and only with it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';

const ORGAN_FORM = {
  officeName: '田湖镇政务公开办',
  sealName: '田湖镇人民政府',
  address: '某县田湖镇政府街1号',
  postcode: '276100',
  phone: '0539-7654321',
  hours: '工作日 9:00-17:00',
  email: 'gk@example.gov.cn',
};

test('条例第十二条: the organ’s 传真 and 网址 are set, checked, printed in the 指南 and on the downloadable 申请表', async () => {
  const t = await testApp();
  try {
    const admin = new Client(t.app);
    await admin.login('th-admin');
    await admin.get('/admin/organ');
    const bad = await admin.post('/admin/organ', { ...ORGAN_FORM, fax: '传真', website: 'www' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /传真号码应为7至40位数字/);
    assert.match(bad.body, /互联网联系方式应为以 http:\/\/ 或 https:\/\/ 开头的网址/);
    assert.equal((await t.deps.store.organs.find('tianhu'))!.fax, '', 'unchanged');
    const ok = await admin.post('/admin/organ', {
      ...ORGAN_FORM,
      fax: '0539-7654322',
      website: 'https://tianhu.example.gov.cn',
    });
    assert.equal(ok.statusCode, 200, ok.body.slice(0, 300));
    const guide = (await new Client(t.app).get('/gk/tianhu/guide')).body;
    assert.match(guide, /传真：0539-7654322/);
    assert.match(guide, /href="https:\/\/tianhu.example.gov.cn"/);
    assert.match(guide, /href="\/gk\/tianhu\/application-form.docx"/);
    const form = await new Client(t.app).get('/gk/tianhu/application-form.docx');
    assert.equal(form.statusCode, 200);
    const text = (await mammoth.extractRawText({ buffer: form.rawPayload })).value;
    for (const s of [
      '田湖镇人民政府',
      '政府信息公开申请表',
      '传真：0539-7654322',
      '护照',
      '统一社会信用代码',
    ])
      assert.ok(text.includes(s), `the 申请表 prints ${s}`);
  } finally {
    await t.close();
  }
});

test('条例第二十九条: where the organ offers it, an online applicant may add a copy of the 身份证明 and a 委托书; a bad file names its field and files nothing', async () => {
  const t = await testApp();
  try {
    const pdf = new TextEncoder().encode('%PDF-1.4\n% 身份证复印件\n');
    const apply = async (files: { name: string; bytes: Uint8Array; field: string }[]) => {
      const c = new Client(t.app);
      await c.get('/apply/tianhu');
      return c.postFile('/apply/tianhu', { ...VALID_APPLICATION }, files);
    };
    // not offered: the form has no upload and a posted file is not kept
    assert.doesNotMatch((await new Client(t.app).get('/apply/tianhu')).body, /name="idCopy"/);
    const off = await apply([{ name: 'id.pdf', bytes: pdf, field: 'idCopy' }]);
    assert.equal(off.statusCode, 201, off.body.slice(0, 300));
    const first = /id="case-id">([^<]+)</.exec(off.body)![1]!;
    assert.deepEqual(await t.deps.store.attachments.listForCase(first), []);

    const admin = new Client(t.app);
    await admin.login('th-admin');
    await admin.get('/admin/organ');
    assert.equal(
      (await admin.post('/admin/organ', { ...ORGAN_FORM, applicantUploads: 'yes' })).statusCode,
      200,
    );
    const formPage = (await new Client(t.app).get('/apply/tianhu')).body;
    assert.match(formPage, /enctype="multipart\/form-data"/);
    assert.match(formPage, /name="idCopy"/);
    assert.match(formPage, /name="authorization"/);

    const before = (await t.deps.store.cases.list({ organIds: ['tianhu'] })).length;
    const bad = await apply([{ name: 'id.exe', bytes: new TextEncoder().encode('MZ....'), field: 'idCopy' }]);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /身份证明复印件：只能上传PDF、JPG、PNG或DOCX文件/);
    assert.equal((await t.deps.store.cases.list({ organIds: ['tianhu'] })).length, before, 'nothing filed');

    const good = await apply([
      { name: '身份证.pdf', bytes: pdf, field: 'idCopy' },
      { name: '委托书.pdf', bytes: pdf, field: 'authorization' },
    ]);
    assert.equal(good.statusCode, 201, good.body.slice(0, 300));
    const caseId = /id="case-id">([^<]+)</.exec(good.body)![1]!;
    const files = await t.deps.store.attachments.listForCase(caseId);
    assert.deepEqual(files.map((f) => [f.kind, f.filename]).sort(), [
      ['identity_document', '身份证.pdf'],
      ['power_of_attorney', '委托书.pdf'],
    ]);
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const page = (await clerk.get(`/admin/cases/${caseId}`)).body;
    assert.match(page, /身份证明复印件（营业执照等）：/);
    assert.match(page, /委托书：/);
    // optional: an application without files is filed as before
    assert.equal((await apply([])).statusCode, 201);
  } finally {
    await t.close();
  }
});
