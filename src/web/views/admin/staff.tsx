/** Staff accounts and API tokens of the organ. */
import type { FC } from 'hono/jsx';
import type { ApiToken, StaffUser } from '../../../core/entities.js';
import { Csrf, Field, Layout, Select } from '../layout.js';
import { cst, type Flash } from '../shared.js';
import { ROLE_LABEL } from '../cases/audit-labels.js';

export const StaffPage: FC<{
  user: StaffUser;
  csrf: string;
  staff: StaffUser[];
  tokens: ApiToken[];
  flash?: Flash;
  fields?: Record<string, string>;
  values?: Record<string, string>;
  tokenFields?: Record<string, string>;
}> = ({ user, csrf, staff, tokens, flash, fields = {}, values = {}, tokenFields = {} }) => (
  <Layout title="账号管理" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>账号管理</h1>
    <table>
      <thead>
        <tr>
          <th scope="col">用户名</th>
          <th scope="col">姓名</th>
          <th scope="col">角色</th>
          <th scope="col">状态</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {staff.map((s) => (
          <tr>
            <td>{s.username}</td>
            <td>{s.displayName}</td>
            <td>{ROLE_LABEL[s.role]}</td>
            <td>
              {s.disabled
                ? '已停用'
                : s.lockedUntil && s.lockedUntil > new Date().toISOString()
                  ? '已锁定'
                  : '正常'}
            </td>
            <td>
              {s.id === user.id ? (
                <span class="muted small">本人</span>
              ) : (
                <form method="post" action={`/admin/staff/${s.id}`} class="inline">
                  <Csrf token={csrf} />
                  <label class="skip-label" for={`role-${s.id}`}>
                    角色
                  </label>
                  <select id={`role-${s.id}`} name="role">
                    {['clerk', 'head', 'admin'].map((r) => (
                      <option value={r} selected={s.role === r}>
                        {ROLE_LABEL[r]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" name="change" value="role" class="secondary">
                    改角色
                  </button>{' '}
                  <button type="submit" name="change" value="reset" class="secondary">
                    重置密码
                  </button>{' '}
                  <button
                    type="submit"
                    name="change"
                    value={s.disabled ? 'enable' : 'disable'}
                    class="secondary"
                  >
                    {s.disabled ? '启用' : '停用'}
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <h2>新建账号</h2>
    <form method="post" action="/admin/staff" class="card">
      <Csrf token={csrf} />
      <Field name="username" label="用户名" required value={values.username} error={fields.username} />
      <Field name="displayName" label="姓名" required value={values.displayName} error={fields.displayName} />
      <Select
        name="role"
        label="角色"
        value={values.role ?? 'clerk'}
        options={['clerk', 'head', 'admin'].map((r) => ({ value: r, label: ROLE_LABEL[r]! }))}
      />
      <button type="submit">创建</button>
      <p class="small muted">
        初始密码只显示一次，请当面交给本人；系统只保存密码的不可逆散列值，任何人（包括管理员）都看不到原密码。
      </p>
    </form>
    <h2>接口令牌</h2>
    <p class="muted small">
      供本机关的系统或脚本调用工作人员接口（说明见 <a href="/api/openapi.json">/api/openapi.json</a>
      ）。令牌代表所选账号办理，权限与该账号相同；只在签发时显示一次；账号停用或令牌吊销后立即失效。
    </p>
    {tokens.length ? (
      <table>
        <thead>
          <tr>
            <th scope="col">编号</th>
            <th scope="col">用途</th>
            <th scope="col">账号</th>
            <th scope="col">签发时间</th>
            <th scope="col">最近使用</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr>
              <td class="nowrap">{t.id}</td>
              <td>{t.name}</td>
              <td>{staff.find((s) => s.id === t.userId)?.username ?? t.userId}</td>
              <td class="nowrap">{cst(t.createdAt)}</td>
              <td class="nowrap">{t.lastUsedAt ? cst(t.lastUsedAt) : '—'}</td>
              <td>{t.revokedAt ? '已吊销' : '有效'}</td>
              <td>
                {t.revokedAt ? null : (
                  <form method="post" action={`/admin/staff/tokens/${t.id}/revoke`} class="inline">
                    <Csrf token={csrf} />
                    <button type="submit" class="secondary">
                      吊销
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p class="muted">尚未签发令牌。</p>
    )}
    <form method="post" action="/admin/staff/tokens" class="card">
      <Csrf token={csrf} />
      <Select
        name="userId"
        label="代表账号"
        value=""
        error={tokenFields.userId}
        options={staff
          .filter((s) => !s.disabled)
          .map((s) => ({ value: s.id, label: `${s.displayName}（${s.username}，${ROLE_LABEL[s.role]}）` }))}
      />
      <Field name="name" label="用途" required error={tokenFields.name} hint="例如：本机关办公系统同步案件" />
      <button type="submit">签发令牌</button>
    </form>
  </Layout>
);
