/**
 * The 年报 as Word and PDF from the web app: downloaded from the report page while compiled, and from the portal
 * for the published report (rendered from the version the public sees) — each read back by the project's own
 * DOCX and PDF parsers to exactly the compiled cells.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp } from '../helpers/test-app.js';
import { compileAnnualReport, manualSection2Slots } from '../../src/app/reports/compile-annual-report.js';
import { readAndCheckReport } from '../../src/app/reports/check-report.js';
import { defaultReportParsers } from '../../src/adapters/parse/report-parsers.js';
import { cellKey, indexCells } from '../../src/core/annual-report/report-model.js';
import { closePdfPrinter } from '../../src/adapters/render/pdf-printer.js';
import { createItem } from '../../src/app/publication/items.js';
import type { StaffUser } from '../../src/core/entities.js';

test('the 年报 as Word and PDF, from the report page and from the published item, reads back to exactly the compiled cells; the tables as XLSX', async () => {
  const t = await testApp({ now: '2026-01-10T02:00:00.000Z' });
  try {
    const manual = Object.fromEntries(manualSection2Slots(2025).map((m, i) => [m.key, String((i % 7) + 1)]));
    const sections = {
      s1: '2025年，田湖镇人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。',
      s5: '存在问题：个别栏目更新不及时。改进情况：已建立每周更新制度。',
      s6: '本年度未收取信息处理费。',
    };
    const clerkUser = (await t.deps.store.users.findByUsername('th-clerk')) as StaffUser;
    const compiled = await compileAnnualReport(t.deps, clerkUser, {
      year: 2025,
      sections: { 一: sections.s1, 五: sections.s5, 六: sections.s6 },
      manual,
    });
    const expected = compiled.report.cells;
    assert.ok(expected.length > 100);
    const same = async (name: string, bytes: Uint8Array, what: string) => {
      const back = await readAndCheckReport(defaultReportParsers, name, bytes, { check: false });
      assert.equal(back.unreadable, false, what);
      const got = indexCells(back.report.cells);
      for (const c of expected)
        assert.equal(
          got.get(cellKey(c.table, c.row, c.column))?.value,
          c.value,
          `${what}: ${c.table} ${c.row} ${c.column}`,
        );
    };
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get('/admin/report?year=2025');
    const form = { ...sections, ...manual };
    for (const format of ['docx', 'pdf'] as const) {
      const r = await clerk.post('/admin/report?year=2025', { ...form, action: format });
      assert.equal(r.statusCode, 200, r.body.slice(0, 200));
      await same(`report.${format}`, r.rawPayload, `the report page's ${format}`);
    }
    // the tables as XLSX in the official layout (merged header cells), the same numbers
    const x = await clerk.post('/admin/report?year=2025', { ...form, action: 'xlsx' });
    assert.equal(x.statusCode, 200);
    const { readSheets } = await import('../helpers/xlsx.js');
    const [sheet] = await readSheets(x.rawPayload);
    const texts = sheet!.rows.flatMap((r) => Object.values(r).map(String));
    assert.ok(
      texts.includes('申请人情况') && texts.includes('行政复议'),
      'Sections 三 and 四 in the official layout',
    );
    const s2 = expected.filter((c) => c.table === '二' && c.value !== null);
    for (const c of s2.slice(0, 5))
      assert.ok(
        sheet!.rows.some((r) => Object.values(r).includes(c.value)),
        `${c.row}`,
      );
    // published: the portal offers the same as Word and PDF
    const draft = await clerk.post('/admin/report?year=2025', { ...form, action: 'draft' });
    const id = /\/admin\/items\/([0-9a-f]+)/.exec(String(draft.headers.location))![1]!;
    const head = new Client(t.app);
    await head.login('th-head');
    await clerk.get(`/admin/items/${id}`);
    await clerk.post(`/admin/items/${id}/steps/attributed`, {
      disclosure: 'proactive',
      basis: '条例第四十九条',
    });
    await head.get(`/admin/items/${id}`);
    await head.post(`/admin/items/${id}/steps/reviewed`, { passed: 'yes', basis: '不涉密' });
    await head.post(`/admin/items/${id}/steps/approved`, {});
    await clerk.get(`/admin/items/${id}`);
    assert.equal(
      (await clerk.post(`/admin/items/${id}/steps/published`, { publishOn: '2026-01-10' })).statusCode,
      303,
    );
    const pub = new Client(t.app);
    assert.match((await pub.get(`/gk/tianhu/i/${id}`)).body, /id="report-files"/);
    for (const format of ['docx', 'pdf'] as const) {
      const r = await pub.get(`/gk/tianhu/i/${id}/report.${format}`);
      assert.equal(r.statusCode, 200, `${format}: ${r.body.slice(0, 200)}`);
      await same(`report.${format}`, r.rawPayload, `the published ${format}`);
    }
    assert.equal((await pub.get(`/gk/tianhu/i/${id}/report.exe`)).statusCode, 404);
    // an item of another column has no report files
    const news = await createItem(
      t.deps,
      clerkUser,
      {
        title: '田湖镇召开政务公开工作会议',
        columnId: 'tianhu:news',
        formedOn: '2026-01-10',
        topic: '综合政务\\政务公开',
        docType: 'other',
        openMode: '主动公开',
        body: '<p>会议部署了2026年政务公开工作。</p>',
      },
      '127.0.0.1',
    );
    await clerk.get(`/admin/items/${news.id}`);
    await clerk.post(`/admin/items/${news.id}/steps/attributed`, {
      disclosure: 'proactive',
      basis: '条例第二十条',
    });
    await head.get(`/admin/items/${news.id}`);
    await head.post(`/admin/items/${news.id}/steps/reviewed`, { passed: 'yes', basis: '不涉密' });
    await head.post(`/admin/items/${news.id}/steps/approved`, {});
    await clerk.get(`/admin/items/${news.id}`);
    await clerk.post(`/admin/items/${news.id}/steps/published`, { publishOn: '2026-01-10' });
    assert.equal((await pub.get(`/gk/tianhu/i/${news.id}`)).statusCode, 200, 'the news item is public');
    assert.equal((await pub.get(`/gk/tianhu/i/${news.id}/report.pdf`)).statusCode, 404, 'only 年报');
  } finally {
    await closePdfPrinter();
    await t.close();
  }
});
