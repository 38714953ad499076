/**
 * Use case: compile the organ's 政府信息公开工作年度报告 for a year from its own data — Section 二 第二十条第（一）项
 * from the published 规章/行政规范性文件, Section 三 from the cases, Section 四 from the linked 复议/诉讼 — plus
 * what the system does not hold (the prose of Sections 一, 五, 六 and the 行政许可/处罚/强制/收费 figures), then
 * check it with every rule and render it in the official layout. The result becomes a draft item in the
 * 政府信息公开年报 column and is published through the ordinary 保密审查 workflow.
 */
import type { StaffUser } from '../../core/entities.js';
import {
  type AnnualReport,
  type ReportCell,
  emptyReport,
  formatForYear,
  tablesOf,
} from '../../core/annual-report/report-model.js';
import type { Finding } from '../../core/annual-report/report-findings.js';
import { validateReport } from '../../core/annual-report/validate-report.js';
import { renderReportHtml, renderReportSections } from '../../adapters/render/html-report-renderer.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { createItem } from '../publication/items.js';
import { gatherOrganYear } from './gather-organ-year.js';

/** The Section 二 cells the organ fills in by hand (everything but 第二十条第（一）项 in the 2021 format). */
export function manualSection2Slots(year: number): { row: string; column: string; key: string }[] {
  const fmt = formatForYear(year);
  const out: { row: string; column: string; key: string }[] = [];
  for (const t of tablesOf(fmt).filter((x) => x.table === '二')) {
    for (const r of t.rows)
      for (const c of t.columns) {
        if (fmt === '2021' && t.caption === '第二十条第（一）项') continue;
        out.push({ row: r.path, column: c, key: `s2:${r.path}:${c}` });
      }
  }
  return out;
}

export interface CompileInput {
  year: number;
  sections: { 一: string; 五: string; 六: string };
  manual: Record<string, string>;
}

export interface Compiled {
  report: AnnualReport;
  findings: Finding[];
  html: string;
  /** the year has not ended: a draft of the figures so far, never drafted into an item nor published */
  provisional: boolean;
}

/**
 * Why a report cannot be compiled for `year` today, or null. 条例第五十条: the report covers a whole calendar
 * year; this system compiles the formats of the 2019 条例 (国办公开办函〔2019〕60号 for 2019–2020, 〔2021〕30号 from
 * 2021), so years before 2019 are refused; the current year may be previewed (provisional), a later one not.
 */
export function reportYearProblem(year: number, todayIso: string): string | null {
  const current = Number(todayIso.slice(0, 4));
  if (!Number.isInteger(year)) return '年度应为四位数字，如2025';
  if (year < 2019)
    return `${year}年的年报适用2019年修订前的条例和格式，本系统按修订后的格式编制2019年及以后的年度报告`;
  if (year > current) return `${year}年尚未开始，不能编制该年度的报告`;
  return null;
}

export async function compileAnnualReport(
  deps: AppDeps,
  user: StaffUser,
  input: CompileInput,
): Promise<Compiled> {
  if (user.role === 'supervisor') throw new AppError('forbidden', '上级主管部门只能查看', 'forbidden');
  const year = input.year;
  const problem = reportYearProblem(year, today(deps));
  if (problem) throw new AppError('form_invalid', problem, 'invalid', { year: problem });
  const provisional = year >= Number(today(deps).slice(0, 4));
  const organ = (await deps.store.organs.find(user.organId))!;
  const report = emptyReport(formatForYear(year), year, organ.name);
  report.title = `${organ.name}${year}年政府信息公开工作年度报告`;
  const text = (id: '一' | '五' | '六', title: string, body: string) =>
    `${id}、${title}\n${body.trim() || '无'}`;
  report.sections.一 = text('一', '总体情况', input.sections.一);
  report.sections.五 = text('五', '存在的主要问题及改进情况', input.sections.五);
  report.sections.六 = text('六', '其他需要报告的事项', input.sections.六);
  const cells: ReportCell[] = [];
  for (const s of manualSection2Slots(year)) {
    const raw = (input.manual[s.key] ?? '').trim();
    if (raw === '') continue;
    const v = Number(raw.replace(/[,，]/g, ''));
    cells.push({ table: '二', row: s.row, column: s.column, value: Number.isFinite(v) ? v : null, raw });
  }
  const y = await gatherOrganYear(deps, [organ.id], year);
  cells.push(...y.section2, ...y.section3, ...y.section4);
  report.cells = cells;
  // order as the format lists them
  const order = new Map<string, number>();
  let i = 0;
  for (const t of tablesOf(report.format))
    for (const r of t.rows) for (const c of t.columns) order.set(`${t.table}|${r.path}|${c}`, i++);
  report.cells.sort(
    (a, b) => order.get(`${a.table}|${a.row}|${a.column}`)! - order.get(`${b.table}|${b.row}|${b.column}`)!,
  );
  return { report, findings: validateReport(report), html: renderReportHtml(report), provisional };
}

/** Turns the compiled report into a draft item of the 年报 column (published after 保密审查 like any item). */
export async function draftReportItem(
  deps: AppDeps,
  user: StaffUser,
  compiled: Compiled,
  ip: string,
): Promise<string> {
  if (compiled.provisional)
    throw new AppError(
      'report_year_not_ended',
      `${compiled.report.year}年尚未结束：年度报告在次年1月1日以后编制，现在只能预览，不能生成年报稿件`,
      'conflict',
    );
  if (compiled.findings.some((f) => f.severity === 'error'))
    throw new AppError('report_has_errors', '年度报告还有“错误”级问题，请先修正再生成稿件', 'conflict');
  const body = renderReportSections(compiled.report);
  const item = await createItem(
    deps,
    user,
    {
      title: compiled.report.title!,
      columnId: `${user.organId}:reports`,
      formedOn: today(deps),
      topic: '综合政务\\政务公开',
      docType: 'other',
      openMode: '主动公开',
      body,
    },
    ip,
  );
  return item.id;
}
