/**
 * Use case: Section 三 and 四 of an organ's (and, for a supervisor, its subordinates') annual report, computed
 * from the case histories, rendered in the official table layout.
 */
import type { StaffUser } from '../../core/entities.js';
import { type ReportCell, emptyReport, formatForYear } from '../../core/annual-report/report-model.js';
import { layoutS2, layoutS3, layoutS4 } from '../../adapters/render/report-layout.js';
import { escapeHtml } from '../../adapters/render/html-report-renderer.js';
import { visibleOrganIds } from '../policies/case-policy.js';
import type { AppDeps } from '../deps.js';
import { gatherOrganYear } from '../reports/gather-organ-year.js';

export async function organStatistics(
  deps: AppDeps,
  user: StaffUser,
  year: number,
): Promise<{
  organName: string;
  html: string;
  cells: ReportCell[];
  report: ReturnType<typeof emptyReport>;
}> {
  const organs = await deps.store.organs.list();
  const ids = visibleOrganIds(user, organs);
  const y = await gatherOrganYear(deps, ids, year);
  const report = emptyReport(formatForYear(year), year, null);
  report.cells = [...y.section2, ...y.section3, ...y.section4];
  const table = (t: ReturnType<typeof layoutS3>) =>
    `<table>${t.rows.map((r) => `<tr>${r.map((c) => `<${c.head ? 'th' : 'td'}${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}${c.colspan ? ` colspan="${c.colspan}"` : ''}>${escapeHtml(c.text)}</${c.head ? 'th' : 'td'}>`).join('')}</tr>`).join('')}</table>`;
  const own = organs.find((o) => o.id === user.organId)!;
  const s2 =
    report.format === '2021'
      ? `<h2>二、主动公开政府信息情况（第二十条第（一）项，由已发布的规章和行政规范性文件统计）</h2>${table(layoutS2(report)[0]!)}`
      : '';
  return {
    organName: ids.length > 1 ? `${own.name}及所属` : own.name,
    html: `${s2}<h2>三、收到和处理政府信息公开申请情况</h2>${table(layoutS3(report))}<h2>四、政府信息公开行政复议、行政诉讼情况</h2>${table(layoutS4(report))}`,
    cells: y.section3,
    report,
  };
}
