/**
 * Normalises published report text for parsing, keeping the original line of every normalised line.
 *
 * - brackets, commas and colons become full-width (（ ） ， ： ；), the forms the official labels use;
 *   full-width digits and signs become ASCII;
 * - Kangxi radicals and CJK radical-supplement characters (from PDF text layers) become the unified ideographs;
 * - Traditional characters that occur in the official labels become Simplified, and pinyin glosses such as
 *   `區(qū)` (seen in mirrored copies) are removed;
 * - page furniture lines (`- 4 -`, `Page 9 - …`, `P. 9`, `第1页 共6页`) are dropped and counted.
 */

const CHAR_MAP: Record<string, string> = {
  '(': '（',
  ')': '）',
  ',': '，',
  ':': '：',
  ';': '；',
  '．': '.',
  '＋': '+',
  '－': '-',
  '／': '/',
  '｜': '|',
  '\u3000': ' ',
  '\u00a0': ' ',
  '\r': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\ufeff': '',
  '"': '"',
};
for (let d = 0; d < 10; d++) CHAR_MAP[String.fromCharCode(0xff10 + d)] = String(d);

/** Traditional → Simplified for the characters of the official labels and section titles (pairs: traditional, simplified). */
const TRAD_PAIRS =
  '規规範范許许處处罰罚強强業业費费額额單单萬万發发廢废數数現现內内決决請请結结轉转辦办開开區区計计這这國国穩稳護护權权屬属類类務务過过執执詢询無无機机關关沒没確确訪访舉举報报訴诉複复復复當当認认獲获繳缴納纳總总繼继續续議议訟讼維维糾纠審审經经組组織织構构會会況况體体動动問问題题進进項项條条購购採采減减對对領领導导資资訊讯據据劃划質质檢检並并從从於于與与應应為为個个來来們们將将點点歲岁歷历級级頁页縣县鎮镇鄉乡術术產产衛卫協协門门覺觉論论辭辞幾几屆届違违調调較较嚴严節节電电話话網网絡络讀读書书態态圖图標标準准簡简稱称簽签創创寫写圍围勵励職职責责訂订務务實实際际專专員员歸归檔档辦办';
for (let i = 0; i + 1 < TRAD_PAIRS.length; i += 2) CHAR_MAP[TRAD_PAIRS[i]!] = TRAD_PAIRS[i + 1]!;

const PINYIN_GLOSS = /[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[)）]/g;
const PAGE_FURNITURE =
  /^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|Page\s+\d+\b.*|P\.\s*\d+|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/i;

export interface NormalizedText {
  /** Normalised lines joined with `\n`. */
  text: string;
  /** Start offset of each normalised line within `text`. */
  lineStarts: Int32Array;
  /** Original 1-based line number of each normalised line. */
  origLine: Int32Array;
  /** Original line numbers of dropped page-furniture lines. */
  droppedLines: number[];
}

function mapChar(ch: string): string {
  const m = CHAR_MAP[ch];
  if (m !== undefined) return m;
  const c = ch.charCodeAt(0);
  // Kangxi Radicals U+2F00–U+2FDF and CJK Radicals Supplement U+2E80–U+2EFF: NFKC gives the ideograph.
  if (c >= 0x2e80 && c <= 0x2fdf) return ch.normalize('NFKC');
  return ch;
}

/**
 * CJK Radicals Supplement characters that PDF text layers use for ordinary simplified characters (NFKC does not
 * map these): radical → the unified ideograph.
 */
const RADICALS =
  '⺟母⺠民⺰纟⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻓长⻔门⻘青⻙韦⻚页⻛风⻜飞⻠饣⻢马⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟⻝食⻣骨⻤鬼⻊足⻏阝⻖阝⻗雨⺮竹⺝月⺼月⺁厂⺇几⺌小⺍小';
for (let i = 0; i + 1 < RADICALS.length; i += 2) CHAR_MAP[RADICALS[i]!] = RADICALS[i + 1]!;

const MAPPABLE = new RegExp(
  `[${Object.keys(CHAR_MAP)
    .map((c) => (/[\\\]\[^-]/.test(c) ? '\\' + c : c))
    .join('')}\u2e80-\u2fdf]`,
  'g',
);

/** Normalises one line (no newline inside). Lines that need no change are returned as they are. */
export function normalizeLine(line: string): string {
  let s = line;
  if (s.indexOf('(') >= 0 || s.indexOf('（') >= 0) s = s.replace(PINYIN_GLOSS, '');
  MAPPABLE.lastIndex = 0;
  if (!MAPPABLE.test(s)) return s;
  MAPPABLE.lastIndex = 0;
  return s.replace(MAPPABLE, mapChar);
}

/**
 * Normalises a whole document. Never throws. Memory stays proportional to the text, not to its line count
 * times a few objects: line offsets are typed arrays, and runs of unchanged lines are kept as one slice.
 */
export function normalizeText(input: string): NormalizedText {
  let count = 1;
  for (let i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) count++;
  const lineStarts = new Int32Array(count);
  const origLine = new Int32Array(count);
  const droppedLines: number[] = [];
  const parts: string[] = [];
  // input[spanStart, spanEnd) is copied unchanged: consecutive kept lines that normalising left as they were
  let spanStart = 0;
  let spanEnd = 0;
  let kept = 0;
  let off = 0;
  let line = 0;
  for (let start = 0; ; ) {
    const nl = input.indexOf('\n', start);
    const end = nl < 0 ? input.length : nl;
    const raw = input.slice(start, end);
    line++;
    if (raw.length < 40 && PAGE_FURNITURE.test(raw)) {
      droppedLines.push(line);
      if (spanEnd > spanStart) parts.push(input.slice(spanStart, spanEnd));
      spanStart = spanEnd = nl + 1;
    } else {
      const l = normalizeLine(raw);
      lineStarts[kept] = off;
      origLine[kept] = line;
      kept++;
      off += l.length + 1;
      if (l === raw && spanEnd === start) spanEnd = nl < 0 ? end : nl + 1;
      else {
        if (spanEnd > spanStart) parts.push(input.slice(spanStart, spanEnd));
        parts.push(nl < 0 ? l : l + '\n');
        spanStart = spanEnd = nl + 1;
      }
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  if (spanEnd > spanStart) parts.push(input.slice(spanStart, spanEnd));
  let text = parts.join('');
  // the kept lines are joined with \n: a dropped last line leaves a trailing \n to remove
  if (kept > 0 && text.length === off) text = text.slice(0, -1);
  return {
    text,
    lineStarts: lineStarts.subarray(0, kept),
    origLine: origLine.subarray(0, kept),
    droppedLines,
  };
}

/** Index of the normalised line containing offset `pos` (binary search). */
export function lineIndexAt(n: NormalizedText, pos: number): number {
  let lo = 0;
  let hi = n.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (n.lineStarts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A whitespace-free view of the text for label search, with a map back to text offsets. */
export interface CompactView {
  text: string;
  /** `toNorm[i]` is the offset in the normalised text of compact character `i`. */
  toNorm: Int32Array;
}

/** Builds the compact view: all whitespace, `|` and tabs removed. */
export function compactView(text: string): CompactView {
  const toNorm = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let n = 0;
  let runStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const skip = c === 32 || c === 9 || c === 10 || c === 13 || c === 124;
    if (skip) {
      if (runStart >= 0) {
        parts.push(text.slice(runStart, i));
        runStart = -1;
      }
      continue;
    }
    if (runStart < 0) runStart = i;
    toNorm[n++] = i;
  }
  if (runStart >= 0) parts.push(text.slice(runStart));
  toNorm[n] = text.length;
  return { text: parts.join(''), toNorm: toNorm.subarray(0, n + 1) };
}
