/** The 专栏 search results with filters. */
import type { FC } from 'hono/jsx';
import type { ItemRow, Organ } from '../../../core/entities.js';
import { VALIDITY_LABEL } from '../../../core/publication/item-model.js';
import { GkLayout } from './layout.js';

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
