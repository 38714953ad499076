/**
 * Use case: Section 三 and 四 of an organ's (and, for a supervisor, its subordinates') annual report, computed
 * from the case histories, rendered in the official table layout.
 */
import type { StaffUser } from '../../core/ports.js';
import { replay } from '../../core/case/case-machine.js';
import {
  type CaseSummary,
  section3Cells,
  section4Cells,
  summarizeCase,
} from '../../core/case/case-statistics.js';
import { emptyReport, formatForYear } from '../../core/annual-report/report-model.js';
import { layoutS2, layoutS3, layoutS4 } from '../../adapters/render/report-layout.js';
import { section2Article1 } from '../../core/publication/section2.js';
import { escapeHtml } from '../../adapters/render/html-report-renderer.js';
import { visibleOrganIds } from '../policies/case-policy.js';
import type { AppDeps } from '../deps.js';

export async function organStatistics(
  deps: AppDeps,
  user: StaffUser,
  year: number,
): Promise<{
  organName: string;
  html: string;
  cells: ReturnType<typeof section3Cells>;
  report: ReturnType<typeof emptyReport>;
}> {
  const organs = await deps.store.organs.list();
  const ids = visibleOrganIds(user, organs);
  const all = await deps.store.cases.allWithEvents(ids);
  const sums: CaseSummary[] = [];
  for (const c of all) {
    const s = summarizeCase(
      replay(
        c.events.map((e) => e.event),
        { calendar: deps.calendar, rules: deps.rules },
      ).snapshot,
    );
    if (s) sums.push(s);
  }
  const reviews = (await deps.store.reviews.listForOrgans(ids)).map((r) => ({
    id: r.id,
    kind: r.kind,
    filedOn: r.filedOn,
    ...(r.concludedOn ? { concludedOn: r.concludedOn } : {}),
    ...(r.result ? { result: r.result } : {}),
  }));
  const report = emptyReport(formatForYear(year), year, null);
  const s3 = section3Cells(sums, year);
  const docs = (await deps.store.publication.items.documents(ids)).map((d) => ({
    docType: d.docType,
    firstPublishedOn: d.firstPublishedOn,
    withdrawn: d.state === 'withdrawn',
    validity: d.validity,
    validityDate: d.validityDate,
  }));
  report.cells = [
    ...(report.format === '2021' ? section2Article1(docs, year) : []),
    ...s3,
    ...section4Cells(reviews, year),
  ];
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
    cells: s3,
    report,
  };
}
