/**
 * Staff change their own password; a new account and a reset password must be changed at the first login, and
 * the change ends every other session of the account.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, PASSWORDS, testApp } from '../helpers/test-app.js';

test('a new account must change its initial password first; the change ends its other sessions', async () => {
  const t = await testApp();
  try {
    const admin = new Client(t.app);
    await admin.login('th-admin');
    await admin.get('/admin/staff');
    const r = await admin.post('/admin/staff', { username: 'th-new', displayName: '新经办', role: 'clerk' });
    const initial = /初始密码：([\w-]+)/.exec(r.body)![1]!;
    const a = new Client(t.app);
    await a.get('/admin/login');
    assert.equal((await a.post('/admin/login', { username: 'th-new', password: initial })).statusCode, 303);
    assert.equal((await a.get('/admin')).headers.location, '/admin/password', 'sent to change it');
    assert.equal((await a.get('/admin/items')).headers.location, '/admin/password');
    const b = new Client(t.app);
    await b.get('/admin/login');
    await b.post('/admin/login', { username: 'th-new', password: initial });
    const page = await a.get('/admin/password');
    assert.match(page.body, /请先设置您自己的密码/);
    for (const [form, field, msg] of [
      [{ current: 'wrong', next: 'Newpass2026x', confirm: 'Newpass2026x' }, 'current', /当前密码不正确/],
      [{ current: initial, next: 'short1', confirm: 'short1' }, 'next', /至少10个字符/],
      [
        { current: initial, next: 'Newpass2026x', confirm: 'Newpass2026y' },
        'confirm',
        /两次输入的新密码不一致/,
      ],
    ] as const) {
      const bad = await a.post('/admin/password', form);
      assert.equal(bad.statusCode, 400, field);
      assert.match(bad.body, msg);
    }
    const ok = await a.post('/admin/password', {
      current: initial,
      next: 'Newpass2026x',
      confirm: 'Newpass2026x',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal((await a.get('/admin')).statusCode, 200, 'this browser continues');
    assert.equal((await b.get('/admin')).headers.location, '/admin/login', 'the other session ended');
    const c = new Client(t.app);
    await c.get('/admin/login');
    assert.equal(
      (await c.post('/admin/login', { username: 'th-new', password: 'Newpass2026x' })).statusCode,
      303,
    );
    assert.equal((await c.get('/admin')).statusCode, 200, 'no longer asked to change it');
    assert.ok(
      (await t.deps.store.audit.list(['tianhu'], 30)).some((e) => e.action === 'staff.password_changed'),
    );
  } finally {
    await t.close();
  }
});

test('a reset password must be changed at the next login; an existing account changes its own at will', async () => {
  const t = await testApp();
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get('/admin/password');
    const own = await clerk.post('/admin/password', {
      current: PASSWORDS['th-clerk']!,
      next: 'Lijingban2026',
      confirm: 'Lijingban2026',
    });
    assert.equal(own.statusCode, 303);
    const admin = new Client(t.app);
    await admin.login('th-admin');
    await admin.get('/admin/staff');
    const id = (await t.deps.store.users.findByUsername('th-clerk'))!.id;
    const reset = await admin.post(`/admin/staff/${id}`, { change: 'reset' });
    const pw = /的密码：([\w-]+)/.exec(reset.body)![1]!;
    const again = new Client(t.app);
    await again.get('/admin/login');
    await again.post('/admin/login', { username: 'th-clerk', password: pw });
    assert.equal((await again.get('/admin')).headers.location, '/admin/password');
  } finally {
    await t.close();
  }
});
