/**
 * `gongkai calendar add-workdays|explain|is-workday` on the national calendar (2019–2026).
 */
import { createCalendar, isIsoDate } from '../../core/calendar/holiday-calendar.js';
import { addWorkingDays, dayReason, explainAddWorkingDays, isWorkday } from '../../core/calendar/working-days.js';
import { nationalCalendarEntries } from '../../adapters/calendar/chinese-days-seed.js';
import type { CliIO } from '../main.js';

export const CALENDAR_USAGE = `  gongkai calendar add-workdays 日期 N     输出该日次日起算第N个工作日（ISO日期）
  gongkai calendar explain 日期 N          说明计算过程：跳过了哪些日子、为什么
  gongkai calendar is-workday 日期         是否工作日（含调休上班），并说明原因
日期格式 YYYY-MM-DD；内置2019–2026年国务院办公厅节假日安排。`;

/** Runs `gongkai calendar …`; returns the exit code. */
export function runCalendarCommand(args: string[], io: CliIO): number {
  const [sub, date, nRaw] = args;
  if (!sub || !['add-workdays', 'explain', 'is-workday'].includes(sub)) { io.err(`用法：\n${CALENDAR_USAGE}`); return 2; }
  if (!date || !isIsoDate(date)) { io.err(`日期“${date ?? ''}”无效，应为YYYY-MM-DD格式的真实日期`); return 2; }
  const cal = createCalendar(nationalCalendarEntries());
  const y = Number(date.slice(0, 4));
  if (y < cal.firstYear || y > cal.lastYear) io.err(`提示：${y}年不在内置节假日数据（${cal.firstYear}–${cal.lastYear}年）内，只按周末计算`);
  if (sub === 'is-workday') {
    const w = isWorkday(date, cal);
    io.out(`${w ? '是' : '否'}\t${dayReason(date, cal)}`);
    return 0;
  }
  const n = Number(nRaw);
  if (!Number.isInteger(n) || n < 0 || n > 3650) { io.err(`工作日数“${nRaw ?? ''}”无效，应为0到3650之间的整数`); return 2; }
  if (sub === 'add-workdays') io.out(addWorkingDays(date, n, cal));
  else {
    const e = explainAddWorkingDays(date, n, cal);
    io.out(e.text);
    for (const s of e.skipped) io.out(`  跳过 ${s.date} ${s.reason}`);
  }
  return 0;
}
