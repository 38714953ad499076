/**
 * Fuzzes the public report check: generated inputs (mutations of the real reports in test/fixtures/reports:
 * deletions, duplications, digit runs, nested tags, random bytes, huge lines, shuffled lines, swapped separators,
 * spliced reports, section headings in odd places…) through the same parse-and-check entry the server uses
 * (checkReportBody for the API, checkSubmittedReport for the page), run in-process ({ run: runParseJob }: the
 * pool's worker runs the same function) with the server's parse limits. Deterministic for a seed.
 *
 *   node --import tsx scripts/fuzz-reports.ts [count=200000] [seed=1]
 *   FUZZ_SAVE=dir …   also writes every input that threw or took over 1 s to dir/<index>.<kind>
 *
 * Prints how many inputs of each kind ran, how many threw (the use cases must never throw), how many took over
 * 1 s, the slowest, and the figures of the limits reached; exits 1 when any input threw.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReportBody, checkSubmittedReport } from '../src/app/reports/check-submitted-report.js';
import { runParseJob } from '../src/adapters/parse/parse-job.js';
import type { ParseRunner } from '../src/adapters/parse/parse-pool.js';
import { parseReportText } from '../src/adapters/parse/text/text-report-parser.js';
import { renderReportDocx } from '../src/adapters/render/docx-report-renderer.js';
import { LIMIT_MESSAGE } from '../src/adapters/parse/parse-limits.js';

const COUNT = Number(process.argv[2] ?? 200_000);
const SEED = Number(process.argv[3] ?? 1);
const SLOW_MS = 1000;

const inProcess: ParseRunner = { run: runParseJob };
/** The same without the checker: a slow input is run again this way to tell a slow parse from a slow check. */
const parseOnly: ParseRunner = { run: (job) => runParseJob({ ...job, check: false }) };

// ---------------------------------------------------------------- deterministic randomness

let state = SEED >>> 0 || 1;
/** mulberry32 */
function rnd(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(a: readonly T[]): T => a[int(a.length)]!;
/** Mostly small, sometimes large: 1 … max, log-uniform. */
const size = (max: number) => Math.max(1, Math.floor(Math.exp(rnd() * Math.log(max))));

// ---------------------------------------------------------------- the corpus

const FIXTURES = fileURLToPath(new URL('../test/fixtures/reports/', import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const all = files(FIXTURES);
const texts = all.filter((f) => f.endsWith('.txt')).map((f) => readFileSync(f, 'utf8'));
const htmls = all.filter((f) => f.endsWith('.html')).map((f) => readFileSync(f, 'utf8'));
const pdfs = all.filter((f) => f.endsWith('.pdf')).map((f) => new Uint8Array(readFileSync(f)));
const docxs: Uint8Array[] = [];
for (const t of texts.slice(0, 4)) docxs.push(await renderReportDocx(parseReportText(t).report));

// ---------------------------------------------------------------- mutations

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];
const LABELS = [
  '（七）总计',
  '总计',
  '予以公开',
  '行政复议',
  '1.属于国家秘密',
  '第二十条第（一）项',
  '自然人',
];
const JUNK = [
  '\t',
  '|',
  ' ',
  '\n',
  '\r\n',
  '（',
  '）',
  '—',
  '-',
  '/',
  '无',
  '#',
  '\u3000',
  '\u200b',
  '\ufffd',
  '元',
  '万元',
];
const TAGS = ['div', 'p', 'span', 'table', 'tr', 'td', 'tbody', 'font', 'b', 'li'];

function digits(n: number): string {
  let s = '';
  const ones = rnd() < 0.3;
  for (let i = 0; i < n; i++) s += ones ? '1' : String(int(10));
  return s;
}

type StrOp = (s: string) => string;
const at = (s: string) => int(s.length + 1);
const STR_OPS: Record<string, StrOp> = {
  delete: (s) => {
    const i = at(s);
    return s.slice(0, i) + s.slice(i + size(2000));
  },
  duplicate: (s) => {
    const i = at(s);
    const piece = s.slice(i, i + size(5000));
    return s.slice(0, i) + piece.repeat(1 + size(50)) + s.slice(i);
  },
  digitRun: (s) => {
    const i = at(s);
    const n = rnd() < 0.2 ? pick([15, 28, 43, 60, 63, 135, 161]) : size(rnd() < 0.05 ? 100_000 : 300);
    return s.slice(0, i) + digits(n) + s.slice(i);
  },
  section4Run: (s) => {
    const i = s.indexOf('四、');
    const n = pick([15, 28, 43, 60, 100, 135, 160, 200]);
    return i < 0
      ? `${HEADINGS[3]}\n${digits(n)}\n${s}`
      : `${s.slice(0, i)}${HEADINGS[3]}\n${digits(n)}\n${s.slice(i)}`;
  },
  nestedTags: (s) => {
    const i = at(s);
    const tag = pick(TAGS);
    const n = size(rnd() < 0.1 ? 100_000 : 500);
    return (
      s.slice(0, i) + `<${tag}>`.repeat(n) + (rnd() < 0.5 ? `</${tag}>`.repeat(int(n + 1)) : '') + s.slice(i)
    );
  },
  randomChars: (s) => {
    const i = at(s);
    let r = '';
    for (let k = size(200); k > 0; k--) r += String.fromCharCode(int(rnd() < 0.7 ? 0x80 : 0xffff));
    return s.slice(0, i) + r + s.slice(i + int(50));
  },
  junk: (s) => {
    let out = s;
    for (let k = size(200); k > 0; k--) {
      const i = at(out);
      out = out.slice(0, i) + pick(JUNK) + out.slice(i);
    }
    return out;
  },
  hugeLine: (s) => {
    const i = at(s);
    const unit = pick(['1', ' ', '\t', '|', '总计', '（', 'a', '0 ', '#', '- 1 -\n', '予以公开（']);
    return s.slice(0, i) + unit.repeat(Math.ceil(size(2_000_000) / unit.length)) + s.slice(i);
  },
  shuffleLines: (s) => {
    const lines = s.split('\n');
    for (let k = size(50); k > 0; k--) {
      const a = int(lines.length);
      const b = int(lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    }
    return lines.join('\n');
  },
  separators: (s) => {
    const [from, to] = [pick(['\t', ' ', '|', '\n']), pick(['\t', ' ', '|', '\n', '', '  ', ' | '])];
    return s.split(from).join(to);
  },
  headings: (s) => {
    let out = s;
    for (let k = size(10); k > 0; k--) {
      const i = at(out);
      out = out.slice(0, i) + pick(rnd() < 0.5 ? HEADINGS : LABELS) + out.slice(i);
    }
    return out;
  },
  splice: (s) => {
    const other = pick(rnd() < 0.5 ? texts : htmls);
    return s.slice(0, at(s)) + other.slice(int(other.length));
  },
  truncate: (s) => s.slice(0, at(s)),
  fullWidth: (s) =>
    s.replace(/[0-9(),:]/g, (c) => (rnd() < 0.5 ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)),
  controls: (s) => {
    let out = s;
    for (let k = size(20); k > 0; k--) {
      const i = at(out);
      out = out.slice(0, i) + String.fromCharCode(int(32)) + out.slice(i);
    }
    return out;
  },
};

type ByteOp = (b: Uint8Array) => Uint8Array;
const BYTE_OPS: Record<string, ByteOp> = {
  flip: (b) => {
    const c = b.slice();
    for (let k = size(50); k > 0; k--) c[int(c.length)] = int(256);
    return c;
  },
  truncate: (b) => b.slice(0, int(b.length + 1)),
  delete: (b) => {
    const i = int(b.length);
    return new Uint8Array([...b.subarray(0, i), ...b.subarray(i + size(5000))]);
  },
  duplicate: (b) => {
    const i = int(b.length);
    const piece = b.subarray(i, i + size(20000));
    return new Uint8Array([...b.subarray(0, i), ...piece, ...piece, ...b.subarray(i)]);
  },
  randomBytes: () => {
    const c = new Uint8Array(size(100_000));
    for (let i = 0; i < c.length; i++) c[i] = int(256);
    return c;
  },
};

// ---------------------------------------------------------------- one input

interface Input {
  describe: string;
  /** the input itself, for FUZZ_SAVE */
  data: string | Uint8Array;
  run: (runner: ParseRunner) => Promise<{ findings: { code: string; message: string }[] }>;
}

function mutateText(base: string): { text: string; ops: string[] } {
  let text = base;
  const ops: string[] = [];
  for (let k = 1 + int(3); k > 0; k--) {
    const name = pick(Object.keys(STR_OPS));
    // the expensive ones (megabytes of text, pages of markup) are rarer
    if ((name === 'hugeLine' || name === 'duplicate') && rnd() < 0.9) continue;
    text = STR_OPS[name]!(text);
    ops.push(name);
  }
  return { text, ops };
}

function nextInput(): Input {
  const r = rnd();
  if (r < 0.003) {
    const [name, base] = rnd() < 0.5 ? (['pdf', pick(pdfs)] as const) : (['docx', pick(docxs)] as const);
    const ops: string[] = [];
    let bytes: Uint8Array = base;
    if (rnd() < 0.8) {
      const op = pick(Object.keys(BYTE_OPS));
      bytes = BYTE_OPS[op]!(bytes);
      ops.push(op);
    }
    return {
      describe: `${name} ${ops.join('+') || 'as is'} (${bytes.length} B)`,
      data: bytes,
      run: (runner) => checkSubmittedReport(`report.${name}`, bytes, runner),
    };
  }
  const html = r < 0.35;
  const { text, ops } = mutateText(pick(html ? htmls : texts));
  const describe = `${html ? 'html' : 'text'} ${ops.join('+') || 'as is'} (${text.length} chars)`;
  const via = rnd();
  if (via < 0.6)
    return {
      describe: `${describe} → API`,
      data: text,
      run: (runner) => checkReportBody(text, html, runner),
    };
  const bytes = new TextEncoder().encode(text);
  if (via < 0.8)
    return {
      describe: `${describe} → page (paste)`,
      data: text,
      run: (runner) => checkSubmittedReport(html ? 'report.html' : null, bytes, runner),
    };
  // an upload of any name: the kind is sniffed from the name and the first bytes
  const name = pick(['report.txt', 'report.htm', 'report.pdf', 'report.docx', 'report.json', 'upload']);
  return {
    describe: `${describe} → page (upload ${name})`,
    data: text,
    run: (runner) => checkSubmittedReport(name, bytes, runner),
  };
}

// ---------------------------------------------------------------- the run

let threw = 0;
let slow = 0;
let slowParse = 0;
let limited = 0;
let unreadable = 0;
let slowest = { ms: 0, describe: '' };
const kinds = new Map<string, number>();
const errors: string[] = [];
const SAVE = process.env.FUZZ_SAVE;
if (SAVE) mkdirSync(SAVE, { recursive: true });
const save = (i: number, input: Input) => {
  if (SAVE) writeFileSync(join(SAVE, `${i}.${input.describe.split(' ')[0]}`), input.data);
};
const t0 = performance.now();
for (let i = 0; i < COUNT; i++) {
  const input = nextInput();
  const kind = input.describe.split(' ')[0]!;
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  const start = performance.now();
  try {
    const r = await input.run(inProcess);
    if (!Array.isArray(r.findings)) throw new Error('no findings array');
    if (r.findings.some((f) => f.code === 'input_unreadable')) unreadable++;
    if (r.findings.some((f) => f.message.startsWith(LIMIT_MESSAGE))) limited++;
  } catch (e) {
    threw++;
    save(i, input);
    if (errors.length < 10)
      errors.push(`#${i} ${input.describe}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  const ms = performance.now() - start;
  if (ms > SLOW_MS) {
    slow++;
    save(i, input);
    const p0 = performance.now();
    await input.run(parseOnly).catch(() => undefined);
    const parseMs = performance.now() - p0;
    if (parseMs > SLOW_MS) slowParse++;
    if (slow <= 10)
      process.stderr.write(
        `slow #${i}: ${ms.toFixed(0)} ms (parse alone ${parseMs.toFixed(0)} ms) ${input.describe}\n`,
      );
  }
  if (ms > slowest.ms) slowest = { ms, describe: `#${i} ${input.describe}` };
  if ((i + 1) % 10_000 === 0)
    process.stderr.write(
      `${i + 1}/${COUNT} inputs, ${threw} threw, ${slow} over ${SLOW_MS} ms, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
    );
}

const seconds = (performance.now() - t0) / 1000;
console.log(`fuzz-reports: seed ${SEED}, ${COUNT} inputs in ${seconds.toFixed(0)} s`);
console.log(`  by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`  threw: ${threw}`);
console.log(`  over ${SLOW_MS} ms: ${slow} (of which the parse alone over ${SLOW_MS} ms: ${slowParse})`);
console.log(`  slowest: ${slowest.ms.toFixed(0)} ms (${slowest.describe})`);
console.log(`  unreadable (input_unreadable finding): ${unreadable}; stopped by a limit: ${limited}`);
for (const e of errors) console.log(`  ${e}`);
process.exitCode = threw > 0 ? 1 : 0;
