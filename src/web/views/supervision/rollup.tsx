/** The roll-up of the subordinates' annual reports, with its check. */
import type { FC } from 'hono/jsx';
import type { Organ, StaffUser } from '../../../core/entities.js';
import { Layout } from '../layout.js';

export const RollUpPage: FC<{
  user: StaffUser;
  csrf: string;
  year: number;
  included: Organ[];
  missing: Organ[];
  findings: { severity: string; message: string; code: string }[];
  html: string;
}> = ({ user, csrf, year, included, missing, findings, html }) => (
  <Layout title="年报汇总" user={user} csrf={csrf}>
    <h1>所属机关{year}年年度报告汇总</h1>
    <form method="get" action="/admin/supervise/rollup" class="field">
      <label for="year">年度</label>
      <input id="year" type="number" name="year" value={String(year)} />{' '}
      <button type="submit" class="secondary">
        汇总
      </button>
    </form>
    <p>
      已汇总{included.length}个机关：{included.map((o) => o.name).join('、') || '无'}。
      {missing.length
        ? `尚未发布年报的${missing.length}个机关：${missing.map((o) => o.name).join('、')}。`
        : ''}{' '}
      <a href={`/admin/supervise/rollup.xlsx?year=${year}`} id="rollup-xlsx">
        下载汇总表（XLSX，官方表格样式）
      </a>
    </p>
    <section class="card" aria-labelledby="rf-h">
      <h2 id="rf-h">核对结果</h2>
      {findings.length ? (
        <ul>
          {findings.slice(0, 50).map((f) => (
            <li>
              <span
                class={`badge ${f.severity === 'error' ? 'overdue' : f.severity === 'warning' ? 'soon' : 'ok'}`}
              >
                {f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}
              </span>{' '}
              {f.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>全部核对规则通过。</p>
      )}
    </section>
    <div class="card" dangerouslySetInnerHTML={{ __html: html }} />
  </Layout>
);
