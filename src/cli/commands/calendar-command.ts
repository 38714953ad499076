/**
 * `gongkai calendar add-workdays|explain|is-workday` on the national calendar (2019–2026).
 */
import { readFileSync } from 'node:fs';
import type { CalendarEntry } from '../../core/calendar/holiday-calendar.js';
import { isIsoDate } from '../../core/calendar/iso-date.js';
import {
  addWorkingDays,
  dayReason,
  explainAddWorkingDays,
  isWorkday,
} from '../../core/calendar/working-days.js';
import { builtInCalendar } from '../../app/admin/calendar.js';
import type { CliIO } from '../main.js';

export const CALENDAR_USAGE = `  gongkai calendar add-workdays 日期 N     输出该日次日起算第N个工作日（ISO日期）
  gongkai calendar explain 日期 N          说明计算过程：跳过了哪些日子、为什么
  gongkai calendar is-workday 日期         是否工作日（含调休上班），并说明原因
  以上命令可加 --overlay 文件.json：本地（或新一年）的节假日安排，覆盖内置数据，
  格式 [{"date":"2027-01-01","kind":"rest","name":"元旦","source":"国务院办公厅通知"}]，kind 为 rest（放假）或 work（调休上班）。
日期格式 YYYY-MM-DD；内置2019–2026年国务院办公厅节假日安排。`;

/** Runs `gongkai calendar …`; returns the exit code. */
export function runCalendarCommand(argsIn: string[], io: CliIO): number {
  const args = argsIn.slice();
  let overlay: CalendarEntry[] = [];
  const oi = args.indexOf('--overlay');
  if (oi >= 0) {
    const file = args[oi + 1];
    args.splice(oi, 2);
    const r = readOverlay(file);
    if (typeof r === 'string') {
      io.err(r);
      return 2;
    }
    overlay = r;
  }
  const [sub, date, nRaw] = args;
  if (!sub || !['add-workdays', 'explain', 'is-workday'].includes(sub)) {
    io.err(`用法：\n${CALENDAR_USAGE}`);
    return 2;
  }
  if (!date || !isIsoDate(date)) {
    io.err(`日期“${date ?? ''}”无效，应为YYYY-MM-DD格式的真实日期`);
    return 2;
  }
  const cal = builtInCalendar(overlay);
  const y = Number(date.slice(0, 4));
  if (y < cal.firstYear || y > cal.lastYear)
    io.err(`提示：${y}年不在内置节假日数据（${cal.firstYear}–${cal.lastYear}年）内，只按周末计算`);
  if (sub === 'is-workday') {
    const w = isWorkday(date, cal);
    io.out(`${w ? '是' : '否'}\t${dayReason(date, cal)}`);
    return 0;
  }
  const n = Number(nRaw);
  if (!Number.isInteger(n) || n < 0 || n > 3650) {
    io.err(`工作日数“${nRaw ?? ''}”无效，应为0到3650之间的整数`);
    return 2;
  }
  if (sub === 'add-workdays') io.out(addWorkingDays(date, n, cal));
  else {
    const e = explainAddWorkingDays(date, n, cal);
    io.out(e.text);
    for (const s of e.skipped) io.out(`  跳过 ${s.date} ${s.reason}`);
  }
  return 0;
}

/** Reads an overlay file; returns the entries or a Chinese message naming the problem. */
function readOverlay(file: string | undefined): CalendarEntry[] | string {
  if (!file) return '--overlay 后面需要节假日安排文件';
  let j: unknown;
  try {
    j = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return `无法读取节假日安排文件 ${file}：${e instanceof Error ? e.message : String(e)}`;
  }
  if (!Array.isArray(j)) return '节假日安排文件应为数组';
  const out: CalendarEntry[] = [];
  for (let i = 0; i < j.length; i++) {
    const e = j[i] as Partial<CalendarEntry>;
    if (!e || typeof e.date !== 'string' || !isIsoDate(e.date)) return `第${i + 1}项 date 无效`;
    if (e.kind !== 'rest' && e.kind !== 'work') return `第${i + 1}项 kind 应为 rest 或 work`;
    out.push({
      date: e.date,
      kind: e.kind,
      name: typeof e.name === 'string' && e.name ? e.name : e.kind === 'rest' ? '放假' : '调休上班',
      source: typeof e.source === 'string' ? e.source : file,
    });
  }
  return out;
}
