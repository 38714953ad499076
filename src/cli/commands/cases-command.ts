/**
 * `gongkai cases replay FILE` and `gongkai cases stats --year Y FILE…`.
 */
import { readFile } from 'node:fs/promises';
import { isIsoDate } from '../../core/calendar/iso-date.js';
import { cnDate } from '../../core/calendar/working-days.js';
import { builtInCalendar } from '../../app/admin/calendar.js';
import { STATE_LABEL, replay } from '../../core/case/case-machine.js';
import { DEFAULT_CASE_RULES } from '../../core/case/case-rules.js';
import { caseClocks, caseStatus } from '../../core/case/deadlines.js';
import { findOutcome, outcomeRow } from '../../core/case/case-model.js';
import { emptyReport, formatForYear } from '../../core/annual-report/report-model.js';
import { validateReport } from '../../core/annual-report/validate-report.js';
import { renderReportJson } from '../../adapters/render/json-report-renderer.js';
import { parseCaseFiles } from '../../app/cases/case-json.js';
import { countOrganYear } from '../../app/reports/gather-organ-year.js';
import type { CliIO } from '../main.js';

export const CASES_USAGE = `  gongkai cases replay 案件JSON [--today 日期]   重放案件记录：状态、每个期限及其计算过程
  gongkai cases stats --year 年度 案件JSON…       由案件记录统计年度报告第三、四部分（报告JSON）
案件JSON格式见 docs/case-json.md。`;

async function load(files: string[], io: CliIO) {
  const all = [];
  for (const f of files) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(f, 'utf8'));
    } catch (e) {
      io.err(`无法读取 ${f}：${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
    const { cases, errors } = parseCaseFiles(json);
    if (errors.length) {
      io.err(`${f} 格式有误：\n  ${errors.join('\n  ')}`);
      return null;
    }
    all.push(...cases);
  }
  return all;
}

/** Runs `gongkai cases …`; returns the exit code. */
export async function runCasesCommand(args: string[], io: CliIO, today: string): Promise<number> {
  const [sub, ...rest] = args;
  const files: string[] = [];
  let year: number | undefined;
  let day = today;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--year') {
      year = Number(rest[++i]);
      continue;
    }
    if (a === '--today') {
      day = rest[++i] ?? '';
      continue;
    }
    files.push(a);
  }
  if (sub !== 'replay' && sub !== 'stats') {
    io.err(`用法：\n${CASES_USAGE}`);
    return 2;
  }
  if (!files.length) {
    io.err('缺少案件JSON文件');
    return 2;
  }
  if (!isIsoDate(day)) {
    io.err(`--today 日期“${day}”无效`);
    return 2;
  }
  const cases = await load(files, io);
  if (!cases) return 2;
  const calendar = builtInCalendar();
  const ctx = { calendar, rules: DEFAULT_CASE_RULES };
  if (sub === 'replay') {
    let code = 0;
    for (const c of cases) {
      const r = replay(c.events, ctx);
      const s = r.snapshot;
      io.out(`案件 ${c.id}${c.organ ? `（${c.organ}）` : ''}：${STATE_LABEL[s.state]}`);
      if (r.error) {
        io.out(`  第${r.error.index + 1}个事件被拒绝（${r.error.code}）：${r.error.message}`);
        code = 1;
      }
      if (s.outcome) {
        const y = Number((s.concludedOn ?? '').slice(0, 4));
        io.out(
          `  办理结果：${findOutcome(s.outcome)!.label}（${findOutcome(s.outcome)!.article}）；计入${y}年度报告「${outcomeRow(s.outcome, formatForYear(y))}」`,
        );
      }
      const st = caseStatus(s, day, calendar, DEFAULT_CASE_RULES);
      if (st.due)
        io.out(
          `  答复期限：${st.due}（${cnDate(st.due)}）${st.overdue ? `，已逾期${-st.daysLeft!}个工作日` : st.daysLeft !== null ? `，截至${day}尚余${st.daysLeft}个工作日${st.dueSoon ? '（即将到期）' : ''}` : ''}${st.answeredLate ? '，逾期答复' : ''}`,
        );
      else if (st.suspended) io.out('  答复期限：暂停计算');
      for (const k of caseClocks(s, calendar, DEFAULT_CASE_RULES))
        io.out(`  · ${k.label}（${k.article}）${k.due ? `：${k.due}` : '：暂停'}\n    ${k.text}`);
      for (const w of s.warnings) io.out(`  ！${w.message}`);
    }
    return code;
  }
  if (year === undefined || !Number.isInteger(year) || year < 2008 || year > 2100) {
    io.err('--year 应为四位年度，如 --year 2024');
    return 2;
  }
  const counted = countOrganYear({ cases, reviews: cases.flatMap((c) => c.reviews ?? []) }, year, ctx);
  for (const r of counted.refused)
    io.err(`案件 ${r.caseId} 第${r.index + 1}个事件被拒绝：${r.message}（按此前记录统计）`);
  const organs = [...new Set(cases.map((c) => c.organ).filter(Boolean))];
  const report = emptyReport(formatForYear(year), year, organs.length === 1 ? organs[0]! : null);
  report.cells = [...counted.section3, ...counted.section4];
  const findings = validateReport(report).filter((f) => !(f.cells[0]?.table === '二'));
  io.out(renderReportJson(report, findings));
  return counted.refused.length ? 1 : 0;
}
