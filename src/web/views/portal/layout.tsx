/** The public 政府信息公开专栏 frame: layout, search box and item list (no JavaScript, accessible, phone-friendly). */
import type { Child, FC } from 'hono/jsx';
import type { ColumnRow, ItemRow, Organ } from '../../../core/entities.js';

const SearchBox: FC<{ organ?: Organ | undefined; q?: string }> = ({ organ, q }) => (
  <form method="get" action="/search" role="search" class="searchbox">
    {organ ? <input type="hidden" name="organ" value={organ.id} /> : null}
    <label for="search-q" class="skip-label">
      搜索
    </label>
    <input id="search-q" type="search" name="q" value={q ?? ''} placeholder="搜索政府信息" />
    <button type="submit">搜索</button>
  </form>
);

export const GkLayout: FC<{
  title: string;
  organ?: Organ | undefined;
  q?: string;
  children?: Child;
  rss?: string | undefined;
}> = ({ title, organ, q, children, rss }) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width,initial-scale=1" />
      <title>{title}</title>
      <link rel="stylesheet" href="/assets/app.css" />
      {rss ? <link rel="alternate" type="application/rss+xml" title={`${title} RSS`} href={rss} /> : null}
    </head>
    <body>
      <a class="skip" href="#main">
        跳到正文
      </a>
      <header class="site">
        <a class="brand" href={organ ? `/gk/${organ.id}` : '/'}>
          {organ ? `${organ.name} · 政府信息公开` : '政府信息公开'}
        </a>
        <nav aria-label="专栏导航">
          {organ ? (
            <>
              <a href={`/gk/${organ.id}/guide`}>政府信息公开指南</a>
              <a href={`/gk/${organ.id}/c/rules`}>政府信息公开制度</a>
              <a href={`/gk/${organ.id}/c/statutory`}>法定主动公开内容</a>
              <a href={`/gk/${organ.id}/c/reports`}>政府信息公开年报</a>
              <a href={`/apply/${organ.id}`}>依申请公开</a>
            </>
          ) : (
            <>
              <a href="/apply">依申请公开</a>
              <a href="/status">查询办理进度</a>
              <a href="/nianbao/check">年报核对</a>
            </>
          )}
        </nav>
      </header>
      <main id="main">
        <SearchBox organ={organ} q={q ?? ''} />
        {children}
      </main>
      <footer class="site">
        依据《中华人民共和国政府信息公开条例》第二十三条、第二十四条设立。
        {organ ? ` 主办：${organ.name}　地址：${organ.address}　电话：${organ.phone}` : ''}
      </footer>
    </body>
  </html>
);

export const ItemList: FC<{ organ: Organ; items: ItemRow[]; columns?: ColumnRow[] }> = ({ organ, items }) =>
  items.length ? (
    <ul class="items">
      {items.map((i) => (
        <li>
          <a href={`/gk/${organ.id}/i/${i.id}`}>{i.title}</a> <span class="muted small">{i.publishedOn}</span>
        </li>
      ))}
    </ul>
  ) : (
    <p class="muted">暂无信息。</p>
  );
