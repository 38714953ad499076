/** Back-office lists for 主动公开: the item list and the 第二十六条 late-publication list. */
import type { FC } from 'hono/jsx';
import type { ItemRow, StaffUser } from '../../../core/entities.js';
import { ITEM_STATE_LABEL } from '../../../core/publication/item-model.js';
import { Layout, Pager } from '../layout.js';
import type { Flash } from '../shared.js';

export const ItemsListPage: FC<{
  user: StaffUser;
  csrf: string;
  items: ItemRow[];
  state: string;
  search: string;
  page: number;
  pages: number;
  total: number;
  flash?: Flash;
}> = ({ user, csrf, items, state, search, page, pages, total, flash }) => (
  <Layout title="主动公开" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>主动公开信息</h1>
    <p>
      <a class="button" href="/admin/items/new">
        拟稿
      </a>{' '}
      <a class="button secondary" href="/admin/items/timeliness">
        发布时效（条例第二十六条）
      </a>
    </p>
    <ul class="tabs">
      {[['', '全部'], ...Object.entries(ITEM_STATE_LABEL)].map(([k, v]) => (
        <li>
          <a href={`/admin/items${k ? `?state=${k}` : ''}`} aria-current={state === k ? 'page' : undefined}>
            {v}
          </a>
        </li>
      ))}
    </ul>
    <form method="get" action="/admin/items" class="field">
      {state ? <input type="hidden" name="state" value={state} /> : null}
      <label for="q">搜索（标题、索引号）</label>
      <span class="inline-input">
        <input id="q" type="text" name="q" value={search} />{' '}
        <button type="submit" class="secondary">
          搜索
        </button>
      </span>
    </form>
    {items.length ? (
      <table>
        <thead>
          <tr>
            <th scope="col">索引号</th>
            <th scope="col">标题</th>
            <th scope="col">状态</th>
            <th scope="col">发布日期</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr>
              <td class="nowrap">{i.indexNo}</td>
              <td>
                <a href={`/admin/items/${i.id}`}>{i.title}</a>
              </td>
              <td class="nowrap">{ITEM_STATE_LABEL[i.state]}</td>
              <td class="nowrap">{i.publishedOn ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p class="muted">{search ? `没有标题或索引号包含“${search}”的信息。` : '暂无。'}</p>
    )}
    {pages > 1 ? (
      <Pager
        page={page}
        pages={pages}
        href={(p) =>
          `/admin/items?${new URLSearchParams({ ...(state ? { state } : {}), ...(search ? { q: search } : {}), page: String(p) }).toString()}`
        }
      />
    ) : null}
    <p class="small muted">共{total}条。</p>
  </Layout>
);

export const TimelinessPage: FC<{
  user: StaffUser;
  csrf: string;
  year: number;
  rows: { item: ItemRow; workingDays: number; due: string }[];
}> = ({ user, csrf, year, rows }) => (
  <Layout title="发布时效" user={user} csrf={csrf}>
    <h1>{year}年超过20个工作日发布的信息（条例第二十六条）</h1>
    <form method="get" action="/admin/items/timeliness" class="field">
      <label for="year">年度</label>
      <input id="year" type="number" name="year" value={String(year)} />{' '}
      <button type="submit" class="secondary">
        查看
      </button>
    </form>
    {rows.length ? (
      <table>
        <thead>
          <tr>
            <th scope="col">索引号</th>
            <th scope="col">标题</th>
            <th scope="col">成文日期</th>
            <th scope="col">应发布期限</th>
            <th scope="col">首次发布</th>
            <th scope="col">用时（工作日）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.item.indexNo}</td>
              <td>
                <a href={`/admin/items/${r.item.id}`}>{r.item.title}</a>
              </td>
              <td>{r.item.formedOn}</td>
              <td>{r.due}</td>
              <td>{r.item.firstPublishedOn}</td>
              <td>{r.workingDays}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p class="muted">没有超期发布的信息。</p>
    )}
  </Layout>
);
