/**
 * "Is this item public today" is defined once (core/publication/public-now.ts) and the store's SQL filter is the
 * same definition: the predicate and listPublic/countPublic agree on SQLite for items in every workflow state.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ItemRow } from '../../src/core/entities.js';
import type { ItemMeta, ItemState } from '../../src/core/publication/item-model.js';
import { type PublicFields, isPublicNow } from '../../src/core/publication/public-now.js';
import { openSqliteStore } from '../../src/adapters/storage/kysely/kysely-store.js';
import { organ } from '../contracts/storage.contract.js';

test('isPublicNow: an item is public from its publication day until it is withdrawn (scheduled items appear on their day)', () => {
  const rows: { name: string; item: PublicFields; today: string; public: boolean }[] = [
    {
      name: 'draft',
      item: { state: 'draft', publishedVersion: null, publishedOn: null },
      today: '2024-03-04',
      public: false,
    },
    {
      name: 'approved, not yet published',
      item: { state: 'approved', publishedVersion: null, publishedOn: null },
      today: '2024-03-04',
      public: false,
    },
    {
      name: 'published earlier',
      item: { state: 'published', publishedVersion: 1, publishedOn: '2024-03-01' },
      today: '2024-03-04',
      public: true,
    },
    {
      name: 'published today',
      item: { state: 'published', publishedVersion: 1, publishedOn: '2024-03-04' },
      today: '2024-03-04',
      public: true,
    },
    {
      name: 'scheduled for tomorrow',
      item: { state: 'published', publishedVersion: 1, publishedOn: '2024-03-05' },
      today: '2024-03-04',
      public: false,
    },
    {
      name: 'scheduled, on its day',
      item: { state: 'published', publishedVersion: 1, publishedOn: '2024-03-05' },
      today: '2024-03-05',
      public: true,
    },
    {
      name: 'under revision: version 1 stays up',
      item: { state: 'draft', publishedVersion: 1, publishedOn: '2024-02-01' },
      today: '2024-03-04',
      public: true,
    },
    {
      name: 'revision approved, not yet republished',
      item: { state: 'approved', publishedVersion: 1, publishedOn: '2024-02-01' },
      today: '2024-03-04',
      public: true,
    },
    {
      name: 'withdrawn',
      item: { state: 'withdrawn', publishedVersion: 1, publishedOn: '2024-02-01' },
      today: '2024-03-04',
      public: false,
    },
    {
      name: 'across a year end',
      item: { state: 'published', publishedVersion: 2, publishedOn: '2023-12-31' },
      today: '2024-01-01',
      public: true,
    },
  ];
  for (const r of rows) assert.equal(isPublicNow(r.item, r.today), r.public, r.name);
});

test('sqlite: listPublic and countPublic give exactly the items isPublicNow accepts, for items in every state and several days', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-public-now-'));
  const s = await openSqliteStore(join(dir, 'p.db'));
  await s.migrate();
  try {
    await s.organs.create(organ('a'));
    await s.publication.columns.createMany([
      {
        id: 'a:news',
        organId: 'a',
        key: 'news',
        parentId: null,
        name: '政务动态',
        kind: 'own',
        article: null,
        sort: 1,
      },
    ]);
    const items: { id: string; state: ItemState; publishedOn?: string; unpublished?: boolean }[] = [
      { id: 'draft', state: 'draft' },
      { id: 'attributed', state: 'attributed' },
      { id: 'reviewed', state: 'reviewed' },
      { id: 'approved', state: 'approved' },
      { id: 'published-past', state: 'published', publishedOn: '2024-03-01' },
      { id: 'published-today', state: 'published', publishedOn: '2024-03-04' },
      { id: 'scheduled', state: 'published', publishedOn: '2024-03-05' },
      { id: 'withdrawn', state: 'withdrawn', publishedOn: '2024-02-01', unpublished: true },
      { id: 'revising-draft', state: 'draft', publishedOn: '2024-02-01' },
      { id: 'revising-attributed', state: 'attributed', publishedOn: '2024-02-01' },
      { id: 'revising-reviewed', state: 'reviewed', publishedOn: '2024-02-10' },
      { id: 'revising-approved', state: 'approved', publishedOn: '2024-02-10' },
      { id: 'revised-after-withdrawal', state: 'draft', publishedOn: '2024-02-01', unpublished: true },
    ];
    for (const it of items) {
      const meta: ItemMeta = {
        title: `关于${it.id}的公开信息`,
        columnId: 'a:news',
        topic: 't',
        publisher: 'p',
        formedOn: '2024-01-15',
        docNumber: '',
        docType: 'other',
        validity: 'valid',
        validityDate: null,
        repealedBy: null,
        openMode: '主动公开',
      };
      const row: ItemRow = {
        ...meta,
        id: it.id,
        organId: 'a',
        indexNo: `A/${it.id}`,
        state: it.state,
        version: 1,
        publishedVersion: null,
        publishedOn: null,
        firstPublishedOn: null,
        searchRowid: null,
        bodyHtml: '',
        bodyText: '',
        createdAt: 'x',
        updatedAt: 'x',
        createdBy: 'u',
      };
      await s.publication.items.create(
        row,
        {
          itemId: it.id,
          version: 1,
          title: meta.title,
          bodyHtml: '正文',
          bodyText: '正文',
          meta,
          createdAt: 'x',
          createdBy: 'u',
        },
        {
          itemId: it.id,
          seq: 1,
          event: { kind: 'created', at: 'x', by: 'u', version: 1 },
          actorId: null,
          actorRole: 'clerk',
        },
      );
      if (it.publishedOn)
        await s.publication.items.publish(it.id, {
          title: meta.title,
          bodyHtml: '正文',
          bodyText: '正文',
          searchText: meta.title,
          unigrams: [],
          bigrams: [],
          publishedOn: it.publishedOn,
          publishedVersion: 1,
          meta,
        });
      if (it.unpublished) await s.publication.items.unpublish(it.id);
    }
    const rows = await Promise.all(items.map(async (it) => (await s.publication.items.find(it.id))!));
    assert.deepEqual(
      rows.map((r) => r.state),
      items.map((it) => it.state),
    );
    for (const today of [
      '2024-01-31',
      '2024-02-01',
      '2024-02-09',
      '2024-03-03',
      '2024-03-04',
      '2024-03-05',
      '2025-01-01',
    ]) {
      const expected = rows
        .filter((r) => isPublicNow(r, today))
        .map((r) => r.id)
        .sort();
      const listed = (await s.publication.items.listPublic({ organIds: ['a'], today, limit: 100 }))
        .map((r) => r.id)
        .sort();
      assert.deepEqual(listed, expected, `listPublic on ${today}`);
      assert.equal(
        await s.publication.items.countPublic({ organIds: ['a'], today, limit: 0 }, 1000),
        expected.length,
        `countPublic on ${today}`,
      );
    }
  } finally {
    await s.close();
  }
});
