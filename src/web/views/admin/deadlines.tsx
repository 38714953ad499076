/** Subordinate organs and their annual-report deadlines (条例第四十九条). */
import type { FC } from 'hono/jsx';
import type { Organ, StaffUser } from '../../../core/entities.js';
import { Csrf, ErrorSummary, Field, Layout, Select } from '../layout.js';
import type { Flash } from '../shared.js';

export const DeadlinesPage: FC<{
  user: StaffUser;
  csrf: string;
  own: Organ;
  ownDeadline: string;
  organs: { organ: Organ; deadline: string }[];
  values?: Record<string, string>;
  fields?: Record<string, string>;
  organValues?: Record<string, string>;
  organFields?: Record<string, string>;
  flash?: Flash;
}> = ({ user, csrf, own, ownDeadline, organs, values, fields = {}, organValues, organFields, flash }) => (
  <Layout title="年报期限" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>所属机关与年报期限</h1>
    <p class="muted">
      条例第四十九条：县级以上人民政府部门每年1月31日前、县级以上地方人民政府每年3月31日前公布上一年度报告；乡镇（街道）的期限由本地规定。监督页按这里的期限判断是否按时发布。
    </p>
    <p>
      本机关（{own.name}）：每年{ownDeadline.slice(0, 2).replace(/^0/, '')}月
      {ownDeadline.slice(3).replace(/^0/, '')}日前{own.reportDeadline ? '（由上级设置）' : '（法定默认）'}。
    </p>
    {organs.length ? (
      <form method="post" action="/admin/deadlines" novalidate>
        <Csrf token={csrf} />
        <ErrorSummary
          fields={fields}
          labels={Object.fromEntries(organs.map((o) => [o.organ.id, o.organ.name]))}
        />
        <table>
          <thead>
            <tr>
              <th scope="col">所属机关</th>
              <th scope="col">现行期限</th>
              <th scope="col">本地规定的期限（月-日，留空用默认）</th>
            </tr>
          </thead>
          <tbody>
            {organs.map(({ organ, deadline }) => (
              <tr>
                <th scope="row">{organ.name}</th>
                <td class="nowrap">
                  {deadline.slice(5)}
                  {organ.reportDeadline ? '' : '（默认）'}
                </td>
                <td>
                  <label class="skip-label" for={`d-${organ.id}`}>
                    {organ.name}的期限
                  </label>
                  <input
                    id={`d-${organ.id}`}
                    type="text"
                    name={organ.id}
                    inputmode="numeric"
                    placeholder="如 02-20"
                    value={values?.[organ.id] ?? organ.reportDeadline ?? ''}
                    aria-invalid={fields[organ.id] ? 'true' : undefined}
                    class={fields[organ.id] ? 'invalid' : undefined}
                  />
                  {fields[organ.id] ? <p class="error">{fields[organ.id]}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">保存</button>
      </form>
    ) : (
      <p class="muted">本机关没有所属机关。</p>
    )}
    <h2>增加所属机关</h2>
    <form method="post" action="/admin/deadlines/organs" class="card" novalidate>
      <Csrf token={csrf} />
      <ErrorSummary
        fields={organFields ?? {}}
        labels={{
          id: '机关标识',
          name: '机关全称',
          code: '机关代码',
          kind: '机关类型',
          parent: '上级机关',
          adminUsername: '管理员用户名',
          adminName: '管理员姓名',
        }}
      />
      <Field
        name="name"
        label="机关全称"
        required
        value={organValues?.name}
        error={organFields?.name}
        hint="如：某县某某镇人民政府"
      />
      <Field
        name="id"
        label="机关标识（用于网址，小写字母、数字或横线）"
        required
        value={organValues?.id}
        error={organFields?.id}
      />
      <Field
        name="code"
        label="机关代码（用于案件编号和索引号，大写字母或数字）"
        required
        value={organValues?.code}
        error={organFields?.code}
      />
      <Select
        name="kind"
        label="机关类型"
        value={organValues?.kind ?? 'township'}
        error={organFields?.kind}
        options={[
          { value: 'township', label: '乡镇人民政府、街道办事处' },
          { value: 'department', label: '政府部门' },
          { value: 'government', label: '人民政府' },
          { value: 'office', label: '其他机关' },
        ]}
      />
      <Select
        name="parent"
        label="上级机关"
        value={organValues?.parent ?? own.id}
        error={organFields?.parent}
        options={[
          { value: own.id, label: own.name },
          ...organs.map((o) => ({ value: o.organ.id, label: o.organ.name })),
        ]}
      />
      <fieldset>
        <legend>该机关的管理员账号（可同时建立）</legend>
        <Field
          name="adminUsername"
          label="用户名"
          value={organValues?.adminUsername}
          error={organFields?.adminUsername}
        />
        <Field name="adminName" label="姓名" value={organValues?.adminName} error={organFields?.adminName} />
      </fieldset>
      <button type="submit">增加</button>
      <p class="small muted">管理员的初始密码只显示一次；之后由该机关管理员维护本机关的信息、账号和栏目。</p>
    </form>
  </Layout>
);
