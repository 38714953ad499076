/** The 主动公开 draft form and the new-draft page. */
import type { FC } from 'hono/jsx';
import type { ColumnRow, StaffUser } from '../../../core/entities.js';
import { DOC_TYPE_LABEL } from '../../../core/publication/item-model.js';
import { Csrf, ErrorSummary, Field, Layout, Select } from '../layout.js';
import { ITEM_FIELD_LABELS } from '../../../app/publication/items.js';

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
