/**
 * Portal throughput: seeds 100,000 published items into SQLite, serves them from a separate process, and measures
 * requests per second and p50/p99 latency for the home page, a deep list page, item pages and searches, beside the
 * same server's trivial route (/healthz) as the ceiling.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { openSqliteStore } from '../src/adapters/storage/kysely/kysely-store.js';
import { DEMO_ORGANS } from '../src/app/demo/seed-demo.js';
import { defaultCatalogue } from '../src/core/publication/catalogue.js';
import { bigrams, normalizeSearchText, unigrams } from '../src/core/publication/search-text.js';
import type { ItemMeta } from '../src/core/publication/item-model.js';
import { rng } from '../test/helpers/random-report.js';

const N = Number(process.env.BENCH_ITEMS ?? 100000);
const WORDS =
  '政府 信息 公开 行政 复议 诉讼 安全 生产 预算 决算 农村 危房 改造 补贴 社会 救助 规划 土地 征收 年度 报告 通知 公示 会议 水利 工程 建设 项目 资金 管理 服务 乡村 振兴 教育 医疗 就业 养老 环境 保护 交通 应急 演练 检查 整改'.split(
    ' ',
  );

async function seed(file: string): Promise<{ ids: string[]; deepCursor: string }> {
  const s = await openSqliteStore(file);
  await s.migrate();
  const organ = DEMO_ORGANS.find((o) => o.id === 'tianhu')!;
  await s.organs.create({ ...organ, parentId: null });
  await s.publication.columns.createMany(
    defaultCatalogue(organ.kind).map((d) => ({
      id: `${organ.id}:${d.key}`,
      organId: organ.id,
      key: d.key,
      parentId: d.parentKey ? `${organ.id}:${d.parentKey}` : null,
      name: d.name,
      kind: d.kind,
      article: d.article,
      sort: d.sort,
    })),
  );
  const r = rng(7);
  const ids: string[] = [];
  const cols = ['news', 'briefing', 'art20-5', 'art20-7', 'art20-11', 'area-9'];
  const t0 = performance.now();
  for (let start = 0; start < N; start += 5000) {
    await s.transaction(async (tx) => {
      for (let i = start; i < Math.min(N, start + 5000); i++) {
        const pick = (k: number) =>
          Array.from({ length: k }, () => WORDS[Math.floor(r() * WORDS.length)]).join('');
        const title = `田湖镇${pick(4)}的${['通知', '公示', '报告', '简报'][i % 4]}`;
        const body = `${pick(30)}。${pick(30)}。${pick(30)}。`;
        const day = new Date(Date.UTC(2016, 0, 1) + Math.floor((i / N) * 3800) * 86400000)
          .toISOString()
          .slice(0, 10);
        const id = randomBytes(8).toString('hex');
        const meta: ItemMeta = {
          title,
          columnId: `tianhu:${cols[i % cols.length]}`,
          topic: '综合政务\\政务公开',
          publisher: organ.name,
          formedOn: day,
          docNumber: '',
          docType: 'other',
          validity: 'valid',
          validityDate: null,
          repealedBy: null,
          openMode: '主动公开',
        };
        await tx.publication.items.create(
          {
            ...meta,
            id,
            organId: organ.id,
            indexNo: `TH/${day.slice(0, 4)}-${String(i).padStart(6, '0')}`,
            state: 'published',
            version: 1,
            publishedVersion: null,
            publishedOn: null,
            firstPublishedOn: null,
            searchRowid: null,
            bodyHtml: '',
            bodyText: '',
            createdAt: day,
            updatedAt: day,
            createdBy: 'bench',
          },
          {
            itemId: id,
            version: 1,
            title,
            bodyHtml: `<p>${body}</p>`,
            bodyText: body,
            meta,
            createdAt: day,
            createdBy: 'bench',
          },
          {
            itemId: id,
            seq: 1,
            event: { kind: 'created', at: day, by: 'bench', version: 1 },
            actorId: null,
            actorRole: 'clerk',
          },
        );
        const norm = normalizeSearchText(`${title}\n${body}`);
        await tx.publication.items.publish(id, {
          title,
          bodyHtml: `<p>${body}</p>`,
          bodyText: body,
          searchText: norm,
          unigrams: unigrams(norm),
          bigrams: bigrams(norm),
          publishedOn: day,
          publishedVersion: 1,
          meta,
        });
        ids.push(id);
      }
    });
  }
  const deep = await s.publication.items.listPublic({
    columnIds: ['tianhu:news'],
    today: '2026-11-26',
    limit: 1,
    before: {
      publishedOn: new Date(Date.UTC(2016, 0, 1) + 800 * 86400000).toISOString().slice(0, 10),
      rowid: 1e12,
    },
  });
  await s.close();
  console.log(
    `已写入 ${N} 条已发布信息（SQLite，FTS5 单字/双字索引）：${((performance.now() - t0) / 1000).toFixed(1)} 秒`,
  );
  return { ids, deepCursor: `${deep[0]!.publishedOn}_${deep[0]!.searchRowid}` };
}

async function load(
  base: string,
  paths: () => string,
  seconds: number,
  concurrency = 16,
): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const lat: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      http
        .get(base + paths(), { agent }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            lat.push(performance.now() - t);
            resolve();
          });
        })
        .on('error', () => {
          errors++;
          resolve();
        });
    });
  const worker = async () => {
    while (performance.now() < end) await one();
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const el = (performance.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  return {
    rps: lat.length / el,
    p50: lat[Math.floor(lat.length * 0.5)] ?? 0,
    p99: lat[Math.floor(lat.length * 0.99)] ?? 0,
    errors,
  };
}

export async function runPortalBench(): Promise<void> {
  console.log('\n== 政府信息公开专栏：页面吞吐（服务端独立进程，本机回环，16并发） ==');
  const dir = mkdtempSync(join(tmpdir(), 'gk-bench-'));
  const file = join(dir, 'portal.db');
  const { ids, deepCursor } = await seed(file);
  for (const cacheSeconds of [10, 0]) {
    console.log(
      cacheSeconds
        ? '\n-- 页面缓存开启（10秒，发布变更时清空） --'
        : '\n-- 页面缓存关闭（每次请求都查库和渲染） --',
    );
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./portal-server.ts', import.meta.url).pathname, file],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, GK_PAGE_CACHE: String(cacheSeconds) } },
    );
    const base = await new Promise<string>((resolve) =>
      child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())),
    );
    try {
      const secs = Number(process.env.BENCH_SECONDS ?? 5);
      const r = rng(3);
      const queries = [
        '公开',
        '复议',
        '水利',
        '危房改造',
        '乡村振兴',
        '应急演练',
        '资金管理',
        '土地征收',
        '安全',
        '养老服务',
      ];
      await load(base, () => '/healthz', 1);
      const rows: [string, Awaited<ReturnType<typeof load>>][] = [];
      rows.push(['/healthz（框架上限）', await load(base, () => '/healthz', secs)]);
      rows.push(['专栏首页', await load(base, () => '/gk/tianhu', secs)]);
      rows.push([
        '深层列表页（约第4万条之后）',
        await load(base, () => `/gk/tianhu/c/news?before=${deepCursor}`, secs),
      ]);
      rows.push([
        '信息页（随机）',
        await load(base, () => `/gk/tianhu/i/${ids[Math.floor(r() * ids.length)]}`, secs),
      ]);
      rows.push([
        '搜索（双字与多字轮换）',
        await load(
          base,
          () => `/search?q=${encodeURIComponent(queries[Math.floor(r() * queries.length)]!)}`,
          secs,
        ),
      ]);
      const ceiling = rows[0]![1].rps;
      for (const [name, x] of rows)
        console.log(
          `${name.padEnd(26)} ${x.rps.toFixed(0).padStart(7)} 次/秒  p50 ${x.p50.toFixed(1).padStart(6)} ms  p99 ${x.p99.toFixed(1).padStart(6)} ms  相对上限 ${(x.rps / ceiling).toFixed(2)}${x.errors ? `  错误${x.errors}` : ''}`,
        );
      const s = rows[4]![1];
      console.log(`目标：信息页和列表页 ≥ 上限的0.5倍；搜索 p99 < 50 ms（实测 ${s.p99.toFixed(1)} ms）`);
    } finally {
      child.kill();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runPortalBench().then(() => process.exit(0));
