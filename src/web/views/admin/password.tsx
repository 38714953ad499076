/** A staff member changes their own password (also the first thing a new account or a reset password must do). */
import type { FC } from 'hono/jsx';
import type { StaffUser } from '../../../core/entities.js';
import { Csrf, ErrorSummary, Field, Layout } from '../layout.js';
import type { Flash } from '../shared.js';

const LABELS: Record<string, string> = { current: '当前密码', next: '新密码', confirm: '再次输入新密码' };

export const PasswordPage: FC<{
  user: StaffUser;
  csrf: string;
  fields?: Record<string, string>;
  flash?: Flash | null;
}> = ({ user, csrf, fields = {}, flash }) => (
  <Layout title="修改密码" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>修改密码</h1>
    {user.mustChangePassword ? (
      <p class="flash err" role="alert">
        这是初始密码或管理员重置的密码，请先设置您自己的密码，然后才能办理业务。
      </p>
    ) : null}
    <ErrorSummary fields={fields} labels={LABELS} />
    <form method="post" action="/admin/password" class="card" novalidate>
      <Csrf token={csrf} />
      <Field
        name="current"
        label="当前密码"
        type="password"
        required
        error={fields.current}
        autocomplete="current-password"
      />
      <Field
        name="next"
        label="新密码（至少10个字符，须含字母和数字，不能包含用户名）"
        type="password"
        required
        error={fields.next}
        autocomplete="new-password"
      />
      <Field
        name="confirm"
        label="再次输入新密码"
        type="password"
        required
        error={fields.confirm}
        autocomplete="new-password"
      />
      <button type="submit">保存新密码</button>
    </form>
    <p class="small muted">保存后，本账号在其他浏览器上的登录会结束。</p>
  </Layout>
);
