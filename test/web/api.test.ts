/**
 * The public JSON API: OpenAPI description, organs, published items with search, and the report engine as a
 * service (the seed report POSTed as text comes back with its numbers and findings).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Client, testApp } from '../helpers/test-app.js';

const SEED = readFileSync(
  new URL('../fixtures/reports/seed/000_b24edaa19e85be6d.txt', import.meta.url),
  'utf8',
);

test('API: OpenAPI, organs, items with search; reports/check returns the interchange JSON with findings', async () => {
  const t = await testApp({ cases: false });
  try {
    const { seedItems } = await import('../../src/app/demo/seed-items.js');
    await seedItems(t.deps, (await t.deps.store.organs.find('tianhu'))!, 30, {
      clerk: 'u-th-clerk',
      head: 'u-th-head',
      clerkName: '李经办',
      headName: '王主任',
    });
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.equal(spec.openapi.startsWith('3'), true);
    assert.ok(
      spec.paths['/api/v1/items'] && spec.paths['/api/v1/reports/check'] && spec.paths['/api/v1/organs'],
    );
    const organs = (await t.app.inject({ method: 'GET', url: '/api/v1/organs' })).json();
    assert.ok(
      organs.some((o: { id: string; name: string }) => o.id === 'tianhu' && o.name === '田湖镇人民政府'),
    );
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/items?organ=tianhu' })).json();
    assert.ok(all.items.length > 10);
    const found = (
      await t.app.inject({ method: 'GET', url: `/api/v1/items?q=${encodeURIComponent('安全生产')}` })
    ).json();
    assert.ok(
      found.items.length >= 1 && found.items.every((i: { title: string }) => typeof i.title === 'string'),
    );
    const one = (await t.app.inject({ method: 'GET', url: `/api/v1/items/${all.items[0].id}` })).json();
    assert.match(one.indexNo, /^TH\/\d{4}-\d{5}$/);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/items/nope' });
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(missing.json(), { error: 'item_not_found', message: '找不到该信息' });
    const checked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/check',
      payload: SEED,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    assert.equal(checked.statusCode, 200);
    const j = checked.json();
    assert.equal(j.organ, '田湖镇人民政府');
    assert.equal(
      j.cells.find(
        (c: { row: string; column: string }) =>
          c.row === '第二十条第（五）项/行政许可' && c.column === '处理决定数量',
      ).value,
      126,
    );
    assert.ok(j.findings.some((f: { code: string }) => f.code === 'row_short'));
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports/check',
      payload: '  ',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().error, 'input_empty');
  } finally {
    await t.close();
  }
});

test('the public 年度报告核对 page: a PDF upload, pasted text, and bad input, without JavaScript', async () => {
  const t = await testApp({ reportCheckPerMinute: 100 });
  try {
    const c = new Client(t.app);
    const form = await c.get('/nianbao/check');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /enctype="multipart\/form-data"/);
    assert.match((await c.get('/')).body, /href="\/nianbao\/check"/, 'linked from the platform home');

    const pdf = readFileSync(new URL('../fixtures/reports/real-full/001.pdf', import.meta.url));
    const r = await c.postFile('/nianbao/check', { text: '' }, { name: '淮安2024年报.pdf', bytes: pdf });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /核对结果：淮安2024年报\.pdf/);
    assert.match(r.body, /<dt>机关<\/dt><dd>淮安市人民政府<\/dd>/);
    assert.match(r.body, /读到<\/dt><dd>200个单元格，其中200个数字/);
    assert.match(r.body, /错误0个，警告0个/);
    assert.match(r.body, /全部核对规则通过/);
    assert.match(r.body, /rowspan="22"|rowspan="20"/, 'the tables in the official layout');

    await c.get('/nianbao/check');
    const pasted = await c.post('/nianbao/check', { text: SEED });
    assert.equal(pasted.statusCode, 200);
    assert.match(pasted.body, /<dt>机关<\/dt><dd>田湖镇人民政府<\/dd>/);
    assert.match(pasted.body, /2019年试行格式/);
    assert.match(pasted.body, /警告<\/span> 表三「（三）不予公开\/1\.属于国家秘密」只读到6个单元格/);
    // the findings shown, as CSV and XLSX, errors first
    const shown = /name="findings" value="([^"]*)"/.exec(pasted.body)![1]!;
    const json = shown
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    const listed = JSON.parse(json) as { severity: string; code: string }[];
    assert.ok(listed.length > 0);
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    assert.ok(
      listed.every((f, i) => i === 0 || rank[listed[i - 1]!.severity]! <= rank[f.severity]!),
      'errors first',
    );
    const csv = await c.post('/nianbao/check/findings.csv', { findings: json, name: '粘贴的文字' });
    assert.equal(csv.statusCode, 200);
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, listed.length + 1, 'one row per finding');
    assert.match(lines[0]!, /^严重程度,代码,说明/);
    assert.ok(lines.some((l) => l.includes('row_short')));
    const xlsx = await c.post('/nianbao/check/findings.xlsx', { findings: json, name: '粘贴的文字' });
    assert.equal(xlsx.statusCode, 200);
    const { readSheets } = await import('../helpers/xlsx.js');
    assert.equal((await readSheets(xlsx.rawPayload))[0]!.rows.length, listed.length + 1);
    const bad = await c.post('/nianbao/check/findings.csv', { findings: '[{"severity":"x"}]' });
    assert.equal(bad.statusCode, 400);
    await c.get('/nianbao/check');

    await c.get('/nianbao/check');
    const empty = await c.post('/nianbao/check', { text: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /请选择报告文件，或粘贴报告全文/);
    assert.equal((await c.post('/nianbao/check', { text: SEED }, { csrf: false })).statusCode, 403);
    const junk = await c.post('/nianbao/check', { text: '这不是年报。\u0000\u0001' });
    assert.equal(junk.statusCode, 200, 'never a 500 on any input');
    assert.match(junk.body, /错误[1-9]\d*个/);
  } finally {
    await t.close();
  }
});
