/** 条例第三十条: during a 补正 the applicant's status page shows the deadline, and after they supply it, that it was received. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';

test('条例第三十条: the status page shows the 补正 deadline, then that the 补正 was received', async () => {
  const t = await testApp();
  try {
    const a = new Client(t.app);
    await a.get('/apply/tianhu');
    const caseId = /id="case-id">([^<]+)</.exec((await a.post('/apply/tianhu', VALID_APPLICATION)).body)![1]!;
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get(`/admin/cases/${caseId}`);
    const asked = await clerk.post(`/admin/cases/${caseId}/events/clarification_requested`, {
      on: '2024-03-04',
      items: '请写明所需文件的年份',
      replyWithinDays: '15',
    });
    assert.equal(asked.statusCode, 303, asked.body.slice(0, 300));
    const during = await a.get(`/status/${caseId}`);
    // 15 working days from 2024-03-04 (no holiday in between): 2024-03-25
    assert.match(during.body, /请于2024年3月25日前补正/);
    const done = await a.post(`/status/${caseId}/clarification`, { text: '所需文件为2023年度的' });
    assert.equal(done.statusCode, 303);
    const after = await a.get(`/status/${caseId}`);
    assert.match(after.body, /已于2024年3月4日收到您的补正/);
    assert.ok(!after.body.includes('请于2024年3月25日前补正'));
  } finally {
    await t.close();
  }
});
