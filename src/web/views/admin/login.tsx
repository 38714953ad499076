/** The staff login page. */
import type { FC } from 'hono/jsx';
import { Csrf, Field, Layout } from '../layout.js';

export const LoginPage: FC<{ csrf: string; error?: string | undefined; username?: string | undefined }> = ({
  csrf,
  error,
  username,
}) => (
  <Layout title="工作人员登录">
    <h1>工作人员登录</h1>
    {error ? (
      <p class="flash err" role="alert">
        {error}
      </p>
    ) : null}
    <form method="post" action="/admin/login" class="card">
      <Csrf token={csrf} />
      <Field name="username" label="用户名" required value={username} autocomplete="username" />
      <Field name="password" label="密码" type="password" required autocomplete="current-password" />
      <button type="submit">登录</button>
    </form>
  </Layout>
);
