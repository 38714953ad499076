/** The bell: a staff member's notifications (digests, proposed lapses, 年报 reminders) and their notice settings. */
import type { FC } from 'hono/jsx';
import type { StaffUser } from '../../../core/entities.js';
import type { StaffNotification, StaffPrefs } from '../../../core/notices/notice.js';
import { PREFS_LABELS } from '../../../app/notices/bell.js';
import { Csrf, ErrorSummary, Field, Layout, Select } from '../layout.js';
import { cst, type Flash } from '../shared.js';

export const BellPage: FC<{ user: StaffUser; csrf: string; items: StaffNotification[]; flash?: Flash }> = ({
  user,
  csrf,
  items,
  flash,
}) => (
  <Layout title="提醒" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>提醒</h1>
    <p class="muted">
      每天早上8时汇总到期和逾期的案件、待审批事项、可以记录“视为放弃申请”的案件和年度报告的公布期限。
      <a href="/admin/notifications/settings">通知设置</a>
    </p>
    {items.some((i) => !i.readAt) ? (
      <form method="post" action="/admin/notifications/read">
        <Csrf token={csrf} />
        <button type="submit" class="secondary">
          全部标为已读
        </button>
      </form>
    ) : null}
    {items.length ? (
      <ul class="notifications">
        {items.map((n) => (
          <li class={n.readAt ? 'read' : 'unread'}>
            <strong>{n.title}</strong> {n.readAt ? null : <span class="badge soon">未读</span>}{' '}
            <span class="small muted">{cst(n.createdAt)}</span>
            <ul>
              {n.body.split('\n').map((l) => (
                <li>{l}</li>
              ))}
            </ul>
            <a href={n.link}>查看</a>
          </li>
        ))}
      </ul>
    ) : (
      <p class="muted">暂无提醒。</p>
    )}
  </Layout>
);

export const PrefsPage: FC<{
  user: StaffUser;
  csrf: string;
  prefs: StaffPrefs;
  values?: Record<string, string>;
  fields?: Record<string, string>;
  flash?: Flash;
}> = ({ user, csrf, prefs, values, fields = {}, flash }) => {
  const v = values ?? {
    email: prefs.email,
    digest: prefs.digest ? 'yes' : 'no',
    quietStart: prefs.quietStart === null ? '' : String(prefs.quietStart),
    quietEnd: prefs.quietEnd === null ? '' : String(prefs.quietEnd),
  };
  return (
    <Layout title="通知设置" user={user} csrf={csrf} flash={flash ?? null}>
      <h1>通知设置</h1>
      <ErrorSummary fields={fields} labels={PREFS_LABELS} />
      <form method="post" action="/admin/notifications/settings" class="card" novalidate>
        <Csrf token={csrf} />
        <Field
          name="email"
          label="接收通知的电子邮箱"
          type="email"
          value={v.email}
          error={fields.email}
          maxlength={100}
          hint="选填，100字以内。不填则只在本系统的“提醒”中显示。"
        />
        <Select
          name="digest"
          label="每日摘要邮件"
          value={v.digest}
          error={fields.digest}
          options={[
            { value: 'yes', label: '接收（每天早上8时，有待办事项时发送）' },
            { value: 'no', label: '不接收（仍在“提醒”中显示）' },
          ]}
        />
        <Field
          name="quietStart"
          label="免打扰开始（时，0–23）"
          value={v.quietStart}
          error={fields.quietStart}
          inputmode="numeric"
          maxlength={2}
          hint="如22至7：22时至次日7时之间不发邮件，到7时再发。两项都留空则不设免打扰。"
        />
        <Field
          name="quietEnd"
          label="免打扰结束（时，0–23）"
          value={v.quietEnd}
          error={fields.quietEnd}
          inputmode="numeric"
          maxlength={2}
        />
        <button type="submit">保存</button>
      </form>
    </Layout>
  );
};
