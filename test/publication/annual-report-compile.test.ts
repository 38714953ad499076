/**
 * The annual report compiled from the organ's own data, checked, turned into a 年报 draft, published through
 * 保密审查, and read back from the portal by the report engine to the same numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, VALID_APPLICATION, testApp } from '../helpers/test-app.js';
import { submitApplication } from '../../src/app/cases/create-case.js';
import { recordCaseEvent } from '../../src/app/cases/record-case-event.js';
import { compileAnnualReport, manualSection2Slots } from '../../src/app/reports/compile-annual-report.js';
import { parseReportHtml } from '../../src/adapters/parse/html/html-report-parser.js';
import { cellKey, indexCells } from '../../src/core/annual-report/report-model.js';
import type { StaffUser } from '../../src/core/entities.js';

test('compile → check → 年报 draft → review → published → parsed back to the same numbers', async () => {
  const t = await testApp({ now: '2025-01-10T02:00:00.000Z' });
  try {
    // two 2024 cases: one decided in 2024, one still open at the year's end
    t.clock.now = new Date('2024-06-03T02:00:00.000Z');
    const a = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
    const head = (await t.deps.store.users.findByUsername('th-head')) as StaffUser;
    await recordCaseEvent(
      t.deps,
      { user: head },
      a.caseId,
      { kind: 'decided', on: '2024-06-20', outcome: 'disclosed' },
      '127.0.0.1',
    );
    t.clock.now = new Date('2024-12-30T02:00:00.000Z');
    await submitApplication(
      t.deps,
      'tianhu',
      {
        ...VALID_APPLICATION,
        applicantType: 'legal_service_organization',
        name: '某律师事务所',
        idNumber: '31110000MD0123456X',
        representative: '钱某',
      },
      '127.0.0.1',
    );
    t.clock.now = new Date('2025-01-10T02:00:00.000Z');

    const clerkUser = (await t.deps.store.users.findByUsername('th-clerk')) as StaffUser;
    const manual: Record<string, string> = {};
    for (const m of manualSection2Slots(2024)) manual[m.key] = m.column.includes('金额') ? '0.35' : '12';
    const compiled = await compileAnnualReport(t.deps, clerkUser, {
      year: 2024,
      sections: {
        一: '2024年，田湖镇认真贯彻落实条例。全年共收到政府信息公开申请2件。',
        五: '存在问题：无。',
        六: '无',
      },
      manual,
    });
    const c = indexCells(compiled.report.cells);
    assert.equal(c.get(cellKey('三', '一、本年新收政府信息公开申请数量', '总计'))!.value, 2);
    assert.equal(c.get(cellKey('三', '（一）予以公开', '自然人'))!.value, 1);
    assert.equal(c.get(cellKey('三', '四、结转下年度继续办理', '法律服务机构'))!.value, 1);
    assert.deepEqual(
      compiled.findings.filter((f) => f.severity !== 'info'),
      [],
      'compiled from data, every rule holds',
    );

    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get('/admin/report?year=2024');
    const form: Record<string, string> = {
      s1: '2024年，田湖镇认真贯彻落实条例。全年共收到政府信息公开申请2件。',
      s5: '存在问题：无。',
      s6: '无',
      ...manual,
    };
    const check = await clerk.post('/admin/report?year=2024', { ...form, action: 'check' });
    assert.equal(check.statusCode, 200);
    assert.match(check.body, /全部核对规则通过/);
    const missing = await clerk.post('/admin/report?year=2024', {
      ...form,
      [manualSection2Slots(2024)[0]!.key]: '',
      action: 'draft',
    });
    assert.equal(missing.statusCode, 409, 'an incomplete report cannot become a draft');
    assert.match(missing.body, /table_missing|table_partial/);
    const draft = await clerk.post('/admin/report?year=2024', { ...form, action: 'draft' });
    assert.equal(draft.statusCode, 303);
    const id = /\/admin\/items\/([0-9a-f]+)/.exec(String(draft.headers.location))![1]!;
    await clerk.get(`/admin/items/${id}`);
    await clerk.post(`/admin/items/${id}/steps/attributed`, {
      disclosure: 'proactive',
      basis: '条例第四十九条',
    });
    const h = new Client(t.app);
    await h.login('th-head');
    await h.get(`/admin/items/${id}`);
    await h.post(`/admin/items/${id}/steps/reviewed`, { passed: 'yes', basis: '不涉密' });
    await h.post(`/admin/items/${id}/steps/approved`, {});
    await clerk.get(`/admin/items/${id}`);
    await clerk.post(`/admin/items/${id}/steps/published`, { publishOn: '2025-01-10' });
    const pub = await new Client(t.app).get(`/gk/tianhu/i/${id}`);
    assert.equal(pub.statusCode, 200);
    assert.match(
      (await new Client(t.app).get('/gk/tianhu/c/reports')).body,
      /田湖镇人民政府2024年政府信息公开工作年度报告/,
    );
    const back = parseReportHtml(pub.body);
    assert.equal(back.report.year, 2024);
    assert.equal(back.report.format, '2021');
    const got = indexCells(back.report.cells);
    for (const cell of compiled.report.cells)
      assert.equal(
        got.get(cellKey(cell.table, cell.row, cell.column))?.value,
        cell.value,
        `${cell.table} ${cell.row} ${cell.column}`,
      );

    // the county supervisor sees it: published on time, passes the checker; the 2024-12-30 case is open (due 2025-01-28)
    const sup = new Client(t.app);
    await sup.login('county-super');
    const dash = await sup.get('/admin/supervise');
    assert.equal(dash.statusCode, 200);
    const tianhuRow = /<th scope="row">田湖镇人民政府<\/th>([\s\S]*?)<\/tr>/.exec(dash.body)![1]!;
    assert.match(tianhuRow, /2025-01-10发布/);
    assert.match(tianhuRow, /核对通过/);
    assert.match(tianhuRow, /^<td>1<\/td><td><span>0<\/span>/, 'one running case, none overdue');
    assert.match(dash.body, /<th scope="row">双山乡人民政府<\/th>[\s\S]*?未发布（期限2025-01-31）/);
    // the charts say the same in SVG (their descriptions carry the figures)
    assert.match(dash.body, /<svg class="chart"[^>]*role="img"/);
    assert.match(dash.body, /田湖镇人民政府：按期办理1，5个工作日内到期0，已逾期0/);
    assert.match(
      dash.body,
      /6月：收到申请1，主动公开0；[\s\S]*12月：收到申请1，主动公开0；1月：收到申请0，主动公开1</,
      'Feb 2024 – Jan 2025: the two cases and the report',
    );
    assert.match(dash.body, /收到申请合计2件，主动公开信息合计1条/);
    assert.equal((await clerk.get('/admin/supervise')).statusCode, 403);
    const roll = await sup.get('/admin/supervise/rollup?year=2024');
    assert.equal(roll.statusCode, 200);
    assert.match(roll.body, /已汇总1个机关：田湖镇人民政府/);
    assert.match(roll.body, /尚未发布年报的3个机关/);
    const rx = await sup.get('/admin/supervise/rollup.xlsx?year=2024');
    assert.equal(rx.statusCode, 200);
    const { readSheets } = await import('../helpers/xlsx.js');
    const [rs] = await readSheets(rx.rawPayload);
    const newRow = rs!.rows.find((r) => r.A === '一、本年新收政府信息公开申请数量')!;
    assert.equal(newRow.J, 2, 'the roll-up XLSX: 本年新收 总计 2, in the official layout');

    // a 2023 report published earlier that carried 3 applications into 2024: the 2024 report's 上年结转 (0)
    // no longer matches, and the dashboard counts that error (cross-year carry-over)
    const { draftReportItem } = await import('../../src/app/reports/compile-annual-report.js');
    const { recordItemStep } = await import('../../src/app/publication/items.js');
    const headUser = (await t.deps.store.users.findByUsername('th-head')) as StaffUser;
    t.clock.now = new Date('2024-01-15T02:00:00.000Z');
    const y2023 = await compileAnnualReport(t.deps, clerkUser, {
      year: 2023,
      sections: { 一: '2023年，田湖镇认真贯彻落实条例。', 五: '无', 六: '无' },
      manual: Object.fromEntries(manualSection2Slots(2023).map((m) => [m.key, '0'])),
    });
    for (const cell of y2023.report.cells)
      if (
        cell.table === '三' &&
        cell.row === '四、结转下年度继续办理' &&
        (cell.column === '自然人' || cell.column === '总计')
      ) {
        cell.value = 3;
        cell.raw = '3';
      }
    const old = await draftReportItem(t.deps, clerkUser, y2023, '127.0.0.1');
    await recordItemStep(
      t.deps,
      clerkUser,
      old,
      'attributed',
      { disclosure: 'proactive', basis: '条例第四十九条' },
      '127.0.0.1',
    );
    await recordItemStep(t.deps, headUser, old, 'reviewed', { passed: 'yes', basis: '不涉密' }, '127.0.0.1');
    await recordItemStep(t.deps, headUser, old, 'approved', {}, '127.0.0.1');
    await recordItemStep(t.deps, clerkUser, old, 'published', { publishOn: '2024-01-15' }, '127.0.0.1');
    t.clock.now = new Date('2025-01-10T02:00:00.000Z');
    const again = /<th scope="row">田湖镇人民政府<\/th>([\s\S]*?)<\/tr>/.exec(
      (await sup.get('/admin/supervise')).body,
    )![1]!;
    assert.match(again, /2个错误/, 'the carry-over from the 2023 report does not match: 自然人 and 总计');
  } finally {
    await t.close();
  }
});

test("an existing report is imported into the 年报 column, read and checked; another organ's report is refused", async () => {
  const { readFileSync } = await import('node:fs');
  const t = await testApp({ now: '2026-11-26T02:00:00.000Z' });
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const upload = async (name: string, bytes: Uint8Array) => {
      await clerk.get('/admin/report');
      return clerk.postFile('/admin/report/import', {}, { name, bytes });
    };
    const seed = readFileSync(new URL('../fixtures/reports/seed/000_b24edaa19e85be6d.txt', import.meta.url));
    const r = await upload('田湖镇2020年报.txt', seed);
    assert.equal(r.statusCode, 201, r.body.slice(0, 300));
    assert.match(r.body, /已将2020年年报导入/);
    assert.match(
      r.body,
      /该类型的原文件不能作为附件/,
      'a TXT original cannot be an attachment, and the clerk is told',
    );
    assert.match(r.body, /row_short/, 'the findings of the engine are shown');
    const id = /href="\/admin\/items\/([0-9a-f]{16})"/.exec(r.body)![1]!;
    const item = (await t.deps.store.publication.items.find(id))!;
    assert.equal(item.title, '田湖镇人民政府2020年政府信息公开工作年度报告');
    assert.equal(item.columnId, 'tianhu:reports');
    assert.equal(item.state, 'draft', 'goes through 保密审查 like any item');
    const versions = await t.deps.store.publication.items.versions(id);
    assert.match(versions[0]!.bodyHtml, /第二十条第（五）项/);
    assert.match(versions[0]!.bodyHtml, /126/, '行政许可 处理决定数量 126 in the imported tables');

    const pdf = readFileSync(new URL('../fixtures/reports/real-full/001.pdf', import.meta.url));
    const other = await upload('淮安.pdf', pdf);
    assert.equal(other.statusCode, 400);
    assert.match(other.body, /报告中的机关为“淮安市人民政府”，不是田湖镇人民政府/);
    const junk = await upload('x.txt', new TextEncoder().encode('随便写的内容'));
    assert.equal(junk.statusCode, 400);
    assert.match(junk.body, /未能从报告标题或正文中识别报告年度|无法读取/);
    const sup = new Client(t.app);
    await sup.login('county-super');
    await sup.get('/admin/supervise');
    const bySup = await sup.postFile('/admin/report/import', {}, { name: 'seed.txt', bytes: seed });
    assert.equal(bySup.statusCode, 403, 'a supervisor only reads');
  } finally {
    await t.close();
  }
});
