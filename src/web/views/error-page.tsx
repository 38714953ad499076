/** The page every refused or failed request shows. */
import type { StaffUser } from '../../core/entities.js';

const TITLE: Record<number, string> = {
  404: '找不到',
  403: '无权操作',
  401: '请登录',
  429: '请稍后再试',
  409: '不能办理',
};

export function ErrorPage({
  status,
  message,
  user,
  requestId,
}: {
  status: number;
  message: string;
  user: StaffUser | null;
  /** shown for server errors, so that the operator can find the log entry */
  requestId?: string | undefined;
}) {
  const title = TITLE[status] ?? '出错了';
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <main id="main">
          <h1>{title}</h1>
          <p class="flash err" role="alert" data-status={String(status)}>
            {message}
          </p>
          {requestId ? <p class="small muted">错误编号：{requestId}（联系管理员时请提供）</p> : null}
          <p>
            <a href={user ? '/admin' : '/apply'}>返回</a>
          </p>
        </main>
      </body>
    </html>
  );
}
