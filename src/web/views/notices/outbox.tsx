/** The notices sent to applicants (发件记录) and, for the platform administrator, the background jobs that failed. */
import type { FC } from 'hono/jsx';
import type { StaffUser } from '../../../core/entities.js';
import type { Notice } from '../../../core/notices/notice.js';
import { QUERY_CODE_SLOT } from '../../../core/notices/notice.js';
import type { QueueOverview } from '../../../app/jobs/queue-admin.js';
import { maskEmail, maskPhone } from '../../../app/deps.js';
import { Csrf, Layout } from '../layout.js';
import { cst, type Flash } from '../shared.js';

const STATUS: Record<Notice['status'], string> = {
  pending: '待发送',
  handing: '正在发送',
  sent: '已发送',
  failed: '发送失败',
};
const CHANNEL: Record<Notice['channel'], string> = { email: '电子邮件', sms: '短信' };
const mask = (n: Notice) => (n.channel === 'email' ? maskEmail(n.to) : maskPhone(n.to));

export const OutboxPage: FC<{ user: StaffUser; csrf: string; notices: Notice[]; demo: boolean }> = ({
  user,
  csrf,
  notices,
  demo,
}) => (
  <Layout title="通知发送记录" user={user} csrf={csrf}>
    <h1>通知发送记录</h1>
    <p class="muted">
      {demo
        ? '演示环境没有连接邮件服务器：这里列出演示实例会发给申请人的每一条通知。'
        : '发给申请人的每一条通知（最近200条）。通知只提醒办理进度，告知书和答复书以申请人查询页面上的文书为准。'}
      查询码不在本页显示。
    </p>
    {notices.length ? (
      <table class="list">
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">案件</th>
            <th scope="col">方式</th>
            <th scope="col">收件人</th>
            <th scope="col">内容</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {notices.map((n) => (
            <tr>
              <td>{cst(n.createdAt)}</td>
              <td>
                <a href={`/admin/cases/${n.caseId}`}>{n.caseId}</a>
              </td>
              <td>{CHANNEL[n.channel]}</td>
              <td>{mask(n)}</td>
              <td>
                <details>
                  <summary>{n.subject}</summary>
                  <pre class="small">{n.text.split(QUERY_CODE_SLOT).join('（查询码，已隐去）')}</pre>
                </details>
              </td>
              <td>
                {STATUS[n.status]}
                {n.status !== 'sent' && n.lastError ? <span class="small muted">：{n.lastError}</span> : null}
                {n.sentAt ? <span class="small muted">（{cst(n.sentAt)}）</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p class="muted">暂无通知。申请人在申请表上选择电子邮件或短信通知后，每一步办理都会通知。</p>
    )}
  </Layout>
);

export const JobsPage: FC<{ user: StaffUser; csrf: string; q: QueueOverview; flash?: Flash }> = ({
  user,
  csrf,
  q,
  flash,
}) => (
  <Layout title="后台任务" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>后台任务</h1>
    <p id="queue-counts">
      等待中 {q.waiting} 个，失败 {q.failed} 个
      {q.oldestWaitingSince ? `；最早一个自 ${cst(q.oldestWaitingSince)} 起等待` : ''}。
    </p>
    <h2>失败任务（已用尽重试次数）</h2>
    {q.jobs.length ? (
      <>
        <table class="list">
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">任务</th>
              <th scope="col">尝试次数</th>
              <th scope="col">最后错误</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {q.jobs.map((j) => (
              <tr>
                <td>{j.id}</td>
                <td>{j.task === 'notice.send' ? `发送通知 ${String(j.payload.notice ?? '')}` : j.task}</td>
                <td>
                  {j.attempts}/{j.maxAttempts}
                </td>
                <td class="small">{j.lastError}</td>
                <td>
                  <form method="post" action={`/admin/jobs/${j.id}/retry`}>
                    <Csrf token={csrf} />
                    <button type="submit" class="secondary">
                      重试
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="post" action="/admin/jobs/purge">
          <Csrf token={csrf} />
          <button type="submit" class="secondary">
            删除全部失败任务
          </button>
        </form>
      </>
    ) : (
      <p class="muted">没有失败任务。</p>
    )}
  </Layout>
);
