/** The organ's own details (used by letters and the guide) and its index-number pattern. */
import type { FC } from 'hono/jsx';
import type { Organ, StaffUser } from '../../../core/entities.js';
import { indexNumber } from '../../../core/publication/item-model.js';
import { Csrf, Field, Layout } from '../layout.js';
import type { Flash } from '../shared.js';

export const OrganPage: FC<{
  user: StaffUser;
  csrf: string;
  organ: Organ;
  today: string;
  values?: Record<string, string>;
  fields?: Record<string, string>;
  flash?: Flash;
}> = ({ user, csrf, organ, today, values, fields = {}, flash }) => {
  const v = values ?? (organ as unknown as Record<string, string>);
  const example = indexNumber(organ.indexPattern, {
    code: organ.code,
    year: Number(today.slice(0, 4)),
    month: Number(today.slice(5, 7)),
    serial: 1,
  });
  return (
    <Layout title="机关信息" user={user} csrf={csrf} flash={flash ?? null}>
      <h1>{organ.name}：机关信息</h1>
      <p class="muted">告知书、答复书和政府信息公开指南使用这些信息。</p>
      <form method="post" action="/admin/organ" class="card">
        <Csrf token={csrf} />
        <Field
          name="officeName"
          label="政府信息公开工作机构"
          required
          value={v.officeName}
          error={fields.officeName}
        />
        <Field name="sealName" label="印章名称" required value={v.sealName} error={fields.sealName} />
        <Field name="address" label="办公地址" required value={v.address} error={fields.address} />
        <Field name="postcode" label="邮政编码" required value={v.postcode} error={fields.postcode} />
        <Field name="phone" label="联系电话" required value={v.phone} error={fields.phone} />
        <Field name="hours" label="办公时间" required value={v.hours} error={fields.hours} />
        <Field name="email" label="电子邮箱" required value={v.email} error={fields.email} />
        <Field
          name="indexPattern"
          label="索引号规则"
          required
          value={v.indexPattern}
          error={fields.indexPattern}
          hint={`可用 {code}（机关代码 ${organ.code}）、{year}（年份）、{month}（月份）、{serial:5}（流水号，补足5位）。按当前规则，今年第1条信息的索引号为 ${example}。修改后只影响新建的信息，已有索引号不变。`}
        />
        <button type="submit">保存</button>
      </form>
    </Layout>
  );
};
