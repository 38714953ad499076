/** The back office's case list: tabs, search, the table with each case's state and reply deadline. */
import type { FC } from 'hono/jsx';
import type { CaseRow, StaffUser } from '../../../core/entities.js';
import { STATE_LABEL } from '../../../core/case/case-machine.js';
import type { CaseList, ListTab } from '../../../app/cases/case-view.js';
import { Layout, Pager } from '../layout.js';
import type { Flash } from '../shared.js';

const TAB_LABEL: Record<ListTab, string> = {
  open: '办理中',
  mine: '我的',
  due_soon: '5个工作日内到期',
  overdue: '已逾期',
  closed: '已办结',
  all: '全部',
};

export function StatusBadge({ row, today }: { row: CaseRow; today: string }) {
  const open = ['registered', 'awaiting_clarification', 'consulting', 'awaiting_fee'].includes(row.state);
  if (!open) return <span class="badge ok">{STATE_LABEL[row.state]}</span>;
  if (row.dueOn && row.dueOn < today) return <span class="badge overdue">已逾期</span>;
  return <span class="badge">{STATE_LABEL[row.state]}</span>;
}

export const CaseListPage: FC<{
  user: StaffUser;
  csrf: string;
  list: CaseList;
  tab: ListTab;
  search: string;
  today: string;
  flash?: Flash;
  /** case id → why its due date is 暂定 (provisionalDues in app/admin/calendar.ts) */
  provisional?: Readonly<Record<string, string>>;
}> = ({ user, csrf, list, tab, search, today, flash, provisional = {} }) => (
  <Layout title="案件" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>依申请公开案件</h1>
    <ul class="tabs" aria-label="筛选">
      {(Object.keys(TAB_LABEL) as ListTab[]).map((t) => (
        <li>
          <a href={`/admin?tab=${t}`} aria-current={t === tab ? 'page' : undefined}>
            {TAB_LABEL[t]}（{list.counts[t]}）
          </a>
        </li>
      ))}
    </ul>
    <form method="get" action="/admin" class="field search-row">
      <input type="hidden" name="tab" value={tab} />
      <label for="q">搜索（编号、申请人、内容）</label>
      <span class="inline-input">
        <input id="q" type="text" name="q" value={search} />{' '}
        <button type="submit" class="secondary">
          搜索
        </button>
      </span>
    </form>
    {list.rows.length ? (
      <table>
        <thead>
          <tr>
            <th scope="col">编号</th>
            {list.organs.length > 1 ? <th scope="col">机关</th> : null}
            <th scope="col">申请人</th>
            <th scope="col">内容</th>
            <th scope="col">收到</th>
            <th scope="col">答复期限</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((r) => (
            <tr>
              <td class="nowrap">
                <a href={`/admin/cases/${r.id}`}>{r.id}</a>
              </td>
              {list.organs.length > 1 ? <td>{list.organs.find((o) => o.id === r.organId)?.name}</td> : null}
              <td>{r.applicantName}</td>
              <td>{r.description.length > 30 ? `${r.description.slice(0, 30)}…` : r.description}</td>
              <td class="nowrap">{r.receivedOn}</td>
              <td class="nowrap">
                {r.dueOn ??
                  (['awaiting_clarification', 'consulting', 'awaiting_fee'].includes(r.state) ? (
                    <span class="muted">暂停计算</span>
                  ) : (
                    '—'
                  ))}
                {r.dueOn && provisional[r.id] ? (
                  <>
                    {' '}
                    <span class="badge soon" title={provisional[r.id]}>
                      暂定
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                <StatusBadge row={r} today={today} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p class="muted">没有符合条件的案件。</p>
    )}
    {list.rows.some((r) => r.dueOn && provisional[r.id]) ? (
      <p class="small muted" id="provisional-note">
        “暂定”：期限经过尚未录入国务院办公厅节假日安排的年度，该年度只按周末计算，管理员录入通知后将重新计算。
      </p>
    ) : null}
    {list.pages > 1 ? (
      <Pager
        page={list.page}
        pages={list.pages}
        href={(p) => `/admin?tab=${tab}${search ? `&q=${encodeURIComponent(search)}` : ''}&page=${p}`}
      />
    ) : null}
    <p class="small muted">
      共{list.total}件。“即将到期”和“逾期”按今天（{today}）和工作日历实时计算。导出（申请人信息已脱敏）：
      <a href="/admin/export/cases.csv">CSV</a>　<a href="/admin/export/cases.xlsx">Excel（XLSX）</a>
    </p>
  </Layout>
);
