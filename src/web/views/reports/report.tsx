/** The annual report form: the parts the organ fills in, the check, the preview, drafting and importing. */
import type { FC } from 'hono/jsx';
import type { StaffUser } from '../../../core/entities.js';
import { Csrf, Field, Layout } from '../layout.js';
import type { Flash } from '../shared.js';

export const ReportPage: FC<{
  user: StaffUser;
  csrf: string;
  year: number;
  values: Record<string, string>;
  manual: { row: string; column: string; key: string }[];
  findings?: { severity: string; code: string; message: string }[] | undefined;
  preview?: string | undefined;
  imported?: { id: string; year: number } | undefined;
  flash?: Flash;
  /** the year has not ended: preview only */
  provisional?: boolean;
  /** last year's key figures beside this year's */
  yoy?: { figures: { label: string; last: number | null; now: number | null }[]; from: 'report' | 'data' };
}> = ({ user, csrf, year, values, manual, findings, preview, imported, flash, provisional, yoy }) => (
  <Layout title="年度报告" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>
      {year}年政府信息公开工作年度报告
      {provisional ? <span class="badge soon">草稿·本年度尚未结束</span> : null}
    </h1>
    {provisional ? (
      <p class="flash err" id="provisional">
        {year}
        年尚未结束：以下是截至今天数据的草稿，仅供预览，不能生成年报稿件，也不能发布。年度报告在次年1月1日以后编制，于条例第四十九条规定的期限前公布。
      </p>
    ) : null}
    <p class="muted">
      第二部分第二十条第（一）项、第三部分和第四部分由系统根据已发布的文件、依申请公开案件和复议诉讼记录自动统计；其余由本机关填写。核对通过后生成“政府信息公开年报”栏目的稿件，经保密审查和审核后发布。
    </p>
    <form method="post" action={`/admin/report?year=${year}`}>
      <Csrf token={csrf} />
      <Field name="s1" label="一、总体情况" textarea required value={values.s1} />
      <fieldset>
        <legend>二、主动公开政府信息情况（需本机关填写的数字）</legend>
        {manual.map((m) => (
          <Field name={m.key} label={`${m.row.replace('/', '：')} · ${m.column}`} value={values[m.key]} />
        ))}
      </fieldset>
      <Field name="s5" label="五、存在的主要问题及改进情况" textarea required value={values.s5} />
      <Field name="s6" label="六、其他需要报告的事项（含收取信息处理费的情况）" textarea value={values.s6} />
      <button type="submit" name="action" value="check">
        核对并预览
      </button>{' '}
      <button type="submit" name="action" value="draft" class="secondary">
        生成年报稿件
      </button>{' '}
      <button type="submit" name="action" value="docx" class="secondary">
        下载Word
      </button>{' '}
      <button type="submit" name="action" value="pdf" class="secondary">
        下载PDF
      </button>{' '}
      <button type="submit" name="action" value="xlsx" class="secondary">
        下载表格（XLSX）
      </button>
    </form>
    {imported ? (
      <p class="card">
        导入的{imported.year}年年报稿件：
        <a href={`/admin/items/${imported.id}`}>打开稿件，办理公开属性认定、保密审查和发布</a>
        。下面是读取和核对的结果。
      </p>
    ) : null}
    {findings ? (
      <section class="card" aria-labelledby="find-h">
        <h2 id="find-h">核对结果</h2>
        {findings.length ? (
          <ul>
            {findings.map((f) => (
              <li>
                <span
                  class={`badge ${f.severity === 'error' ? 'overdue' : f.severity === 'warning' ? 'soon' : 'ok'}`}
                >
                  {f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}
                </span>{' '}
                {f.message} <span class="small muted">{f.code}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>全部核对规则通过。</p>
        )}
      </section>
    ) : null}
    {yoy ? (
      <section class="card" aria-labelledby="yoy-h">
        <h2 id="yoy-h">与上年对比</h2>
        <p class="small muted">
          上年数字来自
          {yoy.from === 'report'
            ? `已发布的${year - 1}年年度报告`
            : `${year - 1}年的办理数据（上年年报未在本系统发布）`}
          。变化较大而第一部分未说明原因的，核对结果中有警告。
        </p>
        <table id="yoy">
          <thead>
            <tr>
              <th scope="col">指标</th>
              <th scope="col">{year - 1}年</th>
              <th scope="col">{year}年</th>
              <th scope="col">变化</th>
            </tr>
          </thead>
          <tbody>
            {yoy.figures.map((f) => (
              <tr>
                <th scope="row">{f.label}</th>
                <td>{f.last ?? '—'}</td>
                <td>{f.now ?? '—'}</td>
                <td>
                  {f.last !== null && f.now !== null
                    ? `${f.now - f.last > 0 ? '+' : ''}${f.now - f.last}`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    ) : null}
    {preview ? (
      <section aria-labelledby="prev-h">
        <h2 id="prev-h">预览（官方表格样式）</h2>
        <div class="card" dangerouslySetInnerHTML={{ __html: preview }} />
      </section>
    ) : null}
    <section class="card" aria-labelledby="imp-h">
      <h2 id="imp-h">导入往年已发布的年报</h2>
      <p class="small muted">
        上传本机关以前发布的年度报告（PDF、DOCX、HTML或TXT），系统逐格读取、核对，生成“政府信息公开年报”栏目的稿件（附原文件），经保密审查和审核后发布；监督页据此核对跨年度结转。
      </p>
      <form method="post" action="/admin/report/import" enctype="multipart/form-data">
        <Csrf token={csrf} />
        <div class="field">
          <label for="f-import">年报文件</label>
          <input id="f-import" type="file" name="file" accept=".pdf,.docx,.html,.htm,.txt" />
        </div>
        <button type="submit" class="secondary">
          导入并核对
        </button>
      </form>
    </section>
  </Layout>
);
