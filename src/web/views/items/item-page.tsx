/** The back office's item page: facts, workflow steps, the draft form, files, history and versions. */
import type { FC } from 'hono/jsx';
import type {
  ColumnRow,
  ItemFile,
  ItemRow,
  ItemVersion,
  StaffUser,
  StoredItemEvent,
} from '../../../core/entities.js';
import {
  ITEM_STATE_LABEL,
  ITEM_TRANSITIONS,
  type ItemSnapshot,
  VALIDITY_LABEL,
} from '../../../core/publication/item-model.js';
import { Csrf, Field, Layout, Select } from '../layout.js';
import { cstDate, type Flash } from '../shared.js';
import { ItemForm } from './item-form.js';

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
    <>
      <Field
        name="publishOn"
        label="发布日期（今天即发布；以后的日期为定时发布）"
        type="date"
        value={today}
      />
      <Field
        name="publishTime"
        label="发布时间（选填，时:分）"
        maxlength={5}
        hint="填写后在该日该时刻自动发布（届时仍须是经保密审查和审核同意的本版本）；不填则按日期发布。"
      />
    </>
  ),
  revised: () => (
    <>
      <p class="small">生成新版本进行修订；在新版本审核发布前，公众仍看到当前版本。</p>
      <Field
        name="reason"
        label="修订（更正）原因"
        maxlength={200}
        hint="200字以内，发布后在公众页面“更正说明”中显示；更正已发布的年度报告必须填写。"
      />
    </>
  ),
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
          // a file is added by the upload form below, not as a step
          (t) =>
            t.event in STEP_FORMS && t.from.includes(p.snapshot.state) && t.actors.includes(role as 'clerk'),
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
              <strong>{cstDate(e.event.at)}</strong>{' '}
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
                    file_added: '添加附件',
                  } as Record<string, string>
                )[e.event.kind]
              }
              （{e.event.by}）
              {e.event.kind === 'file_added' ? `：${e.event.filename}（第${e.event.version}版）` : ''}
              {e.event.kind === 'reviewed' ? `：${e.event.passed ? '通过' : '未通过'}，${e.event.basis}` : ''}
              {e.event.kind === 'withdrawn' ? `：${e.event.reason}` : ''}
              {e.event.kind === 'published' ? `：第${e.event.version}版，${e.event.publishOn}` : ''}
            </li>
          ))}
        </ol>
        <p class="small muted">
          版本：{p.versions.map((v) => `第${v.version}版（${cstDate(v.createdAt)}）`).join('、')}
        </p>
      </section>
    </Layout>
  );
};
