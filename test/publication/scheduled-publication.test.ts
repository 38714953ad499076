/**
 * 定时发布 at its minute, from the job queue, with a fixed clock: an approved version scheduled for 10:30 is not
 * public at 10:29 and is at 10:30; a version changed before its minute (a file added) is not published (条例第十七条: only the
 * reviewed and approved version), and whoever scheduled it is told in the bell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp } from '../helpers/test-app.js';
import { startEmbeddedRunner } from '../../src/adapters/jobs/embedded-runner.js';
import { allTasks } from '../../src/app/jobs/tasks.js';
import { waitUntil } from '../helpers/mail-sink.js';

const ITEM = {
  title: '田湖镇2024年农村危房改造补助对象公示',
  columnId: 'tianhu:key-areas',
  formedOn: '2024-03-01',
  topic: '综合政务\\政务公开',
  docType: 'other',
  openMode: '主动公开',
  body: '<p>经村民评议、镇审核，现将补助对象公示如下。</p>',
};

test('定时发布 (条例第十七条: only the reviewed, approved version): an approved version scheduled for 10:30 becomes public at 10:30, not before; one changed meanwhile is not published and its scheduler is told', async () => {
  // Monday 4 March 2024, 10:00 in Beijing
  const t = await testApp({ now: '2024-03-04T02:00:00.000Z', pageCacheSeconds: 0 });
  const runner = startEmbeddedRunner(t.deps.store, allTasks(t.deps), { pollMs: 20, now: () => t.clock.now });
  try {
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const head = new Client(t.app);
    await head.login('th-head');
    const make = async (title: string) => {
      await clerk.get('/admin/items/new');
      const r = await clerk.post('/admin/items/new', { ...ITEM, title });
      const id = /\/admin\/items\/([0-9a-f]+)/.exec(String(r.headers.location))![1]!;
      await clerk.get(`/admin/items/${id}`);
      await clerk.post(`/admin/items/${id}/steps/attributed`, {
        disclosure: 'proactive',
        basis: '条例第二十条',
      });
      await head.get(`/admin/items/${id}`);
      await head.post(`/admin/items/${id}/steps/reviewed`, { passed: 'yes', basis: '不涉密' });
      await head.post(`/admin/items/${id}/steps/approved`, {});
      await clerk.get(`/admin/items/${id}`);
      const s = await clerk.post(`/admin/items/${id}/steps/published`, {
        publishOn: '2024-03-04',
        publishTime: '10:30',
      });
      assert.equal(s.statusCode, 303, s.body.slice(0, 300));
      assert.match(String(s.headers.location), /ok=scheduled/);
      return id;
    };
    const a = await make('定时发布的公示');
    const b = await make('发布前修订的公示');
    const bad = await clerk.post(`/admin/items/${a}/steps/published`, {
      publishOn: '2024-03-04',
      publishTime: '25:00',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /请填写时:分/);
    // a file is added to b before its minute: the version goes back to 保密审查 (a file is part of its version)
    await clerk.get(`/admin/items/${b}`);
    const up = await clerk.postFile(
      `/admin/items/${b}/files`,
      {},
      { name: '名单.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n% 名单\n') },
    );
    assert.equal(up.statusCode, 303, up.body.slice(0, 300));
    const isPublic = async (id: string) =>
      (await new Client(t.app).get(`/gk/tianhu/i/${id}`)).statusCode === 200;
    t.clock.now = new Date('2024-03-04T02:29:00.000Z');
    runner.wake();
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await isPublic(a), false, '10:29: not yet');
    t.clock.now = new Date('2024-03-04T02:30:00.000Z');
    runner.wake();
    await waitUntil(
      () => isPublic(a),
      10_000,
      () => 'a public at 10:30',
    );
    await waitUntil(
      async () =>
        (await t.deps.store.staffNotices.list('u-th-clerk', 10)).some((n) => n.title === '定时发布未执行'),
      10_000,
      () => 'the clerk told about b',
    );
    assert.equal(await isPublic(b), false, 'the changed version was not reviewed: not published');
    const events = (await t.deps.store.publication.items.events(a)).map((e) => e.event.kind);
    assert.equal(events.filter((k) => k === 'published').length, 1);
  } finally {
    await runner.stop();
    await t.close();
  }
});
