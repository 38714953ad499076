/**
 * The public JSON API: OpenAPI description, organs, published items with search, and the report engine as a
 * service (the seed report POSTed as text comes back with its numbers and findings).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { testApp } from '../helpers/test-app.js';

const SEED = readFileSync(new URL('../../../shared/corpus/seed/000_b24edaa19e85be6d.txt', import.meta.url), 'utf8');

test('API: OpenAPI, organs, items with search; reports/check returns the interchange JSON with findings', async () => {
  const t = await testApp({ cases: false });
  try {
    const { seedItems } = await import('../../src/app/demo/seed-items.js');
    await seedItems(t.deps, (await t.deps.store.organs.find('tianhu'))!, 30, { clerk: 'u-th-clerk', head: 'u-th-head', clerkName: '李经办', headName: '王主任' });
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.equal(spec.openapi.startsWith('3'), true);
    assert.ok(spec.paths['/api/v1/items'] && spec.paths['/api/v1/reports/check'] && spec.paths['/api/v1/organs']);
    const organs = (await t.app.inject({ method: 'GET', url: '/api/v1/organs' })).json();
    assert.ok(organs.some((o: { id: string; name: string }) => o.id === 'tianhu' && o.name === '田湖镇人民政府'));
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/items?organ=tianhu' })).json();
    assert.ok(all.items.length > 10);
    const found = (await t.app.inject({ method: 'GET', url: `/api/v1/items?q=${encodeURIComponent('安全生产')}` })).json();
    assert.ok(found.items.length >= 1 && found.items.every((i: { title: string }) => typeof i.title === 'string'));
    const one = (await t.app.inject({ method: 'GET', url: `/api/v1/items/${all.items[0].id}` })).json();
    assert.match(one.indexNo, /^TH\/\d{4}-\d{5}$/);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/items/nope' });
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(missing.json(), { error: 'item_not_found', message: '找不到该信息' });
    const checked = await t.app.inject({ method: 'POST', url: '/api/v1/reports/check', payload: SEED, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    assert.equal(checked.statusCode, 200);
    const j = checked.json();
    assert.equal(j.organ, '田湖镇人民政府');
    assert.equal(j.cells.find((c: { row: string; column: string }) => c.row === '第二十条第（五）项/行政许可' && c.column === '处理决定数量').value, 126);
    assert.ok(j.findings.some((f: { code: string }) => f.code === 'row_short'));
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/reports/check', payload: '  ', headers: { 'content-type': 'text/plain' } });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().error, 'input_empty');
  } finally { await t.close(); }
});
