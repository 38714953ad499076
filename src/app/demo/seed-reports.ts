/**
 * Demo 年报: the last two years' 政府信息公开工作年度报告 of each demo organ with staff, compiled from its own demo data
 * (cases, 规范性文件, 复议/诉讼) plus plausible hand-entered Section 二 figures, checked by every rule, and published
 * through the ordinary workflow (公开属性认定 → 保密审查 → 审核 → 发布) before the 条例第四十九条 deadline — so the
 * supervisor's dashboard and roll-up show real, checkable reports.
 */
import type { StaffUser } from '../../core/entities.js';
import { cellKey, indexCells } from '../../core/annual-report/report-model.js';
import { nextWorkdayOnOrAfter } from '../../core/calendar/working-days.js';
import { type AppDeps, today } from '../deps.js';
import {
  compileAnnualReport,
  draftReportItem,
  manualSection2Slots,
} from '../reports/compile-annual-report.js';
import { recordItemStep } from '../publication/items.js';

/** organ → [clerk, head, publication day (MM-DD) in the following year] */
const PLAN: Record<string, [string, string, string]> = {
  tianhu: ['th-clerk', 'th-head', '01-20'],
  'county-zrj': ['zrj-clerk', 'zrj-head', '01-27'],
  county: ['county-clerk', 'county-head', '03-16'],
};

export async function seedReports(deps: AppDeps): Promise<void> {
  const last = Number(today(deps).slice(0, 4)) - 1;
  // the year before last as well, so the supervisor's check of last year's report includes the carry-over
  for (const year of [last - 1, last]) if (year >= 2019) await seedYear(deps, year);
}

async function seedYear(deps: AppDeps, year: number): Promise<void> {
  for (const [organId, [clerkName, headName, mmdd]] of Object.entries(PLAN)) {
    const clerk = (await deps.store.users.findByUsername(clerkName)) as StaffUser;
    const head = (await deps.store.users.findByUsername(headName)) as StaffUser;
    const organ = (await deps.store.organs.find(organId))!;
    const on = nextWorkdayOnOrAfter(`${year + 1}-${mmdd}`, deps.calendar);
    const at = { ...deps, now: () => new Date(`${on}T02:00:00.000Z`) };
    const manual: Record<string, string> = {};
    let k = organ.code.length;
    for (const m of manualSection2Slots(year)) {
      k = (k * 7 + 3) % 97;
      manual[m.key] = m.column.includes('金额')
        ? (k / 37).toFixed(4)
        : m.column.includes('处理决定')
          ? String(20 + k)
          : String(k % 5);
    }
    const draft = (received: string) => ({
      year,
      sections: {
        一: `${year}年，${organ.name}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持“公开为常态、不公开为例外”，严格执行保密审查制度。全年共收到政府信息公开申请${received}件，均在法定期限内答复。`,
        五: '存在的主要问题：主动公开的及时性和解读回应工作仍有提升空间。改进情况：完善政府信息公开专栏目录，落实发布前保密审查，按月核对公开时限。',
        六: '本年度未收取信息处理费。',
      },
      manual,
    });
    const first = await compileAnnualReport(at, clerk, draft('0'));
    const received =
      indexCells(first.report.cells).get(cellKey('三', '一、本年新收政府信息公开申请数量', '总计'))?.value ??
      0;
    const compiled = await compileAnnualReport(at, clerk, draft(String(received)));
    if (compiled.findings.some((f) => f.severity === 'error')) {
      process.stderr.write(
        `演示年报未生成（${organ.name}）：${compiled.findings
          .filter((f) => f.severity === 'error')
          .map((f) => f.message)
          .join('；')}\n`,
      );
      continue;
    }
    const id = await draftReportItem(at, clerk, compiled, '127.0.0.1');
    await recordItemStep(
      at,
      clerk,
      id,
      'attributed',
      { disclosure: 'proactive', basis: '条例第四十九条' },
      '127.0.0.1',
    );
    await recordItemStep(
      at,
      head,
      id,
      'reviewed',
      { passed: 'yes', basis: '经审查，不涉及国家秘密、工作秘密和个人隐私' },
      '127.0.0.1',
    );
    await recordItemStep(at, head, id, 'approved', {}, '127.0.0.1');
    await recordItemStep(at, clerk, id, 'published', { publishOn: on }, '127.0.0.1');
  }
}
