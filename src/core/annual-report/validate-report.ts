/**
 * The checker: every rule at once over a report, returning all findings (never the first only, never throws).
 *
 * A rule whose operands were not all read (absent, blank or a mark such as "—") is not evaluated; it yields a
 * `check_skipped` finding naming the unread cells, so no check is ever reported as passed on unread data.
 */
import { findPlaceholders } from './placeholders.js';
import {
  type AnnualReport,
  type ReportCell,
  type TableDef,
  type TableId,
  type CellKind,
  S3_APPLICANT_COLUMNS,
  S3_COLUMNS,
  S3_NEW,
  S3_CARRIED_IN,
  S3_TOTAL,
  S3_CARRIED_OUT,
  S4_COLUMNS,
  S4_ROWS,
  type SlotIndex,
  cellGrid,
  s3ResultRows,
  slotIndexOf,
  tablesOf,
} from './report-model.js';
import { type CellRef, type Finding, finding, refLabel } from './report-findings.js';

export interface ValidateOptions {
  /** Last year's report of the same organ, for the carry-over rules. */
  prev?: AnnualReport;
}

/** A report's cells by slot, with the format's slot index. */
interface Cells {
  grid: (ReportCell | undefined)[];
  si: SlotIndex;
}

function cellsOf(report: AnnualReport): Cells {
  return { grid: cellGrid(report), si: slotIndexOf(report.format) };
}

function get(cells: Cells, table: TableId, row: string, column: string): ReportCell | undefined {
  const i = cells.si.of(table, row, column);
  return i >= 0 ? cells.grid[i] : undefined;
}

/** Value of a cell if it was read as a number, else undefined. */
function num(cells: Cells, table: TableId, row: string, column: string): number | undefined {
  const c = get(cells, table, row, column);
  return c && c.value !== null ? c.value : undefined;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

/**
 * Checks `left = Σ right` where every operand is a cell; reports a mismatch or a skipped check.
 * Returns the finding, or null when the rule holds.
 */
function sumRule(
  cells: Cells,
  code: 's3_balance' | 's3_results_total' | 's3_row_total' | 's4_group_total',
  left: CellRef[],
  right: CellRef[],
  describe: string,
): Finding | null {
  const unread: CellRef[] = [];
  const val = (r: CellRef): number => {
    const v = num(cells, r.table, r.row!, r.column!);
    if (v === undefined) {
      unread.push(r);
      return 0;
    }
    return v;
  };
  const l = left.reduce((s, r) => s + val(r), 0);
  const rr = right.reduce((s, r) => s + val(r), 0);
  if (unread.length > 0) {
    return finding(
      'check_skipped',
      `未能核对「${describe}」：${unread.map(refLabel).join('、')}未读到数字`,
      unread,
    );
  }
  if (l === rr) return null;
  return finding(code, `${describe}不成立：左边为${fmt(l)}，右边为${fmt(rr)}`, [...left, ...right], {
    expected: rr,
    actual: l,
  });
}

function checkCellValues(report: AnnualReport, cells: Cells, out: Finding[]): void {
  const kinds = kindsOf(report.format);
  const blanksByRow = new Map<string, ReportCell[]>();
  const marksByRow = new Map<string, ReportCell[]>();
  for (const c of report.cells) {
    const ref = { table: c.table, row: c.row, column: c.column };
    if (c.value === null) {
      const k = `${c.table}|${c.row}`;
      const target = c.raw.trim() === '' ? blanksByRow : marksByRow;
      const list = target.get(k) ?? [];
      list.push(c);
      target.set(k, list);
      continue;
    }
    const kind = kinds[cells.si.of(c.table, c.row, c.column)] ?? 'count';
    if (kind !== 'money' && !Number.isInteger(c.value)) {
      out.push(
        finding('cell_not_integer', `${refLabel(ref)}应为整数，实为${c.raw}`, [ref], { actual: c.value }),
      );
    }
    if (kind !== 'signed' && c.value < 0) {
      out.push(
        finding('cell_negative', `${refLabel(ref)}不应为负数，实为${c.raw}`, [ref], { actual: c.value }),
      );
    }
  }
  for (const list of blanksByRow.values()) {
    const c0 = list[0]!;
    out.push(
      finding(
        'cell_blank',
        `表${c0.table}「${c0.row}」的${list.map((c) => `「${c.column}」`).join('')}为空白（空白不等于0，未作0处理）`,
        list.map((c) => ({ table: c.table, row: c.row, column: c.column })),
      ),
    );
  }
  for (const list of marksByRow.values()) {
    const c0 = list[0]!;
    out.push(
      finding(
        'cell_mark',
        `表${c0.table}「${c0.row}」的${list.map((c) => `「${c.column}」填“${c.raw}”`).join('、')}，不是数字`,
        list.map((c) => ({ table: c.table, row: c.row, column: c.column })),
      ),
    );
  }
}

function checkCompleteness(report: AnnualReport, cells: Cells, out: Finding[]): void {
  for (const def of tablesOf(report.format)) {
    const name = def.caption ? `表二「${def.caption}」` : `表${def.table}`;
    let present = 0;
    let total = 0;
    const missingRows: string[] = [];
    const partialRows: string[] = [];
    for (const r of def.rows) {
      let rowPresent = 0;
      for (const c of def.columns) {
        total++;
        if (get(cells, def.table, r.path, c)) {
          present++;
          rowPresent++;
        }
      }
      if (rowPresent === 0) missingRows.push(r.path);
      else if (rowPresent < def.columns.length) partialRows.push(r.path);
    }
    const tref: CellRef = def.caption ? { table: def.table, row: def.caption } : { table: def.table };
    if (present === 0) {
      out.push(finding('table_missing', `${name}未读到（没有任何单元格），相关核对均未进行`, [tref]));
      continue;
    }
    if (present < total) {
      out.push(
        finding(
          'table_partial',
          `${name}只读到${present}/${total}个单元格；缺${missingRows.length}行整行${partialRows.length ? `，${partialRows.length}行不完整` : ''}`,
          [tref],
          { expected: total, actual: present },
        ),
      );
      for (const r of missingRows)
        if (!report.unplacedRows?.some((u) => u.table === def.table && u.row === r))
          out.push(finding('row_missing', `${name}缺少「${r}」行`, [{ table: def.table, row: r }]));
    }
  }
}

function checkS3(report: AnnualReport, cells: Cells, out: Finding[]): void {
  const def = tablesOf(report.format).find((t) => t.table === '三')!;
  const anyS3 = report.cells.some((c) => c.table === '三');
  if (!anyS3) return;
  const results = s3ResultRows(def);
  const ref = (row: string, column: string): CellRef => ({ table: '三', row, column });
  for (const col of S3_COLUMNS) {
    // Official 勾稽关系 (国办公开办函〔2021〕30号 note cell): 第一项加第二项之和，等于第三项加第四项之和.
    const f1 = sumRule(
      cells,
      's3_balance',
      [ref(S3_NEW, col), ref(S3_CARRIED_IN, col)],
      [ref(S3_TOTAL, col), ref(S3_CARRIED_OUT, col)],
      `「${col}」列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理`,
    );
    if (f1) out.push(f1);
    const f2 = sumRule(
      cells,
      's3_results_total',
      [ref(S3_TOTAL, col)],
      results.map((r) => ref(r, col)),
      `「${col}」列：（七）总计 = 各项办理结果之和`,
    );
    if (f2) out.push(f2);
  }
  for (const r of def.rows) {
    const f = sumRule(
      cells,
      's3_row_total',
      [ref(r.path, '总计')],
      S3_APPLICANT_COLUMNS.map((c) => ref(r.path, c)),
      `「${r.path}」行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他`,
    );
    if (f) out.push(f);
  }
}

function checkS4(report: AnnualReport, cells: Cells, out: Finding[]): void {
  if (!report.cells.some((c) => c.table === '四')) return;
  for (const r of S4_ROWS) {
    const f = sumRule(
      cells,
      's4_group_total',
      [{ table: '四', row: r, column: '总计' }],
      S4_COLUMNS.slice(0, 4).map((c) => ({ table: '四' as const, row: r, column: c })),
      `「${r}」：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
    );
    if (f) out.push(f);
  }
}

function checkS2(report: AnnualReport, cells: Cells, out: Finding[]): void {
  if (report.format === '2019-trial') {
    for (const row of [
      '第二十条第（五）项/行政许可',
      '第二十条第（五）项/其他对外管理服务事项',
      '第二十条第（六）项/行政处罚',
      '第二十条第（六）项/行政强制',
      '第二十条第（八）项/行政事业性收费',
    ]) {
      const prev = num(cells, '二', row, '上一年项目数量');
      const delta = num(cells, '二', row, '本年增/减');
      if (prev !== undefined && delta !== undefined && prev + delta < 0) {
        out.push(
          finding(
            's2_item_count_negative',
            `表二「${row}」：上一年项目数量${prev}加本年增/减${delta}得${prev + delta}，项目数量不能为负`,
            [
              { table: '二', row, column: '上一年项目数量' },
              { table: '二', row, column: '本年增/减' },
            ],
            { actual: prev + delta },
          ),
        );
      }
    }
    for (const row of ['第二十条第（一）项/规章', '第二十条第（一）项/规范性文件']) {
      const made = num(cells, '二', row, '本年新制作数量');
      const pub = num(cells, '二', row, '本年新公开数量');
      const total = num(cells, '二', row, '对外公开总数量');
      if (made !== undefined && pub !== undefined && pub > made) {
        out.push(
          finding(
            's2_published_exceeds_made',
            `表二「${row}」：本年新公开数量${pub}大于本年新制作数量${made}`,
            [
              { table: '二', row, column: '本年新公开数量' },
              { table: '二', row, column: '本年新制作数量' },
            ],
            { expected: made, actual: pub },
          ),
        );
      }
      if (made !== undefined && pub !== undefined && pub < made) {
        // 条例第二十条第（一）项: 规范性文件 are to be proactively disclosed
        out.push(
          finding(
            's2_made_not_published',
            `表二「${row}」：本年新制作${made}件，本年新公开只有${pub}件（条例第二十条第（一）项要求主动公开规范性文件）`,
            [
              { table: '二', row, column: '本年新制作数量' },
              { table: '二', row, column: '本年新公开数量' },
            ],
            { expected: made, actual: pub },
          ),
        );
      }
      if (pub !== undefined && total !== undefined && total < pub) {
        out.push(
          finding(
            's2_published_exceeds_made',
            `表二「${row}」：对外公开总数量${total}小于本年新公开数量${pub}`,
            [
              { table: '二', row, column: '对外公开总数量' },
              { table: '二', row, column: '本年新公开数量' },
            ],
            { expected: pub, actual: total },
          ),
        );
      }
    }
  } else {
    for (const row of ['第二十条第（一）项/规章', '第二十条第（一）项/行政规范性文件']) {
      const issued = num(cells, '二', row, '本年制发件数');
      const inForce = num(cells, '二', row, '现行有效件数');
      if (issued !== undefined && inForce !== undefined && inForce < issued) {
        out.push(
          finding(
            's2_in_force_below_issued',
            `表二「${row}」：现行有效件数${inForce}小于本年制发件数${issued}（本年制发的文件通常仍现行有效）`,
            [
              { table: '二', row, column: '现行有效件数' },
              { table: '二', row, column: '本年制发件数' },
            ],
            { expected: issued, actual: inForce },
          ),
        );
      }
    }
  }
}

/** Numbers stated in the report's prose, with the phrase each came from. */
function statedNumbers(text: string, re: RegExp): { value: number; phrase: string }[] {
  return [...text.matchAll(re)]
    .map((m) => ({ value: Number(m.groups?.n ?? m.groups?.n2), phrase: m[0] }))
    .filter((s) => Number.isFinite(s.value));
}

const RE_RECEIVED =
  /(?:收到|受理|接收)(?:各类|政府信息公开|依申请公开)*(?:申请|申请件)(?:共|合计)?\s*(?<n>\d+)\s*(?:件|个|条)|(?:收到|受理|接收)(?:各类)?\s*(?<n2>\d+)\s*(?:件|个|条)(?:政府信息公开|依申请公开)*申请/g;
const RE_REVIEW = /(?:行政复议|复议申请)(?:案件)?\s*(?<n>\d+)\s*(?:件|起|宗)/g;
// (?<!\d): a long run of digits is tried once from its start, not from every digit (quadratic otherwise)
const RE_CARRIED =
  /结转(?:至|到)?下(?:一)?年度?(?:继续办理)?\s*(?<n>\d+)\s*件|(?<!\d)(?<n2>\d+)\s*件结转(?:至|到)?下(?:一)?年度?/g;

const RE_LITIGATION = /(?:行政诉讼|提起诉讼|起诉)(?:案件)?\s*(?<n>\d+)\s*(?:件|起|宗)/g;
const RE_DISCLOSED = /(?<!部分)予以公开\s*(?<n>\d+)\s*件/g;

/** The prose against the tables beyond the counts above: 行政诉讼 against Section 四, 予以公开 against Section 三. */
function checkProseNumbers(report: AnnualReport, cells: Cells, prose: string, out: Finding[]): void {
  const litigation = ['行政诉讼/未经复议直接起诉', '行政诉讼/复议后起诉']
    .map((r) => num(cells, '四', r, '总计'))
    .reduce<number | undefined>((s, v) => (v === undefined ? s : (s ?? 0) + v), undefined);
  if (litigation !== undefined)
    for (const s of statedNumbers(prose, RE_LITIGATION))
      if (s.value !== litigation)
        out.push(
          finding(
            'text_table_mismatch',
            `正文“${s.phrase}”与表四「行政诉讼」合计${litigation}不一致`,
            [{ table: '四' }],
            {
              expected: litigation,
              actual: s.value,
            },
          ),
        );
  const disclosedPath = tablesOf(report.format)
    .find((t) => t.table === '三')
    ?.rows.find((r) => r.path.endsWith('（一）予以公开'))?.path;
  const disclosed = disclosedPath ? num(cells, '三', disclosedPath, '总计') : undefined;
  if (disclosed !== undefined)
    for (const s of statedNumbers(prose, RE_DISCLOSED))
      if (s.value !== disclosed)
        out.push(
          finding(
            'text_table_mismatch',
            `正文“${s.phrase}”与表三「（一）予以公开」总计${disclosed}不一致`,
            [{ table: '三', row: disclosedPath!, column: '总计' }],
            { expected: disclosed, actual: s.value },
          ),
        );
}

function checkText(report: AnnualReport, cells: Cells, out: Finding[]): void {
  // template text left in place: the report is not finished and must not be published
  for (const id of ['一', '五', '六'] as const) {
    const text = report.sections[id];
    if (!text) continue;
    for (const p of findPlaceholders(text))
      out.push(
        finding(
          'text_placeholder',
          `第${id}部分还有模板占位文字“${p.found}”，请补全后再发布：“${p.sentence}”`,
          [],
          { actual: p.sentence },
        ),
      );
  }
  const prose = [report.sections.一, report.sections.五, report.sections.六]
    .filter((s): s is string => !!s)
    .join('\n');
  if (!prose) return;
  checkProseNumbers(report, cells, prose, out);
  const received = statedNumbers(prose, RE_RECEIVED);
  const newTotal = num(cells, '三', S3_NEW, '总计');
  const carriedIn = num(cells, '三', S3_CARRIED_IN, '总计');
  const seen = new Set<string>();
  for (const s of received) {
    if (seen.has(s.phrase) || newTotal === undefined) continue;
    seen.add(s.phrase);
    if (s.value === newTotal) continue;
    if (carriedIn !== undefined && s.value === newTotal + carriedIn) {
      out.push(
        finding(
          'text_table_mismatch',
          `正文“${s.phrase}”为本年新收${newTotal}件与上年结转${carriedIn}件之和，不是表三“本年新收”`,
          [
            { table: '三', row: S3_NEW, column: '总计' },
            { table: '三', row: S3_CARRIED_IN, column: '总计' },
          ],
          { expected: newTotal, actual: s.value, severity: 'info' },
        ),
      );
      continue;
    }
    out.push(
      finding(
        'text_table_mismatch',
        `正文“${s.phrase}”与表三「一、本年新收政府信息公开申请数量」总计${newTotal}不一致`,
        [{ table: '三', row: S3_NEW, column: '总计' }],
        { expected: newTotal, actual: s.value },
      ),
    );
  }
  const review = num(cells, '四', '行政复议', '总计');
  if (review !== undefined) {
    for (const s of statedNumbers(prose, RE_REVIEW)) {
      if (s.value !== review) {
        out.push(
          finding(
            'text_table_mismatch',
            `正文“${s.phrase}”与表四「行政复议」总计${review}不一致`,
            [{ table: '四', row: '行政复议', column: '总计' }],
            { expected: review, actual: s.value },
          ),
        );
      }
    }
  }
  const carriedOut = num(cells, '三', S3_CARRIED_OUT, '总计');
  if (carriedOut !== undefined) {
    for (const m of prose.matchAll(RE_CARRIED)) {
      const v = Number(m.groups?.n ?? m.groups?.n2);
      if (Number.isFinite(v) && v !== carriedOut) {
        out.push(
          finding(
            'text_table_mismatch',
            `正文“${m[0]}”与表三「四、结转下年度继续办理」总计${carriedOut}不一致`,
            [{ table: '三', row: S3_CARRIED_OUT, column: '总计' }],
            { expected: carriedOut, actual: v },
          ),
        );
      }
    }
  }
}

function checkPrev(report: AnnualReport, cells: Cells, prev: AnnualReport, out: Finding[]): void {
  const p = cellsOf(prev);
  if (report.year !== null && prev.year !== null && prev.year !== report.year - 1) {
    out.push(
      finding(
        'prev_year_not_previous',
        `对比的上年报告年度为${prev.year}年，本报告为${report.year}年，不是相邻年度`,
        [],
        { expected: report.year - 1, actual: prev.year },
      ),
    );
  }
  if (report.organ && prev.organ && report.organ !== prev.organ) {
    out.push(
      finding('prev_organ_differs', `上年报告的机关“${prev.organ}”与本报告“${report.organ}”不同`, [], {
        expected: report.organ,
        actual: prev.organ,
      }),
    );
  }
  for (const col of S3_COLUMNS) {
    const now = num(cells, '三', S3_CARRIED_IN, col);
    const before = num(p, '三', S3_CARRIED_OUT, col);
    const cur: CellRef = { table: '三', row: S3_CARRIED_IN, column: col };
    if (now === undefined || before === undefined) {
      out.push(
        finding(
          'check_skipped',
          `未能核对「${col}」列上年结转：${now === undefined ? '本年「二、上年结转」' : '上年「四、结转下年度继续办理」'}未读到数字`,
          [cur],
        ),
      );
    } else if (now !== before) {
      out.push(
        finding(
          'prev_carry_over',
          `「${col}」列：本年“上年结转”${now}不等于上年报告“结转下年度继续办理”${before}`,
          [cur, { table: '三', row: S3_CARRIED_OUT, column: col }],
          { expected: before, actual: now },
        ),
      );
    }
  }
  if (report.format === '2021' && prev.format === '2021') {
    for (const row of ['第二十条第（一）项/规章', '第二十条第（一）项/行政规范性文件']) {
      const before = num(p, '二', row, '现行有效件数');
      const issued = num(cells, '二', row, '本年制发件数');
      const repealed = num(cells, '二', row, '本年废止件数');
      const now = num(cells, '二', row, '现行有效件数');
      if (before === undefined || issued === undefined || repealed === undefined || now === undefined) {
        out.push(
          finding('check_skipped', `未能核对「${row}」现行有效件数的结转：有单元格未读到数字`, [
            { table: '二', row, column: '现行有效件数' },
          ]),
        );
        continue;
      }
      const expected = before + issued - repealed;
      if (expected !== now) {
        out.push(
          finding(
            'prev_in_force',
            `「${row}」：上年现行有效${before} + 本年制发${issued} − 本年废止${repealed} = ${expected}，本年现行有效件数为${now}（另有失效或调整时可能合理）`,
            [{ table: '二', row, column: '现行有效件数' }],
            { expected, actual: now },
          ),
        );
      }
    }
  }
  if (report.format === '2019-trial' && prev.format === '2019-trial') {
    for (const row of [
      '第二十条第（五）项/行政许可',
      '第二十条第（五）项/其他对外管理服务事项',
      '第二十条第（六）项/行政处罚',
      '第二十条第（六）项/行政强制',
      '第二十条第（八）项/行政事业性收费',
    ]) {
      const pPrev = num(p, '二', row, '上一年项目数量');
      const pDelta = num(p, '二', row, '本年增/减');
      const now = num(cells, '二', row, '上一年项目数量');
      if (pPrev === undefined || pDelta === undefined || now === undefined) continue;
      if (pPrev + pDelta !== now) {
        out.push(
          finding(
            'prev_item_count',
            `「${row}」：上年报告${pPrev}${pDelta >= 0 ? '+' : ''}${pDelta} = ${pPrev + pDelta}，本年“上一年项目数量”为${now}`,
            [{ table: '二', row, column: '上一年项目数量' }],
            { expected: pPrev + pDelta, actual: now },
          ),
        );
      }
    }
  }
}

const KINDS = new Map<string, CellKind[]>();
/** The kind of every slot of a format, by slot number. */
function kindsOf(format: AnnualReport['format']): CellKind[] {
  let kinds = KINDS.get(format);
  if (!kinds) {
    kinds = [];
    for (const t of tablesOf(format)) for (const _ of t.rows) for (const k of t.kinds) kinds.push(k);
    KINDS.set(format, kinds);
  }
  return kinds;
}

/**
 * Validates a report with every rule at once.
 *
 * @example
 * const findings = validateReport(report, { prev: lastYear });
 * const failed = findings.some((f) => f.severity === 'error');
 */
export function validateReport(report: AnnualReport, opts: ValidateOptions = {}): Finding[] {
  const out: Finding[] = [];
  const cells = cellsOf(report);
  checkCellValues(report, cells, out);
  checkCompleteness(report, cells, out);
  checkS2(report, cells, out);
  checkS3(report, cells, out);
  checkS4(report, cells, out);
  checkText(report, cells, out);
  if (opts.prev) checkPrev(report, cells, opts.prev, out);
  return out;
}

export type { TableDef };
