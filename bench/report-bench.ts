/**
 * Parse + check throughput for text and HTML reports, in complete reports per second on one core.
 * Inputs: the real 淮安 2024 report (text layer) and the seed, from test/fixtures/reports (required: a missing file
 * fails the bench), and rendered random reports of both formats.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReportText } from '../src/adapters/parse/text/text-report-parser.js';
import { parseReportHtml } from '../src/adapters/parse/html/html-report-parser.js';
import { validateReport } from '../src/core/annual-report/validate-report.js';
import { renderReportHtml } from '../src/adapters/render/html-report-renderer.js';
import { renderReportText } from '../src/adapters/render/text-report-renderer.js';
import { randomReport } from '../test/helpers/random-report.js';

function measure(name: string, inputs: string[], fn: (s: string) => unknown, minMs = 1500): number {
  for (let i = 0; i < 50; i++) fn(inputs[i % inputs.length]!);
  let n = 0;
  const t0 = performance.now();
  let el = 0;
  while ((el = performance.now() - t0) < minMs) {
    fn(inputs[n % inputs.length]!);
    n++;
  }
  const perSec = n / (el / 1000);
  console.log(
    `${name.padEnd(44)} ${perSec.toFixed(0).padStart(8)} 份/秒   ${((el / n) * 1000).toFixed(1).padStart(7)} µs/份`,
  );
  return perSec;
}

/** The real reports the bench measures: test/fixtures/reports, inside the repository (see its INDEX.tsv). */
export const REAL_REPORTS = ['real-full/001.txt', 'seed/000_b24edaa19e85be6d.txt'] as const;
const FIXTURES = new URL('../test/fixtures/reports/', import.meta.url);

/** Reads the real reports, or throws naming the file that is missing: never falls back to random reports. */
export function readRealReports(dir: URL = FIXTURES): string[] {
  return REAL_REPORTS.map((f) => {
    const file = new URL(f, dir);
    if (!existsSync(file))
      throw new Error(
        `report bench: real report ${fileURLToPath(file)} not found; the fixtures in test/fixtures/reports are part of the repository, restore them (see test/fixtures/reports/INDEX.tsv)`,
      );
    return readFileSync(file, 'utf8');
  });
}

export function runReportBench(): void {
  const real = readRealReports();
  const reps = Array.from({ length: 40 }, (_, i) => randomReport(1000 + i));
  const texts = reps.map(renderReportText);
  const htmls = reps.map(renderReportHtml);
  const check = (r: { report: Parameters<typeof validateReport>[0] }) => validateReport(r.report);
  console.log('\n== 年度报告：解析 + 核对（单核） ==');
  const a = measure('文本：真实报告（淮安2024、田湖镇2020）', real, (s) => check(parseReportText(s)));
  const b = measure('文本：随机生成的完整报告（两种格式）', texts, (s) => check(parseReportText(s)));
  const c = measure('HTML：随机生成的完整报告（官方表格样式）', htmls, (s) => check(parseReportHtml(s)));
  const goal = 2000;
  console.log(
    `目标：文本 > ${goal} 份/秒；实测 真实/目标 = ${(a / goal).toFixed(2)}×，随机/目标 = ${(b / goal).toFixed(2)}×；HTML/文本 = ${(c / b).toFixed(2)}`,
  );
  console.log(`对照：依赖大模型的同类工具约 5–6 ms/份，本引擎真实报告 ${(1000 / a).toFixed(2)} ms/份`);
  webCopies(check);
}

/**
 * The five forms users paste (test/fixtures/reports/web-copies, two real reports with their truth): the share of
 * cells read right, wrong (a number in a wrong cell, or a blank read as 0), and not placed (named by a finding),
 * the error findings, and the speed per text form.
 */
function webCopies(check: (r: { report: Parameters<typeof validateReport>[0] }) => unknown): void {
  const dir = fileURLToPath(new URL('../test/fixtures/reports/web-copies/', import.meta.url));
  console.log('\n== 年度报告：用户粘贴的各种形式（两份真实报告，对照人工核对的真值） ==');
  for (const base of ['pt-zone-2023', 'pt-jinjing-2023']) {
    const truth = JSON.parse(readFileSync(`${dir}${base}.truth.json`, 'utf8')) as {
      file: string;
      also: string[];
      cells: [string, string, string, number | null][];
    };
    for (const file of [truth.file, ...truth.also].filter((f) => !f.endsWith('.pdf'))) {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      const parse = file.endsWith('.html') ? parseReportHtml : parseReportText;
      const r = parse(text);
      const got = new Map(r.report.cells.map((c) => [`${c.table}|${c.row}|${c.column}`, c.value]));
      let right = 0;
      let wrong = 0;
      let missing = 0;
      for (const [t, row, col, v] of truth.cells) {
        const k = `${t}|${row}|${col}`;
        if (!got.has(k)) missing++;
        else if (got.get(k) === v) right++;
        else wrong++;
      }
      const errors = (check(r) as { severity: string }[]).filter((f) => f.severity === 'error').length;
      const n = truth.cells.length;
      console.log(
        `${file.padEnd(30)} 正确 ${((right / n) * 100).toFixed(1).padStart(5)}%  错位/空白读成0 ${wrong}  未放置 ${missing}  错误级问题 ${errors}`,
      );
      measure(`  速度：${file}`, [text], (s) => check(parse(s)), 500);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    runReportBench();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
