/** The public 年度报告核对 tool: upload or paste a report, see what was read and every finding, in Chinese. */
import type { FC } from 'hono/jsx';
import type { Finding } from '../../../core/annual-report/report-findings.js';
import { refLabel } from '../../../core/annual-report/report-findings.js';
import type { AnnualReport } from '../../../core/annual-report/report-model.js';
import { Csrf } from '../layout.js';
import { GkLayout } from '../portal/layout.js';

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };
const SEV: Record<string, [string, string]> = {
  error: ['错误', 'overdue'],
  warning: ['警告', 'soon'],
  info: ['提示', 'ok'],
};

/** Errors first, then warnings, then notes (the order the page and its downloads list them). */
const sortedFindings = (fs: readonly Finding[]) =>
  [...fs].sort((a, b) => RANK[a.severity]! - RANK[b.severity]!);

export interface CheckResult {
  name: string;
  report: AnnualReport;
  findings: Finding[];
  unreadable: boolean;
  tablesHtml: string;
}

export const ReportCheckPage: FC<{
  csrf: string;
  error?: string | undefined;
  result?: CheckResult | undefined;
  text?: string | undefined;
}> = ({ csrf, error, result, text }) => {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result?.findings ?? []) counts[f.severity]++;
  return (
    <GkLayout title="年度报告核对">
      <h1>政府信息公开工作年度报告核对</h1>
      <p class="muted">
        上传或粘贴一份年度报告（PDF、Word、网页或文字），系统按国家规定的格式（2019年试行格式或国办公开办函〔2021〕30号格式）逐格读取，并核对全部勾稽关系、合计和文字中的数字。文件只在本次核对中使用，不保存。
      </p>
      {error ? (
        <p class="flash err" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <section aria-labelledby="res-h">
          <h2 id="res-h">核对结果：{result.name}</h2>
          {result.unreadable ? (
            <p class="flash err" role="alert">
              无法读取该文件，未作核对。
            </p>
          ) : (
            <dl class="facts">
              <dt>机关</dt>
              <dd>{result.report.organ ?? '（未能从报告中识别）'}</dd>
              <dt>年度</dt>
              <dd>{result.report.year ? `${result.report.year}年` : '（未能识别）'}</dd>
              <dt>格式</dt>
              <dd>
                {result.report.format === '2021' ? '2021年版（国办公开办函〔2021〕30号）' : '2019年试行格式'}
              </dd>
              <dt>读到</dt>
              <dd>
                {result.report.cells.length}个单元格，其中
                {result.report.cells.filter((c) => c.value !== null).length}个数字
              </dd>
              <dt>问题</dt>
              <dd>
                错误{counts.error}个，警告{counts.warning}个，提示{counts.info}个
                {counts.error === 0 && counts.warning === 0 ? '；全部核对规则通过' : ''}
              </dd>
            </dl>
          )}
          {result.findings.length ? (
            <form method="post" action="/nianbao/check/findings.xlsx" class="inline" id="findings-export">
              <Csrf token={csrf} />
              <input type="hidden" name="name" value={result.name} />
              <input type="hidden" name="findings" value={JSON.stringify(sortedFindings(result.findings))} />
              <span class="small">下载核对结果：</span>
              <button type="submit" class="secondary">
                XLSX
              </button>
              <button type="submit" class="secondary" formaction="/nianbao/check/findings.csv">
                CSV
              </button>
            </form>
          ) : null}
          {result.findings.length ? (
            <ul class="findings">
              {[...result.findings]
                .sort((a, b) => RANK[a.severity]! - RANK[b.severity]!)
                .map((f) => (
                  <li>
                    <span class={`badge ${SEV[f.severity]![1]}`}>{SEV[f.severity]![0]}</span> {f.message}
                    {f.cells.length && f.cells.length <= 4 ? (
                      <span class="small muted">（{f.cells.map(refLabel).join('；')}）</span>
                    ) : null}
                    <span class="small muted">
                      {' '}
                      [{f.code}
                      {f.line !== undefined ? `，第${f.line}行` : ''}]
                    </span>
                  </li>
                ))}
            </ul>
          ) : null}
          {result.unreadable ? null : (
            <>
              <h2>读到的表格</h2>
              <p class="small muted">空白单元格保持空白（不当作0）。</p>
              <div class="report-tables" dangerouslySetInnerHTML={{ __html: result.tablesHtml }} />
            </>
          )}
        </section>
      ) : null}
      <form
        method="post"
        action="/nianbao/check"
        enctype="multipart/form-data"
        class="card"
        aria-label={result ? '核对另一份报告' : '核对年度报告'}
      >
        <Csrf token={csrf} />
        <div class="field">
          <label for="f-file">报告文件（PDF、DOCX、HTML、TXT，10MB以内）</label>
          <input id="f-file" type="file" name="file" accept=".pdf,.docx,.html,.htm,.txt,.md" />
        </div>
        <div class="field">
          <label for="f-text">或粘贴报告全文</label>
          <textarea id="f-text" name="text" rows={6}>
            {text ?? ''}
          </textarea>
        </div>
        <button type="submit">核对</button>
      </form>
      <p class="small muted">
        批量核对请使用命令行 <code>gongkai report check 目录</code> 或接口{' '}
        <code>POST /api/v1/reports/check</code>。
      </p>
    </GkLayout>
  );
};
