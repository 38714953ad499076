/**
 * Rolling up subordinate organs' annual reports into one (a county's summary of its departments and townships):
 * every cell is the sum of the organs' cells. A cell that one organ did not report (absent, blank, "—") leaves the
 * sum unread — never a guess — and a finding names the organ.
 */
import { type AnnualReport, type ReportCell, emptyReport, slotsOf } from './report-model.js';
import { type Finding, finding } from './report-findings.js';

export function rollUpReports(
  reports: readonly AnnualReport[],
  organ: string,
  year: number,
): { report: AnnualReport; findings: Finding[] } {
  const findings: Finding[] = [];
  const format = reports[0]?.format ?? (year <= 2020 ? '2019-trial' : '2021');
  const out = emptyReport(format, year, organ);
  out.title = `${organ}${year}年政府信息公开工作年度报告（汇总）`;
  const usable = reports.filter((r) => {
    if (r.format !== format) {
      findings.push(
        finding('format_year_mismatch', `“${r.organ ?? '某机关'}”的年报使用了不同的格式，未计入汇总`, []),
      );
      return false;
    }
    if (r.year !== year) {
      findings.push(
        finding(
          'year_conflict',
          `“${r.organ ?? '某机关'}”的年报年度为${r.year ?? '不详'}，未计入${year}年汇总`,
          [],
        ),
      );
      return false;
    }
    return true;
  });
  const idx = usable.map((r) => new Map(r.cells.map((c) => [`${c.table}|${c.row}|${c.column}`, c])));
  const cells: ReportCell[] = [];
  for (const s of slotsOf(format)) {
    const key = `${s.table}|${s.row}|${s.column}`;
    let sum = 0;
    const missing: string[] = [];
    usable.forEach((r, i) => {
      const c = idx[i]!.get(key);
      if (!c || c.value === null) missing.push(r.organ ?? `第${i + 1}个机关`);
      else sum += c.value;
    });
    if (missing.length) {
      findings.push(
        finding(
          'check_skipped',
          `表${s.table}「${s.row}」「${s.column}」未汇总：${missing.join('、')}没有该项数字`,
          [{ table: s.table, row: s.row, column: s.column }],
        ),
      );
      continue;
    }
    const v = s.kind === 'money' ? Math.round(sum * 1e4) / 1e4 : sum;
    cells.push({ table: s.table, row: s.row, column: s.column, value: v, raw: String(v) });
  }
  out.cells = cells;
  out.sections.一 = `一、总体情况\n本报告汇总${usable.map((r) => r.organ).join('、')}共${usable.length}个机关的${year}年政府信息公开工作年度报告数据。`;
  return { report: out, findings };
}
