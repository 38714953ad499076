/**
 * The application through the HTTP layer (app.inject): the applicant's service, login security, CSRF and rate
 * limits, organ isolation, and the transition table enforced for every role and state.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, PASSWORDS, VALID_APPLICATION, testApp } from '../helpers/test-app.js';
import { TRANSITIONS, canRecord, type CaseState } from '../../src/core/case/case-machine.js';
import type { CaseEvent, CaseEventKind } from '../../src/core/case/case-event.js';
import { recordCaseEvent } from '../../src/app/cases/record-case-event.js';
import { submitApplication } from '../../src/app/cases/create-case.js';
import type { StaffUser } from '../../src/core/entities.js';

test('applicant: applies without an account, gets a receipt with case number, query code and due date', async () => {
  const t = await testApp();
  try {
    const c = new Client(t.app);
    const form = await c.get('/apply/tianhu');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /向田湖镇人民政府申请政府信息公开/);
    const r = await c.post('/apply/tianhu', VALID_APPLICATION);
    assert.equal(r.statusCode, 201);
    assert.match(r.body, /<strong id="case-id">TH-2024-0001<\/strong>/);
    assert.match(r.body, /id="query-code">[2-9A-HJ-NP-Z]{8}</);
    // received Monday 2024-03-04 → 20 working days → 2024-04-01
    assert.match(r.body, /2024年4月1日前/);
    const audit = await t.deps.store.audit.list(['tianhu'], 10);
    assert.equal(audit[0]!.action, 'case.registered');
    assert.ok(
      !audit[0]!.detail.includes('张三') && audit[0]!.detail.includes('张*'),
      'the audit log masks the name',
    );
  } finally {
    await t.close();
  }
});

test('applicant: every invalid field gets a Chinese message naming it, and nothing is written', async () => {
  const t = await testApp();
  try {
    const c = new Client(t.app);
    await c.get('/apply/tianhu');
    const r = await c.post('/apply/tianhu', {
      ...VALID_APPLICATION,
      idNumber: '110105194912310021',
      phone: '123',
      description: '短',
      delivery: 'post',
      address: '',
    });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /身份证号码不正确（18位，末位为校验码）/);
    assert.match(r.body, /联系电话格式不正确/);
    assert.match(r.body, /所需政府信息的名称、文号或者便于查询的其他特征性描述至少5个字/);
    assert.match(r.body, /选择邮寄时，请填写详细通信地址/);
    assert.match(r.body, /aria-invalid="true"/);
    assert.match(r.body, /value="短"|>短</, 'what was typed is kept');
    assert.equal(await t.deps.store.cases.count({ organIds: ['tianhu'] }), 0);
  } finally {
    await t.close();
  }
});

test('a POST without the CSRF token is refused (403) and writes nothing', async () => {
  const t = await testApp();
  try {
    const c = new Client(t.app);
    await c.get('/apply/tianhu');
    const r = await c.post('/apply/tianhu', VALID_APPLICATION, { csrf: false });
    assert.equal(r.statusCode, 403);
    assert.equal(await t.deps.store.cases.count({ organIds: ['tianhu'] }), 0);
    const other = new Client(t.app);
    const forged = await other.post('/apply/tianhu', { ...VALID_APPLICATION, _csrf: c.csrf });
    assert.equal(forged.statusCode, 403, 'a token without its secret cookie is refused');
    const staff = new Client(t.app);
    await staff.get('/admin/login');
    assert.equal(
      (
        await staff.post(
          '/admin/login',
          { username: 'th-clerk', password: PASSWORDS['th-clerk']! },
          { csrf: false },
        )
      ).statusCode,
      403,
    );
  } finally {
    await t.close();
  }
});

test('the status query is rate limited, and a wrong query code reveals nothing', async () => {
  const t = await testApp({ statusPerMinute: 3 });
  try {
    const created = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
    const c = new Client(t.app);
    await c.get('/status');
    const wrong = await c.post('/status', { caseId: created.caseId, code: 'WRONGCOD' });
    assert.equal(wrong.statusCode, 404);
    assert.match(wrong.body, /案件编号或查询码不正确/);
    assert.equal((await c.get(`/status/${created.caseId}`)).statusCode, 404, 'no access without the code');
    const ok = await c.post('/status', { caseId: created.caseId, code: created.queryCode });
    assert.equal(ok.statusCode, 303);
    const page = await c.get(`/status/${created.caseId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /办理中/);
    assert.ok(
      !page.body.includes('11010519491231002X') && !page.body.includes('13800138000'),
      'no personal data on the applicant page',
    );
    assert.equal(
      (await c.post('/status', { caseId: created.caseId, code: created.queryCode })).statusCode,
      303,
      'the third within a minute is allowed',
    );
    const limited = await c.post('/status', { caseId: created.caseId, code: created.queryCode });
    assert.equal(limited.statusCode, 429, 'the fourth within a minute is refused');
    assert.match(limited.body, /请求过于频繁/);
  } finally {
    await t.close();
  }
});

test('login: wrong passwords are refused, a client that failed five times waits (the same answer as a wrong password), and logins are rate limited', async () => {
  const t = await testApp({ loginPerMinute: 7 });
  try {
    const c = new Client(t.app);
    await c.get('/admin/login');
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await c.post('/admin/login', { username: 'th-clerk', password: 'nope' })).statusCode,
        401,
      );
    const evenRight = await c.post('/admin/login', {
      username: 'th-clerk',
      password: PASSWORDS['th-clerk']!,
    });
    assert.equal(evenRight.statusCode, 401, 'this client waits, even with the right password');
    assert.match(evenRight.body, /用户名或密码不正确/);
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60000);
    assert.equal(
      (await c.post('/admin/login', { username: 'th-clerk', password: PASSWORDS['th-clerk']! })).statusCode,
      303,
      'let in after the backoff',
    );
    assert.equal((await c.post('/admin/login', { username: 'x', password: 'y' })).statusCode, 429);
    assert.ok((await t.deps.store.audit.list(['tianhu'], 20)).some((e) => e.action === 'login.throttled'));
  } finally {
    await t.close();
  }
});

test('sessions expire after 30 idle minutes; the back office needs a login', async () => {
  const t = await testApp();
  try {
    assert.equal((await new Client(t.app).get('/admin')).headers.location, '/admin/login');
    const c = new Client(t.app);
    await c.login('th-clerk');
    assert.equal((await c.get('/admin')).statusCode, 200);
    t.clock.now = new Date(t.clock.now.getTime() + 31 * 60000);
    assert.equal((await c.get('/admin')).statusCode, 303);
  } finally {
    await t.close();
  }
});

test("staff of one organ never reach another organ's case, by any URL; a supervisor reads its subordinates", async () => {
  const t = await testApp();
  try {
    const created = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
    const other = new Client(t.app);
    await other.login('zrj-clerk');
    for (const url of [
      `/admin/cases/${created.caseId}`,
      `/admin/cases/${created.caseId}/letters/registered-1.html`,
      `/admin/cases/${created.caseId}/attachments/x`,
    ]) {
      const r = await other.get(url);
      assert.equal(r.statusCode, 404, url);
      assert.ok(!r.body.includes('张三'));
    }
    const post = await other.post(`/admin/cases/${created.caseId}/events/withdrawn`, { on: '2024-03-04' });
    assert.equal(post.statusCode, 404);
    assert.ok(!(await other.get('/admin?tab=all')).body.includes(created.caseId));
    const sup = new Client(t.app);
    await sup.login('county-super');
    assert.equal((await sup.get(`/admin/cases/${created.caseId}`)).statusCode, 200);
    assert.match((await sup.get('/admin?tab=all')).body, new RegExp(created.caseId));
    assert.equal(
      (await sup.post(`/admin/cases/${created.caseId}/events/withdrawn`, { on: '2024-03-04' })).statusCode,
      403,
      'read-only',
    );
    assert.equal((await t.deps.store.cases.events(created.caseId)).length, 1);
  } finally {
    await t.close();
  }
});

/** Brings a fresh case to a state through the machine (as the head; imports are allowed any actor). */
const PATHS: Record<Exclude<CaseState, 'new'>, CaseEvent[]> = {
  registered: [],
  awaiting_clarification: [{ kind: 'clarification_requested', on: '2024-03-04', items: ['写明信息名称'] }],
  consulting: [{ kind: 'third_party_consulted', on: '2024-03-04', party: '甲公司' }],
  awaiting_fee: [{ kind: 'fee_notice_issued', on: '2024-03-04', method: 'per_piece', amountYuan: 100 }],
  decided: [{ kind: 'decided', on: '2024-03-04', outcome: 'disclosed' }],
  closed: [{ kind: 'withdrawn', on: '2024-03-04' }],
  delivered: [
    { kind: 'decided', on: '2024-03-04', outcome: 'disclosed' },
    { kind: 'delivered', on: '2024-03-04', method: '邮寄' },
  ],
};

const FORM: Record<string, Record<string, string>> = {
  clarification_requested: { items: '写明年份' },
  third_party_consulted: { party: '乙公司' },
  co_producer_consulted: { organ: '县某局' },
  third_party_replied: { answer: 'consent' },
  co_producer_replied: { answer: 'consent' },
  extended: { days: '10', reason: '复杂' },
  fee_notice_issued: { method: 'per_piece', quantity: '12' },
  decided: { outcome: 'disclosed' },
  delivered: { method: '邮寄' },
  reopened: { reason: '复议决定' },
};

test('every role/state combination the transition table forbids is refused through HTTP, and nothing is written', async () => {
  const t = await testApp();
  try {
    const head = (await t.deps.store.users.findByUsername('th-head')) as StaffUser;
    const cases = new Map<CaseState, string>();
    const clients = new Map<string, Client>();
    for (const u of ['th-clerk', 'th-head', 'th-admin', 'county-super']) {
      const c = new Client(t.app);
      await c.login(u);
      clients.set(u, c);
    }
    const roleOf: Record<string, 'clerk' | 'head' | 'admin' | 'supervisor'> = {
      'th-clerk': 'clerk',
      'th-head': 'head',
      'th-admin': 'admin',
      'county-super': 'supervisor',
    };
    const kinds = [...new Set(TRANSITIONS.map((x) => x.event))].filter(
      (k) => k !== 'registered',
    ) as CaseEventKind[];
    let refused = 0;
    let allowed = 0;
    for (const [state, path] of Object.entries(PATHS) as [CaseState, CaseEvent[]][]) {
      for (const kind of kinds) {
        for (const [username, client] of clients) {
          // a fresh case in `state` for each attempt, so an allowed action cannot change the next one's state
          const c = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
          for (const ev of path)
            await recordCaseEvent(t.deps, { user: head }, c.caseId, ev, '127.0.0.1').catch(async () => {
              // the head may not record every step (e.g. fee notice by clerk): use the clerk
              const clerk = (await t.deps.store.users.findByUsername('th-clerk')) as StaffUser;
              await recordCaseEvent(t.deps, { user: clerk }, c.caseId, ev, '127.0.0.1');
            });
          assert.equal((await t.deps.store.cases.find(c.caseId))!.state, state);
          cases.set(state, c.caseId);
          const before = (await t.deps.store.cases.events(c.caseId)).length;
          await client.get(`/admin/cases/${c.caseId}`);
          const r = await client.post(`/admin/cases/${c.caseId}/events/${kind}`, {
            on: '2024-03-04',
            ...(FORM[kind] ?? {}),
          });
          const role = roleOf[username]!;
          const ok = role !== 'supervisor' && canRecord(state, kind, role);
          const after = (await t.deps.store.cases.events(c.caseId)).length;
          if (!ok) {
            assert.ok(
              [403, 409].includes(r.statusCode),
              `${role} ${kind} in ${state}: expected refusal, got ${r.statusCode}`,
            );
            assert.equal(after, before, `${role} ${kind} in ${state}: nothing written`);
            refused++;
          } else {
            assert.notEqual(r.statusCode, 403, `${role} ${kind} in ${state} is allowed by the table`);
            if (r.statusCode === 303) {
              assert.equal(after, before + 1);
              allowed++;
            }
          }
        }
      }
    }
    assert.ok(refused > 300, `refused ${refused}`);
    assert.ok(allowed >= 15, `allowed ${allowed}`);
  } finally {
    await t.close();
  }
});

test("the audit log is visible to the organ's administrator only", async () => {
  const t = await testApp();
  try {
    await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '10.1.2.3');
    const admin = new Client(t.app);
    await admin.login('th-admin');
    const r = await admin.get('/admin/audit');
    assert.equal(r.statusCode, 200);
    assert.match(
      r.body,
      /<td>申请人<\/td><td class="nowrap">申请人<\/td><td>登记申请<\/td><td class="nowrap"><a href="\/admin\/cases\/TH-2024-0001">/,
      'in Chinese: who, role, action, case',
    );
    assert.match(r.body, /10\.1\.2\.3/);
    assert.match(
      r.body,
      /<td>[^<]+（th-admin）<\/td><td class="nowrap">管理员<\/td><td>登录<\/td>/,
      'staff by name and username',
    );
    assert.ok(!/case\.registered|>login<|>admin</.test(r.body), 'no internal codes on the page');
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    assert.equal((await clerk.get('/admin/audit')).statusCode, 403);
  } finally {
    await t.close();
  }
});

test('the administrator edits the organ data letters print; bad input names the field and changes nothing', async () => {
  const t = await testApp();
  try {
    const admin = new Client(t.app);
    await admin.login('th-admin');
    await admin.get('/admin/organ');
    const bad = await admin.post('/admin/organ', {
      officeName: '党政办',
      sealName: '田湖镇人民政府',
      address: '某县田湖镇政府街1号',
      postcode: '2760',
      phone: '0539-1234567',
      hours: '工作日',
      email: 'x@example.gov.cn',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /邮政编码应为6位数字/);
    assert.equal((await t.deps.store.organs.find('tianhu'))!.postcode, '276000');
    const ok = await admin.post('/admin/organ', {
      officeName: '田湖镇政务公开办',
      sealName: '田湖镇人民政府',
      address: '某县田湖镇政府街1号',
      postcode: '276100',
      phone: '0539-7654321',
      hours: '工作日 9:00-17:00',
      email: 'gk@example.gov.cn',
    });
    assert.equal(ok.statusCode, 200);
    assert.equal((await t.deps.store.organs.find('tianhu'))!.officeName, '田湖镇政务公开办');
    // the 索引号 pattern: shown with an example, checked, used for items created from now on
    assert.match((await admin.get('/admin/organ')).body, /今年第1条信息的索引号为 TH\/2024-00001/);
    const form = {
      officeName: '田湖镇政务公开办',
      sealName: '田湖镇人民政府',
      address: '某县田湖镇政府街1号',
      postcode: '276100',
      phone: '0539-7654321',
      hours: '工作日 9:00-17:00',
      email: 'gk@example.gov.cn',
    };
    const badPattern = await admin.post('/admin/organ', { ...form, indexPattern: '{code}/{serial:5}' });
    assert.equal(badPattern.statusCode, 400);
    assert.match(badPattern.body, /索引号规则必须包含 \{year\}/);
    assert.equal(
      (await t.deps.store.organs.find('tianhu'))!.indexPattern,
      '{code}/{year}-{serial:5}',
      'unchanged',
    );
    assert.equal(
      (
        await admin.post('/admin/organ', {
          ...form,
          indexPattern: '11371300MB28{code}/{year}{month}-{serial:4}',
        })
      ).statusCode,
      200,
    );
    const { createItem } = await import('../../src/app/publication/items.js');
    const clerkUser = (await t.deps.store.users.findByUsername('th-clerk'))!;
    const item = await createItem(
      t.deps,
      clerkUser,
      {
        title: '田湖镇2024年3月政务动态',
        columnId: 'tianhu:news',
        formedOn: '2024-03-01',
        topic: '综合政务\\政务公开',
        docNumber: '',
        docType: 'other',
        openMode: '主动公开',
        body: '<p>正文</p>',
      },
      '127.0.0.1',
    );
    assert.equal(item.indexNo, '11371300MB28TH/202403-0001');
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    assert.equal((await clerk.get('/admin/organ')).statusCode, 403);
  } finally {
    await t.close();
  }
});

test('the administrator manages staff accounts: create with a one-time password, reset, disable; others cannot', async () => {
  const t = await testApp();
  try {
    const admin = new Client(t.app);
    await admin.login('th-admin');
    await admin.get('/admin/staff');
    const bad = await admin.post('/admin/staff', { username: 'A B', displayName: '', role: 'clerk' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /用户名为3–32位小写字母/);
    const taken = await admin.post('/admin/staff', {
      username: 'th-clerk',
      displayName: '重复',
      role: 'clerk',
    });
    assert.match(taken.body, /该用户名已被使用/);
    const r = await admin.post('/admin/staff', {
      username: 'th-clerk2',
      displayName: '周经办',
      role: 'clerk',
    });
    assert.equal(r.statusCode, 201);
    const pw = /初始密码：([\w-]+)/.exec(r.body)![1]!;
    const newbie = new Client(t.app);
    await newbie.get('/admin/login');
    assert.equal(
      (await newbie.post('/admin/login', { username: 'th-clerk2', password: pw })).statusCode,
      303,
    );
    const u = (await t.deps.store.users.findByUsername('th-clerk2'))!;
    assert.ok(u.passwordHash.startsWith('scrypt$') && !u.passwordHash.includes(pw));
    await admin.get('/admin/staff');
    await admin.post(`/admin/staff/${u.id}`, { change: 'disable' });
    const again = new Client(t.app);
    await again.get('/admin/login');
    assert.equal(
      (await again.post('/admin/login', { username: 'th-clerk2', password: pw })).statusCode,
      401,
      'a disabled account cannot log in',
    );
    assert.equal((await newbie.get('/admin')).statusCode, 303, 'its sessions end');
    const reset = await admin.post(`/admin/staff/${u.id}`, { change: 'reset' });
    assert.match(reset.body, /已重置 th-clerk2 的密码/);
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    assert.equal((await clerk.get('/admin/staff')).statusCode, 403);
    const zrjClerk = (await t.deps.store.users.findByUsername('zrj-clerk'))!;
    assert.equal(
      (await admin.post(`/admin/staff/${zrjClerk.id}`, { change: 'disable' })).statusCode,
      404,
      "another organ's account is out of reach",
    );
    assert.ok((await t.deps.store.audit.list(['tianhu'], 50)).some((e) => e.action === 'staff.create'));
  } finally {
    await t.close();
  }
});

test("the administrator edits the organ's columns; the four unified columns keep their names", async () => {
  const t = await testApp();
  try {
    const admin = new Client(t.app);
    await admin.login('th-admin');
    await admin.get('/admin/columns');
    assert.equal(
      (await admin.post('/admin/columns', { name: '人大代表建议和政协提案办理', parentKey: '' })).statusCode,
      201,
    );
    assert.match((await new Client(t.app).get('/gk/tianhu')).body, /人大代表建议和政协提案办理/);
    const fixed = await admin.post(`/admin/columns/${encodeURIComponent('tianhu:guide')}`, { name: '指南' });
    assert.equal(fixed.statusCode, 409);
    assert.match(fixed.body, /四个统一栏目的名称不能修改/);
    assert.equal(
      (
        await admin.post(`/admin/columns/${encodeURIComponent('tianhu:news')}`, {
          name: '工作动态',
          sort: '41',
        })
      ).statusCode,
      200,
    );
    assert.equal((await t.deps.store.publication.columns.find('tianhu:news'))!.name, '工作动态');
  } finally {
    await t.close();
  }
});

test('the applicant supplies a 补正 online with a file; the clerk sees it as 补正材料', async () => {
  const t = await testApp();
  try {
    const created = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
    const clerk = (await t.deps.store.users.findByUsername('th-clerk')) as StaffUser;
    await recordCaseEvent(
      t.deps,
      { user: clerk },
      created.caseId,
      { kind: 'clarification_requested', on: '2024-03-04', items: ['补充身份证明'] },
      '127.0.0.1',
    );
    const c = new Client(t.app);
    await c.get('/status');
    await c.post('/status', { caseId: created.caseId, code: created.queryCode });
    await c.get(`/status/${created.caseId}`);
    const r = await c.postFile(
      `/status/${created.caseId}/clarification`,
      { text: '已补充身份证复印件' },
      {
        name: '身份证.png',
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      },
    );
    assert.equal(r.statusCode, 303);
    const files = await t.deps.store.attachments.listForCase(created.caseId);
    assert.deepEqual(
      files.map((f) => [f.kind, f.filename, f.uploadedBy]),
      [['clarification', '身份证.png', 'applicant']],
    );
    assert.equal((await t.deps.store.cases.find(created.caseId))!.state, 'registered');
  } finally {
    await t.close();
  }
});

test("the platform administrator adds a holiday; running cases' due dates are recomputed and the moved ones listed", async () => {
  const t = await testApp({ now: '2026-02-10T02:00:00.000Z' });
  try {
    const created = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
    assert.equal((await t.deps.store.cases.find(created.caseId))!.dueOn, '2026-03-16');
    const local = new Client(t.app);
    await local.login('th-admin');
    assert.equal(
      (await local.get('/admin/calendar')).statusCode,
      403,
      'a township administrator cannot change the calendar',
    );
    const admin = new Client(t.app);
    await admin.login('county-admin');
    const cal = await admin.get('/admin/calendar?year=2026');
    assert.match(
      cal.body,
      /<td class="nowrap">2026-02-14<\/td><td class="nowrap">星期六<\/td><td>春节调休上班<\/td>/,
      'a make-up working Saturday, with its weekday',
    );
    const bad = await admin.post('/admin/calendar', {
      date: '2026-02-30',
      kind: 'rest',
      name: '春节',
      source: '省政府通知',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /请填写真实日期/);
    const r = await admin.post('/admin/calendar', {
      date: '2026-02-24',
      kind: 'rest',
      name: '春节（本省延长）',
      source: '某省人民政府办公厅通知',
    });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, new RegExp(`${created.caseId}</a>：2026-03-16 → 2026-03-17`));
    assert.equal((await t.deps.store.cases.find(created.caseId))!.dueOn, '2026-03-17');
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    assert.match((await clerk.get(`/admin/cases/${created.caseId}`)).body, /答复期限：2026年3月17日/);

    // a second web process on the same database picks the edit up (it started before; refresh every request here)
    const { openSqliteStore } = await import('../../src/adapters/storage/kysely/kysely-store.js');
    const { buildServer } = await import('../../src/web/server.js');
    const { createCalendar } = await import('../../src/core/calendar/holiday-calendar.js');
    const { nationalCalendarEntries } = await import('../../src/adapters/calendar/chinese-days-seed.js');
    const { isWorkday } = await import('../../src/core/calendar/working-days.js');
    const store2 = await openSqliteStore(t.dbFile);
    const deps2 = { ...t.deps, store: store2, calendar: createCalendar(nationalCalendarEntries()) };
    const app2 = await buildServer(deps2, { calendarRefreshSeconds: 0 });
    try {
      assert.equal(isWorkday('2026-02-24', deps2.calendar), true, 'loaded before the edit');
      await app2.inject({ url: '/healthz' });
      assert.equal(isWorkday('2026-02-24', deps2.calendar), false, 'reloaded on its next request');
      await admin.get('/admin/calendar?year=2026');
      const back = await admin.post('/admin/calendar/remove', { date: '2026-02-24' });
      assert.match(back.body, /2026-03-17 → 2026-03-16/);
      await app2.inject({ url: '/healthz' });
      assert.equal(isWorkday('2026-02-24', deps2.calendar), true, 'and again after the removal');
    } finally {
      await app2.close();
      await store2.close();
    }
  } finally {
    await t.close();
  }
});

test('the case export is CSV and XLSX with masked applicants: no ID numbers, phones or full names', async () => {
  const t = await testApp();
  try {
    const c = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const r = await clerk.get('/admin/export/cases.csv?year=2024');
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(
      r.body,
      new RegExp(`${c.caseId},田湖镇人民政府,张\\*,自然人,网上申请,2024-03-04,办理中,2024-04-01`),
    );
    assert.ok(
      !r.body.includes('张三') && !r.body.includes('11010519491231002X') && !r.body.includes('13800138000'),
    );
    assert.ok((await t.deps.store.audit.list(['tianhu'], 5)).some((e) => e.action === 'export.cases'));
    const x = await clerk.get('/admin/export/cases.xlsx?year=2024');
    assert.equal(x.statusCode, 200);
    assert.equal(
      x.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const { readSheets, allText } = await import('../helpers/xlsx.js');
    const [sheet] = await readSheets(x.rawPayload);
    assert.deepEqual(Object.values(sheet!.rows[1]!).slice(0, 8), [
      c.caseId,
      '田湖镇人民政府',
      '张*',
      '自然人',
      '网上申请',
      '2024-03-04',
      '办理中',
      '2024-04-01',
    ]);
    const text = await allText(x.rawPayload);
    assert.ok(
      !text.includes('张三') && !text.includes('11010519491231002X') && !text.includes('13800138000'),
    );
    assert.equal((await clerk.get('/admin/export/cases.exe')).statusCode, 404);
  } finally {
    await t.close();
  }
});

test('the case list pages through long lists, keeps tab and search in the links, and finds case numbers in any case', async () => {
  const t = await testApp();
  try {
    for (let i = 0; i < 55; i++)
      await submitApplication(
        t.deps,
        'tianhu',
        { ...VALID_APPLICATION, name: i < 3 ? '钱多多' : '张三' },
        '127.0.0.1',
      );
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const rowsOf = (html: string) =>
      [...html.matchAll(/<td class="nowrap"><a href="\/admin\/cases\/([^"]+)">/g)].map((m) => m[1]);
    const p1 = await clerk.get('/admin?tab=all');
    assert.equal(rowsOf(p1.body).length, 50);
    assert.match(p1.body, /href="\/admin\?tab=all&amp;page=2" rel="next">下一页/);
    assert.match(p1.body, /第1页，共2页/);
    assert.ok(!/<th scope="col">机关<\/th>/.test(p1.body), 'one organ: no organ column');
    const p2 = await clerk.get('/admin?tab=all&page=2');
    assert.equal(rowsOf(p2.body).length, 5);
    assert.equal(new Set([...rowsOf(p1.body), ...rowsOf(p2.body)]).size, 55, 'every case once');
    assert.equal(
      rowsOf((await clerk.get('/admin?tab=all&page=999')).body).length,
      5,
      'past the end: the last page',
    );
    const found = await clerk.get('/admin?tab=all&q=th-2024-0001');
    assert.deepEqual(rowsOf(found.body), ['TH-2024-0001']);
    const byName = await clerk.get(`/admin?tab=open&q=${encodeURIComponent('钱多多')}`);
    assert.equal(rowsOf(byName.body).length, 3);
    const sup = new Client(t.app);
    await sup.login('county-super');
    assert.match(
      (await sup.get('/admin?tab=all')).body,
      /<th scope="col">机关<\/th>/,
      'a supervisor sees which organ',
    );
  } finally {
    await t.close();
  }
});

test('every audit action the code writes has a Chinese name on the audit page', async () => {
  const { readdirSync, readFileSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { auditActionLabel } = await import('../../src/web/views/cases/audit-labels.js');
  const { TRANSITIONS } = await import('../../src/core/case/case-machine.js');
  const codes = new Set<string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(f))
        for (const m of readFileSync(p, 'utf8').matchAll(
          /action: (?:[a-z]+ \? )?'([a-z_.]+)'(?: : '([a-z_.]+)')?/g,
        )) {
          codes.add(m[1]!);
          if (m[2]) codes.add(m[2]);
        }
    }
  };
  walk(new URL('../../src', import.meta.url).pathname);
  for (const t of TRANSITIONS) codes.add(`case.${t.event}`);
  for (const a of [
    'attributed',
    'reviewed',
    'approved',
    'published',
    'revised',
    'withdrawn',
    'validity_changed',
  ])
    codes.add(`item.${a}`);
  for (const c of ['role', 'disable', 'enable', 'reset']) codes.add(`staff.${c}`);
  for (const x of ['request', 'approve', 'reject'])
    for (const k of ['extension', 'decision']) codes.add(`approval.${x}.${k}`);
  assert.ok(codes.size > 40, `${codes.size} codes`);
  const unnamed = [...codes].filter((c) => auditActionLabel(c) === c);
  assert.deepEqual(unnamed, []);
});

test("条例第四十九条 and local rules: the county administrator sets its organs' 年报 deadlines; the dashboard judges by them", async () => {
  const t = await testApp({ now: '2025-02-10T02:00:00.000Z' });
  try {
    const county = new Client(t.app);
    await county.login('county-admin');
    const page = await county.get('/admin/deadlines');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<th scope="row">田湖镇人民政府<\/th><td class="nowrap">01-31（默认）<\/td>/);
    const bad = await county.post('/admin/deadlines', { tianhu: '02-30', shuangshan: '3月1日' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /田湖镇人民政府：请填写真实的月日/);
    assert.equal((await t.deps.store.organs.find('shuangshan'))!.reportDeadline, null, 'all or nothing');
    const ok = await county.post('/admin/deadlines', { tianhu: '2月20日', shuangshan: '' });
    assert.equal(ok.statusCode, 200);
    assert.equal((await t.deps.store.organs.find('tianhu'))!.reportDeadline, '02-20');
    const sup = new Client(t.app);
    await sup.login('county-super');
    const dash = (await sup.get('/admin/supervise')).body;
    assert.match(
      dash,
      /<th scope="row">田湖镇人民政府<\/th>[\s\S]*?<span class="muted">未发布（期限2025-02-20）<\/span>/,
      'not yet late on 2025-02-10',
    );
    assert.match(
      dash,
      /<th scope="row">双山乡人民政府<\/th>[\s\S]*?<span class="badge overdue">未发布（期限2025-01-31）<\/span>/,
      'the default, already past',
    );
    const township = new Client(t.app);
    await township.login('th-admin');
    assert.match((await township.get('/admin/deadlines')).body, /每年2月20日前（由上级设置）/);
    assert.equal(
      (await township.post('/admin/deadlines', { tianhu: '12-31' })).statusCode,
      403,
      'a township cannot set its own deadline',
    );
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    assert.equal((await clerk.get('/admin/deadlines')).statusCode, 403);
  } finally {
    await t.close();
  }
});

test('rate limits are shared by every web process on the database (the web process keeps no state)', async () => {
  const t = await testApp({ loginPerMinute: 3 });
  try {
    const { openSqliteStore } = await import('../../src/adapters/storage/kysely/kysely-store.js');
    const { buildServer } = await import('../../src/web/server.js');
    const store2 = await openSqliteStore(t.dbFile);
    const app2 = await buildServer({ ...t.deps, store: store2 }, { loginPerMinute: 3 });
    try {
      const a = new Client(t.app, '10.9.9.9');
      const b = new Client(app2, '10.9.9.9');
      await a.get('/admin/login');
      await b.get('/admin/login');
      const codes = [
        (await a.post('/admin/login', { username: 'nobody', password: 'x' })).statusCode,
        (await b.post('/admin/login', { username: 'nobody', password: 'x' })).statusCode,
        (await a.post('/admin/login', { username: 'nobody', password: 'x' })).statusCode,
        (await b.post('/admin/login', { username: 'nobody', password: 'x' })).statusCode,
      ];
      assert.deepEqual(
        codes.map((c) => c === 429),
        [false, false, false, true],
        `the 4th attempt across both processes is refused (${codes.join(',')})`,
      );
      const other = new Client(app2, '10.9.9.10');
      await other.get('/admin/login');
      assert.notEqual(
        (await other.post('/admin/login', { username: 'nobody', password: 'x' })).statusCode,
        429,
        'per client',
      );
    } finally {
      await app2.close();
      await store2.close();
    }
  } finally {
    await t.close();
  }
});

test('a county administrator adds a township with its first administrator, who can log in; bad input writes nothing', async () => {
  const t = await testApp();
  try {
    const county = new Client(t.app);
    await county.login('county-admin');
    await county.get('/admin/deadlines');
    const bad = await county.post('/admin/deadlines/organs', {
      name: '虎头镇人民政府',
      id: 'hutou',
      code: 'TH',
      kind: 'township',
      parent: 'county',
      adminUsername: 'th-admin',
      adminName: '赵',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /用户名“th-admin”已存在/);
    assert.match(bad.body, /请填写姓名/);
    assert.equal(await t.deps.store.organs.find('hutou'), undefined, 'nothing written');
    const taken = await county.post('/admin/deadlines/organs', {
      name: '虎头镇人民政府',
      id: 'hutou',
      code: 'TH',
      kind: 'township',
      parent: 'county',
    });
    assert.match(taken.body, /机关代码“TH”已被使用/);
    const ok = await county.post('/admin/deadlines/organs', {
      name: '虎头镇人民政府',
      id: 'hutou',
      code: 'ht',
      kind: 'township',
      parent: 'county',
      adminUsername: 'ht-admin',
      adminName: '赵管理',
    });
    assert.equal(ok.statusCode, 201);
    const password = /初始密码：(\S+)（只显示这一次）/.exec(ok.body)![1]!;
    assert.equal((await t.deps.store.organs.find('hutou'))!.code, 'HT');
    const newcomer = new Client(t.app);
    await newcomer.get('/admin/login');
    assert.equal((await newcomer.post('/admin/login', { username: 'ht-admin', password })).statusCode, 303);
    const township = new Client(t.app);
    await township.login('th-admin');
    await township.get('/admin/deadlines');
    const outside = await township.post('/admin/deadlines/organs', {
      name: '别的镇',
      id: 'bie',
      code: 'BZ',
      kind: 'township',
      parent: 'county',
    });
    assert.equal(outside.statusCode, 400);
    assert.match(outside.body, /上级机关只能是本机关或本机关的所属机关/);
  } finally {
    await t.close();
  }
});
