/**
 * The interchange JSON (docs/report-json.md): format, year, organ, title, sections, cells, findings.
 */
import type { AnnualReport } from '../../core/annual-report/report-model.js';
import type { Finding } from '../../core/annual-report/report-findings.js';

export interface ReportJson extends AnnualReport {
  findings: Finding[];
}

export function toReportJson(report: AnnualReport, findings: Finding[]): ReportJson {
  return {
    format: report.format,
    year: report.year,
    organ: report.organ,
    title: report.title,
    sections: report.sections,
    cells: report.cells,
    findings,
  };
}

export function renderReportJson(report: AnnualReport, findings: Finding[] = []): string {
  return JSON.stringify(toReportJson(report, findings), null, 2);
}
