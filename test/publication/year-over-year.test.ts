/**
 * Year over year on the report page: last year's figures beside this year's, and a warning for a large change
 * Section 一 does not explain.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';
import { submitApplication } from '../../src/app/cases/create-case.js';
import { manualSection2Slots } from '../../src/app/reports/compile-annual-report.js';

test('the report page shows last year beside this year and warns of a large change Section 一 does not explain', async () => {
  const t = await testApp({ now: '2025-06-03T02:00:00.000Z', applyPerMinute: 1000 });
  try {
    for (let i = 0; i < 14; i++)
      await submitApplication(t.deps, 'tianhu', { ...VALID_APPLICATION, name: `申请人${i}` }, '127.0.0.1');
    t.clock.now = new Date('2026-01-12T02:00:00.000Z');
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get('/admin/report?year=2025');
    const base = {
      s5: '存在问题：个别栏目更新不及时。改进情况：已建立每周更新制度。',
      s6: '本年度未收取信息处理费。',
      ...Object.fromEntries(manualSection2Slots(2025).map((m) => [m.key, '0'])),
    };
    const silent = await clerk.post('/admin/report?year=2025', {
      ...base,
      s1: '2025年，田湖镇人民政府认真贯彻落实条例。全年新收政府信息公开申请14件。',
      action: 'check',
    });
    assert.match(silent.body, /id="yoy"/);
    assert.match(
      silent.body,
      /<th scope="row">本年新收政府信息公开申请<\/th><td>0<\/td><td>14<\/td><td>\+14<\/td>/,
    );
    assert.match(
      silent.body,
      /本年新收政府信息公开申请本年14件，上年0件（增加14件），第一部分未说明变化的原因/,
    );
    assert.match(silent.body, /2024年的办理数据/);
    const explained = await clerk.post('/admin/report?year=2025', {
      ...base,
      s1: '2025年，田湖镇人民政府认真贯彻落实条例。全年新收政府信息公开申请14件，同比增加14件，主要原因是农村危房改造补助政策宣传后咨询增多；结转下年度继续办理14件，比上年增加，原因是申请集中在年末。',
      action: 'check',
    });
    assert.doesNotMatch(explained.body, /prev_large_change/);
  } finally {
    await t.close();
  }
});
