/**
 * The staff JSON API: tokens issued by the organ's 管理员 (shown once, stored as an HMAC), bearer-only (a session
 * cookie does not open it), the same organ scope and roles as the web pages, masked applicants, Chinese field
 * errors, revocation and disabled accounts take effect at once, every call audited, documented in OpenAPI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';
import { submitApplication } from '../../src/app/cases/create-case.js';

test('staff API: issue a token, list, read and register cases, statistics; scope, masking, revocation', async () => {
  const t = await testApp();
  try {
    const mine = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
    const theirs = await submitApplication(t.deps, 'county-zrj', VALID_APPLICATION, '127.0.0.1');
    const admin = new Client(t.app);
    await admin.login('th-admin');
    await admin.get('/admin/staff');
    const bad = await admin.post('/admin/staff/tokens', { userId: 'u-zrj-clerk', name: 'x' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /请选择本机关的在用账号/);
    assert.match(bad.body, /请填写令牌用途/);
    const issued = await admin.post('/admin/staff/tokens', { userId: 'u-th-clerk', name: '办公系统同步' });
    assert.equal(issued.statusCode, 201);
    const token = /(gk_[A-Za-z0-9_-]{43})/.exec(issued.body)![1]!;
    assert.ok(
      !JSON.stringify(await t.deps.store.apiTokens.listForOrgan('tianhu')).includes(token),
      'only an HMAC is stored',
    );
    const clerkPage = new Client(t.app);
    await clerkPage.login('th-clerk');
    assert.equal(
      (await clerkPage.post('/admin/staff/tokens', { userId: 'u-th-clerk', name: '自己签发' })).statusCode,
      403,
      'a clerk cannot issue tokens',
    );

    const api = (method: 'GET' | 'POST', url: string, body?: unknown, auth = `Bearer ${token}`) =>
      t.app.inject({
        method,
        url,
        headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { payload: JSON.stringify(body) } : {}),
      });

    assert.equal((await api('GET', '/api/v1/staff/cases', undefined, '')).statusCode, 401);
    assert.equal((await api('GET', '/api/v1/staff/cases', undefined, 'Bearer gk_wrong')).statusCode, 401);
    const viaCookie = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/cases',
      headers: { cookie: clerkPage.header() },
    });
    assert.equal(viaCookie.statusCode, 401, 'a session cookie does not open the API (so no CSRF exposure)');

    const list = await api('GET', '/api/v1/staff/cases?tab=open');
    assert.equal(list.statusCode, 200);
    const l = list.json() as { total: number; items: { id: string; applicant: string }[] };
    assert.deepEqual(
      l.items.map((i) => i.id),
      [mine.caseId],
      'own organ only',
    );
    assert.equal(l.items[0]!.applicant, '张*');
    assert.ok(!list.body.includes('11010519491231002X') && !list.body.includes('13800138000'));

    const one = await api('GET', `/api/v1/staff/cases/${mine.caseId}`);
    assert.equal(one.statusCode, 200);
    const c = one.json() as {
      state: string;
      clocks: { key: string; due: string; article: string }[];
      events: { kind: string }[];
    };
    assert.equal(c.state, 'registered');
    assert.deepEqual(
      c.clocks.find((k) => k.key === 'reply'),
      { ...c.clocks.find((k) => k.key === 'reply'), due: '2024-04-01', article: '条例第三十三条第二款' },
    );
    assert.deepEqual(
      c.events.map((e) => e.kind),
      ['registered'],
    );
    assert.equal(
      (await api('GET', `/api/v1/staff/cases/${theirs.caseId}`)).statusCode,
      404,
      "another organ's case does not exist for this token",
    );

    const invalid = await api('POST', '/api/v1/staff/cases', {
      channel: 'letter',
      submittedOn: '2024-02-30',
      applicantType: 'natural_person',
      name: '',
      description: '短',
    });
    assert.equal(invalid.statusCode, 400);
    const inv = invalid.json() as { error: string; fields: Record<string, string> };
    assert.equal(inv.error, 'form_invalid');
    assert.match(inv.fields.submittedOn!, /真实日期/);
    assert.ok(inv.fields.name && inv.fields.description, 'every bad field named, in Chinese');
    const before = await t.deps.store.cases.count({ organIds: ['tianhu'] });
    const created = await api('POST', '/api/v1/staff/cases', {
      ...VALID_APPLICATION,
      channel: 'letter',
      submittedOn: '2024-03-01',
      signedOn: '2024-03-02',
    });
    assert.equal(created.statusCode, 201, created.body);
    const cr = created.json() as { id: string; receivedOn: string; dueOn: string };
    assert.equal(
      cr.receivedOn,
      '2024-03-04',
      '条例第三十一条: a letter signed for on a Saturday counts from the next working day',
    );
    assert.equal(await t.deps.store.cases.count({ organIds: ['tianhu'] }), before + 1);

    const stats = await api('GET', '/api/v1/staff/statistics?year=2024');
    const st = stats.json() as {
      format: string;
      cells: { table: string; row: string; column: string; value: number | null }[];
    };
    assert.equal(st.format, '2021');
    assert.equal(
      st.cells.find(
        (x) => x.table === '三' && x.row === '一、本年新收政府信息公开申请数量' && x.column === '总计',
      )!.value,
      2,
    );

    const audit = await t.deps.store.audit.list(['tianhu'], 100);
    assert.ok(
      ['api_token.issue', 'api.cases.list', 'api.case.view', 'api.statistics'].every((a) =>
        audit.some((e) => e.action === a),
      ),
      'issue and every read audited',
    );

    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
      components: { securitySchemes: Record<string, unknown> };
    };
    assert.ok(
      spec.paths['/api/v1/staff/cases'] &&
        spec.paths['/api/v1/staff/statistics'] &&
        spec.components.securitySchemes.bearer,
    );

    // revocation and a disabled account end the token at once
    const id = (await t.deps.store.apiTokens.listForOrgan('tianhu'))[0]!.id;
    await admin.get('/admin/staff');
    assert.equal((await admin.post(`/admin/staff/tokens/${id}/revoke`, {})).statusCode, 200);
    assert.equal((await api('GET', '/api/v1/staff/cases')).statusCode, 401);
    await admin.get('/admin/staff');
    const second = /(gk_[A-Za-z0-9_-]{43})/.exec(
      (await admin.post('/admin/staff/tokens', { userId: 'u-th-head', name: '统计' })).body,
    )![1]!;
    assert.equal((await api('GET', '/api/v1/staff/cases', undefined, `Bearer ${second}`)).statusCode, 200);
    await admin.get('/admin/staff');
    await admin.post('/admin/staff/u-th-head', { change: 'disable' });
    assert.equal((await api('GET', '/api/v1/staff/cases', undefined, `Bearer ${second}`)).statusCode, 401);
  } finally {
    await t.close();
  }
});
