/**
 * Search over published items gives the same results on SQLite (FTS5) and PostgreSQL (GIN + substring check), and
 * both equal a brute-force substring search — for one-, two- and longer terms, several terms, and filters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ItemRow } from '../../src/core/entities.js';
import type { Store } from '../../src/core/ports.js';
import { openPostgresStore, openSqliteStore } from '../../src/adapters/storage/kysely/kysely-store.js';
import {
  bigrams,
  normalizeSearchText,
  queryTerms,
  unigrams,
} from '../../src/core/publication/search-text.js';
import type { ItemMeta } from '../../src/core/publication/item-model.js';
import { freshPostgresUrl } from '../helpers/pg.js';
import { rng } from '../helpers/random-report.js';
import { organ } from '../contracts/storage.contract.js';

const WORDS = [
  '政府',
  '信息',
  '公开',
  '行政',
  '复议',
  '诉讼',
  '安全',
  '生产',
  '预算',
  '决算',
  '农村',
  '危房',
  '改造',
  '补贴',
  '社会',
  '救助',
  '规划',
  '土地',
  '征收',
  '年度',
  '报告',
  '通知',
  '2024',
  '2025',
  '第三方',
  '保密',
  '审查',
  '税',
  '水利',
  '乡镇',
];

interface Doc {
  id: string;
  title: string;
  body: string;
  publishedOn: string;
  validity: string;
  column: string;
}

function docs(n: number): Doc[] {
  const r = rng(99);
  return Array.from({ length: n }, (_, i) => {
    const pick = (k: number) =>
      Array.from({ length: k }, () => WORDS[Math.floor(r() * WORDS.length)]).join(r() < 0.3 ? '，' : '');
    return {
      id: `it${String(i).padStart(4, '0')}`,
      title: pick(3),
      body: `${pick(12)}。${pick(10)}`,
      publishedOn: `202${3 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`,
      validity: i % 7 === 0 ? 'repealed' : 'valid',
      column: i % 2 ? 'a:news' : 'a:briefing',
    };
  });
}

async function load(s: Store, ds: Doc[]): Promise<void> {
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
    {
      id: 'a:briefing',
      organId: 'a',
      key: 'briefing',
      parentId: null,
      name: '工作简报',
      kind: 'own',
      article: null,
      sort: 2,
    },
  ]);
  for (const d of ds) {
    const meta: ItemMeta = {
      title: d.title,
      columnId: d.column,
      topic: 't',
      publisher: 'p',
      formedOn: d.publishedOn,
      docNumber: '',
      docType: 'other',
      validity: 'valid',
      validityDate: null,
      repealedBy: null,
      openMode: '主动公开',
    };
    const row: ItemRow = {
      ...meta,
      id: d.id,
      organId: 'a',
      indexNo: `A/${d.id}`,
      state: 'published',
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
        itemId: d.id,
        version: 1,
        title: d.title,
        bodyHtml: d.body,
        bodyText: d.body,
        meta,
        createdAt: 'x',
        createdBy: 'u',
      },
      {
        itemId: d.id,
        seq: 1,
        event: { kind: 'created', at: 'x', by: 'u', version: 1 },
        actorId: null,
        actorRole: 'clerk',
      },
    );
    const norm = normalizeSearchText(`${d.title}\n${d.body}`);
    await s.publication.items.publish(d.id, {
      title: d.title,
      bodyHtml: d.body,
      bodyText: d.body,
      searchText: norm,
      unigrams: unigrams(norm),
      bigrams: bigrams(norm),
      publishedOn: d.publishedOn,
      publishedVersion: 1,
      meta,
    });
    if (d.validity !== 'valid') await s.publication.items.setValidity(d.id, d.validity, '2024-01-01', null);
  }
  await s.publication.items.unpublish('it0003');
  await s.publication.items.appendEvent(
    {
      itemId: 'it0003',
      seq: 2,
      event: { kind: 'withdrawn', at: 'x', by: 'u', reason: '撤回' },
      actorId: null,
      actorRole: 'head',
    },
    { state: 'withdrawn', version: 1, updatedAt: 'x' },
  );
}

const QUERIES: { q: string; year?: number; validity?: string; columnIds?: string[] }[] = [
  { q: '税' },
  { q: '公开' },
  { q: '复议' },
  { q: '行政复议' },
  { q: '农村危房改造' },
  { q: '政府 公开' },
  { q: '2024' },
  { q: '第三方' },
  { q: '安全', year: 2024 },
  { q: '信息', validity: 'repealed' },
  { q: '规划', columnIds: ['a:news'] },
  { q: '信息公开' },
  { q: '公开，行政' },
  { q: '不存在的词' },
];

function brute(
  ds: Doc[],
  terms: string[],
  f: { year?: number; validity?: string; columnIds?: string[] },
): string[] {
  return ds
    .filter((d) => d.id !== 'it0003')
    .filter((d) => {
      const norm = normalizeSearchText(`${d.title}\n${d.body}`);
      return (
        terms.every((t) => norm.includes(t)) &&
        (!f.year || d.publishedOn.startsWith(String(f.year))) &&
        (!f.validity || d.validity === f.validity) &&
        (!f.columnIds || f.columnIds.includes(d.column))
      );
    })
    .map((d) => d.id)
    .sort();
}

test('search: SQLite and PostgreSQL return the same items as a brute-force substring search; the staff list agrees too', async () => {
  const ds = docs(400);
  const lite = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'gk-s-')), 's.db'));
  const pgs = await openPostgresStore(await freshPostgresUrl());
  try {
    for (const s of [lite, pgs]) {
      await s.migrate();
      await load(s, ds);
    }
    let nonEmpty = 0;
    for (const q of QUERIES) {
      const terms = queryTerms(q.q);
      const params = {
        terms,
        today: '2026-12-31',
        limit: 1000,
        organIds: ['a'],
        ...(q.year ? { year: q.year } : {}),
        ...(q.validity ? { validity: q.validity } : {}),
        ...(q.columnIds ? { columnIds: q.columnIds } : {}),
      };
      const a = (await lite.publication.items.search(params)).map((r) => r.id);
      const b = (await pgs.publication.items.search(params)).map((r) => r.id);
      const expected = brute(ds, terms, q);
      assert.deepEqual([...a].sort(), expected, `sqlite: ${q.q}`);
      assert.deepEqual([...b].sort(), expected, `postgres: ${q.q}`);
      assert.deepEqual(a, b, `same order: ${q.q}`);
      assert.equal(await lite.publication.items.countSearch(params, 1000), expected.length);
      assert.equal(await pgs.publication.items.countSearch(params, 1000), expected.length);
      if (expected.length) nonEmpty++;
    }
    assert.ok(nonEmpty >= 11);
    // keyset paging gives every item once
    for (const s of [lite, pgs]) {
      const seen: string[] = [];
      let before: { publishedOn: string; rowid: number } | undefined;
      for (;;) {
        const page = await s.publication.items.listPublic({
          organIds: ['a'],
          today: '2026-12-31',
          limit: 37,
          ...(before ? { before } : {}),
        });
        if (!page.length) break;
        seen.push(...page.map((p) => p.id));
        const last = page[page.length - 1]!;
        before = { publishedOn: last.publishedOn!, rowid: last.searchRowid! };
      }
      assert.equal(seen.length, 399);
      assert.equal(new Set(seen).size, 399);
    }
    // the back-office list: the same count, pages and case-insensitive 索引号 search on both databases
    for (const s of [lite, pgs]) {
      assert.equal(await s.publication.items.countForOrgan('a', {}), 400);
      assert.equal(await s.publication.items.countForOrgan('a', { states: ['withdrawn'] }), 1);
      assert.deepEqual(
        (await s.publication.items.listForOrgan('a', { search: 'a/it000', limit: 100 }))
          .map((i) => i.id)
          .sort(),
        ['it0000', 'it0001', 'it0002', 'it0003', 'it0004', 'it0005', 'it0006', 'it0007', 'it0008', 'it0009'],
      );
      const paged: string[] = [];
      for (let off = 0; off < 400; off += 64)
        paged.push(
          ...(await s.publication.items.listForOrgan('a', { limit: 64, offset: off })).map((i) => i.id),
        );
      assert.equal(new Set(paged).size, 400, 'offset paging: every item once');
    }
  } finally {
    await lite.close();
    await pgs.close();
  }
});
