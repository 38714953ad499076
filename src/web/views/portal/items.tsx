/** A 专栏 column with its items, and one item with its metadata, body and files. */
import type { FC } from 'hono/jsx';
import { cstDate } from '../shared.js';
import type { ColumnRow, ItemFile, ItemRow, Organ } from '../../../core/entities.js';
import { VALIDITY_LABEL } from '../../../core/publication/item-model.js';
import { cnDate } from '../../../core/calendar/working-days.js';
import { GkLayout, ItemList } from './layout.js';

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
  corrections?: { version: number; reason: string; at: string }[];
}> = ({ organ, item, column, files, revised, corrections = [] }) => (
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
    {column.key === 'reports' ? (
      <p id="report-files">
        下载本报告：<a href={`/gk/${organ.id}/i/${item.id}/report.docx`}>Word</a> ·{' '}
        <a href={`/gk/${organ.id}/i/${item.id}/report.pdf`}>PDF</a>
      </p>
    ) : null}
    {corrections.length ? (
      <section class="card" aria-labelledby="corr-h">
        <h2 id="corr-h">更正说明</h2>
        <ul>
          {corrections.map((c) => (
            <li>
              第{c.version}版（{cstDate(c.at)}）：{c.reason}
            </li>
          ))}
        </ul>
      </section>
    ) : null}
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
