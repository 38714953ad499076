/** The organ's 政府信息公开专栏 columns. */
import type { FC } from 'hono/jsx';
import type { ColumnRow, StaffUser } from '../../../core/entities.js';
import { Csrf, Field, Layout, Select } from '../layout.js';
import type { Flash } from '../shared.js';

export const ColumnsPage: FC<{
  user: StaffUser;
  csrf: string;
  columns: ColumnRow[];
  flash?: Flash;
  error?: string | undefined;
}> = ({ user, csrf, columns, flash, error }) => (
  <Layout title="栏目管理" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>政府信息公开专栏栏目</h1>
    {error ? (
      <p class="flash err" role="alert">
        {error}
      </p>
    ) : null}
    <p class="muted">
      四个统一栏目（指南、制度、法定主动公开内容、年报）名称固定；可以增加本机关栏目和下级栏目。
    </p>
    <table>
      <thead>
        <tr>
          <th scope="col">栏目</th>
          <th scope="col">网址代码</th>
          <th scope="col">修改</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c) => (
          <tr>
            <td>
              {c.parentId ? '　' : ''}
              {c.name}
            </td>
            <td>{c.key}</td>
            <td>
              {['guide', 'rules', 'statutory', 'reports'].includes(c.key) ? (
                <span class="muted small">固定</span>
              ) : (
                <form method="post" action={`/admin/columns/${encodeURIComponent(c.id)}`} class="inline">
                  <Csrf token={csrf} />
                  <label class="skip-label" for={`n-${c.key}`}>
                    名称
                  </label>
                  <input id={`n-${c.key}`} type="text" name="name" value={c.name} />
                  <label class="skip-label" for={`s-${c.key}`}>
                    排序
                  </label>
                  <input id={`s-${c.key}`} type="number" name="sort" value={String(c.sort)} />
                  <button type="submit" class="secondary">
                    保存
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <h2>增加栏目</h2>
    <form method="post" action="/admin/columns" class="card">
      <Csrf token={csrf} />
      <Field name="name" label="栏目名称" required />
      <Select
        name="parentKey"
        label="上级栏目"
        options={[
          { value: '', label: '（无，作为一级栏目）' },
          ...columns
            .filter((c) => !c.parentId && c.key !== 'guide')
            .map((c) => ({ value: c.key, label: c.name })),
        ]}
      />
      <button type="submit">增加</button>
    </form>
  </Layout>
);
