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

export type ReportRenderers = Record<'html' | 'md' | 'txt' | 'json', (r: AnnualReport, f: Finding[]) => string>;

export const renderers: ReportRenderers = {
  html: (r) => renderReportHtml(r),
  md: (r) => renderReportMarkdown(r),
  txt: (r) => renderReportText(r),
  json: (r, f) => renderReportJson(r, f),
};

const USAGE = `gongkai — 政府信息公开工作全流程软件

${REPORT_USAGE}`;

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[], io = { out: (s: string) => process.stdout.write(s + '\n'), err: (s: string) => process.stderr.write(s + (s.endsWith('\n') || s.startsWith('\r') ? '' : '\n')), isTTY: Boolean(process.stderr.isTTY) }): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'report':
      return runReportCommand(rest, { parsers: defaultReportParsers, renderers, ...io });
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
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`内部错误：${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 2; });
}
