/**
 * The working-day calendar: holidays and make-up working days, the yearly State Council notice pasted and read
 * for review, and the cases whose deadlines moved.
 */
import type { FC } from 'hono/jsx';
import type { StaffUser } from '../../../core/entities.js';
import type { NoticePreview } from '../../../app/admin/calendar.js';
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
  /** whether the year's State Council notice is entered */
  hasNotice?: boolean;
  /** the platform administrator's warning (calendarWarning); not repeated when the layout shows it already */
  warning?: string | null;
  /** a pasted notice read for review */
  preview?: NoticePreview | undefined;
  /** the pasted text shown again (after an error) */
  noticeText?: string | undefined;
}> = ({
  user,
  csrf,
  year,
  days,
  edits,
  moved,
  fields = {},
  flash,
  hasNotice = true,
  warning,
  preview,
  noticeText,
}) => (
  <Layout title="工作日历" user={user} csrf={csrf} flash={flash ?? null}>
    {warning && !('calendarWarning' in user) ? (
      <p class="flash err" role="alert" id="calendar-warning">
        {warning}
      </p>
    ) : null}
    <h1>{year}年工作日历（节假日与调休）</h1>
    <p id="notice-status" class={hasNotice ? 'small muted' : 'flash err'}>
      {hasNotice
        ? `${year}年的国务院办公厅节假日安排已录入。`
        : `尚未录入${year}年国务院办公厅节假日安排：${year}年只按周末计算，经过${year}年的期限均为暂定。`}
    </p>
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
    {preview ? <NoticeReview csrf={csrf} p={preview} /> : null}
    <h2 id="notice-h">粘贴国务院办公厅节假日安排通知</h2>
    <p class="muted small">
      将《国务院办公厅关于YYYY年部分节假日安排的通知》全文粘贴在此，先读取核对：系统列出每项的放假日和调休上班日；核对无误后一次保存，所有办理中案件的答复期限随之重新计算。
    </p>
    <form method="post" action="/admin/calendar/notice/preview" class="card" aria-labelledby="notice-h">
      <Csrf token={csrf} />
      <Field
        name="notice"
        label="通知全文"
        textarea
        required
        value={noticeText ?? preview?.text}
        error={fields.notice}
        hint="例如：一、元旦：1月1日（周五）至3日（周日）放假，共3天。……"
      />
      <button type="submit">读取并核对</button>
    </form>
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

const CHANGE_LABEL = { new: '新增', same: '与现有相同', changed: '改变现有安排' } as const;

/** The pasted notice as read: every day for review, the problems, and the one-step save. */
const NoticeReview: FC<{ csrf: string; p: NoticePreview }> = ({ csrf, p }) => (
  <section class="card" aria-labelledby="review-h" id="notice-review">
    <h2 id="review-h">
      核对：{p.year ? `${p.year}年` : ''}节假日安排（{p.entries.length}天）
    </h2>
    {p.source ? <p class="small">依据：{p.source}</p> : null}
    {p.problems.length ? (
      <div class="flash err" role="alert">
        <p>以下内容无法确认，未列入；请核对通知文本后重新读取（或逐日录入）：</p>
        <ul id="notice-problems">
          {p.problems.map((x) => (
            <li>
              {x.item ? `${x.item}：` : ''}
              {x.message}
            </li>
          ))}
        </ul>
      </div>
    ) : null}
    {p.entries.length ? (
      <table>
        <thead>
          <tr>
            <th scope="col">日期</th>
            <th scope="col">星期</th>
            <th scope="col">安排</th>
            <th scope="col">与现有日历相比</th>
          </tr>
        </thead>
        <tbody>
          {p.entries.map((e) => (
            <tr>
              <td class="nowrap">{e.date}</td>
              <td class="nowrap">{weekdayCn(e.date)}</td>
              <td>{e.kind === 'rest' ? `${e.name}放假` : `${e.name}调休上班`}</td>
              <td class="small">{CHANGE_LABEL[e.change]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : null}
    {p.problems.length || !p.entries.length ? null : (
      <form method="post" action="/admin/calendar/notice">
        <Csrf token={csrf} />
        <textarea name="notice" readonly hidden>
          {p.text}
        </textarea>
        <button type="submit">确认无误，保存{p.entries.length}天并重新计算期限</button>
      </form>
    )}
  </section>
);
