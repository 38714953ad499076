/**
 * Plain-text and Markdown renderers. The text layout is tab-separated rows with the row label in the first cell
 * and exactly one cell per data column, so a blank cell stays blank and the parser reads it back unchanged.
 */
import { type AnnualReport, SECTION_IDS, SECTION_TITLES } from '../../core/annual-report/report-model.js';
import { type LayoutTable, layoutS2, layoutS3, layoutS4, reportTitle } from './report-layout.js';

/** Flattens a layout table into rows of strings: spanned label cells printed once, no placeholders. */
function flatRows(t: LayoutTable): string[][] {
  return t.rows.map((r) => r.map((c) => c.text));
}

function sectionBody(report: AnnualReport, id: (typeof SECTION_IDS)[number]): string {
  const s = report.sections[id];
  if (!s) return '';
  // a parsed section starts with its heading; print the body only
  const head = `${id}、`;
  const lines = s.split('\n');
  if (lines[0]!.startsWith(head)) lines.shift();
  return lines.join('\n').trim();
}

function tablesFor(report: AnnualReport, id: string): LayoutTable[] {
  if (id === '二') return layoutS2(report);
  if (id === '三') return [layoutS3(report)];
  if (id === '四') return [layoutS4(report)];
  return [];
}

/** Renders the report as plain text with tab-separated tables. */
export function renderReportText(report: AnnualReport): string {
  const out: string[] = [reportTitle(report), ''];
  for (const id of SECTION_IDS) {
    out.push(`${id}、${SECTION_TITLES[id]}`);
    const tables = tablesFor(report, id);
    if (tables.length) {
      for (const t of tables) for (const r of flatRows(t)) out.push(r.join('\t'));
    } else {
      const body = sectionBody(report, id);
      if (body) out.push(body);
    }
    out.push('');
  }
  return out.join('\n');
}

const mdCell = (s: string): string => s.replace(/\|/g, '｜').replace(/\n/g, ' ');

/** Renders the report as Markdown (GitHub tables; spanned cells printed once). */
export function renderReportMarkdown(report: AnnualReport): string {
  const out: string[] = [`# ${reportTitle(report)}`, ''];
  for (const id of SECTION_IDS) {
    out.push(`## ${id}、${SECTION_TITLES[id]}`, '');
    const tables = tablesFor(report, id);
    if (tables.length) {
      for (const t of tables) {
        const rows = flatRows(t);
        const width = Math.max(...rows.map((r) => r.length));
        out.push(`| ${rows[0]!.map(mdCell).join(' | ')} |`);
        out.push(`|${' --- |'.repeat(width)}`);
        for (const r of rows.slice(1)) out.push(`| ${r.map(mdCell).join(' | ')} |`);
        out.push('');
      }
    } else {
      const body = sectionBody(report, id);
      if (body) out.push(body, '');
    }
  }
  return out.join('\n');
}
