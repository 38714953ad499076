/**
 * What may be published as a 年报 (条例第四十九条、第五十条): on 2 December 2026 a 2026 report is a draft (previewed,
 * clearly marked, never drafted into an item nor published); a report with template text ("……", 【】, XX) is an
 * error in the check and cannot be drafted or published; one report per organ and year; years before the 2019
 * format are refused with the reason. All through HTTP.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp } from '../helpers/test-app.js';
import { manualSection2Slots } from '../../src/app/reports/compile-annual-report.js';
import { createItem } from '../../src/app/publication/items.js';
import type { StaffUser } from '../../src/core/entities.js';
import { validateReport } from '../../src/core/annual-report/validate-report.js';
import { emptyReport } from '../../src/core/annual-report/report-model.js';

const form = (year: number, s1: string) => ({
  s1,
  s5: '存在问题：个别栏目更新不及时。改进情况：已建立每周更新制度。',
  s6: '本年度未收取信息处理费。',
  ...Object.fromEntries(manualSection2Slots(year).map((m) => [m.key, '0'])),
});

async function publishSteps(clerk: Client, head: Client, id: string, on: string) {
  await clerk.get(`/admin/items/${id}`);
  await clerk.post(`/admin/items/${id}/steps/attributed`, {
    disclosure: 'proactive',
    basis: '条例第四十九条',
  });
  await head.get(`/admin/items/${id}`);
  await head.post(`/admin/items/${id}/steps/reviewed`, { passed: 'yes', basis: '不涉密' });
  await head.post(`/admin/items/${id}/steps/approved`, {});
  await clerk.get(`/admin/items/${id}`);
  return clerk.post(`/admin/items/${id}/steps/published`, { publishOn: on });
}

test('条例第五十条: on 2 December 2026 the 2026 report is a marked draft that cannot be drafted, published or rolled up; 1999 and 2027 are refused with the reason', async () => {
  const t = await testApp({ now: '2026-12-02T02:00:00.000Z' });
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const page = await clerk.get('/admin/report?year=2026');
    assert.match(page.body, /id="provisional"/);
    assert.match(page.body, /2026年尚未结束/);
    const f = form(2026, '2026年，田湖镇认真贯彻落实条例，全年主动公开政府信息。');
    const check = await clerk.post('/admin/report?year=2026', { ...f, action: 'check' });
    assert.equal(check.statusCode, 200);
    assert.match(check.body, /草稿·本年度尚未结束/);
    const draft = await clerk.post('/admin/report?year=2026', { ...f, action: 'draft' });
    assert.equal(draft.statusCode, 409);
    assert.match(draft.body, /2026年尚未结束：年度报告在次年1月1日以后编制/);
    for (const [year, reason] of [
      [1999, /1999年的年报适用2019年修订前的条例和格式/],
      [2027, /2027年尚未开始/],
    ] as const) {
      await clerk.get(`/admin/report?year=${year}`);
      const r = await clerk.post(`/admin/report?year=${year}`, { ...form(2026, '正文'), action: 'check' });
      assert.equal(r.statusCode, 400, `${year}`);
      assert.match(r.body, reason);
    }
    // an item typed into the 年报 column by hand is held to the same rules when it is published
    const clerkUser = (await t.deps.store.users.findByUsername('th-clerk')) as StaffUser;
    const item = await createItem(
      t.deps,
      clerkUser,
      {
        title: '田湖镇人民政府2026年政府信息公开工作年度报告',
        columnId: 'tianhu:reports',
        formedOn: '2026-12-01',
        topic: '综合政务\\政务公开',
        docType: 'other',
        openMode: '主动公开',
        body: '<p>2026年，田湖镇认真贯彻落实条例。</p>',
      },
      '127.0.0.1',
    );
    const head = new Client(t.app);
    await head.login('th-head');
    const pub = await publishSteps(clerk, head, item.id, '2026-12-02');
    assert.equal(pub.statusCode, 409);
    assert.match(pub.body, /2026年尚未结束/);
    assert.equal((await new Client(t.app).get(`/gk/tianhu/i/${item.id}`)).statusCode, 404, 'not public');
    // nor does the supervisor roll up a year that has not ended
    const sup = new Client(t.app);
    await sup.login('county-super');
    const roll = await sup.get('/admin/supervise/rollup?year=2026');
    assert.equal(roll.statusCode, 400);
    assert.match(roll.body, /2026年尚未结束，不能汇总/);
  } finally {
    await t.close();
  }
});

test('条例第四十九条: template text (……, 【】, XX) is an error in the check and stops drafting and publishing; a second 2025 report cannot be published; a correction is a new version with its reason shown', async () => {
  assert.deepEqual(
    validateReport({
      ...emptyReport('2021', 2025, '田湖镇人民政府'),
      sections: {
        一: '一、总体情况\n2025年，田湖镇认真贯彻落实……',
        二: null,
        三: null,
        四: null,
        五: '五、【请填写】',
        六: 'XX',
      },
    })
      .filter((f) => f.code === 'text_placeholder')
      .map((f) => f.severity),
    ['error', 'error', 'error'],
  );
  const t = await testApp({ now: '2026-01-10T02:00:00.000Z' });
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const head = new Client(t.app);
    await head.login('th-head');
    await clerk.get('/admin/report?year=2025');
    const holey = form(2025, '2025年，田湖镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，……');
    const check = await clerk.post('/admin/report?year=2025', { ...holey, action: 'check' });
    assert.match(check.body, /第一部分还有模板占位文字“……”/);
    assert.doesNotMatch(check.body, /全部核对规则通过/);
    assert.equal(
      (await clerk.post('/admin/report?year=2025', { ...holey, action: 'draft' })).statusCode,
      409,
    );

    const good = form(2025, '2025年，田湖镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。');
    const draft = await clerk.post('/admin/report?year=2025', { ...good, action: 'draft' });
    assert.equal(draft.statusCode, 303, draft.body.slice(0, 400));
    const first = /\/admin\/items\/([0-9a-f]+)/.exec(String(draft.headers.location))![1]!;
    assert.equal((await publishSteps(clerk, head, first, '2026-01-10')).statusCode, 303);
    assert.equal((await new Client(t.app).get(`/gk/tianhu/i/${first}`)).statusCode, 200);

    // a placeholder typed into a 年报 item after drafting is still caught when publishing
    const clerkUser = (await t.deps.store.users.findByUsername('th-clerk')) as StaffUser;
    const hand = await createItem(
      t.deps,
      clerkUser,
      {
        title: '田湖镇人民政府2024年政府信息公开工作年度报告',
        columnId: 'tianhu:reports',
        formedOn: '2026-01-10',
        topic: '综合政务\\政务公开',
        docType: 'other',
        openMode: '主动公开',
        body: '<p>2024年，XX镇全年收到申请【】件。</p>',
      },
      '127.0.0.1',
    );
    const refused = await publishSteps(clerk, head, hand.id, '2026-01-10');
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /年报中还有模板占位文字，不能发布/);

    // a second 2025 report
    const again = await clerk.post('/admin/report?year=2025', { ...good, action: 'draft' });
    const second = /\/admin\/items\/([0-9a-f]+)/.exec(String(again.headers.location))![1]!;
    const dup = await publishSteps(clerk, head, second, '2026-01-10');
    assert.equal(dup.statusCode, 409);
    assert.match(
      dup.body,
      /本机关2025年的年度报告已经发布（索引号[^）]+）。每个年度只发布一份；如需更正，请在已发布的报告上“修订”/,
    );
    assert.equal((await new Client(t.app).get(`/gk/tianhu/i/${second}`)).statusCode, 404);

    // the correction: a new version of the published report, with its reason shown to the public
    await clerk.get(`/admin/items/${first}`);
    const noReason = await clerk.post(`/admin/items/${first}/steps/revised`, {});
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /更正已发布的年度报告须写明更正原因/);
    assert.equal(
      (await clerk.post(`/admin/items/${first}/steps/revised`, { reason: '更正第三部分的笔误' })).statusCode,
      303,
    );
    assert.equal(
      (await publishSteps(clerk, head, first, '2026-01-10')).statusCode,
      303,
      'the same item, again',
    );
    const shown = (await new Client(t.app).get(`/gk/tianhu/i/${first}`)).body;
    assert.match(shown, /更正说明/);
    assert.match(shown, /第2版（2026-01-10）：更正第三部分的笔误/);
  } finally {
    await t.close();
  }
});
