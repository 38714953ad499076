/**
 * The model of the 政府信息公开工作年度报告 in both national formats.
 *
 * - `2019-trial`: 国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》,
 *   used for report years 2019–2020.
 * - `2021`: 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, report years 2021 on.
 *
 * Every table, row and column label below is verbatim from the format (see shared/docs/regulation.md §1–2).
 * The model is pure data: no I/O, no clock.
 */

/** The two national formats. */
export type ReportFormat = '2019-trial' | '2021';

/** The three statistical tables: 二 主动公开, 三 依申请公开, 四 复议诉讼. */
export type TableId = '二' | '三' | '四';

/** The six sections of every report (both formats). */
export type SectionId = '一' | '二' | '三' | '四' | '五' | '六';
export const SECTION_IDS: readonly SectionId[] = ['一', '二', '三', '四', '五', '六'];

/** Section titles as the 2021 format prints them (the 2019 trial format uses the same). */
export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  一: '总体情况',
  二: '主动公开政府信息情况',
  三: '收到和处理政府信息公开申请情况',
  四: '政府信息公开行政复议、行政诉讼情况',
  五: '存在的主要问题及改进情况',
  六: '其他需要报告的事项',
};

/** What a cell may hold: a count (non-negative integer), a signed count (本年增/减) or money (decimal ≥ 0). */
export type CellKind = 'count' | 'signed' | 'money';

/** Where a cell was read from. */
export interface CellSource {
  /** 1-based line in the (normalised) text the parser read. */
  line?: number;
  /** 0-based cell index within the line, when the line was split into cells. */
  col?: number;
  /** For HTML/DOCX input: a path to the element, e.g. `table[2]/tr[5]/td[3]`. */
  element?: string;
  /** For PDF input: the page number. */
  page?: number;
}

/**
 * One cell of a statistical table.
 * `value` is a number, or `null` when the cell holds no number (blank, "—", "/", "无" …);
 * `raw` keeps the text as printed, so a blank (`""`) and a dash (`"—"`) stay different.
 */
export interface ReportCell {
  table: TableId;
  /** Official row label; nested rows as `group/leaf`, e.g. `（三）不予公开/1.属于国家秘密`. */
  row: string;
  /** Official column label. */
  column: string;
  value: number | null;
  raw: string;
  source?: CellSource;
}

/** A row of a table definition. */
export interface RowDef {
  /** Official row path (see ReportCell.row). */
  path: string;
  /** The leaf label as printed. */
  label: string;
  /** Group label for nested rows (（三）不予公开 …), or undefined. */
  group?: string;
  /** Text keys that identify this row in published text (normalised, whitespace-free), most specific first. */
  keys: readonly string[];
  /** Prefix printed before the label: `一、`, `（一）`, `1.`. */
  prefix: string;
}

/** A table (or, for Section 二, one 第二十条 sub-table) definition. */
export interface TableDef {
  table: TableId;
  /** For Section 二 sub-tables: the caption, e.g. `第二十条第（一）项`. */
  caption?: string;
  columns: readonly string[];
  kinds: readonly CellKind[];
  rows: readonly RowDef[];
}

const row = (path: string, keys: readonly string[], prefix = ''): RowDef => {
  const slash = path.lastIndexOf('/');
  const label = slash >= 0 ? path.slice(slash + 1) : path;
  const group = slash >= 0 ? path.slice(0, slash) : undefined;
  return group === undefined ? { path, label, keys, prefix } : { path, label, group, keys, prefix };
};

// ---------- Section 二: 主动公开政府信息情况 ----------

/** 2019 trial format Section 二 (国办公开办函〔2019〕60号). */
export const S2_2019: readonly TableDef[] = [
  {
    table: '二',
    caption: '第二十条第（一）项',
    columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
    kinds: ['count', 'count', 'count'],
    rows: [row('第二十条第（一）项/规章', ['规章']), row('第二十条第（一）项/规范性文件', ['规范性文件'])],
  },
  {
    table: '二',
    caption: '第二十条第（五）项',
    columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
    kinds: ['count', 'signed', 'count'],
    rows: [
      row('第二十条第（五）项/行政许可', ['行政许可']),
      row('第二十条第（五）项/其他对外管理服务事项', ['其他对外管理服务事项']),
    ],
  },
  {
    table: '二',
    caption: '第二十条第（六）项',
    columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
    kinds: ['count', 'signed', 'count'],
    rows: [
      row('第二十条第（六）项/行政处罚', ['行政处罚']),
      row('第二十条第（六）项/行政强制', ['行政强制']),
    ],
  },
  {
    table: '二',
    caption: '第二十条第（八）项',
    columns: ['上一年项目数量', '本年增/减'],
    kinds: ['count', 'signed'],
    rows: [row('第二十条第（八）项/行政事业性收费', ['行政事业性收费'])],
  },
  {
    table: '二',
    caption: '第二十条第（九）项',
    columns: ['采购项目数量', '采购总金额'],
    kinds: ['count', 'money'],
    rows: [row('第二十条第（九）项/政府集中采购', ['政府集中采购'])],
  },
];

/** 2021 format Section 二 (国办公开办函〔2021〕30号). */
export const S2_2021: readonly TableDef[] = [
  {
    table: '二',
    caption: '第二十条第（一）项',
    columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
    kinds: ['count', 'count', 'count'],
    rows: [
      row('第二十条第（一）项/规章', ['规章']),
      row('第二十条第（一）项/行政规范性文件', ['行政规范性文件', '规范性文件']),
    ],
  },
  {
    table: '二',
    caption: '第二十条第（五）项',
    columns: ['本年处理决定数量'],
    kinds: ['count'],
    rows: [row('第二十条第（五）项/行政许可', ['行政许可'])],
  },
  {
    table: '二',
    caption: '第二十条第（六）项',
    columns: ['本年处理决定数量'],
    kinds: ['count'],
    rows: [
      row('第二十条第（六）项/行政处罚', ['行政处罚']),
      row('第二十条第（六）项/行政强制', ['行政强制']),
    ],
  },
  {
    table: '二',
    caption: '第二十条第（八）项',
    columns: ['本年收费金额（单位：万元）'],
    kinds: ['money'],
    rows: [row('第二十条第（八）项/行政事业性收费', ['行政事业性收费'])],
  },
];

// ---------- Section 三: 收到和处理政府信息公开申请情况 ----------

/** The 7 data columns of Section 三, in order (no official 小计 column). */
export const S3_COLUMNS = [
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
] as const;
export type S3Column = (typeof S3_COLUMNS)[number];
/** The six applicant columns whose sum is 总计. */
export const S3_APPLICANT_COLUMNS = S3_COLUMNS.slice(0, 6);

/** The note in the top-left header cell, verbatim. */
export const S3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const S3_NEW = '一、本年新收政府信息公开申请数量';
export const S3_CARRIED_IN = '二、上年结转政府信息公开申请数量';
export const S3_RESULTS = '三、本年度办理结果';
export const S3_TOTAL = '（七）总计';
export const S3_CARRIED_OUT = '四、结转下年度继续办理';

const S3_HEAD: RowDef[] = [
  row(S3_NEW, ['本年新收政府信息公开申请数量', '本年新收政府信息公开申请'], '一、'),
  row(S3_CARRIED_IN, ['上年结转政府信息公开申请数量', '上年结转政府信息公开申请'], '二、'),
  row('（一）予以公开', ['予以公开'], '（一）'),
  row(
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    ['部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开'],
    '（二）',
  ),
  row('（三）不予公开/1.属于国家秘密', ['属于国家秘密'], '1.'),
  row(
    '（三）不予公开/2.其他法律行政法规禁止公开',
    ['其他法律行政法规禁止公开', '其他法律法规禁止公开'],
    '2.',
  ),
  row(
    '（三）不予公开/3.危及“三安全一稳定”',
    ['危及“三安全一稳定”', '危及"三安全一稳定"', '危及三安全一稳定', '三安全一稳定”', '三安全一稳定'],
    '3.',
  ),
  row('（三）不予公开/4.保护第三方合法权益', ['保护第三方合法权益'], '4.'),
  row('（三）不予公开/5.属于三类内部事务信息', ['属于三类内部事务信息'], '5.'),
  row('（三）不予公开/6.属于四类过程性信息', ['属于四类过程性信息'], '6.'),
  row('（三）不予公开/7.属于行政执法案卷', ['属于行政执法案卷'], '7.'),
  row('（三）不予公开/8.属于行政查询事项', ['属于行政查询事项'], '8.'),
  row('（四）无法提供/1.本机关不掌握相关政府信息', ['本机关不掌握相关政府信息'], '1.'),
  row('（四）无法提供/2.没有现成信息需要另行制作', ['没有现成信息需要另行制作'], '2.'),
  row('（四）无法提供/3.补正后申请内容仍不明确', ['补正后申请内容仍不明确'], '3.'),
  row('（五）不予处理/1.信访举报投诉类申请', ['信访举报投诉类申请'], '1.'),
  row('（五）不予处理/2.重复申请', ['重复申请'], '2.'),
  row('（五）不予处理/3.要求提供公开出版物', ['要求提供公开出版物'], '3.'),
  row('（五）不予处理/4.无正当理由大量反复申请', ['无正当理由大量反复申请'], '4.'),
  row(
    '（五）不予处理/5.要求行政机关确认或重新出具已获取信息',
    ['要求行政机关确认或重新出具已获取信息'],
    '5.',
  ),
];
const S3_TAIL: RowDef[] = [
  row(S3_TOTAL, ['总计'], '（七）'),
  row(S3_CARRIED_OUT, ['结转下年度继续办理'], '四、'),
];

/** 2019 trial: （六）其他处理 is one data row. */
export const S3_2019: TableDef = {
  table: '三',
  columns: S3_COLUMNS,
  kinds: S3_COLUMNS.map(() => 'count' as const),
  rows: [...S3_HEAD, row('（六）其他处理', ['其他处理'], '（六）'), ...S3_TAIL],
};

/** 2021: （六）其他处理 split into three rows (the 109号 fee regime started 2021-01-01). */
export const S3_2021: TableDef = {
  table: '三',
  columns: S3_COLUMNS,
  kinds: S3_COLUMNS.map(() => 'count' as const),
  rows: [
    ...S3_HEAD,
    row(
      '（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      [
        '申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请',
        '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        '申请人无正当理由逾期不补正',
      ],
      '1.',
    ),
    row(
      '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      [
        '申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请',
        '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        '申请人逾期未按收费通知要求缴纳费用',
      ],
      '2.',
    ),
    row('（六）其他处理/3.其他', ['其他'], '3.'),
    ...S3_TAIL,
  ],
};

/** Row paths of Section 三 that are 办理结果 (summed into （七）总计). */
export function s3ResultRows(def: TableDef): string[] {
  const from = def.rows.findIndex((r) => r.path === '（一）予以公开');
  const to = def.rows.findIndex((r) => r.path === S3_TOTAL);
  return def.rows.slice(from, to).map((r) => r.path);
}

// ---------- Section 四: 政府信息公开行政复议、行政诉讼情况 (identical in both formats) ----------

export const S4_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const S4_ROWS = ['行政复议', '行政诉讼/未经复议直接起诉', '行政诉讼/复议后起诉'] as const;

export const S4: TableDef = {
  table: '四',
  columns: S4_COLUMNS,
  kinds: S4_COLUMNS.map(() => 'count' as const),
  rows: [
    row('行政复议', ['行政复议']),
    row('行政诉讼/未经复议直接起诉', ['未经复议直接起诉']),
    row('行政诉讼/复议后起诉', ['复议后起诉']),
  ],
};

/** All table definitions of a format, Section 二 sub-tables first. */
export function tablesOf(format: ReportFormat): readonly TableDef[] {
  return format === '2019-trial' ? [...S2_2019, S3_2019, S4] : [...S2_2021, S3_2021, S4];
}

/** The format the national rules prescribe for a report year (2019–2020 trial, 2021 on the 30号 format). */
export function formatForYear(year: number): ReportFormat {
  return year <= 2020 ? '2019-trial' : '2021';
}

/** A parsed or compiled annual report. */
export interface AnnualReport {
  /** rows the reader found but could not place (it reported why); the completeness check does not call them missing */
  unplacedRows?: { table: TableId; row: string }[];
  format: ReportFormat;
  year: number | null;
  organ: string | null;
  /** The title as printed, if found. */
  title: string | null;
  /** The text of each section as printed (tables included), or null when the section was not found. */
  sections: Record<SectionId, string | null>;
  /** Every cell read, in table order. */
  cells: ReportCell[];
}

/** Key of a cell within a report: `table|row|column`. */
export function cellKey(table: TableId, rowPath: string, column: string): string {
  return `${table}|${rowPath}|${column}`;
}

/** Indexes a report's cells by cellKey. */
export function indexCells(cells: readonly ReportCell[]): Map<string, ReportCell> {
  const m = new Map<string, ReportCell>();
  for (const c of cells) m.set(cellKey(c.table, c.row, c.column), c);
  return m;
}

/** Every (table,row,column) slot of a format, in order. */
export function slotsOf(
  format: ReportFormat,
): { table: TableId; row: string; column: string; kind: CellKind }[] {
  const out: { table: TableId; row: string; column: string; kind: CellKind }[] = [];
  for (const t of tablesOf(format)) {
    for (const r of t.rows)
      t.columns.forEach((c, i) => out.push({ table: t.table, row: r.path, column: c, kind: t.kinds[i]! }));
  }
  return out;
}

/** An empty report skeleton. */
export function emptyReport(
  format: ReportFormat,
  year: number | null = null,
  organ: string | null = null,
): AnnualReport {
  return {
    format,
    year,
    organ,
    title: null,
    sections: { 一: null, 二: null, 三: null, 四: null, 五: null, 六: null },
    cells: [],
  };
}

/** Dense numbering of a format's slots, for lookups without building string keys. */
export interface SlotIndex {
  size: number;
  /** slot number of (table,row,column), or -1 when the format has no such cell */
  of(table: TableId, row: string, column: string): number;
}

const SLOT_INDEX = new Map<ReportFormat, SlotIndex>();

/** The slot index of a format (built once per format). */
export function slotIndexOf(format: ReportFormat): SlotIndex {
  let si = SLOT_INDEX.get(format);
  if (si) return si;
  const byTable = new Map<string, Map<string, Map<string, number>>>();
  let i = 0;
  for (const t of tablesOf(format)) {
    let rows = byTable.get(t.table);
    if (!rows) {
      rows = new Map();
      byTable.set(t.table, rows);
    }
    for (const r of t.rows) {
      const cols = new Map<string, number>();
      for (const c of t.columns) cols.set(c, i++);
      rows.set(r.path, cols);
    }
  }
  si = { size: i, of: (table, row, column) => byTable.get(table)?.get(row)?.get(column) ?? -1 };
  SLOT_INDEX.set(format, si);
  return si;
}

/** A report's cells placed by slot number (first cell wins). */
export function cellGrid(report: AnnualReport): (ReportCell | undefined)[] {
  const si = slotIndexOf(report.format);
  const grid: (ReportCell | undefined)[] = new Array(si.size);
  for (const c of report.cells) {
    const i = si.of(c.table, c.row, c.column);
    if (i >= 0 && grid[i] === undefined) grid[i] = c;
  }
  return grid;
}
