/**
 * Issue part 7: the built-in calendar ends in 2026, so a deadline counted into 2027 is weekday arithmetic that
 * ignores 元旦. It is shown 暂定 (applicant status page, case list, staff API) until the platform administrator
 * pastes the 2027 notice on /admin/calendar; then every running case is recomputed and the mark goes. From
 * 1 November the platform administrator is warned while next year's notice is missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';
import { submitApplication } from '../../src/app/cases/create-case.js';
import { calendarWarning, provisionalDues, withCalendarWarning } from '../../src/app/admin/calendar.js';
import { listCases } from '../../src/app/cases/case-view.js';
import { page } from '../../src/web/views/layout.js';
import { CaseListPage } from '../../src/web/views/cases/case-list.js';

const NOTICE_2027 = readFileSync(
  new URL('../fixtures/calendar/notice-2027-constructed.txt', import.meta.url),
  'utf8',
);

test('条例第三十三条: a 2027 deadline is marked 暂定 until the 2027 notice is entered, then recomputed', async () => {
  const t = await testApp({ now: '2026-12-10T02:00:00Z' });
  try {
    const created = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
    assert.equal(created.receivedOn, '2026-12-10');
    // 20 working days from 2026-12-11: without a 2027 notice, 元旦 2027-01-01 (a Friday) counts as a working day
    assert.equal(created.dueOn, '2027-01-07');

    // the applicant's status page
    const applicant = new Client(t.app);
    await applicant.get('/status');
    await applicant.post('/status', { caseId: created.caseId, code: created.queryCode });
    const status = async () => (await applicant.get(`/status/${created.caseId}`)).body;
    const before = await status();
    assert.match(before, /<dd id="due">2027年1月7日 <span class="badge soon">暂定<\/span>/);
    assert.match(before, /尚未录入2027年国务院办公厅节假日安排/);

    // the staff API (a token for the township clerk, issued by the township 管理员)
    const thAdmin = new Client(t.app);
    await thAdmin.login('th-admin');
    await thAdmin.get('/admin/staff');
    const issued = await thAdmin.post('/admin/staff/tokens', { userId: 'u-th-clerk', name: '测试' });
    const token = /(gk_[A-Za-z0-9_-]{43})/.exec(issued.body)![1]!;
    const api = async (url: string) =>
      (await t.app.inject({ url, headers: { authorization: `Bearer ${token}` } })).json();
    const one = async () =>
      (await api(`/api/v1/staff/cases/${created.caseId}`)) as {
        provisional: boolean;
        provisionalReason: string | null;
        status: { due: string; provisional: boolean };
        clocks: { key: string; due: string | null; provisional: boolean; provisionalReason: string | null }[];
      };
    const listed = async () =>
      ((await api('/api/v1/staff/cases')) as { items: { id: string; dueOn: string; provisional: boolean }[] })
        .items[0]!;
    let j = await one();
    assert.equal(j.provisional, true);
    assert.match(j.provisionalReason!, /尚未录入2027年/);
    assert.equal(j.status.provisional, true);
    const reply = j.clocks.find((c) => c.key === 'reply')!;
    assert.equal(reply.due, '2027-01-07');
    assert.equal(reply.provisional, true);
    assert.equal(j.clocks.find((c) => c.key === 'clarification_notice')!.provisional, false, 'due in 2026');
    assert.deepEqual(await listed(), { ...(await listed()), id: created.caseId, provisional: true });

    // the case list marks it (the /admin route passes provisionalDues(deps, list.rows) as `provisional`)
    const clerk = (await t.deps.store.users.findByUsername('th-clerk'))!;
    const caseList = async () => {
      const list = await listCases(t.deps, clerk, 'open', '', 1);
      const el = CaseListPage({
        user: clerk,
        csrf: 'x',
        list,
        tab: 'open',
        search: '',
        today: '2026-12-10',
        provisional: provisionalDues(t.deps, list.rows),
      });
      return page(el);
    };
    assert.match(
      await caseList(),
      /2027-01-07 <span class="badge soon" title="尚未录入2027年[^"]*">暂定<\/span>/,
    );
    assert.match(await caseList(), /id="provisional-note"/);

    // the platform administrator (管理员 of the county, the top organ) is warned from 1 November only
    const admin = new Client(t.app);
    await admin.login('county-admin');
    const countyAdmin = (await t.deps.store.users.findByUsername('county-admin'))!;
    const townshipAdmin = (await t.deps.store.users.findByUsername('th-admin'))!;
    assert.equal(await calendarWarning(t.deps, countyAdmin, '2026-10-31'), null);
    assert.match(
      (await calendarWarning(t.deps, countyAdmin, '2026-11-01'))!,
      /^尚未录入2027年国务院办公厅节假日安排，2027年的期限均为暂定/,
    );
    assert.equal(await calendarWarning(t.deps, townshipAdmin, '2026-11-01'), null, 'not the platform’s');
    assert.match((await withCalendarWarning(t.deps, countyAdmin)).calendarWarning!, /2027年的期限均为暂定/);
    assert.equal('calendarWarning' in (await withCalendarWarning(t.deps, clerk)), false);
    t.clock.now = new Date('2026-10-30T02:00:00Z');
    assert.doesNotMatch((await admin.get('/admin/calendar')).body, /calendar-warning/);
    t.clock.now = new Date('2026-11-02T02:00:00Z');
    assert.match(
      (await admin.get('/admin/calendar')).body,
      /id="calendar-warning">尚未录入2027年国务院办公厅节假日安排，2027年的期限均为暂定/,
    );
    t.clock.now = new Date('2026-12-10T02:00:00Z');
    assert.match(
      (await admin.get('/admin/calendar?year=2027')).body,
      /尚未录入2027年国务院办公厅节假日安排：/,
    );

    // a township administrator may not enter it
    await thAdmin.get('/admin/staff');
    assert.equal(
      (await thAdmin.post('/admin/calendar/notice/preview', { notice: NOTICE_2027 })).statusCode,
      403,
    );

    // the administrator pastes the notice: read for review, nothing saved yet
    await admin.get('/admin/calendar');
    const preview = await admin.post('/admin/calendar/notice/preview', { notice: NOTICE_2027 });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /核对：2027年节假日安排（32天）/);
    assert.match(
      preview.body,
      /<td class="nowrap">2027-01-01<\/td><td class="nowrap">星期五<\/td><td>元旦放假<\/td><td class="small">新增<\/td>/,
    );
    assert.match(preview.body, /<td>春节调休上班<\/td>/);
    assert.match(preview.body, /依据：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕99号）/);
    assert.match(preview.body, /确认无误，保存32天并重新计算期限/);
    assert.equal((await t.deps.store.calendar.list()).length, 0);
    assert.equal((await one()).provisional, true);

    // saved in one step: all 32 days, the running case recomputed and listed, audited
    const saved = await admin.post('/admin/calendar/notice', { notice: NOTICE_2027 });
    assert.equal(saved.statusCode, 200);
    assert.match(saved.body, /已保存2027年节假日安排（32天）；1件办理中案件的答复期限已重新计算/);
    assert.match(saved.body, new RegExp(`${created.caseId}</a>：2027-01-07 → 2027-01-08`));
    assert.match(saved.body, /2027年的国务院办公厅节假日安排已录入/);
    assert.doesNotMatch(saved.body, /calendar-warning/, 'the warning is gone');
    assert.equal((await t.deps.store.calendar.list()).length, 32);
    assert.equal((await t.deps.store.cases.find(created.caseId))!.dueOn, '2027-01-08');
    const log = await t.deps.store.audit.list([countyAdmin.organId], 20);
    const entry = log.find((a) => a.action === 'calendar.edit')!;
    assert.deepEqual(JSON.parse(entry.detail), {
      notice: '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕99号）',
      year: 2027,
      entries: 32,
      removed: 0,
      moved: 1,
    });

    // no longer provisional, anywhere
    const after = await status();
    assert.match(after, /<dd id="due">2027年1月8日<\/dd>/);
    assert.doesNotMatch(after, /暂定/);
    j = await one();
    assert.equal(j.provisional, false);
    assert.equal(j.provisionalReason, null);
    assert.equal(j.clocks.find((c) => c.key === 'reply')!.due, '2027-01-08');
    assert.equal(j.clocks.find((c) => c.key === 'reply')!.provisional, false);
    const row = await listed();
    assert.equal(row.dueOn, '2027-01-08');
    assert.equal(row.provisional, false);
    assert.doesNotMatch(await caseList(), /暂定/);
    assert.equal('calendarWarning' in (await withCalendarWarning(t.deps, countyAdmin)), false);

    // pasting the same notice again changes nothing
    await admin.get('/admin/calendar');
    const again = await admin.post('/admin/calendar/notice/preview', { notice: NOTICE_2027 });
    assert.match(again.body, /<td>元旦放假<\/td><td class="small">与现有相同<\/td>/);
    const twice = await admin.post('/admin/calendar/notice', { notice: NOTICE_2027 });
    assert.match(twice.body, /0件办理中案件的答复期限已重新计算/);
    assert.equal((await t.deps.store.calendar.list()).length, 32);
  } finally {
    await t.close();
  }
});

test('a notice with a contradiction is shown with its problem and cannot be saved', async () => {
  const t = await testApp({ now: '2026-11-20T02:00:00Z' });
  try {
    const admin = new Client(t.app);
    await admin.login('county-admin');
    await admin.get('/admin/calendar');
    const wrong = NOTICE_2027.replace('1月1日（周五）至3日（周日）', '1月1日（周四）至3日（周日）');
    const preview = await admin.post('/admin/calendar/notice/preview', { notice: wrong });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /一、元旦：2027年1月1日是周五，通知写的是（周四），请核对/);
    assert.doesNotMatch(preview.body, /确认无误/, 'no save button while a problem is open');
    assert.doesNotMatch(preview.body, /<td class="nowrap">2027-01-01<\/td>/);
    const saved = await admin.post('/admin/calendar/notice', { notice: wrong });
    assert.equal(saved.statusCode, 400);
    assert.match(saved.body, /通知中有无法确认的内容，未保存/);
    assert.equal((await t.deps.store.calendar.list()).length, 0, 'nothing saved');
    const empty = await admin.post('/admin/calendar/notice/preview', { notice: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /请粘贴通知全文/);
  } finally {
    await t.close();
  }
});
