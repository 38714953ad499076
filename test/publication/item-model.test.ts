/**
 * The publication workflow and its rules: nothing published without a passed 保密审查 of the same version and an
 * approval after it (checked over thousands of random event sequences); 条例第二十六条 timeliness; 索引号 patterns;
 * the search semantics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type ItemEvent,
  EMPTY_ITEM,
  applyItemEvent,
  indexNumber,
  timeliness,
  ITEM_TRANSITIONS,
  indexPatternProblem,
} from '../../src/core/publication/item-model.js';
import {
  bigrams,
  normalizeSearchText,
  queryTerms,
  snippet,
  termBigrams,
  unigrams,
} from '../../src/core/publication/search-text.js';
import { createCalendar } from '../../src/core/calendar/holiday-calendar.js';
import { nationalCalendarEntries } from '../../src/adapters/calendar/chinese-days-seed.js';
import { rng } from '../helpers/random-report.js';
import { sanitizeBody } from '../../src/adapters/render/sanitize-html.js';
import { isPublicNow } from '../../src/core/publication/public-now.js';

const cal = createCalendar(nationalCalendarEntries());

test('property: no sequence of workflow events publishes a version without a passed review and an approval of that version', () => {
  const kinds = [
    'attributed',
    'reviewed',
    'approved',
    'published',
    'revised',
    'withdrawn',
    'validity_changed',
  ] as const;
  let published = 0;
  for (let seed = 1; seed <= 4000; seed++) {
    const r = rng(seed);
    let s = EMPTY_ITEM;
    const reviewedOk = new Set<number>();
    const approved = new Set<number>();
    for (let step = 0; step < 30; step++) {
      const kind = kinds[Math.floor(r() * kinds.length)]!;
      const version = r() < 0.85 ? s.version : s.version + (r() < 0.5 ? 1 : -1);
      const at = '2024-01-01T00:00:00Z';
      const ev: ItemEvent =
        kind === 'attributed'
          ? {
              kind,
              at,
              by: 'x',
              disclosure: r() < 0.9 ? 'proactive' : 'on_request',
              basis: r() < 0.9 ? '条例第二十条' : '',
            }
          : kind === 'reviewed'
            ? { kind, at, by: 'x', version, passed: r() < 0.7, basis: '审查' }
            : kind === 'approved'
              ? { kind, at, by: 'x', version }
              : kind === 'published'
                ? { kind, at, by: 'x', version, publishOn: '2024-01-02' }
                : kind === 'revised'
                  ? { kind, at, by: 'x', version: s.version + 1 }
                  : kind === 'withdrawn'
                    ? { kind, at, by: 'x', reason: '过时' }
                    : { kind, at, by: 'x', validity: 'valid', date: null, repealedBy: null };
      const actor = r() < 0.5 ? 'clerk' : 'head';
      const res = applyItemEvent(s, ev, actor);
      if (!res.ok) continue;
      if (ev.kind === 'reviewed' && ev.passed) reviewedOk.add(ev.version);
      if (ev.kind === 'reviewed' && !ev.passed) reviewedOk.delete(ev.version);
      if (ev.kind === 'approved') {
        assert.ok(reviewedOk.has(ev.version), 'approval only after a passed review');
        approved.add(ev.version);
      }
      if (ev.kind === 'published') {
        published++;
        assert.ok(
          reviewedOk.has(ev.version) && approved.has(ev.version),
          `seed ${seed}: version ${ev.version} published without review/approval`,
        );
        assert.equal(actor === 'clerk' || actor === 'head', true);
      }
      s = res.snapshot;
    }
  }
  assert.ok(published > 100, `the generator reaches publication (${published})`);
});

test("保密审查 and approval are the head's; a failed review sends the item back to draft", () => {
  const at = '2024-01-01T00:00:00Z';
  let s = applyItemEvent(
    EMPTY_ITEM,
    { kind: 'attributed', at, by: 'a', disclosure: 'proactive', basis: '条例第二十条' },
    'clerk',
  );
  assert.ok(s.ok);
  const byClerk = applyItemEvent(
    s.ok ? s.snapshot : EMPTY_ITEM,
    { kind: 'reviewed', at, by: 'a', version: 1, passed: true, basis: 'x' },
    'clerk',
  );
  assert.equal(!byClerk.ok && byClerk.code, 'actor_not_allowed');
  s = applyItemEvent(
    s.ok ? s.snapshot : EMPTY_ITEM,
    { kind: 'reviewed', at, by: 'h', version: 1, passed: false, basis: '含个人信息' },
    'head',
  );
  assert.ok(s.ok && s.snapshot.state === 'draft');
  for (const t of ITEM_TRANSITIONS)
    if (t.event === 'reviewed' || t.event === 'approved' || t.event === 'withdrawn')
      assert.deepEqual(t.actors, ['head']);
});

test('条例第二十六条: published within 20 working days of being formed or changed', () => {
  assert.deepEqual(timeliness('2024-02-01', '2024-03-05', cal), {
    workingDays: 20,
    due: '2024-03-05',
    late: false,
  });
  assert.deepEqual(timeliness('2024-02-01', '2024-03-06', cal), {
    workingDays: 21,
    due: '2024-03-05',
    late: true,
  });
  assert.equal(
    timeliness('2025-09-26', '2025-10-30', cal).late,
    false,
    '2025 National Day: 10-30 is the 20th working day',
  );
});

test('索引号 follows a configurable pattern, default {code}/{year}-{serial:5}', () => {
  assert.equal(
    indexNumber('{code}/{year}-{serial:5}', { code: 'TH', year: 2024, month: 3, serial: 7 }),
    'TH/2024-00007',
  );
  assert.equal(
    indexNumber('{code}/{year}{month}-{serial:4}', {
      code: '11341702486344515H',
      year: 2021,
      month: 10,
      serial: 13,
    }),
    '11341702486344515H/202110-0013',
  );
  assert.equal(indexPatternProblem('{code}/{year}-{serial:5}'), null);
  assert.equal(indexPatternProblem('{code}-{year}{month}-{serial}'), null);
  assert.match(indexPatternProblem('{code}/{serial:5}')!, /必须包含 \{year\}/, 'serials restart every year');
  assert.match(indexPatternProblem('{code}/{year}')!, /必须包含流水号/);
  assert.match(indexPatternProblem('{code}/{year}-{serial:9}')!, /只能使用/);
  assert.match(indexPatternProblem('{organ}/{year}-{serial}')!, /只能使用/);
  assert.match(indexPatternProblem('{code} {year}-{serial}')!, /空格/);
  assert.match(indexPatternProblem('')!, /不能为空/);
});

test('search semantics: normalised runs, unigrams and bigrams, terms as bigram phrases, snippets with marks', () => {
  const norm = normalizeSearchText('行政复议，公开；２０２４年ABC！');
  assert.equal(norm, '行政复议 公开 2024年abc');
  assert.deepEqual(unigrams('公开 2'), ['公', '开', '2']);
  assert.deepEqual(bigrams('行政复议 公开 a'), ['行政', '政复', '复议', '公开', 'a']);
  assert.deepEqual(termBigrams('行政复议'), ['行政', '政复', '复议']);
  assert.deepEqual(queryTerms('  公开  “行政复议”  公开 '), ['公开', '行政复议']);
  assert.equal(
    snippet('关于政府信息公开的通知', ['公开'], (s) => s),
    '关于政府信息<mark>公开</mark>的通知',
  );
});

test('rich text is sanitised: scripts, handlers and javascript: links are dropped, paragraphs kept', () => {
  const { html, text } = sanitizeBody(
    '<p onclick="x()">第一段<script>alert(1)</script></p><a href="javascript:alert(1)">链接</a><a href="/gk/x">站内</a><img src=x onerror=alert(1)><table><tr><td colspan="2">表格</td></tr></table>',
  );
  assert.ok(!/script|onclick|onerror|javascript:|<img/i.test(html), html);
  assert.match(html, /<p>第一段<\/p>/);
  assert.match(html, /<a href="\/gk\/x" rel="noopener">站内<\/a>/);
  assert.match(html, /<td colspan="2">表格<\/td>/);
  assert.match(text, /第一段/);
  assert.deepEqual(sanitizeBody('第一行\n\n第二行 <不是标签'), {
    html: '<p>第一行</p>\n<p>第二行 &lt;不是标签</p>',
    text: '第一行\n第二行 <不是标签',
  });
});

test('Section 二 第二十条第（一）项 is counted from the published 规章 and 行政规范性文件', async () => {
  const { section2Article1 } = await import('../../src/core/publication/section2.js');
  const cells = section2Article1(
    [
      {
        docType: 'normative',
        firstPublishedOn: '2024-03-01',
        withdrawn: false,
        validity: 'valid',
        validityDate: null,
      },
      {
        docType: 'normative',
        firstPublishedOn: '2022-05-01',
        withdrawn: false,
        validity: 'repealed',
        validityDate: '2024-06-30',
      },
      {
        docType: 'normative',
        firstPublishedOn: '2023-05-01',
        withdrawn: false,
        validity: 'valid',
        validityDate: null,
      },
      {
        docType: 'normative',
        firstPublishedOn: '2025-01-02',
        withdrawn: false,
        validity: 'valid',
        validityDate: null,
      },
      {
        docType: 'regulation',
        firstPublishedOn: '2021-01-01',
        withdrawn: false,
        validity: 'expired',
        validityDate: '2023-12-31',
      },
      {
        docType: 'other',
        firstPublishedOn: '2024-01-01',
        withdrawn: false,
        validity: 'valid',
        validityDate: null,
      },
    ],
    2024,
  );
  const v = (row: string, col: string) => cells.find((c) => c.row.endsWith(row) && c.column === col)!.value;
  assert.deepEqual(
    [
      v('行政规范性文件', '本年制发件数'),
      v('行政规范性文件', '本年废止件数'),
      v('行政规范性文件', '现行有效件数'),
    ],
    [1, 1, 2],
  );
  assert.deepEqual(
    [v('规章', '本年制发件数'), v('规章', '本年废止件数'), v('规章', '现行有效件数')],
    [0, 0, 0],
  );
});

test('property (条例第十七条): a file is public only after 保密审查 of its version, and a withdrawn item stays off the portal through a revision until it is published again', () => {
  const kinds = [
    'attributed',
    'reviewed',
    'approved',
    'published',
    'revised',
    'withdrawn',
    'file_added',
    'file_added',
  ] as const;
  let filesPublished = 0;
  let revisedAfterWithdrawal = 0;
  for (let seed = 1; seed <= 4000; seed++) {
    const r = rng(seed);
    let s = EMPTY_ITEM;
    const files: { version: number; covered: boolean }[] = [];
    let withdrawnSincePublish = false;
    for (let step = 0; step < 40; step++) {
      const kind = kinds[Math.floor(r() * kinds.length)]!;
      const version = r() < 0.9 ? s.version : s.version + 1;
      const at = '2024-01-01T00:00:00Z';
      const ev: ItemEvent =
        kind === 'attributed'
          ? { kind, at, by: 'x', disclosure: 'proactive', basis: '条例第二十条' }
          : kind === 'reviewed'
            ? { kind, at, by: 'x', version, passed: r() < 0.8, basis: '审查' }
            : kind === 'approved'
              ? { kind, at, by: 'x', version }
              : kind === 'published'
                ? { kind, at, by: 'x', version, publishOn: '2024-01-02' }
                : kind === 'revised'
                  ? { kind, at, by: 'x', version: s.version + 1 }
                  : kind === 'withdrawn'
                    ? { kind, at, by: 'x', reason: '过时' }
                    : { kind, at, by: 'x', version, fileId: `f${step}`, filename: 'a.pdf' };
      const res = applyItemEvent(s, ev, r() < 0.5 ? 'clerk' : 'head');
      if (!res.ok) continue;
      if (ev.kind === 'file_added') files.push({ version: ev.version, covered: false });
      if (ev.kind === 'reviewed' && ev.passed)
        for (const f of files) if (f.version === ev.version) f.covered = true;
      if (ev.kind === 'published') {
        for (const f of files.filter((x) => x.version <= ev.version)) {
          assert.ok(f.covered, `seed ${seed}: a file of version ${f.version} published without 保密审查`);
          filesPublished++;
        }
        withdrawnSincePublish = false;
      }
      if (ev.kind === 'withdrawn') withdrawnSincePublish = true;
      if (ev.kind === 'revised' && withdrawnSincePublish) revisedAfterWithdrawal++;
      s = res.snapshot;
      if (withdrawnSincePublish)
        assert.equal(
          isPublicNow(s, '2030-01-01'),
          false,
          `seed ${seed}: withdrawn item public again (${s.state})`,
        );
    }
  }
  assert.ok(filesPublished > 100, `the generator publishes files (${filesPublished})`);
  assert.ok(revisedAfterWithdrawal > 30, `the generator revises withdrawn items (${revisedAfterWithdrawal})`);
});
