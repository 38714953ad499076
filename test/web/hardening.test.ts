/**
 * Defects a hostile test campaign reproduced against the running server, each as a test named after it: limits
 * and lockout that could be walked around, poisoned caches, sessions that outlived a password reset, uploads
 * stored before the state was checked, control characters, deep rich text, dishonest size messages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { Client, PASSWORDS, VALID_APPLICATION, testApp } from '../helpers/test-app.js';

const mask = (html: string) => html.replace(/value="[^"]{20,}"/g, 'value="…"');

test('login: 41 simultaneous attempts (40 wrong) never reset the failure count, and every failure is counted', async () => {
  const t = await testApp({ loginPerMinute: 1000 });
  try {
    const c = new Client(t.app);
    await c.get('/admin/login');
    const attempts = Array.from({ length: 41 }, () =>
      c.post('/admin/login', { username: 'th-clerk', password: 'wrong' }),
    );
    const codes = (await Promise.all(attempts)).map((r) => r.statusCode);
    assert.deepEqual(new Set(codes), new Set([401]));
    const row = await t.deps.store.loginFailures.find('th-clerk', 'ip:127.0.0.1');
    assert.equal(row?.failures, 41, 'one failure recorded per attempt, none lost to a concurrent write');
    // and the client now waits, whatever it sends
    const right = await c.post('/admin/login', { username: 'th-clerk', password: PASSWORDS['th-clerk']! });
    assert.equal(right.statusCode, 401);
  } finally {
    await t.close();
  }
});

test('login: a throttled, a wrong and an unknown account get the same answer after the same work', async () => {
  const t = await testApp({ loginPerMinute: 1000 });
  try {
    const c = new Client(t.app, '10.0.0.9');
    await c.get('/admin/login');
    for (let i = 0; i < 6; i++) await c.post('/admin/login', { username: 'th-head', password: 'wrong' });
    const time = async (username: string, password: string) => {
      const ms: number[] = [];
      let body = '';
      let status = 0;
      for (let i = 0; i < 5; i++) {
        const a = performance.now();
        const r = await c.post('/admin/login', { username, password });
        ms.push(performance.now() - a);
        body = mask(r.body).replace(/value="(th-head|th-clerk|nobody-here)"/, 'value=""');
        status = r.statusCode;
      }
      return { status, body, median: ms.sort((x, y) => x - y)[2]! };
    };
    const throttled = await time('th-head', PASSWORDS['th-head']!);
    const wrong = await time('th-clerk', 'wrong');
    const unknown = await time('nobody-here', 'wrong');
    assert.deepEqual([throttled.status, wrong.status, unknown.status], [401, 401, 401]);
    assert.equal(throttled.body, wrong.body, 'a throttled account reads like a wrong password');
    assert.equal(unknown.body, wrong.body, 'an unknown account reads like a wrong password');
    const times = [throttled.median, wrong.median, unknown.median];
    // all three run scrypt once: no factor-of-ten gap (18 ms against 200 ms before) tells them apart
    assert.ok(
      Math.max(...times) < 4 * Math.min(...times),
      `medians ${times.map((x) => x.toFixed(1)).join(' / ')} ms`,
    );
  } finally {
    await t.close();
  }
});

test("login: another client's failures never lock the owner out (per account and client, with a backoff)", async () => {
  const t = await testApp({ loginPerMinute: 1000 });
  try {
    const owner = new Client(t.app, '10.1.1.1');
    await owner.login('th-clerk');
    await owner.post('/admin/logout', {});
    // an attacker from another address fails again and again
    const attacker = new Client(t.app, '10.6.6.6');
    await attacker.get('/admin/login');
    for (let i = 0; i < 12; i++) await attacker.post('/admin/login', { username: 'th-clerk', password: 'x' });
    assert.equal(
      (await attacker.post('/admin/login', { username: 'th-clerk', password: PASSWORDS['th-clerk']! }))
        .statusCode,
      401,
      'the attacker waits',
    );
    await owner.get('/admin/login');
    assert.equal(
      (await owner.post('/admin/login', { username: 'th-clerk', password: PASSWORDS['th-clerk']! }))
        .statusCode,
      303,
      'the owner logs in',
    );
    await owner.post('/admin/logout', {});
    // many addresses: unknown browsers wait, the owner's known browser does not
    for (let i = 0; i < 60; i++) {
      const a = new Client(t.app, `10.7.${i}.1`);
      await a.get('/admin/login');
      await a.post('/admin/login', { username: 'th-clerk', password: 'x' });
    }
    const stranger = new Client(t.app, '10.9.9.9');
    await stranger.get('/admin/login');
    assert.equal(
      (await stranger.post('/admin/login', { username: 'th-clerk', password: PASSWORDS['th-clerk']! }))
        .statusCode,
      401,
    );
    await owner.get('/admin/login');
    assert.equal(
      (await owner.post('/admin/login', { username: 'th-clerk', password: PASSWORDS['th-clerk']! }))
        .statusCode,
      303,
      'the known browser is let in during the attack',
    );
  } finally {
    await t.close();
  }
});

test('X-Forwarded-For is not believed by default: rotating it neither defeats the login limit nor reaches the audit log', async () => {
  const t = await testApp({ loginPerMinute: 3 });
  try {
    const c = new Client(t.app, '127.0.0.5');
    await c.get('/admin/login');
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/admin/login',
        payload: new URLSearchParams({ _csrf: c.csrf, username: 'nobody', password: 'x' }).toString(),
        headers: {
          cookie: c.header(),
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': `203.0.113.${i}`,
        },
        remoteAddress: '127.0.0.5',
      });
      codes.push(r.statusCode);
    }
    assert.ok(codes.includes(429), `rate limited: ${codes.join(',')}`);
    const log = await t.deps.store.audit.list([null], 50);
    assert.ok(log.length > 0);
    assert.ok(
      log.every((e) => !e.ip.startsWith('203.0.113.')),
      'no forged address in the audit log',
    );
  } finally {
    await t.close();
  }
});

test('every failed login is audited, unknown names too; the platform administrator sees them', async () => {
  const t = await testApp();
  try {
    const c = new Client(t.app);
    await c.get('/admin/login');
    await c.post('/admin/login', { username: 'th-clerk', password: 'wrong' });
    await c.post('/admin/login', { username: 'no-such-user', password: 'wrong' });
    const own = await t.deps.store.audit.list(['tianhu'], 20);
    assert.ok(own.some((e) => e.action === 'login.failed'));
    const unowned = await t.deps.store.audit.list([null], 20);
    const e = unowned.find((x) => x.action === 'login.failed');
    assert.ok(e, 'an unknown name is audited');
    assert.ok(!e.detail.includes('no-such-user'), 'the typed name is masked');
    const admin = new Client(t.app);
    await admin.login('county-admin');
    assert.match((await admin.get('/admin/audit')).body, /登录失败/);
  } finally {
    await t.close();
  }
});

test('the cached sitemap and RSS print PUBLIC_URL: a forged Host or X-Forwarded-Host cannot poison them', async () => {
  const t = await testApp({ publicUrl: 'https://gk.example.gov.cn' });
  try {
    for (const url of ['/sitemap.xml', '/gk/tianhu/c/news/rss.xml']) {
      const forged = await t.app.inject({
        url,
        headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
      });
      const later = await t.app.inject({ url });
      for (const r of [forged, later]) {
        assert.ok(!r.body.includes('evil.example'), `${url} is not poisoned`);
      }
      if (url === '/sitemap.xml')
        assert.match(later.body, /<loc>https:\/\/gk\.example\.gov\.cn\/gk\/tianhu<\/loc>/);
    }
  } finally {
    await t.close();
  }
});

test('sessions end when the password is reset, the role changes, or the account is disabled (and stay ended when re-enabled)', async () => {
  const t = await testApp();
  try {
    const admin = new Client(t.app);
    await admin.login('th-admin');
    const id = (await t.deps.store.users.findByUsername('th-clerk'))!.id;
    const { hashPassword } = await import('../../src/adapters/security/password-hasher.js');
    const known = await hashPassword(PASSWORDS['th-clerk']!);
    let clerk = new Client(t.app);
    for (const change of ['reset', 'role', 'disable'] as const) {
      // each round starts from the fixture's password (a reset replaced it)
      await t.deps.store.users.update(id, { passwordHash: known, mustChangePassword: false });
      clerk = new Client(t.app);
      await clerk.login('th-clerk');
      assert.equal((await clerk.get('/admin')).statusCode, 200, `${change}: logged in`);
      await admin.get('/admin/staff');
      const r = await admin.post(`/admin/staff/${id}`, { change, role: 'clerk' });
      assert.equal(r.statusCode, 200, `${change}: ${r.body.slice(0, 200)}`);
      assert.equal(
        (await clerk.get('/admin')).headers.location,
        '/admin/login',
        `${change} ends the session`,
      );
    }
    // re-enabling the account does not bring the ended session back
    await admin.get('/admin/staff');
    await admin.post(`/admin/staff/${id}`, { change: 'enable' });
    assert.equal((await clerk.get('/admin')).headers.location, '/admin/login', 're-enabled: still ended');
  } finally {
    await t.close();
  }
});

test('/status/:id/clarification stores no upload unless the case awaits a 补正', async () => {
  const t = await testApp();
  try {
    const a = new Client(t.app);
    await a.get('/apply/tianhu');
    const r = await a.post('/apply/tianhu', VALID_APPLICATION);
    assert.equal(r.statusCode, 201);
    const caseId = /TH-\d{4}-\d{4}/.exec(r.body)![0];
    await a.get(`/status/${caseId}`);
    const pdf = new TextEncoder().encode('%PDF-1.4\n' + 'x'.repeat(1000));
    const up = await a.postFile(
      `/status/${caseId}/clarification`,
      { text: '补充说明' },
      { name: 'a.pdf', bytes: pdf },
    );
    assert.equal(up.statusCode, 409, 'no 补正 was asked for');
    const filesDir = join(dirname(t.dbFile), 'files');
    const stored = existsSync(filesDir) ? readdirSync(filesDir, { recursive: true }).length : 0;
    assert.equal(stored, 0, 'nothing written to disk');
    assert.equal((await t.deps.store.attachments.listForCase(caseId)).length, 0);
  } finally {
    await t.close();
  }
});

test('/apply is rate limited per client', async () => {
  const t = await testApp({ applyPerMinute: 3 });
  try {
    const a = new Client(t.app, '10.2.2.2');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      await a.get('/apply/tianhu');
      codes.push((await a.post('/apply/tianhu', VALID_APPLICATION)).statusCode);
    }
    assert.deepEqual(codes, [201, 201, 201, 429, 429]);
  } finally {
    await t.close();
  }
});

test('postgres: a NUL or control character in a field or a path gives a clear answer, never a 500; RSS stays valid XML', async () => {
  const t = await testApp({ postgres: true, pageCacheSeconds: 0 });
  try {
    const a = new Client(t.app);
    await a.get('/apply/tianhu');
    const r = await a.post('/apply/tianhu', { ...VALID_APPLICATION, description: '请公开\u0000预算\u0007' });
    assert.equal(r.statusCode, 201, r.body.slice(0, 200));
    for (const url of ['/gk/tian%00hu', '/status/TH-2024-%00001', '/search?q=%00']) {
      const g = await a.get(url);
      assert.ok(g.statusCode < 500, `${url}: ${g.statusCode}`);
    }
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get('/admin/items/new');
    const item = await clerk.post('/admin/items/new', {
      title: '公告\u0001\u0000标题',
      columnId: 'tianhu:news',
      formedOn: '2024-03-01',
      topic: '综合政务',
      docNumber: '',
      docType: 'other',
      openMode: '主动公开',
      body: `${'<div>'.repeat(6000)}深层正文${'</div>'.repeat(6000)}`,
    });
    assert.equal(item.statusCode, 303, `≥5,000 nested tags: ${item.statusCode}`);
    const id = /\/admin\/items\/([0-9a-f]+)/.exec(String(item.headers.location))![1]!;
    const row = await t.deps.store.publication.items.find(id);
    assert.ok(row && !/[\u0000-\u0008]/.test(row.title), 'stored without control characters');
    const rss = await a.get('/gk/tianhu/c/news/rss.xml');
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(rss.body), 'valid XML');
  } finally {
    await t.close();
  }
});

test('honest size messages: a long pasted report is read, a too-long one is named as too long (not "文件超过10MB")', async () => {
  const t = await testApp({ reportCheckPerMinute: 100 });
  try {
    const a = new Client(t.app);
    await a.get('/nianbao/check');
    const long = await a.post('/nianbao/check', { text: '一、总体情况\n'.repeat(40000) });
    assert.equal(long.statusCode, 200, 'a 1.6 MB form (≈ 500 KB of Chinese text) is read');
    await a.get('/nianbao/check');
    const huge = await a.post('/nianbao/check', { text: '政'.repeat(2_000_000) });
    assert.equal(huge.statusCode, 413);
    assert.match(huge.body, /提交的内容超过4MB/);
    assert.ok(!huge.body.includes('10MB'));
  } finally {
    await t.close();
  }
});

test('a supervisor reading a subordinate’s case is audited in both organs', async () => {
  const t = await testApp({ cases: true });
  try {
    const [row] = await t.deps.store.cases.list({ organIds: ['tianhu'], limit: 1 });
    assert.ok(row);
    const sup = new Client(t.app);
    await sup.login('county-super');
    assert.equal((await sup.get(`/admin/cases/${row.id}`)).statusCode, 200);
    for (const organ of ['county', 'tianhu']) {
      const log = await t.deps.store.audit.list([organ], 50);
      assert.ok(
        log.some((e) => e.action === 'case.view' && e.caseId === row.id),
        `in ${organ}'s log`,
      );
    }
  } finally {
    await t.close();
  }
});

test('item files up to the 20 MB the page states are accepted (they were cut at 10 MB)', async () => {
  const t = await testApp();
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get('/admin/items/new');
    const r = await clerk.post('/admin/items/new', {
      title: '大附件测试',
      columnId: 'tianhu:news',
      formedOn: '2024-03-01',
      topic: '综合政务',
      docNumber: '',
      docType: 'other',
      openMode: '主动公开',
      body: '正文',
    });
    const id = /\/admin\/items\/([0-9a-f]+)/.exec(String(r.headers.location))![1]!;
    await clerk.get(`/admin/items/${id}`);
    const big = new Uint8Array(15 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const up = await clerk.postFile(`/admin/items/${id}/files`, {}, { name: '图册.pdf', bytes: big });
    assert.equal(up.statusCode, 303, up.body.slice(0, 300));
    assert.equal((await t.deps.store.publication.files.list(id))[0]?.size, big.length);
  } finally {
    await t.close();
  }
});

test('a server error is always logged, with the request id the error page shows', async () => {
  const lines: string[] = [];
  const t = await testApp({ logStream: { write: (l: string) => lines.push(l) } });
  try {
    t.deps.store.organs.list = async () => {
      throw new Error('disk on fire');
    };
    const r = await t.app.inject({ url: '/' });
    assert.equal(r.statusCode, 500);
    const id = /错误编号：([0-9a-f]+)/.exec(r.body)?.[1];
    assert.ok(id, 'the page shows a request id');
    const entry = lines.map(
      (l) => JSON.parse(l) as { reqId?: string; level: number; err?: { message: string } },
    );
    assert.ok(entry.some((e) => e.reqId === id && e.level >= 50 && e.err?.message === 'disk on fire'));
  } finally {
    await t.close();
  }
});
