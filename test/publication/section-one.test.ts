/**
 * Section 一 drafted from the organ's data: the information published per column and its 条例第二十六条
 * timeliness, the applications as Section 三 counts them, 复议 and 诉讼 as Section 四 does; the topics the data
 * cannot speak to are 【请补充】 — an error in the check until the clerk writes them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp } from '../helpers/test-app.js';
import { draftSectionOne } from '../../src/app/reports/draft-section-one.js';
import { compileAnnualReport, manualSection2Slots } from '../../src/app/reports/compile-annual-report.js';
import { cellKey, indexCells, S3_NEW } from '../../src/core/annual-report/report-model.js';
import type { StaffUser } from '../../src/core/entities.js';

test('Section 一 is drafted from the data (items per column, Art. 26, applications, 复议/诉讼) and what it cannot know is a placeholder the check reports', async () => {
  const t = await testApp({ now: '2024-03-04T02:00:00.000Z', cases: true });
  try {
    const organ = (await t.deps.store.organs.find('tianhu'))!;
    const text = await draftSectionOne(t.deps, organ, 2023);
    const published = (await t.deps.store.publication.items.publishedInYear(['tianhu'], 2023)).filter(
      (p) => p.columnId !== 'tianhu:reports',
    );
    assert.ok(published.length > 0, 'the demo published items in 2023');
    assert.match(text, new RegExp(`全年主动公开政府信息${published.length}条，其中`));
    const columns = await t.deps.store.publication.columns.list('tianhu');
    const top = new Map<string, number>();
    for (const p of published) top.set(p.columnId, (top.get(p.columnId) ?? 0) + 1);
    const [firstCol, firstN] = [...top].sort((a, b) => b[1] - a[1])[0]!;
    assert.match(text, new RegExp(`${columns.find((c) => c.id === firstCol)!.name}${firstN}条`));
    const clerk = (await t.deps.store.users.findByUsername('th-clerk')) as StaffUser;
    const compiled = await compileAnnualReport(t.deps, clerk, {
      year: 2023,
      sections: { 一: text, 五: '无', 六: '无' },
      manual: Object.fromEntries(manualSection2Slots(2023).map((m) => [m.key, '0'])),
    });
    const received = indexCells(compiled.report.cells).get(cellKey('三', S3_NEW, '总计'))!.value;
    assert.match(text, new RegExp(`全年新收政府信息公开申请${received}件`));
    assert.ok(
      !compiled.findings.some((f) => f.code === 'text_table_mismatch' && f.severity !== 'info'),
      'the drafted figures agree with the tables',
    );
    const holes = compiled.findings.filter((f) => f.code === 'text_placeholder');
    assert.equal(holes.length, 3, 'the three topics the clerk writes');
    // the form opens with this draft
    const c = new Client(t.app);
    await c.login('th-clerk');
    assert.match((await c.get('/admin/report?year=2023')).body, /全年主动公开政府信息\d+条/);
  } finally {
    await t.close();
  }
});
