/**
 * Use case: many read and checked annual reports as tables for evaluators and researchers — one row per report
 * (报告), one per cell (数据: long format, a blank stays blank and keeps its raw text), one per finding (核对结果).
 */
import type { AnnualReport } from '../../core/annual-report/report-model.js';
import { type Finding, refLabel } from '../../core/annual-report/report-findings.js';

export type TableRow = (string | number | null)[];
export interface ReportTables {
  reports: TableRow[];
  cells: TableRow[];
  findings: TableRow[];
}

const SEV: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
const FORMAT: Record<string, string> = { '2021': '2021年版', '2019-trial': '2019年试行' };

export function emptyReportTables(): ReportTables {
  return {
    reports: [['文件', '机关', '年度', '格式', '单元格', '数字', '错误', '警告', '提示', '能否读取']],
    cells: [['文件', '机关', '年度', '格式', '表', '行', '列', '值', '原文', '来源']],
    findings: [['文件', '机关', '年度', '代码', '严重程度', '说明', '单元格', '应为', '实为', '行号']],
  };
}

/** Appends one report (as read, with its findings) to the tables. */
export function addReport(
  t: ReportTables,
  file: string,
  r: AnnualReport,
  findings: readonly Finding[],
  unreadable: boolean,
): void {
  const organ = r.organ ?? null;
  const year = r.year ?? null;
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  t.reports.push([
    file,
    organ,
    year,
    FORMAT[r.format] ?? r.format,
    r.cells.length,
    r.cells.filter((c) => c.value !== null).length,
    count('error'),
    count('warning'),
    count('info'),
    unreadable ? '否' : '是',
  ]);
  for (const c of r.cells) {
    const src = c.source?.element ?? (c.source?.line !== undefined ? `第${c.source.line}行` : null);
    t.cells.push([
      file,
      organ,
      year,
      FORMAT[r.format] ?? r.format,
      c.table,
      c.row,
      c.column,
      c.value,
      c.raw === '' ? null : c.raw,
      src,
    ]);
  }
  for (const f of findings)
    t.findings.push([
      file,
      organ,
      year,
      f.code,
      SEV[f.severity] ?? f.severity,
      f.message,
      f.cells.map(refLabel).join('；') || null,
      f.expected ?? null,
      f.actual ?? null,
      f.line ?? null,
    ]);
}
