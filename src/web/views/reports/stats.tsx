/** The organ's 依申请公开 statistics for a year. */
import type { FC } from 'hono/jsx';
import type { StaffUser } from '../../../core/entities.js';
import { Layout } from '../layout.js';

export const StatsPage: FC<{
  user: StaffUser;
  csrf: string;
  year: number;
  organName: string;
  html: string;
}> = ({ user, csrf, year, organName, html }) => (
  <Layout title="统计" user={user} csrf={csrf}>
    <h1>
      {organName}
      {year}年度依申请公开统计
    </h1>
    <form method="get" action="/admin/stats" class="field">
      <label for="year">年度</label>
      <input id="year" type="number" name="year" value={String(year)} />{' '}
      <button type="submit" class="secondary">
        查看
      </button>
    </form>
    <p class="muted small">由案件记录计算，与年度报告第三、四部分口径一致（每件办理只计入一种结果）。</p>
    <div dangerouslySetInnerHTML={{ __html: html }} />
  </Layout>
);
