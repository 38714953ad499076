/** Dates shown to people are Asia/Shanghai dates: an action at 01:00 Beijing time is dated that day, not the day before (UTC). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp } from '../helpers/test-app.js';

test('item history and versions print the China Standard Time date of each action', async () => {
  const t = await testApp({ now: '2024-03-03T17:30:00.000Z' }); // 2024-03-04 01:30 in Beijing
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get('/admin/items/new');
    const r = await clerk.post('/admin/items/new', {
      title: '凌晨拟稿的信息',
      columnId: 'tianhu:news',
      formedOn: '2024-03-04',
      topic: '综合政务',
      docNumber: '',
      docType: 'other',
      openMode: '主动公开',
      body: '正文',
    });
    const page = await clerk.get(String(r.headers.location));
    assert.match(page.body, /<strong>2024-03-04<\/strong>/);
    assert.match(page.body, /第1版（2024-03-04）/);
    assert.ok(!page.body.includes('2024-03-03'), 'no UTC date');
  } finally {
    await t.close();
  }
});
