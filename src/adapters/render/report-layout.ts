/**
 * The official table layout of the annual report as a grid of cells with rowspan/colspan, shared by the
 * HTML, Markdown, text and DOCX renderers so they all print the tables the way the national format does.
 */
import {
  type AnnualReport,
  type ReportCell,
  type TableDef,
  S3_NOTE,
  S4,
  S4_COLUMNS,
  cellKey,
  indexCells,
  tablesOf,
} from '../../core/annual-report/report-model.js';

export interface GridCell {
  text: string;
  rowspan?: number;
  colspan?: number;
  /** true for a header/label cell, false for a data cell */
  head: boolean;
}
export type GridRow = GridCell[];

export interface LayoutTable {
  /** Section 二 sub-table caption or undefined */
  caption?: string;
  rows: GridRow[];
  /** number of grid columns */
  width: number;
}

const h = (text: string, rowspan = 1, colspan = 1): GridCell => ({
  text,
  head: true,
  ...(rowspan > 1 ? { rowspan } : {}),
  ...(colspan > 1 ? { colspan } : {}),
});
const d = (text: string): GridCell => ({ text, head: false });

/** Text of a data cell: the raw text as printed, or the number. Absent cells render empty. */
export function cellText(c: ReportCell | undefined): string {
  if (!c) return '';
  if (c.raw !== '' || c.value === null) return c.raw;
  return String(c.value);
}

function dataRow(cells: Map<string, ReportCell>, def: TableDef, rowPath: string): GridCell[] {
  return def.columns.map((col) => d(cellText(cells.get(cellKey(def.table, rowPath, col)))));
}

/** Section 二: one small table per 第二十条 item, caption row spanning the table. */
export function layoutS2(report: AnnualReport): LayoutTable[] {
  const cells = indexCells(report.cells);
  return tablesOf(report.format)
    .filter((t) => t.table === '二')
    .map((def) => {
      const width = def.columns.length + 1;
      const rows: GridRow[] = [
        [h(def.caption!, 1, width)],
        [h('信息内容'), ...def.columns.map((c) => h(c))],
        ...def.rows.map((r) => [h(r.label), ...dataRow(cells, def, r.path)]),
      ];
      return { caption: def.caption!, rows, width };
    });
}

/** Section 三 with the official header (note cell 3×3, 申请人情况, 法人或其他组织 colspan 5) and nested row labels. */
export function layoutS3(report: AnnualReport): LayoutTable {
  const cells = indexCells(report.cells);
  const def = tablesOf(report.format).find((t) => t.table === '三')!;
  const rows: GridRow[] = [
    [h(S3_NOTE, 3, 3), h('申请人情况', 1, 7)],
    [h('自然人', 2), h('法人或其他组织', 1, 5), h('总计', 2)],
    [h('商业企业'), h('科研机构'), h('社会公益组织'), h('法律服务机构'), h('其他')],
  ];
  const resultRows = def.rows.filter(
    (r) => !r.path.startsWith('一、') && !r.path.startsWith('二、') && !r.path.startsWith('四、'),
  );
  let first = true;
  const groupCount = new Map<string, number>();
  for (const r of def.rows) if (r.group) groupCount.set(r.group, (groupCount.get(r.group) ?? 0) + 1);
  const groupDone = new Set<string>();
  for (const r of def.rows) {
    const data = dataRow(cells, def, r.path);
    if (r.path.startsWith('一、') || r.path.startsWith('二、') || r.path.startsWith('四、')) {
      rows.push([h(r.label, 1, 3), ...data]);
      continue;
    }
    const lead: GridCell[] = [];
    if (first) {
      lead.push(h('三、本年度办理结果', resultRows.length));
      first = false;
    }
    if (r.group) {
      if (!groupDone.has(r.group)) {
        lead.push(h(r.group, groupCount.get(r.group)!));
        groupDone.add(r.group);
      }
      lead.push(h(r.label));
    } else {
      lead.push(h(r.label, 1, 2));
    }
    rows.push([...lead, ...data]);
  }
  return { rows, width: 10 };
}

/** Section 四: 行政复议 ×5, 行政诉讼 (未经复议直接起诉 ×5, 复议后起诉 ×5), one data row of 15. */
export function layoutS4(report: AnnualReport): LayoutTable {
  const cells = indexCells(report.cells);
  const rows: GridRow[] = [
    [h('行政复议', 1, 5), h('行政诉讼', 1, 10)],
    [...S4_COLUMNS.map((c) => h(c, 2)), h('未经复议直接起诉', 1, 5), h('复议后起诉', 1, 5)],
    [...S4_COLUMNS.map((c) => h(c)), ...S4_COLUMNS.map((c) => h(c))],
    S4.rows.flatMap((r) => dataRow(cells, S4, r.path)),
  ];
  return { rows, width: 15 };
}

/** The title a rendered report carries. */
export function reportTitle(report: AnnualReport): string {
  return (
    report.title ??
    `${report.organ ?? ''}${report.year ?? ''}${report.year ? '年' : ''}政府信息公开工作年度报告`
  );
}
