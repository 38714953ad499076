/** The supervising organ's dashboard over its subordinates, with charts. */
import type { FC } from 'hono/jsx';
import type { StaffUser } from '../../../core/entities.js';
import { Layout } from '../layout.js';
import { GroupedColumns, StackedBars } from './charts.js';

export const SupervisePage: FC<{
  user: StaffUser;
  csrf: string;
  year: number;
  today: string;
  rows: import('../../../app/supervision/supervision-dashboard.js').OrganRow[];
  months: import('../../../app/supervision/supervision-dashboard.js').MonthRow[];
}> = ({ user, csrf, year, today, rows, months }) => {
  return (
    <Layout title="监督" user={user} csrf={csrf}>
      <h1>所属机关政府信息公开工作情况（截至{today}）</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">办理中</th>
            <th scope="col">已逾期</th>
            <th scope="col">5个工作日内到期</th>
            <th scope="col">{year}年收到申请</th>
            <th scope="col">{year}年主动公开</th>
            <th scope="col">超过20个工作日发布</th>
            <th scope="col">{year - 1}年年报</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.organ.name}</th>
              <td>{r.open}</td>
              <td>
                <span class={r.overdue ? 'badge overdue' : undefined}>{r.overdue}</span>
              </td>
              <td>{r.dueSoon}</td>
              <td>{r.receivedThisYear}</td>
              <td>{r.publishedThisYear}</td>
              <td>{r.latePublications ? <span class="badge soon">{r.latePublications}</span> : 0}</td>
              <td>
                {r.report.published ? (
                  <>
                    {r.report.publishedOn}发布
                    {r.report.onTime ? '' : <span class="badge overdue">晚于{r.report.deadline}</span>}；
                    {r.report.errors === 0 ? (
                      <span class="badge ok">核对通过</span>
                    ) : (
                      <span class="badge overdue">{r.report.errors}个错误</span>
                    )}
                    {r.report.itemId ? (
                      <>
                        {' '}
                        <a href={`/gk/${r.organ.id}/i/${r.report.itemId}`}>查看</a>
                      </>
                    ) : null}
                  </>
                ) : r.report.onTime === false ? (
                  <span class="badge overdue">未发布（期限{r.report.deadline}）</span>
                ) : (
                  <span class="muted">未发布（期限{r.report.deadline}）</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a class="button secondary" href={`/admin/supervise/rollup?year=${year - 1}`}>
          汇总所属机关{year - 1}年年报
        </a>{' '}
        <a class="button secondary" href="/nianbao/check">
          上传核对其他年报
        </a>
      </p>
      <div class="charts">
        <section class="card" aria-labelledby="ch-open-h">
          <h2 id="ch-open-h">办理中的申请</h2>
          <StackedBars
            id="ch-open"
            title="各机关办理中的申请：按期、5个工作日内到期、已逾期"
            rows={rows.map((r) => ({
              label: r.organ.name,
              parts: [Math.max(0, r.open - r.overdue - r.dueSoon), r.dueSoon, r.overdue],
            }))}
            series={[
              { label: '按期办理', color: '#2e7d32' },
              { label: '5个工作日内到期', color: '#b26a00' },
              { label: '已逾期', color: '#b71c1c' },
            ]}
          />
        </section>
        <section class="card" aria-labelledby="ch-month-h">
          <h2 id="ch-month-h">近12个月</h2>
          <GroupedColumns
            id="ch-month"
            title="近12个月每月收到的政府信息公开申请和主动公开信息（所属机关合计）"
            categories={months.map((m) => `${Number(m.month.slice(5, 7))}月`)}
            series={[
              { label: '收到申请', color: '#1f5f99' },
              { label: '主动公开', color: '#7a869a' },
            ]}
            values={months.map((m) => [m.received, m.published])}
          />
          <p class="small muted">
            {months[0]!.month.replace('-', '年')}月至{months[months.length - 1]!.month.replace('-', '年')}
            月，收到申请合计{months.reduce((a, m) => a + m.received, 0)}件，主动公开信息合计
            {months.reduce((a, m) => a + m.published, 0)}条。
          </p>
        </section>
      </div>
      <p class="small muted">
        年报期限：县级以上人民政府部门1月31日、县级以上地方人民政府3月31日（条例第四十九条）；乡镇按本地规定，默认1月31日。年报核对使用与“年度报告引擎”相同的全部规则。
      </p>
    </Layout>
  );
};
