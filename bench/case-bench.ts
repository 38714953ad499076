/**
 * Deadline computations per second, and a year's Section 三/四 statistics for 1,000,000 cases.
 */
import { createCalendar } from '../src/core/calendar/holiday-calendar.js';
import { addWorkingDays } from '../src/core/calendar/working-days.js';
import { nationalCalendarEntries } from '../src/adapters/calendar/chinese-days-seed.js';
import { DEFAULT_CASE_RULES } from '../src/core/case/case-rules.js';
import { replay } from '../src/core/case/case-machine.js';
import { caseStatus } from '../src/core/case/deadlines.js';
import { type CaseSummary, countSection3, summarizeCase } from '../src/core/case/case-statistics.js';
import { randomHistory } from '../test/helpers/random-cases.js';

export function runCaseBench(): void {
  const cal = createCalendar(nationalCalendarEntries());
  const ctx = { calendar: cal, rules: DEFAULT_CASE_RULES };
  console.log('\n== 工作日历与案件期限（单核） ==');
  const starts = Array.from({ length: 2000 }, (_, i) =>
    new Date(Date.UTC(2019, 0, 1) + i * 86400000).toISOString().slice(0, 10),
  );
  let n = 0;
  let t0 = performance.now();
  while (performance.now() - t0 < 1000) {
    addWorkingDays(starts[n % starts.length]!, 20, cal);
    n++;
  }
  const addRate = n / ((performance.now() - t0) / 1000);
  console.log(`addWorkingDays(日期, 20)                         ${addRate.toFixed(0).padStart(10)} 次/秒`);

  const pool = Array.from({ length: 5000 }, (_, i) => randomHistory(i + 1, ctx));
  n = 0;
  t0 = performance.now();
  while (performance.now() - t0 < 1000) {
    caseStatus(pool[n % pool.length]!.snapshot, '2024-06-30', cal, DEFAULT_CASE_RULES);
    n++;
  }
  const statusRate = n / ((performance.now() - t0) / 1000);
  console.log(
    `案件状态（含答复期限、暂停、延期）                  ${statusRate.toFixed(0).padStart(10)} 次/秒`,
  );

  n = 0;
  t0 = performance.now();
  while (performance.now() - t0 < 1000) {
    replay(pool[n % pool.length]!.events, ctx);
    n++;
  }
  const replayRate = n / ((performance.now() - t0) / 1000);
  console.log(
    `重放案件记录（逐事件校验迁移表）                    ${replayRate.toFixed(0).padStart(10)} 件/秒`,
  );

  // 1,000,000 cases: replay + summarise every one, then count a year
  const N = 1_000_000;
  t0 = performance.now();
  const summaries: CaseSummary[] = new Array(N);
  for (let i = 0; i < N; i++)
    summaries[i] = summarizeCase(replay(pool[i % pool.length]!.events, ctx).snapshot)!;
  const tReplay = performance.now() - t0;
  t0 = performance.now();
  const counts = countSection3(summaries, 2023);
  const tCount = performance.now() - t0;
  const total =
    counts.counts[counts.rows.indexOf('一、本年新收政府信息公开申请数量')]![6]! +
    counts.counts[counts.rows.indexOf('二、上年结转政府信息公开申请数量')]![6]!;
  console.log(
    `1,000,000件：重放并汇总 ${(tReplay / 1000).toFixed(2)} 秒；统计2023年度第三部分 ${tCount.toFixed(0)} 毫秒（涉及${total}件）`,
  );
  console.log(
    `比值：统计/重放 = ${(tCount / tReplay).toFixed(3)}；目标“数秒内”：${tReplay + tCount < 10000 ? '达到' : '未达到'}（合计${((tReplay + tCount) / 1000).toFixed(2)}秒）`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) runCaseBench();
