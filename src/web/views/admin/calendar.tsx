/** The working-day calendar: holidays and make-up working days, and the cases whose deadlines moved. */
import type { FC } from 'hono/jsx';
import type { StaffUser } from '../../../core/entities.js';
import { Csrf, Field, Layout, Select } from '../layout.js';
import type { Flash } from '../shared.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
/** 星期 of an ISO date (calendar arithmetic only, no clock). */
function weekdayCn(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
}

export const CalendarPage: FC<{
  user: StaffUser;
  csrf: string;
  year: number;
  days: { date: string; kind: string; name: string; source: string }[];
  edits: { date: string; kind: string; name: string; source: string; createdAt: string }[];
  moved?: { id: string; before: string | null; after: string | null }[] | undefined;
  fields?: Record<string, string>;
  flash?: Flash;
}> = ({ user, csrf, year, days, edits, moved, fields = {}, flash }) => (
  <Layout title="工作日历" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>{year}年工作日历（节假日与调休）</h1>
    <form method="get" action="/admin/calendar" class="field">
      <label for="year">年度</label>
      <input id="year" type="number" name="year" value={String(year)} />{' '}
      <button type="submit" class="secondary">
        查看
      </button>
    </form>
    {moved ? (
      <section class="card" aria-labelledby="moved-h">
        <h2 id="moved-h">答复期限随之变化的案件（{moved.length}件）</h2>
        {moved.length ? (
          <ul>
            {moved.map((m) => (
              <li>
                <a href={`/admin/cases/${m.id}`}>{m.id}</a>：{m.before ?? '—'} → {m.after ?? '—'}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">没有办理中案件的期限受影响。</p>
        )}
      </section>
    ) : null}
    <table>
      <thead>
        <tr>
          <th scope="col">日期</th>
          <th scope="col">星期</th>
          <th scope="col">安排</th>
          <th scope="col">依据</th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr>
            <td class="nowrap">{d.date}</td>
            <td class="nowrap">{weekdayCn(d.date)}</td>
            <td>{d.kind === 'rest' ? `${d.name}放假` : `${d.name}调休上班`}</td>
            <td class="small">{d.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <h2>增加或修改一天</h2>
    <p class="muted small">
      每年11月前后国务院办公厅发布次年节假日安排后，在此录入；地方延长假期的也在此录入。保存后，所有办理中案件的答复期限将重新计算。
    </p>
    <form method="post" action="/admin/calendar" class="card">
      <Csrf token={csrf} />
      <Field name="date" label="日期" type="date" required error={fields.date} />
      <Select
        name="kind"
        label="安排"
        options={[
          { value: 'rest', label: '放假（不计入工作日）' },
          { value: 'work', label: '调休上班（计入工作日）' },
        ]}
      />
      <Field name="name" label="节日名称" required error={fields.name} />
      <Field name="source" label="依据（通知名称或文号）" required error={fields.source} />
      <button type="submit">保存并重新计算期限</button>
    </form>
    {edits.length ? (
      <>
        <h2>管理员录入的条目</h2>
        <ul>
          {edits.map((e) => (
            <li>
              {e.date} {e.kind === 'rest' ? '放假' : '调休上班'} {e.name}（{e.source}）
              <form method="post" action="/admin/calendar/remove" class="inline">
                <Csrf token={csrf} />
                <input type="hidden" name="date" value={e.date} />
                <button type="submit" class="secondary">
                  删除
                </button>
              </form>
            </li>
          ))}
        </ul>
      </>
    ) : null}
  </Layout>
);
