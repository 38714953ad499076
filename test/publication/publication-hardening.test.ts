/**
 * Two ways to publish without 保密审查 that a hostile test campaign found, through HTTP on every public path
 * (item page, column, organ home, RSS, sitemap, JSON API, files): a withdrawn item came back as soon as a clerk
 * started a revision; a file added to a published item was public at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp, type TestApp } from '../helpers/test-app.js';

const ITEM = {
  title: '田湖镇2024年高标准农田建设项目公示',
  columnId: 'tianhu:key-areas',
  formedOn: '2024-03-01',
  topic: '综合政务\\政务公开',
  docNumber: '',
  docType: 'other',
  openMode: '主动公开',
  body: '<p>现将项目公示如下。</p>',
};

async function staff(t: TestApp) {
  const clerk = new Client(t.app);
  await clerk.login('th-clerk');
  const head = new Client(t.app);
  await head.login('th-head');
  return { clerk, head };
}

async function draft(clerk: Client): Promise<string> {
  await clerk.get('/admin/items/new');
  const r = await clerk.post('/admin/items/new', ITEM);
  assert.equal(r.statusCode, 303, r.body.slice(0, 300));
  return /\/admin\/items\/([0-9a-f]+)/.exec(String(r.headers.location))![1]!;
}

/** 公开属性认定 → 保密审查 → 审核同意 → 发布, each step asserted. */
async function toPublished(clerk: Client, head: Client, id: string, attributed = false) {
  await clerk.get(`/admin/items/${id}`);
  if (!attributed) {
    const a = await clerk.post(`/admin/items/${id}/steps/attributed`, {
      disclosure: 'proactive',
      basis: '条例第二十条',
    });
    assert.equal(a.statusCode, 303, a.body.slice(0, 400));
  }
  await head.get(`/admin/items/${id}`);
  assert.equal(
    (await head.post(`/admin/items/${id}/steps/reviewed`, { passed: 'yes', basis: '不涉密' })).statusCode,
    303,
  );
  assert.equal((await head.post(`/admin/items/${id}/steps/approved`, {})).statusCode, 303);
  await clerk.get(`/admin/items/${id}`);
  assert.equal(
    (await clerk.post(`/admin/items/${id}/steps/published`, { publishOn: '2024-03-04' })).statusCode,
    303,
  );
}

/** What every public path says about the item: true where it is visible. */
async function visibility(t: TestApp, id: string) {
  const pub = new Client(t.app);
  const item = (await pub.get(`/gk/tianhu/i/${id}`)).statusCode === 200;
  const column = (await pub.get('/gk/tianhu/c/key-areas')).body.includes(`/gk/tianhu/i/${id}`);
  const home = (await pub.get('/gk/tianhu')).body.includes(`/gk/tianhu/i/${id}`);
  const rss = (await pub.get('/gk/tianhu/c/key-areas/rss.xml')).body.includes(`/i/${id}`);
  const sitemap = (await pub.get('/sitemap.xml')).body.includes(`/i/${id}`);
  const api = (await pub.get(`/api/v1/items/${id}`)).statusCode === 200;
  const apiList = (await pub.get('/api/v1/items?organ=tianhu')).body.includes(`"${id}"`);
  return { item, column, home, rss, sitemap, api, apiList };
}

const everywhere = (v: boolean) => ({
  item: v,
  column: v,
  home: v,
  rss: v,
  sitemap: v,
  api: v,
  apiList: v,
});

test('条例第十七条: a withdrawn item stays off the portal, home, RSS, sitemap and API when a clerk starts a revision', async () => {
  const t = await testApp({ pageCacheSeconds: 0 });
  try {
    const { clerk, head } = await staff(t);
    const id = await draft(clerk);
    await toPublished(clerk, head, id);
    assert.deepEqual(await visibility(t, id), everywhere(true));
    await head.get(`/admin/items/${id}`);
    assert.equal(
      (await head.post(`/admin/items/${id}/steps/withdrawn`, { reason: '公示期满' })).statusCode,
      303,
    );
    assert.deepEqual(await visibility(t, id), everywhere(false));
    await clerk.get(`/admin/items/${id}`);
    assert.equal((await clerk.post(`/admin/items/${id}/steps/revised`, {})).statusCode, 303);
    assert.deepEqual(
      await visibility(t, id),
      everywhere(false),
      'a revision of a withdrawn item is not public',
    );
    // the revision is public only once it has passed its own review and been published
    await toPublished(clerk, head, id);
    assert.deepEqual(await visibility(t, id), everywhere(true));
  } finally {
    await t.close();
  }
});

test('条例第十七条: a file added to a published item is not public until its new version passes 保密审查 and is published', async () => {
  const t = await testApp({ pageCacheSeconds: 0 });
  try {
    const { clerk, head } = await staff(t);
    const id = await draft(clerk);
    await toPublished(clerk, head, id);
    await clerk.get(`/admin/items/${id}`);
    const pdf = new TextEncoder().encode('%PDF-1.4\n% 补充材料\n');
    const up = await clerk.postFile(`/admin/items/${id}/files`, {}, { name: '补充材料.pdf', bytes: pdf });
    assert.equal(up.statusCode, 303, up.body.slice(0, 300));
    const [file] = await t.deps.store.publication.files.list(id);
    assert.ok(file);
    assert.equal(file.version, 2, 'the file belongs to a new version');
    const pub = new Client(t.app);
    assert.equal((await pub.get(`/gk/tianhu/f/${file.id}`)).statusCode, 404, 'the file is not public');
    assert.ok(
      !(await pub.get(`/gk/tianhu/i/${id}`)).body.includes(file.id),
      'the item page does not list it',
    );
    assert.deepEqual(await visibility(t, id), everywhere(true), 'version 1 stays public meanwhile');
    // a file added to an approved (not yet published) version sends it back to 保密审查
    await toPublished(clerk, head, id);
    assert.equal(
      (await pub.get(`/gk/tianhu/f/${file.id}`)).statusCode,
      200,
      'public after review and publication',
    );
    await clerk.get(`/admin/items/${id}`);
    await clerk.post(`/admin/items/${id}/steps/revised`, {});
    await clerk.post(`/admin/items/${id}/steps/attributed`, {
      disclosure: 'proactive',
      basis: '条例第二十条',
    });
    await head.get(`/admin/items/${id}`);
    await head.post(`/admin/items/${id}/steps/reviewed`, { passed: 'yes', basis: '不涉密' });
    await head.post(`/admin/items/${id}/steps/approved`, {});
    await clerk.get(`/admin/items/${id}`);
    await clerk.postFile(`/admin/items/${id}/files`, {}, { name: '又一份.pdf', bytes: pdf });
    const late = (await t.deps.store.publication.files.list(id)).find((f) => f.filename === '又一份.pdf')!;
    assert.equal(late.version, 3);
    const pubStep = await clerk.post(`/admin/items/${id}/steps/published`, { publishOn: '2024-03-04' });
    assert.equal(pubStep.statusCode, 409, 'the approval no longer covers the version');
    assert.equal((await pub.get(`/gk/tianhu/f/${late.id}`)).statusCode, 404);
    await toPublished(clerk, head, id, true);
    assert.equal((await pub.get(`/gk/tianhu/f/${late.id}`)).statusCode, 200);
  } finally {
    await t.close();
  }
});
