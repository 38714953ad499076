/** Back-office pages for 主动公开: item list, draft form, the item page with workflow, versions and history. */
import type { FC } from 'hono/jsx';
import type {
  ColumnRow,
  ItemFile,
  ItemRow,
  ItemVersion,
  StaffUser,
  StoredItemEvent,
} from '../../core/entities.js';
import {
  DOC_TYPE_LABEL,
  ITEM_STATE_LABEL,
  ITEM_TRANSITIONS,
  type ItemSnapshot,
  VALIDITY_LABEL,
} from '../../core/publication/item-model.js';
import { Csrf, ErrorSummary, Field, Layout, Select, Pager } from './layout.js';
import { ITEM_FIELD_LABELS } from '../../app/publication/items.js';

type Flash = { kind: 'ok' | 'err'; text: string } | null;

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

export const ItemForm: FC<{
  action: string;
  csrf: string;
  columns: ColumnRow[];
  values: Record<string, string>;
  fields: Record<string, string>;
  submit: string;
}> = ({ action, csrf, columns, values, fields, submit }) => (
  <form method="post" action={action} novalidate>
    <Csrf token={csrf} />
    <ErrorSummary fields={fields} labels={ITEM_FIELD_LABELS} />
    <Field name="title" label="标题" required value={values.title} error={fields.title} />
    <Select
      name="columnId"
      label="栏目"
      value={values.columnId}
      error={fields.columnId}
      options={columns
        .filter((c) => c.kind !== 'guide')
        .map((c) => ({ value: c.id, label: `${c.parentId ? '　' : ''}${c.name}` }))}
    />
    <Field name="topic" label="主题分类" value={values.topic ?? '综合政务\\政务公开'} error={fields.topic} />
    <Field
      name="publisher"
      label="发布机构（默认本机关全称）"
      value={values.publisher}
      error={fields.publisher}
    />
    <Field
      name="formedOn"
      label="成文日期（形成或变更之日，条例第二十六条起算）"
      type="date"
      required
      value={values.formedOn}
      error={fields.formedOn}
    />
    <Field name="docNumber" label="文号" value={values.docNumber} error={fields.docNumber} />
    <Select
      name="docType"
      label="文件类型（计入年度报告第二部分）"
      value={values.docType ?? 'other'}
      options={Object.entries(DOC_TYPE_LABEL).map(([value, label]) => ({ value, label }))}
    />
    <Field name="openMode" label="公开方式" value={values.openMode ?? '主动公开'} />
    <Field
      name="body"
      label="正文（可粘贴网页格式，系统自动清理不安全内容）"
      textarea
      value={values.body}
      error={fields.body}
    />
    <button type="submit">{submit}</button>
  </form>
);

export const NewItemPage: FC<{
  user: StaffUser;
  csrf: string;
  columns: ColumnRow[];
  values: Record<string, string>;
  fields: Record<string, string>;
}> = (p) => (
  <Layout title="拟稿" user={p.user} csrf={p.csrf}>
    <h1>拟稿：主动公开信息</h1>
    <ItemForm
      action="/admin/items/new"
      csrf={p.csrf}
      columns={p.columns}
      values={p.values}
      fields={p.fields}
      submit="保存草稿"
    />
  </Layout>
);

const STEP_FORMS: Record<string, (p: { today: string }) => unknown> = {
  attributed: () => (
    <>
      <Select
        name="disclosure"
        label="公开属性"
        options={[
          { value: 'proactive', label: '主动公开' },
          { value: 'on_request', label: '依申请公开' },
          { value: 'not_public', label: '不予公开' },
        ]}
      />
      <Field name="basis" label="认定依据" required value="条例第二十条" />
    </>
  ),
  reviewed: () => (
    <>
      <Select
        name="passed"
        label="保密审查结论"
        options={[
          { value: 'yes', label: '不涉及国家秘密、工作秘密和个人隐私，同意公开' },
          { value: 'no', label: '涉密或不宜公开，退回' },
        ]}
      />
      <Field name="basis" label="审查依据和意见" required value="经审查，不涉及国家秘密" />
    </>
  ),
  approved: () => <p class="small">同意发布当前版本。</p>,
  published: ({ today }) => (
    <Field name="publishOn" label="发布日期（今天即发布；以后的日期为定时发布）" type="date" value={today} />
  ),
  revised: () => <p class="small">生成新版本进行修订；在新版本审核发布前，公众仍看到当前版本。</p>,
  withdrawn: () => <Field name="reason" label="撤回原因" required />,
  validity_changed: () => (
    <>
      <Select
        name="validity"
        label="有效性"
        options={Object.entries(VALIDITY_LABEL).map(([value, label]) => ({ value, label }))}
      />
      <Field name="date" label="失效或废止日期" type="date" />
      <Field name="repealedBy" label="废止文件（文号或索引号）" />
    </>
  ),
};

export const ItemAdminPage: FC<{
  user: StaffUser;
  csrf: string;
  item: ItemRow;
  snapshot: ItemSnapshot;
  versions: ItemVersion[];
  events: StoredItemEvent[];
  files: ItemFile[];
  columns: ColumnRow[];
  flash?: Flash;
  today: string;
  timely: { workingDays: number; late: boolean } | null;
  fields?: Record<string, string>;
  values?: Record<string, string>;
}> = (p) => {
  const role = p.user.role;
  const own = p.item.organId === p.user.organId;
  const steps =
    own && role !== 'supervisor'
      ? ITEM_TRANSITIONS.filter(
          (t) => t.from.includes(p.snapshot.state) && t.actors.includes(role as 'clerk'),
        )
      : [];
  const working = p.versions.find((v) => v.version === p.snapshot.version);
  const m = working?.meta;
  const values =
    p.values ??
    (m
      ? {
          title: m.title,
          columnId: m.columnId,
          topic: m.topic,
          publisher: m.publisher,
          formedOn: m.formedOn,
          docNumber: m.docNumber,
          docType: m.docType,
          openMode: m.openMode,
          body: working!.bodyHtml,
        }
      : {});
  return (
    <Layout title={p.item.title} user={p.user} csrf={p.csrf} flash={p.flash ?? null}>
      <h1>{working?.title ?? p.item.title}</h1>
      <dl class="facts card">
        <dt>索引号</dt>
        <dd>{p.item.indexNo}</dd>
        <dt>状态</dt>
        <dd id="item-state">
          {ITEM_STATE_LABEL[p.snapshot.state]}（工作版本第{p.snapshot.version}版
          {p.snapshot.publishedVersion ? `；公众可见第${p.snapshot.publishedVersion}版` : ''}）
        </dd>
        <dt>保密审查</dt>
        <dd>
          {p.snapshot.lastReview
            ? `第${p.snapshot.lastReview.version}版：${p.snapshot.lastReview.passed ? '通过' : '未通过'}，${p.snapshot.lastReview.by}，${p.snapshot.lastReview.basis}`
            : '尚未审查'}
        </dd>
        <dt>有效性</dt>
        <dd>{VALIDITY_LABEL[p.item.validity]}</dd>
        {p.timely ? (
          <>
            <dt>发布时效</dt>
            <dd>
              {`成文后第${p.timely.workingDays}个工作日发布`}
              {p.timely.late ? (
                <span class="badge overdue">超过20个工作日（条例第二十六条）</span>
              ) : (
                <span class="badge ok">及时</span>
              )}
            </dd>
          </>
        ) : null}
        {p.snapshot.publishedVersion ? (
          <>
            <dt>公开地址</dt>
            <dd>
              <a href={`/gk/${p.item.organId}/i/${p.item.id}`}>查看</a>
            </dd>
          </>
        ) : null}
      </dl>
      {steps.length ? (
        <section class="actions" aria-labelledby="wf-h">
          <h2 id="wf-h">办理</h2>
          {steps.map((s) => (
            <details>
              <summary>
                {s.label}
                {s.rule ? `（${s.rule}）` : ''}
              </summary>
              <form method="post" action={`/admin/items/${p.item.id}/steps/${s.event}`}>
                <Csrf token={p.csrf} />
                {STEP_FORMS[s.event]!({ today: p.today })}
                <button type="submit">{s.label}</button>
              </form>
            </details>
          ))}
        </section>
      ) : null}
      {p.snapshot.state === 'draft' && own && role !== 'supervisor' ? (
        <section aria-labelledby="edit-h">
          <h2 id="edit-h">修改草稿</h2>
          <ItemForm
            action={`/admin/items/${p.item.id}/edit`}
            csrf={p.csrf}
            columns={p.columns}
            values={values}
            fields={p.fields ?? {}}
            submit="保存"
          />
        </section>
      ) : null}
      <section aria-labelledby="files-h">
        <h2 id="files-h">附件</h2>
        {p.files.length ? (
          <ul>
            {p.files.map((f) => (
              <li>
                {f.filename}（第{f.version}版，{Math.ceil(f.size / 1024)} KB{f.text ? '，已提取文字' : ''}）
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">暂无。</p>
        )}
        {own && role !== 'supervisor' ? (
          <form
            method="post"
            action={`/admin/items/${p.item.id}/files`}
            enctype="multipart/form-data"
            class="card"
          >
            <Csrf token={p.csrf} />
            <div class="field">
              <label for="f-file">文件（PDF、DOCX、JPG、PNG，20MB以内）</label>
              <input id="f-file" type="file" name="file" required />
            </div>
            <button type="submit" class="secondary">
              上传
            </button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="hist-h">
        <h2 id="hist-h">历史</h2>
        <ol class="timeline">
          {p.events.map((e) => (
            <li>
              <strong>{e.event.at.slice(0, 10)}</strong>{' '}
              {
                (
                  {
                    created: '拟稿',
                    attributed: '公开属性认定',
                    reviewed: '保密审查',
                    approved: '审核同意',
                    published: '发布',
                    revised: '修订',
                    withdrawn: '撤回',
                    validity_changed: '变更有效性',
                  } as Record<string, string>
                )[e.event.kind]
              }
              （{e.event.by}）
              {e.event.kind === 'reviewed' ? `：${e.event.passed ? '通过' : '未通过'}，${e.event.basis}` : ''}
              {e.event.kind === 'withdrawn' ? `：${e.event.reason}` : ''}
              {e.event.kind === 'published' ? `：第${e.event.version}版，${e.event.publishOn}` : ''}
            </li>
          ))}
        </ol>
        <p class="small muted">
          版本：{p.versions.map((v) => `第${v.version}版（${v.createdAt.slice(0, 10)}）`).join('、')}
        </p>
      </section>
    </Layout>
  );
};

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
