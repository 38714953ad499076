/**
 * Parses a 政府信息公开工作年度报告 from text, in every layout seen in published reports:
 * tab-separated rows, " | "-separated rows, one cell per line (with or without a trailing "|"),
 * PDF text layers (space-separated numbers, headers split into single characters, page furniture),
 * cells run together without separators, full-width or ASCII punctuation.
 *
 * Pure: no I/O. Never throws: what cannot be read becomes a finding.
 * Rows are read by column alignment within the row (leading label-span placeholders and trailing
 * empty cells are told apart from blank data cells); a row with fewer cells than columns is reported,
 * never padded with zeros.
 */
import { unfoldBrowserCopy } from './inner-text.js';
import {
  type AnnualReport,
  type CellSource,
  type ReportCell,
  type ReportFormat,
  type RowDef,
  type SectionId,
  type TableDef,
  SECTION_IDS,
  S3_COLUMNS,
  S4,
  cellGrid,
  emptyReport,
  formatForYear,
  tablesOf,
} from '../../../core/annual-report/report-model.js';
import { type Finding, finding } from '../../../core/annual-report/report-findings.js';
import {
  type CompactView,
  type NormalizedText,
  compactView,
  lineIndexAt,
  normalizeText,
} from './normalize-text.js';
import { type SplitCheck, s3RowCheck, s4RowCheck, splitRunTogether } from './run-together.js';

export interface ParseResult {
  report: AnnualReport;
  findings: Finding[];
}

export interface TextParseOptions {
  /** Maps a (1-based line, 0-based cell) position to a source, e.g. an HTML element path. */
  sourceOf?: (line: number, col: number) => CellSource;
  /** Force a format instead of detecting it. */
  format?: ReportFormat;
}

// ---------------------------------------------------------------- tokens

type TokKind = 'blank' | 'value' | 'mark' | 'text';
interface Tok {
  kind: TokKind;
  raw: string;
  /** offset in the normalised text */
  start: number;
  value?: number;
  /** pure digit string (no sign, decimals, unit, separators) */
  digits?: boolean;
  noise?: string;
  unit?: string;
}

const RE_VALUE = /^([+\-]?)\s*(\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.(\d+))?\s*(万元|元)?$/;
const RE_MARK = /^(?:[—–―－]{1,4}|-{1,2}|\/|无|空|×)$/;
const RE_NOISE = /^[?？\ufffd]+\s*/;
const RE_VALUE_THEN_TEXT = /^([+\-]?\d+(?:\.\d+)?(?:万元|元)?)(\D[\s\S]*)$/;
const RE_TEXT_THEN_DIGITS = /^([\s\S]*\D)(\d{5,})$/;

function classify(raw: string, start: number, out: Tok[]): void {
  let s = raw.trim();
  const lead = raw.length - raw.trimStart().length;
  if (s === '') {
    out.push({ kind: 'blank', raw: '', start });
    return;
  }
  let noise: string | undefined;
  const nm = RE_NOISE.exec(s);
  if (nm && nm[0].length < s.length) {
    noise = nm[0].trim();
    s = s.slice(nm[0].length);
  }
  const v = RE_VALUE.exec(s);
  if (v) {
    const t: Tok = {
      kind: 'value',
      raw: s,
      start: start + lead,
      value: Number((v[1] === '-' ? '-' : '') + v[2]!.replace(/[,，]/g, '') + (v[3] ? '.' + v[3] : '')),
    };
    if (!v[1] && !v[3] && !v[4] && !/[,，]/.test(v[2]!)) t.digits = true;
    if (v[4]) t.unit = v[4];
    if (noise) t.noise = noise;
    out.push(t);
    return;
  }
  if (RE_MARK.test(s)) {
    out.push({ kind: 'mark', raw: s, start: start + lead });
    return;
  }
  const vt = RE_VALUE_THEN_TEXT.exec(s);
  if (vt) {
    classify(vt[1]!, start + lead, out);
    out.push({ kind: 'text', raw: vt[2]!, start: start + lead + vt[1]!.length });
    return;
  }
  const td = RE_TEXT_THEN_DIGITS.exec(s);
  if (td) {
    out.push({ kind: 'text', raw: td[1]!, start: start + lead });
    classify(td[2]!, start + lead + td[1]!.length, out);
    return;
  }
  out.push({ kind: 'text', raw: s, start: start + lead });
}

type Mode = 'pipe' | 'tab' | 'space';

/**
 * No row of either format has more than a few dozen cells, and a table's data follows its label or heading
 * within a few hundred: a segment is tokenized up to this many tokens, so that a huge row (millions of empty
 * cells or numbers) costs neither time nor memory in proportion to its length more than once.
 */
const MAX_SEGMENT_TOKENS = 10_000;

/** Splits text[from,to) into cell tokens. In delimited modes the first piece (the rest of the label's cell) is dropped when blank. */
function tokenize(text: string, from: number, to: number): { toks: Tok[]; mode: Mode } {
  const seg = text.slice(from, to);
  const mode: Mode = seg.indexOf('|') >= 0 ? 'pipe' : seg.indexOf('\t') >= 0 ? 'tab' : 'space';
  const toks: Tok[] = [];
  if (mode === 'space') {
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while (toks.length < MAX_SEGMENT_TOKENS && (m = re.exec(seg)) !== null)
      classify(m[0], from + m.index, toks);
    return { toks, mode };
  }
  const isSep = mode === 'pipe' ? (c: number) => c === 124 : (c: number) => c === 9 || c === 10;
  let pieceStart = 0;
  let first = true;
  let seenData = false;
  for (let i = 0; i <= seg.length && toks.length < MAX_SEGMENT_TOKENS; i++) {
    if (i < seg.length && !isSep(seg.charCodeAt(i))) continue;
    const piece = seg.slice(pieceStart, i);
    if (!(first && piece.trim() === '')) {
      classify(piece, from + pieceStart, toks);
      {
        const k = toks[toks.length - 1]!.kind;
        if (k === 'value' || k === 'mark') seenData = true;
      }
    }
    first = false;
    pieceStart = i + 1;
    // in a tab layout a newline ends the row once it has data; the cells after it belong to the next row
    if (mode === 'tab' && seenData && seg.charCodeAt(i) === 10) {
      toks.push({ kind: 'text', raw: '\n', start: from + i });
      break;
    }
  }
  return { toks, mode };
}

/** The data tokens of a row: from the start up to the first text token. */
function dataTokens(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (const t of toks) {
    if (t.kind === 'text') break;
    out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------- context

interface Ctx {
  norm: NormalizedText;
  cv: CompactView;
  findings: Finding[];
  cells: ReportCell[];
  opts: TextParseOptions;
  /** Section 三 rows whose run-together digits split several ways: resolved later by the column equations */
  pending: PendingRow[];
  /** the input dropped its blank cells (an innerText copy): a short row is placed by the column equations */
  blanksDropped?: boolean;
}

interface PendingRow {
  rowPath: string;
  /** full rows; null: a cell left blank (a short row's placement) */
  candidates: (number | null)[][];
  raws: string;
  source: CellSource;
  finding: Finding;
  /** run-together digits, or a row with fewer cells than columns (a browser copy dropped its blank cells) */
  kind?: 'split' | 'short';
}

/** Every way to put `values` (in order) into `n` columns, the others blank. */
function placements(values: readonly number[], n: number): (number | null)[][] {
  const out: (number | null)[][] = [];
  const rec = (vi: number, row: (number | null)[]) => {
    if (row.length === n) {
      if (vi === values.length) out.push(row.slice());
      return;
    }
    if (n - row.length > values.length - vi) {
      row.push(null);
      rec(vi, row);
      row.pop();
    }
    if (vi < values.length) {
      row.push(values[vi]!);
      rec(vi + 1, row);
      row.pop();
    }
  };
  rec(0, []);
  return out;
}

function sourceAt(ctx: Ctx, pos: number, mode: Mode): CellSource {
  const li = lineIndexAt(ctx.norm, pos);
  const line = ctx.norm.origLine[li]!;
  const ls = ctx.norm.lineStarts[li]!;
  const before = ctx.norm.text.slice(ls, pos);
  let col = 0;
  if (mode === 'pipe') {
    for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 124) col++;
  } else if (mode === 'tab') {
    for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 9) col++;
  } else col = before.trim() === '' ? 0 : before.trim().split(/\s+/).length;
  return ctx.opts.sourceOf ? ctx.opts.sourceOf(line, col) : { line, col };
}

function lineOf(ctx: Ctx, pos: number): number {
  return ctx.norm.origLine[lineIndexAt(ctx.norm, pos)]!;
}

/** Compact index → normalised offset. */
function n(ctx: Ctx, ci: number): number {
  return ci >= ctx.cv.toNorm.length ? ctx.norm.text.length : ctx.cv.toNorm[ci]!;
}

// ---------------------------------------------------------------- sections

const HEADINGS: Record<SectionId, RegExp> = {
  一: /一、(?:总体情况|概述|总体概述|概况|基本情况)/g,
  二: /二、(?:行政机关)?主动公开政府信息/g,
  三: /三、(?:行政机关)?收到和处理政府信息公开申请/g,
  四: /四、[^。；]{0,20}?复议[^。；]{0,10}?诉讼/g,
  五: /五、[^。；]{0,24}?(?:存在的?主要问题|问题及改进|存在问题|存在的问题)/g,
  六: /六、其他需要报告的事项/g,
};

/** Start (compact index) of each section heading found, searched in order. */
function findSections(cv: CompactView): Partial<Record<SectionId, { start: number; end: number }>> {
  const out: Partial<Record<SectionId, { start: number; end: number }>> = {};
  let cursor = 0;
  for (const id of SECTION_IDS) {
    const re = HEADINGS[id];
    re.lastIndex = cursor;
    const m = re.exec(cv.text);
    if (m) {
      out[id] = { start: m.index, end: m.index + m[0].length };
      cursor = m.index + m[0].length;
    }
  }
  return out;
}

// ---------------------------------------------------------------- metadata

const RE_TITLE =
  /(\d{4})\s*年度?\s*\n?\s*(?:[^\s\n，。]{0,12}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?\s*(?:年度)?(?:报告|年报)/g;
const ORGAN_SUFFIX =
  /(?:人民政府|政府|镇|乡|街道办事处|街道|办事处|局|委员会|委|办公室|办|中心|管委会|管理委员会|区|县|市|州|盟|旗|厅|署|院|所|站|队|处|室|会)$/;

function cleanOrgan(s: string): string | null {
  let o = s.replace(/[\s|•·\-]+/g, '');
  o = o.replace(/^.*?(?:公布|编制了?|发布|制定了?|形成|标题：|标题)/, '');
  o = o.replace(/^[《“"「]+/, '');
  if (o.length < 2 || o.length > 40 || !/^[\u4e00-\u9fa5（）]+$/.test(o)) return null;
  if (/^(?:我|本|全)/.test(o)) return null;
  return ORGAN_SUFFIX.test(o) ? o : null;
}

interface Meta {
  title: string | null;
  year: number | null;
  organ: string | null;
}

function detectMeta(ctx: Ctx): Meta {
  const text = ctx.norm.text;
  const head = text.slice(0, 6000);
  let title: string | null = null;
  let titleYear: number | null = null;
  let organ: string | null = null;
  let titleLine = 0;
  RE_TITLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_TITLE.exec(head)) !== null) {
    const y = Number(m[1]);
    if (y < 2000 || y > 2100) continue;
    const ls = head.lastIndexOf('\n', m.index - 1) + 1;
    let le = head.indexOf('\n', m.index + m[0].length);
    if (le < 0) le = head.length;
    let before = head.slice(ls, m.index);
    // a title split over two lines: "东湖区…管委会2020年\n政府信息公开工作年度报告"
    if (before.trim() === '' && ls > 0) {
      const pls = head.lastIndexOf('\n', ls - 2) + 1;
      const prev = head.slice(pls, ls - 1);
      if (prev.trim().length > 0 && prev.trim().length < 40 && cleanOrgan(prev.trim())) before = prev;
    }
    // keep the text right before the year, up to a sentence break
    const tail =
      before
        .split(/[。，；：:、！!？?\s]/)
        .filter(Boolean)
        .pop() ?? '';
    const o = cleanOrgan(tail);
    const afterYear = /^\s*年度?\s*\n?\s*([^\s\n，。]{0,12}?)(?:政府信息公开|政务公开|信息公开)/.exec(
      m[0].slice(m[1]!.length),
    );
    const o2 = afterYear && afterYear[1] ? cleanOrgan(afterYear[1]) : null;
    if (title === null) {
      title =
        (o ? tail.replace(/^.*?(?:公布|编制了?|标题：)/, '').replace(/^[《“"]+/, '') : '') +
        m[0].replace(/\s+/g, '');
      titleYear = y;
      titleLine = lineOf(ctx, m.index);
    }
    if (o || o2) {
      organ = o ?? o2;
      if (titleYear === null) titleYear = y;
      break;
    }
  }
  // statistics period: the year the data covers
  const cvHead = ctx.cv.text.slice(0, 8000);
  const sm =
    /统计(?:期限|时限|期间|时间|区间|周期)?(?:为|是)?(?:自|从)?(\d{4})(?:年1月1日|11日)/.exec(cvHead) ??
    /(\d{4})年1月1日(?:起)?(?:至|到|—|-)(?:\d{4}年)?12月31日/.exec(cvHead);
  const statYear = sm ? Number(sm[1]) : null;
  let year = statYear ?? titleYear;
  if (statYear !== null && titleYear !== null && statYear !== titleYear) {
    ctx.findings.push(
      finding(
        'year_conflict',
        `标题（或文中报告名称）为${titleYear}年，统计期限为${statYear}年，二者矛盾；按统计期限取${statYear}年`,
        [],
        { expected: titleYear, actual: statYear, line: titleLine },
      ),
    );
  }
  // metadata block: 发布机构 / 发文机关
  const mm = /(?:发布机构|发文机关|发文机构|发布单位)\s*[：:]\s*\|?\s*([^\s|，。]{2,40})/.exec(head);
  const metaOrgan = mm ? (cleanOrgan(mm[1]!) ?? mm[1]!) : null;
  if (!organ && metaOrgan) organ = metaOrgan;
  else if (organ && metaOrgan && !metaOrgan.includes(organ) && !organ.includes(metaOrgan)) {
    ctx.findings.push(
      finding('organ_conflict', `标题中的机关“${organ}”与发布机构“${metaOrgan}”不同`, [], {
        expected: organ,
        actual: metaOrgan,
        severity: 'info',
      }),
    );
  }
  if (year === null) {
    // weak fallback: the year most prose sentences open with ("2020年，我镇…")
    const counts = new Map<number, number>();
    for (const ym of ctx.cv.text.slice(0, 20000).matchAll(/(20\d{2})年[，,]/g))
      counts.set(Number(ym[1]), (counts.get(Number(ym[1])) ?? 0) + 1);
    const top = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
    if (top) {
      year = top[0];
      ctx.findings.push(
        finding(
          'year_inferred',
          `标题和统计期限中都没有年度，按正文中最常见的“${year}年，”推定为${year}年`,
          [],
          { actual: year },
        ),
      );
    }
  }
  if (title === null)
    ctx.findings.push(finding('title_not_found', '未找到报告标题（“××年政府信息公开工作年度报告”）'));
  if (year === null) ctx.findings.push(finding('year_not_found', '未能从标题或统计期限确定报告年度'));
  if (organ === null) ctx.findings.push(finding('organ_not_found', '未能从标题或发布信息确定报告机关'));
  if (year !== null && (year < 2007 || year > 2100)) year = null;
  return { title, year, organ };
}

const SIG_2019 = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '其他对外管理服务事项',
  '上一年项目数量',
  '第二十条第（九）项',
  '政府集中采购',
  '采购项目数量',
];
const SIG_2021 = [
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '本年处理决定数量',
  '本年收费金额',
  '行政规范性文件',
  '逾期不补正',
  '逾期未按收费通知',
];

function detectFormat(ctx: Ctx, year: number | null): ReportFormat {
  let a = 0;
  let b = 0;
  const t = ctx.cv.text;
  for (const s of SIG_2019) if (t.includes(s)) a++;
  for (const s of SIG_2021) if (t.includes(s)) b++;
  // 2019 trial: （六）其他处理 followed directly by numbers
  if (/（六）其他处理[\d]/.test(t)) a++;
  const byYear = year !== null ? formatForYear(year) : null;
  const bySig: ReportFormat | null = a > b ? '2019-trial' : b > a ? '2021' : null;
  const fmt = bySig ?? byYear ?? '2021';
  if (year !== null && year < 2019)
    ctx.findings.push(
      finding(
        'format_predates',
        `报告年度${year}年早于统一格式（2019年试行格式自2019年度报告起适用），按2019年试行格式的表格读取`,
        [],
        { actual: year },
      ),
    );
  if (!bySig && !byYear)
    ctx.findings.push(
      finding(
        'format_assumed',
        '表格和年度都不能确定报告格式，按2021年版格式（国办公开办函〔2021〕30号）读取',
      ),
    );
  if (bySig && byYear && bySig !== byYear) {
    ctx.findings.push(
      finding(
        'format_year_mismatch',
        `报告年度${year}年应使用${byYear === '2021' ? '2021年版格式（国办公开办函〔2021〕30号）' : '2019年试行格式（国办公开办函〔2019〕60号）'}，表格却是${bySig === '2021' ? '2021年版' : '2019年试行'}格式；按表格实际格式读取`,
        [],
        { expected: byYear, actual: bySig },
      ),
    );
  }
  return fmt;
}

// ---------------------------------------------------------------- rows

interface Anchor {
  row: RowDef;
  /** compact index where the label (with its prefix) starts */
  start: number;
  /** compact index just past the label */
  end: number;
}

/**
 * The first occurrence of `key` in the compact text at or after `from`, remembered per key: rows are searched
 * forward, and a key that is absent (or far ahead) is not scanned for again on every call, which would make
 * the search quadratic in the text's length.
 */
const keySearches = new WeakMap<CompactView, Map<string, { from: number; at: number }>>();
function indexOfKey(cv: CompactView, key: string, from: number): number {
  let memo = keySearches.get(cv);
  if (!memo) keySearches.set(cv, (memo = new Map()));
  const hit = memo.get(key);
  // the remembered occurrence is the first one at or after `hit.from`, so also the first one at or after `from`
  if (hit && hit.from <= from && (hit.at < 0 || hit.at >= from)) return hit.at;
  const at = cv.text.indexOf(key, from);
  memo.set(key, { from, at });
  return at;
}

/** Finds a row label at or after `from` (compact), before `limit`. Picks the earliest key match; ties go to the longer key. */
function findLabel(cv: CompactView, row: RowDef, fromIn: number, limit: number): Anchor | null {
  // a loop, not recursion: a bare short key may occur any number of times before the labelled one
  for (let from = fromIn; ; ) {
    let best = -1;
    let bestLen = 0;
    for (const k of row.keys) {
      const i = indexOfKey(cv, k, from);
      if (i < 0 || i + k.length > limit) continue;
      if (best < 0 || i < best || (i === best && k.length > bestLen)) {
        best = i;
        bestLen = k.length;
      }
    }
    if (best < 0) {
      // a long label broken by a line wrap in a PDF table: fall back to its first eight characters
      const longest = row.keys.reduce((a, b) => (b.length > a.length ? b : a), '');
      if (longest.length >= 10) {
        const head = longest.slice(0, 8);
        const i = indexOfKey(cv, head, from);
        if (i >= 0 && i + head.length <= limit) {
          best = i;
          bestLen = head.length;
        }
      }
    }
    if (best < 0) return null;
    let start = best;
    let prefixed = false;
    // the row's own prefix (1. / 1、 / （一） / 一、) right before the label belongs to the label, not to the previous row's data
    if (row.prefix) {
      const alt = row.prefix.endsWith('.') ? [row.prefix, row.prefix.slice(0, -1) + '、'] : [row.prefix];
      for (const p of alt)
        if (cv.text.startsWith(p, best - p.length)) {
          start = best - p.length;
          prefixed = true;
          break;
        }
    }
    // a short key such as 总计 or 其他 is a row label only with its prefix (（七）总计, 3.其他): the bare word is a header
    if (row.prefix && bestLen <= 3 && !prefixed) {
      from = best + bestLen;
      continue;
    }
    let end = best + bestLen;
    // skip a parenthetical gloss after the label, e.g. 规范性文件（指各行政机关印发的有正式文号的文件）
    if (cv.text[end] === '（') {
      const gloss = cv.text.slice(end, end + 80);
      const close = gloss.indexOf('）');
      if (close > 0 && !/\d/.test(gloss.slice(0, close))) end += close + 1;
    }
    while (end < cv.text.length && /[”"’']/.test(cv.text[end]!)) end++;
    return { row, start, end };
  }
}

/** Assigns a row's data tokens to its columns by alignment, recording findings for anything not clean. */
function assignRow(
  ctx: Ctx,
  def: TableDef,
  rowPath: string,
  toksIn: Tok[],
  mode: Mode,
  check: SplitCheck | null,
  line: number,
): void {
  const N = def.columns.length;
  // more cells than columns: trailing empty cells end the row; leading empty cells are label-span placeholders
  // (trimmed by index: shifting one cell at a time is quadratic on a row of many empty cells)
  let lo = 0;
  let hi = toksIn.length;
  while (hi - lo > N && toksIn[hi - 1]!.kind === 'blank') hi--;
  while (hi - lo > N && toksIn[lo]!.kind === 'blank') lo++;
  let toks = toksIn.slice(lo, hi);
  if (toks.length > N) {
    ctx.findings.push(
      finding(
        'row_overflow',
        `表${def.table}「${rowPath}」读到${toks.length}个单元格，多于${N}列；只取前${N}个`,
        [{ table: def.table, row: rowPath }],
        { expected: N, actual: toks.length, line },
      ),
    );
    toks = toks.slice(0, N);
  }
  const nonBlank = toks.filter((t) => t.kind !== 'blank');
  if (
    toks.length < N &&
    nonBlank.length > 0 &&
    nonBlank.every((t) => t.kind === 'value' && t.digits) &&
    nonBlank.length === toks.length
  ) {
    const digits = toks.map((t) => t.raw).join('');
    if (digits.length > toks.length) {
      const cuts = new Set<number>();
      let acc = 0;
      for (let i = 0; i < toks.length - 1; i++) {
        acc += toks[i]!.raw.length;
        cuts.add(acc);
      }
      const sols = splitRunTogether(digits, N, check, cuts, def.table === '三' ? 400 : 2);
      const raws = toks.map((t) => t.raw).join(' ');
      if (sols.length === 1) {
        const sol = sols[0]!;
        const src = sourceAt(ctx, toks[0]!.start, mode);
        sol.forEach((v, i) =>
          ctx.cells.push({
            table: def.table,
            row: rowPath,
            column: def.columns[i]!,
            value: v,
            raw: String(v),
            source: src,
          }),
        );
        ctx.findings.push(
          finding(
            'row_split_by_total',
            `表${def.table}「${rowPath}」的数字连在一起（“${raws}”），${check ? '按行内合计关系' : '按列数'}唯一拆分为${sol.join('、')}`,
            [{ table: def.table, row: rowPath }],
            { line },
          ),
        );
        return;
      }
      if (sols.length > 1) {
        const f = finding(
          'row_split_ambiguous',
          `表${def.table}「${rowPath}」的数字连在一起（“${raws}”），有多种拆分方式${check ? '都满足合计关系' : ''}，无法确定各列数值，未读取`,
          [{ table: def.table, row: rowPath }],
          { actual: raws, line },
        );
        ctx.findings.push(f);
        if (def.table === '三' && sols.length < 400)
          ctx.pending.push({
            rowPath,
            candidates: sols,
            raws,
            source: sourceAt(ctx, toks[0]!.start, mode),
            finding: f,
          });
        return;
      }
    }
  }
  // Section 三 of a copy that dropped its blank cells: a short row is placed later by the column equations, or
  // not read — never slid to the left
  if (
    ctx.blanksDropped &&
    def.table === '三' &&
    toks.length < N &&
    toks.length >= N - 3 &&
    toks.every((t) => t.kind === 'value' && !t.noise && !t.unit)
  ) {
    const raws = toks.map((t) => t.raw).join(' ');
    const f = finding(
      'row_short',
      `表三「${rowPath}」只读到${toks.length}个数字（“${raws}”），应有${N}列：复制时空白单元格被略去，无法按表格各列关系确定空白的是哪几列，整行未读取`,
      [{ table: def.table, row: rowPath }],
      { expected: N, actual: toks.length, line },
    );
    ctx.findings.push(f);
    ctx.pending.push({
      rowPath,
      candidates: placements(
        toks.map((t) => t.value!),
        N,
      ),
      raws,
      source: sourceAt(ctx, toks[0]!.start, mode),
      finding: f,
      kind: 'short',
    });
    return;
  }
  toks.forEach((t, i) => {
    const column = def.columns[i]!;
    const cell: ReportCell = {
      table: def.table,
      row: rowPath,
      column,
      value: t.kind === 'value' ? t.value! : null,
      raw: clipRaw(t.raw),
      source: sourceAt(ctx, t.start, mode),
    };
    ctx.cells.push(cell);
    if (t.noise)
      ctx.findings.push(
        finding(
          'cell_noise',
          `表${def.table}「${rowPath}」「${column}」前有杂字符“${t.noise}”，已忽略，读为${clipRaw(t.raw)}`,
          [{ table: def.table, row: rowPath, column }],
          { line },
        ),
      );
    if (t.unit)
      ctx.findings.push(
        finding(
          'cell_unit',
          `表${def.table}「${rowPath}」「${column}」带单位“${t.unit}”：${clipRaw(t.raw)}`,
          [{ table: def.table, row: rowPath, column }],
          { line },
        ),
      );
  });
  if (toks.length < N) {
    const missing = def.columns.slice(toks.length);
    ctx.findings.push(
      finding(
        'row_short',
        `表${def.table}「${rowPath}」只读到${toks.length}个单元格（${nonBlank.length}个数字），应有${N}列；无法确定缺的是哪一列，按从左到右对齐，${missing.map((c) => `「${c}」`).join('')}未读到`,
        missing.map((c) => ({ table: def.table, row: rowPath, column: c })),
        { expected: N, actual: toks.length, line },
      ),
    );
  }
}

/** Reads the rows of one table definition between compact offsets [from, limit). Returns the compact offset after the last row. */
function readRows(
  ctx: Ctx,
  def: TableDef,
  from: number,
  limit: number,
  check: SplitCheck | null,
  strict = false,
): number {
  const anchors: Anchor[] = [];
  let cursor = from;
  for (const r of def.rows) {
    let a = findLabel(ctx.cv, r, cursor, limit);
    // without the section heading, accept only labels that start a cell (not words inside a sentence)
    while (a && strict && !startsCell(ctx, a.start)) a = findLabel(ctx.cv, r, a.end, limit);
    if (!a) continue;
    anchors.push(a);
    cursor = a.end;
  }
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    const segEnd = i + 1 < anchors.length ? anchors[i + 1]!.start : limit;
    const nFrom = n(ctx, a.end - 1) + 1;
    const nTo = n(ctx, segEnd);
    const { toks, mode } = tokenize(ctx.norm.text, nFrom, nTo);
    let rest = toks;
    // a label wrapped around its numbers (PDF text layers): skip fragments of the label before the data
    for (
      let k = 0;
      k < 4 && rest.length && rest[0]!.kind === 'text' && isLabelFragment(a.row, rest[0]!.raw);
      k++
    )
      rest = rest.slice(1);
    const data = dataTokens(rest);
    if (strict && data.every((t) => t.kind === 'blank')) continue;
    assignRow(ctx, def, a.row.path, data, mode, check, lineOf(ctx, nFrom));
  }
  return anchors.length ? anchors[anchors.length - 1]!.end : from;
}

function isLabelFragment(row: RowDef, raw: string): boolean {
  const f = raw.replace(/\s+/g, '');
  // the vertical 三、本年度办理结果 label of Section 三 wraps one character at a time in PDF text layers
  if (
    f.length >= 1 &&
    !/\d/.test(f) &&
    '三、本年度办理结果'.includes(f) &&
    row.path !== '一、本年新收政府信息公开申请数量' &&
    row.path !== '二、上年结转政府信息公开申请数量'
  )
    return true;
  const full = (row.prefix + row.label).replace(/\s+/g, '');
  if (f.length < 2) return f.length === 1 && !/[\d\s]/.test(f) && full.includes(f);
  return (
    full.includes(f) ||
    row.keys.some((k) => k.includes(f)) ||
    (row.group !== undefined && row.group.includes(f))
  );
}

/**
 * Resolves Section 三 rows whose run-together digits split several ways, using the column equations of the
 * format (（七）总计 = Σ 办理结果; 一 + 二 = （七）总计 + 四). Accepted only when exactly one combination of
 * candidates satisfies every equation that can be evaluated.
 */
function resolvePending(ctx: Ctx, def: TableDef): void {
  if (!ctx.pending.length) return;
  const cols = def.columns.length;
  const rows = new Map<string, (number | null)[]>();
  for (const r of def.rows) rows.set(r.path, new Array(cols).fill(null));
  for (const c of ctx.cells) {
    if (c.table !== '三' || c.value === null) continue;
    const i = def.columns.indexOf(c.column);
    rows.get(c.row)![i] = c.value;
  }
  let product = 1;
  for (const p of ctx.pending) product *= p.candidates.length;
  if (product > 200000) return;
  const results = def.rows
    .filter(
      (r) =>
        r.path !== '一、本年新收政府信息公开申请数量' &&
        r.path !== '二、上年结转政府信息公开申请数量' &&
        r.path !== '（七）总计' &&
        r.path !== '四、结转下年度继续办理',
    )
    .map((r) => r.path);
  const holds = (): boolean => {
    let evaluated = 0;
    for (let c = 0; c < cols; c++) {
      const total = rows.get('（七）总计')![c];
      let sum = 0;
      let ok = total !== null && total !== undefined;
      for (const r of results) {
        const v = rows.get(r)![c];
        if (v === null || v === undefined) {
          ok = false;
          break;
        }
        sum += v;
      }
      if (ok) {
        evaluated++;
        if (sum !== total) return false;
      }
      const a = rows.get('一、本年新收政府信息公开申请数量')![c];
      const b = rows.get('二、上年结转政府信息公开申请数量')![c];
      const o = rows.get('四、结转下年度继续办理')![c];
      if (a != null && b != null && total != null && o != null) {
        evaluated++;
        if (a + b !== total + o) return false;
      }
    }
    return evaluated > 0;
  };
  const found: (number | null)[][][] = [];
  const choice: (number | null)[][] = [];
  const rec = (k: number): void => {
    if (found.length > 1) return;
    if (k === ctx.pending.length) {
      if (holds()) found.push(choice.slice());
      return;
    }
    const p = ctx.pending[k]!;
    for (const cand of p.candidates) {
      rows.set(p.rowPath, cand);
      choice[k] = cand;
      rec(k + 1);
      if (found.length > 1) break;
    }
    rows.set(p.rowPath, new Array(cols).fill(null));
  };
  rec(0);
  if (found.length !== 1) return;
  ctx.pending.forEach((p, k) => {
    const sol = found[0]![k]!;
    sol.forEach((v, i) =>
      ctx.cells.push({
        table: '三',
        row: p.rowPath,
        column: def.columns[i]!,
        value: v,
        raw: v === null ? '' : String(v),
        source: p.source,
      }),
    );
    const idx = ctx.findings.indexOf(p.finding);
    const blanks = sol.flatMap((v, i) => (v === null ? [def.columns[i]!] : []));
    ctx.findings[idx] =
      p.kind === 'short'
        ? finding(
            'row_short',
            `表三「${p.rowPath}」只读到${p.raws.split(' ').length}个数字（“${p.raws}”）：复制时空白单元格被略去，按各列合计关系唯一确定空白的是${blanks.map((c) => `「${c}」`).join('')}`,
            blanks.map((c) => ({ table: '三' as const, row: p.rowPath, column: c })),
            { severity: 'info', ...(p.finding.line !== undefined ? { line: p.finding.line } : {}) },
          )
        : finding(
            'row_split_by_columns',
            `表三「${p.rowPath}」的数字连在一起（“${p.raws}”），行内合计有多种拆法，按各列合计关系唯一确定为${sol.join('、')}`,
            [{ table: '三', row: p.rowPath }],
            p.finding.line !== undefined ? { line: p.finding.line } : {},
          );
  });
  ctx.pending = [];
}

/** True when the label at compact index `ci` starts a line or a table cell. */
function startsCell(ctx: Ctx, ci: number): boolean {
  let p = n(ctx, ci) - 1;
  const t = ctx.norm.text;
  while (p >= 0 && t[p] === ' ') p--;
  return p < 0 || t[p] === '\n' || t[p] === '\t' || t[p] === '|';
}

/** Section 四 has no row labels: its 15 numbers follow the header. */
function readS4(ctx: Ctx, from: number, limit: number): void {
  const nFrom = n(ctx, from);
  const nTo = n(ctx, limit);
  const { toks, mode } = tokenize(ctx.norm.text, nFrom, nTo);
  // first run of ≥3 value cells, or one long run-together digit string
  let i = 0;
  while (i < toks.length) {
    if (toks[i]!.kind === 'value' || toks[i]!.kind === 'mark') {
      let j = i;
      let values = 0;
      while (j < toks.length && toks[j]!.kind !== 'text') {
        if (toks[j]!.kind !== 'blank') values++;
        j++;
      }
      const run = toks.slice(i, j);
      const longDigits = values === 1 && toks[i]!.digits && toks[i]!.raw.length >= 15;
      if (values >= 3 || longDigits) {
        if (mode !== 'space') {
          // the data row starts at its line: blank cells before the first number belong to it
          const t = ctx.norm.text;
          const ls = t.lastIndexOf('\n', toks[i]!.start - 1) + 1;
          if (ls > nFrom && ls < toks[i]!.start) {
            const again = tokenize(t, ls - 1, nTo);
            const k = again.toks.findIndex((x) => x.start === toks[i]!.start);
            if (k > 0) {
              let b = k;
              while (b > 0 && again.toks[b - 1]!.kind === 'blank') b--;
              readS4Run(ctx, again.toks.slice(b), again.mode);
              return;
            }
          }
        }
        readS4Run(ctx, run, mode);
        return;
      }
      i = j;
    } else i++;
  }
}

function readS4Run(ctx: Ctx, runIn: Tok[], mode: Mode): void {
  let run = runIn;
  const end = run.findIndex((t) => t.kind === 'text');
  if (end >= 0) run = run.slice(0, end);
  {
    {
      const flat: TableDef = {
        ...S4,
        columns: S4.rows.flatMap((r) => S4.columns.map((c) => `${r.path}\u0000${c}`)),
        kinds: S4.rows.flatMap(() => S4.kinds),
      };
      const before = ctx.cells.length;
      assignRow(ctx, flat, '', run, mode, s4RowCheck, lineOf(ctx, run[0]!.start));
      // unflatten
      for (let k = before; k < ctx.cells.length; k++) {
        const c = ctx.cells[k]!;
        const [row, column] = c.column.split('\u0000');
        ctx.cells[k] = { ...c, row: row!, column: column! };
      }
      for (const f of ctx.findings) {
        if (f.cells.length && f.cells[0]!.table === '四' && f.cells[0]!.row === '') {
          f.cells = f.cells.map((r) =>
            r.column
              ? {
                  table: '四' as const,
                  row: r.column.split('\u0000')[0]!,
                  column: r.column.split('\u0000')[1]!,
                }
              : { table: '四' as const },
          );
          f.message = f.message
            .replace(/表四「」/g, '表四')
            .replace(/「([^」\u0000]*)\u0000([^」]*)」/g, '「$1/$2」');
        }
      }
    }
  }
}

// ---------------------------------------------------------------- entry

/** Parses report text. Never throws. */
export function parseReportText(input: string, opts: TextParseOptions = {}): ParseResult {
  const findings: Finding[] = [];
  try {
    const raw = typeof input === 'string' ? input : String(input);
    // a browser's copy of the rendered page: rows unfolded first, so numbers keep their columns
    const unfolded = unfoldBrowserCopy(raw);
    if (unfolded !== null)
      findings.push(
        finding('input_browser_copy', `${unfolded.what}：已按表格行重新拼合，行号指拼合后的文字`),
      );
    const norm = normalizeText(unfolded?.text ?? raw);
    const cv = compactView(norm.text);
    const ctx: Ctx = {
      norm,
      cv,
      findings,
      cells: [],
      opts,
      pending: [],
      blanksDropped: !!unfolded?.blanksDropped,
    };
    if (cv.text.length === 0) {
      findings.push(finding('input_unreadable', '输入为空，没有可读的文字'));
      return { report: emptyReport(opts.format ?? '2021'), findings };
    }
    if (norm.droppedLines.length) {
      findings.push(
        finding('page_furniture_removed', `已去除页眉页脚行（第${listLines(norm.droppedLines)}行）`, [], {
          line: norm.droppedLines[0]!,
        }),
      );
    }
    const meta = detectMeta(ctx);
    const format = opts.format ?? detectFormat(ctx, meta.year);
    const report = emptyReport(format, meta.year, meta.organ);
    report.title = meta.title;
    const secs = findSections(cv);
    // section texts
    const found = SECTION_IDS.filter((id) => secs[id]);
    for (let i = 0; i < found.length; i++) {
      const id = found[i]!;
      const s = secs[id]!;
      const e = i + 1 < found.length ? secs[found[i + 1]!]!.start : cv.text.length;
      report.sections[id] = capSection(
        trimTrailingHashes(norm.text.slice(n(ctx, s.start), n(ctx, e))).trim(),
      );
    }
    if (!secs.一 && found.length && secs[found[0]!]!.start > 0) {
      const pre = norm.text.slice(0, n(ctx, secs[found[0]!]!.start)).trim();
      if (pre) report.sections.一 = capSection(pre);
    }
    for (const id of SECTION_IDS) {
      if (!report.sections[id])
        findings.push(
          finding(
            'section_missing',
            `未找到第${id}部分“${id}、${['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'][SECTION_IDS.indexOf(id)]}”`,
          ),
        );
    }
    const endOf = (id: SectionId): number => {
      const idx = SECTION_IDS.indexOf(id);
      for (let k = idx + 1; k < SECTION_IDS.length; k++) {
        const s = secs[SECTION_IDS[k]!];
        if (s) return s.start;
      }
      return cv.text.length;
    };
    const defs = tablesOf(format);
    // Section 二
    const s2From =
      secs.二?.end ??
      (() => {
        const i = cv.text.indexOf('第二十条第');
        return i >= 0 ? i : -1;
      })();
    let s2End = s2From;
    if (s2From >= 0) {
      const limit = secs.三?.start ?? secs.四?.start ?? endOf('二');
      let cursor = s2From;
      const s2 = defs.filter((d) => d.table === '二');
      for (let t = 0; t < s2.length; t++) {
        const d = s2[t]!;
        const cap = cv.text.indexOf(d.caption!, cursor);
        const capOk = cap >= 0 && cap < limit;
        const from = capOk ? cap + d.caption!.length : cursor;
        const nextCap = t + 1 < s2.length ? cv.text.indexOf(s2[t + 1]!.caption!, from) : -1;
        const tLimit = nextCap >= 0 && nextCap < limit ? nextCap : limit;
        cursor = readRows(ctx, d, from, tLimit, null);
        if (nextCap >= 0 && nextCap < limit) cursor = nextCap;
      }
      s2End = cursor;
    }
    // Section 三
    const s3 = defs.find((d) => d.table === '三')!;
    const s3From = secs.三?.end ?? Math.max(0, s2End, secs.一?.end ?? 0, secs.二?.end ?? 0);
    const s3Limit = secs.四?.start ?? secs.五?.start ?? cv.text.length;
    readRows(ctx, s3, s3From, Math.max(s3From, s3Limit), s3RowCheck, !secs.三);
    resolvePending(ctx, s3);
    // Section 四
    if (secs.四) readS4(ctx, secs.四.end, secs.五?.start ?? secs.六?.start ?? cv.text.length);
    report.cells = orderCells(ctx.cells, format);
    // rows read but not split (ambiguous): reported once, as ambiguous, not again as missing
    if (ctx.pending.length)
      report.unplacedRows = ctx.pending.map((p) => ({ table: '三' as const, row: p.rowPath }));
    return { report, findings };
  } catch (e) {
    findings.push(
      finding('input_unreadable', `解析时出现内部错误：${e instanceof Error ? e.message : String(e)}`),
    );
    return { report: emptyReport(opts.format ?? '2021'), findings };
  }
}

/**
 * The longest section text kept. A section of an annual report runs to a few thousand characters; a longer one
 * is cut (with its length noted), so that a 4 MB section is not copied into every answer and rendering of it.
 */
export const MAX_SECTION_CHARS = 100_000;

function capSection(text: string): string {
  return text.length <= MAX_SECTION_CHARS
    ? text
    : `${text.slice(0, MAX_SECTION_CHARS)}……（本部分共${text.length}个字符，以下从略）`;
}

/**
 * A cell's text as kept and quoted: verbatim up to 64 characters; a longer one (no count has that many digits)
 * is shortened with its length, so that a 4 MB token is not copied into the report and every message about it.
 */
function clipRaw(raw: string): string {
  return raw.length <= 64 ? raw : `${raw.slice(0, 32)}…（共${raw.length}个字符）`;
}

/** Line numbers for a message: all of a few, the first 50 of many (a message stays short on any input). */
function listLines(lines: number[]): string {
  return lines.length <= 50 ? lines.join('、') : `${lines.slice(0, 50).join('、')}等${lines.length}`;
}

/**
 * The text without trailing `#` and whitespace (Markdown heading marks before the next section). A loop, not
 * `/[#\s]+$/`: that regex retries every position of a long whitespace run and is quadratic on it.
 */
function trimTrailingHashes(s: string): string {
  let e = s.length;
  while (e > 0 && (s[e - 1] === '#' || /\s/.test(s[e - 1]!))) e--;
  return s.slice(0, e);
}

/** Orders cells as the format lists them and drops duplicates (first read wins). */
function orderCells(cells: ReportCell[], format: ReportFormat): ReportCell[] {
  const grid = cellGrid({ ...emptyReport(format), cells });
  const out: ReportCell[] = [];
  for (const c of grid) if (c) out.push(c);
  return out;
}

export { S3_COLUMNS };
