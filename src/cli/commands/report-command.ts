/**
 * `gongkai report parse|check|render|export`.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
import type { ReportParsers } from '../../core/ports.js';
import { type Finding, refLabel } from '../../core/annual-report/report-findings.js';
import { REPORT_EXTENSIONS, readAndCheckReport } from '../../app/reports/check-report.js';
import type { ReportRenderers } from '../main.js';
import { addReport, emptyReportTables } from '../../app/reports/export-reports.js';

export interface ReportCommandDeps {
  parsers: ReportParsers;
  renderers: ReportRenderers;
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

/** Expands directories (recursively) into report files, keeping files as given. */
async function expand(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = async (p: string): Promise<void> => {
    let st;
    try {
      st = await stat(p);
    } catch {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      const entries = (await readdir(p)).sort();
      for (const e of entries) {
        const full = join(p, e);
        const s2 = await stat(full).catch(() => null);
        if (s2?.isDirectory()) await walk(full);
        else if (REPORT_EXTENSIONS.includes(extname(e).toLowerCase())) files.push(full);
      }
    } else files.push(p);
  };
  for (const p of paths) await walk(p);
  return { files, missing };
}

const SEV: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

function formatFinding(f: Finding): string {
  const where = f.line !== undefined ? `（第${f.line}行）` : '';
  const cells = f.cells.length && f.cells.length <= 3 ? ` [${f.cells.map(refLabel).join('；')}]` : '';
  return `  ${SEV[f.severity]} ${f.code}${where}: ${f.message}${cells}`;
}

function parseFlags(args: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else if (a === '--json') flags.set('json', true);
      else {
        const v = args[i + 1];
        if (v !== undefined && !v.startsWith('--')) {
          flags.set(a.slice(2), v);
          i++;
        } else flags.set(a.slice(2), true);
      }
    } else positional.push(a);
  }
  return { positional, flags };
}

export const REPORT_USAGE = `用法：
  gongkai report parse 文件或目录… [--json]           读取年度报告，输出读到的数据
  gongkai report check 文件或目录… [--prev 上年报告] [--json]   读取并核对（勾稽关系、合计、结转等）
  gongkai report render 文件 --to html|md|txt|json|docx|pdf [--out 文件]   按官方表格样式输出（docx、pdf 需 --out）
  gongkai report export 文件或目录… --to xlsx|csv [--table reports|cells|findings] [--out 文件]
                                                      批量读取并核对，导出为表格：xlsx 含“报告”“数据”“核对结果”三张表；csv 输出 --table 指定的一张（默认 cells）
支持 .txt .md .html .docx .pdf .json；退出码：0 无错误，1 有“错误”级问题，2 有文件无法读取。`;

/** Runs `gongkai report …`; returns the exit code. */
export async function runReportCommand(args: string[], deps: ReportCommandDeps): Promise<number> {
  const [sub, ...rest] = args;
  const { positional, flags } = parseFlags(rest);
  if (!sub || sub === 'help' || flags.has('help')) {
    deps.out(REPORT_USAGE);
    return sub ? 0 : 2;
  }
  if (!['parse', 'check', 'render', 'export'].includes(sub)) {
    deps.err(`未知子命令“${sub}”\n${REPORT_USAGE}`);
    return 2;
  }
  if (positional.length === 0) {
    deps.err(`缺少文件参数\n${REPORT_USAGE}`);
    return 2;
  }
  const json = flags.get('json') === true;

  if (sub === 'render') {
    const to = flags.get('to');
    if (typeof to !== 'string' || !['html', 'md', 'txt', 'json', 'docx', 'pdf'].includes(to)) {
      deps.err('--to 必须是 html、md、txt、json、docx 或 pdf 之一');
      return 2;
    }
    const outFile = flags.get('out');
    if ((to === 'docx' || to === 'pdf') && typeof outFile !== 'string') {
      deps.err(`--to ${to} 需要用 --out 指定输出文件`);
      return 2;
    }
    const file = positional[0]!;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      deps.err(`无法读取文件：${file}`);
      return 2;
    }
    const r = await readAndCheckReport(deps.parsers, file, bytes, { check: to === 'json' });
    if (r.unreadable) {
      for (const f of r.findings) deps.err(formatFinding(f));
      return 2;
    }
    if (to === 'docx' || to === 'pdf') {
      const { writeFile } = await import('node:fs/promises');
      let bytes: Uint8Array;
      if (to === 'docx')
        bytes = await (
          await import('../../adapters/render/docx-report-renderer.js')
        ).renderReportDocx(r.report);
      else {
        const { printPdf, closePdfPrinter } = await import('../../adapters/render/pdf-printer.js');
        const { renderReportHtml } = await import('../../adapters/render/html-report-renderer.js');
        try {
          bytes = await printPdf(renderReportHtml(r.report));
        } finally {
          await closePdfPrinter();
        }
      }
      await writeFile(outFile as string, bytes);
      deps.err(`已写入 ${outFile}（${bytes.length} 字节）`);
      return 0;
    }
    deps.out(deps.renderers[to as 'html' | 'md' | 'txt' | 'json'](r.report, r.findings));
    return 0;
  }

  let exportTo: 'xlsx' | 'csv' | null = null;
  let exportTable: 'reports' | 'cells' | 'findings' = 'cells';
  if (sub === 'export') {
    const to = flags.get('to');
    if (to !== 'xlsx' && to !== 'csv') {
      deps.err('--to 必须是 xlsx 或 csv');
      return 2;
    }
    if (to === 'xlsx' && typeof flags.get('out') !== 'string') {
      deps.err('--to xlsx 需要用 --out 指定输出文件');
      return 2;
    }
    const tb = flags.get('table') ?? 'cells';
    if (tb !== 'reports' && tb !== 'cells' && tb !== 'findings') {
      deps.err('--table 必须是 reports、cells 或 findings');
      return 2;
    }
    exportTo = to;
    exportTable = tb;
  }
  const tables = exportTo ? emptyReportTables() : null;

  let prev;
  const prevPath = flags.get('prev');
  if (typeof prevPath === 'string') {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(prevPath);
    } catch {
      deps.err(`无法读取上年报告：${prevPath}`);
      return 2;
    }
    const p = await readAndCheckReport(deps.parsers, prevPath, bytes, { check: false });
    if (p.unreadable) {
      deps.err(`上年报告无法读取：${prevPath}`);
      return 2;
    }
    prev = p.report;
  } else if (prevPath === true) {
    deps.err('--prev 后面需要上年报告的文件路径');
    return 2;
  }

  const { files, missing } = await expand(positional);
  for (const m of missing) deps.err(`找不到：${m}`);
  let exit = missing.length ? 2 : 0;
  const results: unknown[] = [];
  const long = files.length > 20;
  const t0 = performance.now();
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      deps.err(`无法读取文件：${file}`);
      exit = 2;
      continue;
    }
    const r = await readAndCheckReport(deps.parsers, file, bytes, {
      check: sub !== 'parse',
      ...(prev ? { prev } : {}),
    });
    if (r.unreadable) exit = 2;
    else if (r.failed && sub !== 'parse' && exit === 0) exit = 1;
    if (tables) {
      addReport(tables, file, r.report, r.findings, r.unreadable);
    } else if (json) {
      results.push({ file, ...JSON.parse(deps.renderers.json(r.report, r.findings)) });
    } else {
      const rep = r.report;
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of r.findings) counts[f.severity]++;
      const numbers = rep.cells.filter((c) => c.value !== null).length;
      deps.out(
        `${file}\n  ${rep.organ ?? '（机关不详）'} ${rep.year ?? '（年度不详）'}年 · ${rep.format === '2021' ? '2021年版格式' : '2019年试行格式'} · 读到${rep.cells.length}个单元格（${numbers}个数字）· 错误${counts.error} 警告${counts.warning} 提示${counts.info}`,
      );
      for (const f of r.findings) deps.out(formatFinding(f));
    }
    if (long && (deps.isTTY || (i + 1) % 100 === 0 || i + 1 === files.length)) {
      const el = (performance.now() - t0) / 1000;
      deps.err(
        `${deps.isTTY ? '\r' : ''}已处理 ${i + 1}/${files.length} 个文件，${el.toFixed(1)} 秒${deps.isTTY && i + 1 < files.length ? '' : '\n'}`,
      );
    }
  }
  if (tables) {
    const outFile = flags.get('out');
    if (exportTo === 'xlsx') {
      const { writeXlsx } = await import('../../adapters/render/xlsx/xlsx-writer.js');
      const bytes = await writeXlsx([
        { name: '报告', rows: tables.reports, widths: [40, 28, 8, 12, 8, 8, 8, 8, 8, 10] },
        { name: '数据', rows: tables.cells, widths: [40, 28, 8, 12, 6, 40, 24, 10, 10, 16] },
        { name: '核对结果', rows: tables.findings, widths: [40, 28, 8, 26, 10, 60, 40, 10, 10, 8] },
      ]);
      const { writeFile } = await import('node:fs/promises');
      await writeFile(outFile as string, bytes);
      deps.err(
        `已写入 ${outFile}：${tables.reports.length - 1}份报告，${tables.cells.length - 1}个单元格，${tables.findings.length - 1}条核对结果`,
      );
    } else {
      const { toCsv } = await import('../../adapters/render/csv-writer.js');
      const csv = toCsv(tables[exportTable].map((row) => row.map((v) => (v === null ? '' : String(v)))));
      if (typeof outFile === 'string') {
        const { writeFile } = await import('node:fs/promises');
        await writeFile(outFile, csv);
        deps.err(`已写入 ${outFile}：${tables[exportTable].length - 1}行`);
      } else deps.out(csv.replace(/\r\n$/, ''));
    }
    return exit;
  }
  if (json)
    deps.out(
      JSON.stringify(
        files.length === 1 && positional.length === 1 && results.length === 1 ? results[0] : results,
        null,
        2,
      ),
    );
  return exit;
}
