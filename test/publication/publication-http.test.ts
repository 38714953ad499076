/**
 * 主动公开 through HTTP: the workflow roles; an item without a recorded review can never be published by any route;
 * a withdrawn item leaves the portal and the search but keeps its history; bad input names the field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp } from '../helpers/test-app.js';

const ITEM = {
  title: '田湖镇2024年农村危房改造补助对象公示',
  columnId: 'tianhu:key-areas',
  formedOn: '2024-03-01',
  topic: '综合政务\\政务公开',
  docNumber: '',
  docType: 'other',
  openMode: '主动公开',
  body: '<p>经村民评议、镇审核，现将补助对象公示如下。</p><script>alert(1)</script>',
};

async function draft(c: Client): Promise<string> {
  await c.get('/admin/items/new');
  const r = await c.post('/admin/items/new', ITEM);
  assert.equal(r.statusCode, 303, r.body.slice(0, 300));
  return /\/admin\/items\/([0-9a-f]+)/.exec(String(r.headers.location))![1]!;
}

/** 公开属性认定 (clerk) → 保密审查 passed and approval (head) → published on 2024-03-04 (clerk). */
async function publish(clerk: Client, head: Client, id: string): Promise<void> {
  await clerk.get(`/admin/items/${id}`);
  await clerk.post(`/admin/items/${id}/steps/attributed`, { disclosure: 'proactive', basis: '条例第二十条' });
  await head.get(`/admin/items/${id}`);
  await head.post(`/admin/items/${id}/steps/reviewed`, { passed: 'yes', basis: '不涉密' });
  await head.post(`/admin/items/${id}/steps/approved`, {});
  await clerk.get(`/admin/items/${id}`);
  await clerk.post(`/admin/items/${id}/steps/published`, { publishOn: '2024-03-04' });
}

test('an item without a recorded 保密审查 can never be published, by any route or role', async () => {
  const t = await testApp();
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const head = new Client(t.app);
    await head.login('th-head');
    const id = await draft(clerk);
    const tryAll = async (stage: string) => {
      for (const c of [clerk, head]) {
        await c.get(`/admin/items/${id}`);
        for (const action of ['published', 'approved']) {
          const r = await c.post(`/admin/items/${id}/steps/${action}`, { publishOn: '2024-03-04' });
          assert.ok([403, 409].includes(r.statusCode), `${stage}: ${action} gave ${r.statusCode}`);
        }
      }
      assert.equal(
        (await new Client(t.app).get(`/gk/tianhu/i/${id}`)).statusCode,
        404,
        `${stage}: not public`,
      );
    };
    await tryAll('draft');
    await clerk.get(`/admin/items/${id}`);
    assert.equal(
      (
        await clerk.post(`/admin/items/${id}/steps/attributed`, {
          disclosure: 'proactive',
          basis: '条例第二十条',
        })
      ).statusCode,
      303,
    );
    await tryAll('attributed');
    assert.equal(
      (await clerk.post(`/admin/items/${id}/steps/reviewed`, { passed: 'yes', basis: '不涉密' })).statusCode,
      403,
      'a clerk cannot record the review',
    );
    await head.get(`/admin/items/${id}`);
    assert.equal(
      (await head.post(`/admin/items/${id}/steps/reviewed`, { passed: 'no', basis: '含个人身份证号码' }))
        .statusCode,
      303,
    );
    await tryAll('review failed');
    const events = await t.deps.store.publication.items.events(id);
    assert.deepEqual(
      events.map((e) => e.event.kind),
      ['created', 'attributed', 'reviewed'],
    );
  } finally {
    await t.close();
  }
});

test('draft → 公开属性认定 → 保密审查 → approval → published: in its column, search and RSS; withdrawn: gone, history kept', async () => {
  const t = await testApp();
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const head = new Client(t.app);
    await head.login('th-head');
    const bad = await (async () => {
      await clerk.get('/admin/items/new');
      return clerk.post('/admin/items/new', { ...ITEM, title: '', formedOn: '2024-13-01' });
    })();
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /请填写标题|标题至少2个字/);
    assert.match(bad.body, /成文日期应为真实日期/);
    const id = await draft(clerk);
    await clerk.get(`/admin/items/${id}`);
    await clerk.post(`/admin/items/${id}/steps/attributed`, {
      disclosure: 'proactive',
      basis: '条例第二十一条',
    });
    await head.get(`/admin/items/${id}`);
    await head.post(`/admin/items/${id}/steps/reviewed`, { passed: 'yes', basis: '经审查不涉及国家秘密' });
    await head.post(`/admin/items/${id}/steps/approved`, {});
    await clerk.get(`/admin/items/${id}`);
    assert.equal(
      (await clerk.post(`/admin/items/${id}/steps/published`, { publishOn: '2024-03-04' })).statusCode,
      303,
    );
    const pub = new Client(t.app);
    const page = await pub.get(`/gk/tianhu/i/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /TH\/2024-00001/);
    assert.ok(!page.body.includes('<script>alert'), 'the body is sanitised');
    assert.match((await pub.get('/gk/tianhu/c/key-areas')).body, /农村危房改造补助对象公示/);
    assert.match((await pub.get('/search?q=' + encodeURIComponent('公示'))).body, /<mark>公示<\/mark>/);
    assert.match((await pub.get('/search?q=' + encodeURIComponent('危房改造补助'))).body, /找到1条/);
    const rss = await pub.get('/gk/tianhu/c/key-areas/rss.xml');
    assert.equal(rss.headers['content-type'], 'application/rss+xml; charset=utf-8');
    assert.match(rss.body, /<item><title>田湖镇2024年农村危房改造补助对象公示<\/title>/);
    assert.match((await pub.get('/sitemap.xml')).body, new RegExp(`/gk/tianhu/i/${id}`));
    // the Art. 26 check: formed 2024-03-01, published 2024-03-04 → 1 working day
    assert.match((await clerk.get(`/admin/items/${id}`)).body, /成文后第1个工作日发布/);
    await head.get(`/admin/items/${id}`);
    assert.equal(
      (await head.post(`/admin/items/${id}/steps/withdrawn`, { reason: '公示期满' })).statusCode,
      303,
    );
    assert.equal((await pub.get(`/gk/tianhu/i/${id}`)).statusCode, 404);
    assert.match((await pub.get('/search?q=' + encodeURIComponent('危房改造补助'))).body, /找到0条/);
    assert.ok(!(await pub.get('/gk/tianhu/c/key-areas')).body.includes(id));
    const admin = await clerk.get(`/admin/items/${id}`);
    assert.match(admin.body, /撤回（王主任）：公示期满/);
    assert.match(admin.body, /发布（李经办）：第1版，2024-03-04/);
  } finally {
    await t.close();
  }
});

test('a revision keeps the published version public until the new version passes review and is published', async () => {
  const t = await testApp();
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const head = new Client(t.app);
    await head.login('th-head');
    const id = await draft(clerk);
    const through = async (title?: string) => {
      if (title) {
        await clerk.get(`/admin/items/${id}`);
        assert.equal((await clerk.post(`/admin/items/${id}/edit`, { ...ITEM, title })).statusCode, 303);
      }
      await publish(clerk, head, id);
    };
    await through();
    await clerk.get(`/admin/items/${id}`);
    assert.equal((await clerk.post(`/admin/items/${id}/steps/revised`, {})).statusCode, 303);
    await clerk.get(`/admin/items/${id}`);
    await clerk.post(`/admin/items/${id}/edit`, { ...ITEM, title: '更正：田湖镇农村危房改造补助对象公示' });
    const pub = new Client(t.app);
    assert.match(
      (await pub.get(`/gk/tianhu/i/${id}`)).body,
      /<h1>田湖镇2024年农村危房改造补助对象公示<\/h1>/,
      'still version 1',
    );
    await through('更正：田湖镇农村危房改造补助对象公示');
    const p = await pub.get(`/gk/tianhu/i/${id}`);
    assert.match(p.body, /<h1>更正：田湖镇农村危房改造补助对象公示<\/h1>/);
    assert.match(p.body, /当前为第2版/);
  } finally {
    await t.close();
  }
});

test('text inside an attached DOCX is searchable once published; late publication is listed under 条例第二十六条', async () => {
  const t = await testApp();
  try {
    const { renderLetterDocx } = await import('../../src/adapters/render/letter-renderers.js');
    const docx = await renderLetterDocx({
      kind: 'reply',
      id: 'x',
      title: '附件',
      number: '',
      recipient: '各村',
      paragraphs: ['附件所列补助资金共计一百二十万元，涉及东湖村'],
      basis: '条例',
      organName: '田湖镇人民政府',
      sealName: '田湖镇人民政府',
      date: '2024年3月1日',
      forApplicant: true,
    });
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const head = new Client(t.app);
    await head.login('th-head');
    const id = await draft(clerk);
    await clerk.get(`/admin/items/${id}`);
    const up = await clerk.postFile(`/admin/items/${id}/files`, {}, { name: '补助名单.docx', bytes: docx });
    assert.equal(up.statusCode, 303);
    await publish(clerk, head, id);
    const pub = new Client(t.app);
    assert.match((await pub.get('/search?q=' + encodeURIComponent('东湖村'))).body, /找到1条/);
    const page = await pub.get(`/gk/tianhu/i/${id}`);
    assert.match(page.body, /补助名单\.docx/);
    const fileId = /\/gk\/tianhu\/f\/([0-9a-f]+)/.exec(page.body)![1]!;
    const dl = await pub.get(`/gk/tianhu/f/${fileId}`);
    assert.equal(dl.statusCode, 200);
    // a late item: the seeded demo content has every 17th item formed 45 days before publication
    const { seedItems } = await import('../../src/app/demo/seed-items.js');
    await seedItems(t.deps, (await t.deps.store.organs.find('tianhu'))!, 20, {
      clerk: 'u-th-clerk',
      head: 'u-th-head',
      clerkName: '李经办',
      headName: '王主任',
    });
    const late = await clerk.get('/admin/items/timeliness?year=2024');
    assert.equal(late.statusCode, 200);
    assert.match(late.body, /超过20个工作日发布的信息/);
    assert.match(late.body, /<tbody><tr><td>TH\/2024-/, 'at least one late item of 2024 is listed');
  } finally {
    await t.close();
  }
});

test('the back-office item list pages, searches titles and 索引号 in any letter case, and keeps filters in its links', async () => {
  const t = await testApp({ now: '2026-11-26T02:00:00.000Z' });
  try {
    const { seedItems } = await import('../../src/app/demo/seed-items.js');
    const organ = (await t.deps.store.organs.find('tianhu'))!;
    await seedItems(t.deps, organ, 60, {
      clerk: 'u-th-clerk',
      head: 'u-th-head',
      clerkName: '李经办',
      headName: '王主任',
    });
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const ids = (html: string) =>
      [...html.matchAll(/<a href="\/admin\/items\/([0-9a-f]{16})">/g)].map((m) => m[1]);
    const p1 = await clerk.get('/admin/items');
    assert.equal(ids(p1.body).length, 50);
    assert.match(p1.body, /共60条/);
    assert.match(p1.body, /href="\/admin\/items\?page=2" rel="next"/);
    const p2 = await clerk.get('/admin/items?page=2');
    assert.equal(new Set([...ids(p1.body), ...ids(p2.body)]).size, 60, 'every item once');
    const byIndex = await clerk.get('/admin/items?q=th%2F2026-0000');
    assert.ok(
      ids(byIndex.body).length >= 1 && ids(byIndex.body).length <= 9,
      'TH/2026-00001 … 00009 by a lower-case prefix',
    );
    const byTitle = await clerk.get(`/admin/items?state=published&q=${encodeURIComponent('应急预案')}`);
    assert.ok(ids(byTitle.body).length >= 1);
    assert.ok(
      [...byTitle.body.matchAll(/<a href="\/admin\/items\/[0-9a-f]{16}">([^<]+)</g)].every((m) =>
        m[1]!.includes('应急预案'),
      ),
    );
    assert.match(
      (await clerk.get(`/admin/items?q=${encodeURIComponent('不存在的标题')}`)).body,
      /没有标题或索引号包含“不存在的标题”的信息/,
    );
    // serials rise with the publication dates
    const all = await t.deps.store.publication.items.listForOrgan('tianhu', { limit: 100 });
    const y2025 = all
      .filter((i) => i.indexNo.startsWith('TH/2025-'))
      .sort((a, b) => (a.indexNo < b.indexNo ? -1 : 1));
    assert.deepEqual(
      y2025.map((i) => i.publishedOn),
      [...y2025.map((i) => i.publishedOn)].sort(),
    );
  } finally {
    await t.close();
  }
});
