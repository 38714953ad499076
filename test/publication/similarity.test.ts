/**
 * 雷同: a paragraph of the report that repeats last year's published report of the organ, or another organ's
 * published report of the same year, is a text_similar warning naming the source; changed figures do not hide a
 * copy; two paragraphs written independently on the same topic are not flagged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp } from '../helpers/test-app.js';
import { containment, SIMILAR_AT } from '../../src/core/annual-report/similarity.js';
import { createItem } from '../../src/app/publication/items.js';
import { manualSection2Slots } from '../../src/app/reports/compile-annual-report.js';
import type { StaffUser } from '../../src/core/entities.js';

const LAST_YEAR =
  '2024年，本镇坚持以公开为常态、不公开为例外，围绕乡村振兴、农村危房改造和惠民补贴发放等群众关注的重点领域，全年主动公开政府信息126条，其中工作简报54期、政务动态71条。';
const COPIED =
  '2025年，本镇坚持以公开为常态、不公开为例外，围绕乡村振兴、农村危房改造和惠民补贴发放等群众关注的重点领域，全年主动公开政府信息133条，其中工作简报50期、政务动态80条。';
const OWN =
  '2025年，镇政府把政务公开纳入年度目标考核，新建便民服务站公开栏12处，村级事务按月公示，群众对公开内容的满意度较上年明显提高，信息公开申请办理全部在法定期限内完成。';
const COUNTY =
  '县政府办公室统筹全县政务公开工作，组织开展业务培训三期，对各乡镇和县直部门公开专栏进行季度检查并通报结果，推动基层政务公开标准化规范化建设持续深化。';

test('similarity: changed figures do not hide a copy; independent paragraphs on one topic stay below the threshold', () => {
  assert.ok(containment(COPIED, LAST_YEAR) >= SIMILAR_AT, `copy: ${containment(COPIED, LAST_YEAR)}`);
  assert.ok(containment(OWN, LAST_YEAR) < 0.5, `own: ${containment(OWN, LAST_YEAR)}`);
  assert.ok(containment(OWN, COUNTY) < 0.5, `other: ${containment(OWN, COUNTY)}`);
});

test('雷同: the report page warns of a paragraph repeated from last year’s report or from another organ’s', async () => {
  const t = await testApp({ now: '2026-01-12T02:00:00.000Z' });
  try {
    const publish = async (
      organ: string,
      clerkName: string,
      headName: string,
      title: string,
      body: string,
    ) => {
      const clerkUser = (await t.deps.store.users.findByUsername(clerkName)) as StaffUser;
      const item = await createItem(
        t.deps,
        clerkUser,
        {
          title,
          columnId: `${organ}:reports`,
          formedOn: '2026-01-05',
          topic: '综合政务\\政务公开',
          docType: 'other',
          openMode: '主动公开',
          body: `<h2>一、总体情况</h2><p>${body}</p>`,
        },
        '127.0.0.1',
      );
      const clerk = new Client(t.app);
      await clerk.login(clerkName);
      const head = new Client(t.app);
      await head.login(headName);
      await clerk.get(`/admin/items/${item.id}`);
      await clerk.post(`/admin/items/${item.id}/steps/attributed`, {
        disclosure: 'proactive',
        basis: '条例第四十九条',
      });
      await head.get(`/admin/items/${item.id}`);
      await head.post(`/admin/items/${item.id}/steps/reviewed`, { passed: 'yes', basis: '不涉密' });
      await head.post(`/admin/items/${item.id}/steps/approved`, {});
      await clerk.get(`/admin/items/${item.id}`);
      const r = await clerk.post(`/admin/items/${item.id}/steps/published`, { publishOn: '2026-01-12' });
      assert.equal(r.statusCode, 303, r.body.slice(0, 300));
    };
    await publish('tianhu', 'th-clerk', 'th-head', '田湖镇人民政府2024年政府信息公开工作年度报告', LAST_YEAR);
    await publish(
      'county',
      'county-clerk',
      'county-head',
      '某县人民政府2025年政府信息公开工作年度报告',
      COUNTY,
    );
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get('/admin/report?year=2025');
    const form = {
      s6: '本年度未收取信息处理费。',
      ...Object.fromEntries(manualSection2Slots(2025).map((m) => [m.key, '0'])),
    };
    const copied = await clerk.post('/admin/report?year=2025', {
      ...form,
      s1: `${COPIED}\n${OWN}`,
      s5: COUNTY,
      action: 'check',
    });
    assert.match(copied.body, /与本机关2024年的年度报告雷同（\d+%相同）：“2025年，本镇坚持以公开为常态/);
    assert.match(copied.body, /与某县人民政府2025年的年度报告雷同/);
    assert.doesNotMatch(
      copied.body,
      /雷同（\d+%相同）：“2025年，镇政府把政务公开/,
      'its own paragraph is not flagged',
    );
    const own = await clerk.post('/admin/report?year=2025', {
      ...form,
      s1: OWN,
      s5: '无。',
      action: 'check',
    });
    assert.doesNotMatch(own.body, /text_similar/);
  } finally {
    await t.close();
  }
});
