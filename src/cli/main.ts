/**
 * The gongkai command line. Wires adapters into the use cases and dispatches commands.
 */
import type { AnnualReport } from '../core/annual-report/report-model.js';
import type { Finding } from '../core/annual-report/report-findings.js';
import { defaultReportParsers } from '../adapters/parse/report-parsers.js';
import { renderReportHtml } from '../adapters/render/html-report-renderer.js';
import { renderReportMarkdown, renderReportText } from '../adapters/render/text-report-renderer.js';
import { renderReportJson } from '../adapters/render/json-report-renderer.js';
import { REPORT_USAGE, runReportCommand } from './commands/report-command.js';
import { CALENDAR_USAGE, runCalendarCommand } from './commands/calendar-command.js';
import { CASES_USAGE, runCasesCommand } from './commands/cases-command.js';
import { SETUP_USAGE } from './commands/setup-command.js';
import { BACKUP_USAGE, runBackupCommand, runRestoreCommand } from './commands/backup-command.js';
import { JOBS_USAGE } from './commands/jobs-command.js';

export type ReportRenderers = Record<
  'html' | 'md' | 'txt' | 'json',
  (r: AnnualReport, f: Finding[]) => string
>;

export const renderers: ReportRenderers = {
  html: (r) => renderReportHtml(r),
  md: (r) => renderReportMarkdown(r),
  txt: (r) => renderReportText(r),
  json: (r, f) => renderReportJson(r, f),
};

const USAGE = `gongkai — 政府信息公开工作全流程软件

  gongkai serve [--demo]    启动网站（申请人服务和办理后台）；--demo 先重建演示数据并打印演示账号
  gongkai demo              同 serve --demo
  gongkai demo-report       年度报告引擎演示（读取并核对田湖镇2020年报告）
${BACKUP_USAGE}

安装（正式实例，数据库由 DATA_DIR 或 DATABASE_URL 指定）：
${SETUP_USAGE}

${REPORT_USAGE}

工作日历：
${CALENDAR_USAGE}

依申请公开案件：
${CASES_USAGE}

后台任务：
${JOBS_USAGE}`;

/**
 * The demo for now: checks the seed report (田湖镇人民政府2020年报告) when the corpus is beside the checkout,
 * or a generated sample otherwise, and writes the official-layout HTML to data/demo/.
 */
async function runDemo(io: CliIO): Promise<number> {
  const { existsSync, mkdirSync, writeFileSync, readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const seed = resolve(process.cwd(), '../shared/corpus/seed/000_b24edaa19e85be6d.txt');
  const dir = resolve(process.cwd(), 'data/demo');
  mkdirSync(dir, { recursive: true });
  io.out('gongkai 演示：年度报告引擎（读取、核对、按官方表格样式输出）\n');
  const file = existsSync(seed) ? seed : resolve(dir, 'sample.txt');
  if (!existsSync(seed)) {
    const { renderReportText } = await import('../adapters/render/text-report-renderer.js');
    const { emptyReport, slotsOf } = await import('../core/annual-report/report-model.js');
    const r = emptyReport('2021', 2025, '演示镇人民政府');
    for (const s of slotsOf('2021'))
      r.cells.push({ table: s.table, row: s.row, column: s.column, value: 0, raw: '0' });
    r.sections.一 = '一、总体情况\n本报告为演示样例。';
    writeFileSync(file, renderReportText(r));
  }
  const code = await runReportCommand(['check', file], { parsers: defaultReportParsers, renderers, ...io });
  const { parseReportText } = await import('../adapters/parse/text/text-report-parser.js');
  const parsed = parseReportText(readFileSync(file, 'utf8'));
  writeFileSync(resolve(dir, 'report.html'), renderReportHtml(parsed.report));
  io.out(`\n官方表格样式的HTML已写入：${resolve(dir, 'report.html')}`);
  io.out(
    '试试：node bin/gongkai.mjs report check 文件或目录…  |  node bin/gongkai.mjs report render 文件 --to html',
  );
  return code === 2 ? 2 : 0;
}

/** Runs the CLI with the given arguments; returns the exit code. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

const processIO: CliIO = {
  out: (s) => {
    process.stdout.write(s + '\n');
  },
  err: (s) => {
    process.stderr.write(s + (s.endsWith('\n') || s.startsWith('\r') ? '' : '\n'));
  },
  isTTY: Boolean(process.stderr.isTTY),
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'report':
      return runReportCommand(rest, { parsers: defaultReportParsers, renderers, ...io });
    case 'calendar':
      return runCalendarCommand(rest, io);
    case 'cases':
      return runCasesCommand(rest, io, new Date().toISOString().slice(0, 10));
    case 'backup':
      return runBackupCommand(rest, io);
    case 'restore':
      return runRestoreCommand(rest, io);
    case 'organ':
      return (await import('./commands/setup-command.js')).runOrganCommand(rest, io);
    case 'user':
      return (await import('./commands/setup-command.js')).runUserCommand(rest, io);
    case 'worker':
      return (await import('./commands/jobs-command.js')).runWorkerCommand(rest, io);
    case 'jobs':
      return (await import('./commands/jobs-command.js')).runJobsCommand(rest, io);
    case 'demo-report':
      return runDemo(io);
    case 'serve':
    case 'demo': {
      const { start } = await import('../web/main.js');
      await start(cmd === 'demo' ? ['--demo', ...rest] : rest);
      return new Promise<number>(() => {
        /* runs until stopped */
      });
    }
    case undefined:
    case 'help':
    case '--help':
      io.out(USAGE);
      return cmd ? 0 : 2;
    default:
      io.err(`未知命令“${cmd}”\n${USAGE}`);
      return 2;
  }
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`内部错误：${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
