/** The public 政府信息公开专栏 pages (no JavaScript, accessible, phone-friendly). */
import type { Child, FC } from 'hono/jsx';
import type { ColumnRow, ItemFile, ItemRow, Organ } from '../../core/entities.js';
import { VALIDITY_LABEL } from '../../core/publication/item-model.js';
import { cnDate } from '../../core/calendar/working-days.js';
import { OrganTree } from './layout.js';

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

const ItemList: FC<{ organ: Organ; items: ItemRow[]; columns?: ColumnRow[] }> = ({ organ, items }) =>
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

export const PlatformHome: FC<{ organs: Organ[] }> = ({ organs }) => (
  <GkLayout title="政府信息公开">
    <h1>政府信息公开专栏</h1>
    <div class="grid2">
      <section class="card" aria-labelledby="organs-h">
        <h2 id="organs-h">各机关政府信息公开专栏</h2>
        <OrganTree organs={organs} href={(o) => `/gk/${o.id}`} />
      </section>
      <section class="card" aria-labelledby="apply-h">
        <h2 id="apply-h">依申请公开</h2>
        <p>无需注册，手机即可提交政府信息公开申请，凭案件编号和查询码查询进度。</p>
        <p>
          <a class="button" href="/apply">
            在线申请
          </a>{' '}
          <a class="button secondary" href="/status">
            查询进度
          </a>
        </p>
      </section>
      <section class="card" aria-labelledby="check-h">
        <h2 id="check-h">年度报告核对</h2>
        <p>上传任一机关的政府信息公开工作年度报告，逐格读取并核对勾稽关系。</p>
        <p>
          <a class="button secondary" href="/nianbao/check">
            核对年度报告
          </a>
        </p>
      </section>
    </div>
  </GkLayout>
);

export const OrganHome: FC<{
  organ: Organ;
  latest: ItemRow[];
  blocks: { column: ColumnRow; items: ItemRow[] }[];
}> = ({ organ, latest, blocks }) => (
  <GkLayout title={`${organ.name}政府信息公开`} organ={organ}>
    <h1>{organ.name}政府信息公开专栏</h1>
    <div class="grid2">
      <section class="card" aria-labelledby="latest-h">
        <h2 id="latest-h">最新信息</h2>
        <ItemList organ={organ} items={latest} />
      </section>
      <section class="card" aria-labelledby="guide-h">
        <h2 id="guide-h">政府信息公开指南</h2>
        <p>{organ.officeName}负责本机关政府信息公开日常工作。</p>
        <p>
          <a href={`/gk/${organ.id}/guide`}>查看指南</a> · <a href={`/apply/${organ.id}`}>申请公开</a>
        </p>
      </section>
      {blocks.map((b) => (
        <section class="card" aria-labelledby={`b-${b.column.key}`}>
          <h2 id={`b-${b.column.key}`}>
            <a href={`/gk/${organ.id}/c/${b.column.key}`}>{b.column.name}</a>
          </h2>
          <ItemList organ={organ} items={b.items} />
          <p class="small">
            <a href={`/gk/${organ.id}/c/${b.column.key}`}>更多</a> ·{' '}
            <a href={`/gk/${organ.id}/c/${b.column.key}/rss.xml`}>RSS</a>
          </p>
        </section>
      ))}
    </div>
  </GkLayout>
);

export const ColumnPage: FC<{
  organ: Organ;
  column: ColumnRow;
  items: ItemRow[];
  next: string | null;
  total: number;
  children: ColumnRow[];
  before?: string | undefined;
}> = ({ organ, column, items, next, total, children, before }) => (
  <GkLayout
    title={`${column.name} - ${organ.name}`}
    organ={organ}
    rss={`/gk/${organ.id}/c/${column.key}/rss.xml`}
  >
    <nav aria-label="位置" class="small">
      <a href={`/gk/${organ.id}`}>首页</a> › {column.name}
    </nav>
    <h1>{column.name}</h1>
    {children.length ? (
      <ul class="tabs" aria-label="下级栏目">
        {children.map((c) => (
          <li>
            <a href={`/gk/${organ.id}/c/${c.key}`}>{c.name}</a>
          </li>
        ))}
      </ul>
    ) : null}
    <p class="muted small">
      共{total >= 1000 ? '1000条以上' : `${total}条`}。
      <a href={`/gk/${organ.id}/c/${column.key}/rss.xml`}>RSS订阅</a>
    </p>
    <ItemList organ={organ} items={items} />
    <nav aria-label="翻页" class="pager">
      {before ? <a href={`/gk/${organ.id}/c/${column.key}`}>第一页</a> : null}{' '}
      {next ? (
        <a href={`/gk/${organ.id}/c/${column.key}?before=${next}`} rel="next">
          下一页
        </a>
      ) : null}
    </nav>
  </GkLayout>
);

export const ItemPage: FC<{
  organ: Organ;
  item: ItemRow;
  column: ColumnRow;
  files: ItemFile[];
  revised: boolean;
}> = ({ organ, item, column, files, revised }) => (
  <GkLayout title={`${item.title} - ${organ.name}`} organ={organ}>
    <nav aria-label="位置" class="small">
      <a href={`/gk/${organ.id}`}>首页</a> › <a href={`/gk/${organ.id}/c/${column.key}`}>{column.name}</a>
    </nav>
    <h1>{item.title}</h1>
    <table class="meta">
      <caption class="skip-label">信息属性</caption>
      <tbody>
        <tr>
          <th scope="row">索引号</th>
          <td id="index-no">{item.indexNo}</td>
          <th scope="row">主题分类</th>
          <td>{item.topic}</td>
        </tr>
        <tr>
          <th scope="row">发布机构</th>
          <td>{item.publisher}</td>
          <th scope="row">成文日期</th>
          <td>{cnDate(item.formedOn)}</td>
        </tr>
        <tr>
          <th scope="row">文号</th>
          <td>{item.docNumber || '—'}</td>
          <th scope="row">发布日期</th>
          <td>{item.publishedOn ? cnDate(item.publishedOn) : ''}</td>
        </tr>
        <tr>
          <th scope="row">有效性</th>
          <td>
            {VALIDITY_LABEL[item.validity]}
            {item.validityDate
              ? `（${cnDate(item.validityDate)}${item.repealedBy ? `，被${item.repealedBy}废止` : ''}）`
              : ''}
          </td>
          <th scope="row">公开方式</th>
          <td>{item.openMode}</td>
        </tr>
      </tbody>
    </table>
    {revised ? <p class="small muted">本信息已修订，当前为第{item.publishedVersion}版。</p> : null}
    <article class="card body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
    {files.length ? (
      <section aria-labelledby="files-h">
        <h2 id="files-h">附件下载</h2>
        <ul>
          {files.map((f) => (
            <li>
              <a href={`/gk/${organ.id}/f/${f.id}`}>{f.filename}</a>（{Math.ceil(f.size / 1024)} KB）
            </li>
          ))}
        </ul>
      </section>
    ) : null}
  </GkLayout>
);

export const SearchPage: FC<{
  q: string;
  organs: Organ[];
  organ?: Organ | undefined;
  items: ItemRow[];
  snippets: { title: string; body: string }[];
  total: number;
  next: string | null;
  params: Record<string, string>;
}> = ({ q, organs, organ, items, snippets, total, next, params }) => (
  <GkLayout title={`搜索：${q}`} organ={organ} q={q}>
    <h1>搜索结果</h1>
    <form method="get" action="/search" class="card filters">
      <input type="hidden" name="q" value={q} />
      <div class="grid2">
        <div class="field">
          <label for="f-organ">机关</label>
          <select id="f-organ" name="organ">
            <option value="">全部机关</option>
            {organs.map((o) => (
              <option value={o.id} selected={params.organ === o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-year">年份</label>
          <input id="f-year" type="number" name="year" value={params.year ?? ''} />
        </div>
        <div class="field">
          <label for="f-validity">有效性</label>
          <select id="f-validity" name="validity">
            <option value="">全部</option>
            {Object.entries(VALIDITY_LABEL).map(([k, v]) => (
              <option value={k} selected={params.validity === k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-column">栏目代码（可选）</label>
          <input id="f-column" type="text" name="column" value={params.column ?? ''} />
        </div>
      </div>
      <button type="submit" class="secondary">
        筛选
      </button>
    </form>
    <p class="muted" id="result-count">
      {q ? `找到${total >= 1000 ? '1000以上' : total}条与“${q}”有关的信息。` : '请输入搜索词。'}
    </p>
    <ol class="results">
      {items.map((i, k) => (
        <li>
          <a href={`/gk/${i.organId}/i/${i.id}`} dangerouslySetInnerHTML={{ __html: snippets[k]!.title }} />
          <br />
          <span class="small" dangerouslySetInnerHTML={{ __html: snippets[k]!.body }} />
          <br />
          <span class="small muted">
            {organs.find((o) => o.id === i.organId)?.name} · {i.publishedOn} · {i.indexNo}
          </span>
        </li>
      ))}
    </ol>
    {next ? (
      <p>
        <a rel="next" href={`/search?${new URLSearchParams({ ...params, q, before: next }).toString()}`}>
          下一页
        </a>
      </p>
    ) : null}
  </GkLayout>
);

export const GuidePage: FC<{ organ: Organ; parent: Organ | undefined }> = ({ organ, parent }) => (
  <GkLayout title={`${organ.name}政府信息公开指南`} organ={organ}>
    <h1>{organ.name}政府信息公开指南</h1>
    <article class="card body">
      <p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。</p>
      <h2>一、主动公开</h2>
      <p>
        （一）公开范围：条例第二十条
        {organ.kind === 'township' || organ.kind === 'government' ? '、第二十一条' : ''}
        规定的政府信息，见本专栏“法定主动公开内容”。
      </p>
      <p>（二）公开方式：本专栏，以及政务服务中心、便民服务站、公开查阅点等场所。</p>
      <p>
        （三）公开时限：属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开（条例第二十六条）。
      </p>
      <h2>二、依申请公开</h2>
      <p>
        （一）受理机构：{organ.officeName}。地址：{organ.address}；邮编：{organ.postcode}；电话：{organ.phone}
        ；电子邮箱：{organ.email}；办公时间：{organ.hours}。
      </p>
      <p>
        （二）申请方式：网上申请（<a href={`/apply/${organ.id}`}>在线申请</a>
        ，无需注册），信函、当面或传真申请。申请应当包括申请人的姓名或者名称、身份证明、联系方式；所需政府信息的名称、文号或者便于查询的其他特征性描述；获取信息的形式要求（条例第二十九条）。
      </p>
      <p>
        （三）办理时限：能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日（条例第三十三条）。申请内容不明确的，本机关在7个工作日内一次性告知补正（条例第三十条）。
      </p>
      <p>
        （四）收费：提供政府信息不收取费用；申请数量、频次明显超过合理范围的，按《政府信息公开信息处理费管理办法》收取信息处理费（条例第四十二条）。
      </p>
      <h2>三、监督和救济</h2>
      <p>
        认为本机关在政府信息公开工作中侵犯其合法权益的，可以向{parent?.name ?? '上一级行政机关'}
        或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。
      </p>
    </article>
  </GkLayout>
);
