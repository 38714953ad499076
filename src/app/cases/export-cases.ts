/**
 * Use case: export the cases a user may see as CSV (UTF-8 with BOM for spreadsheet programs) or XLSX. Personal
 * data is masked: applicant names shortened (张*), no ID numbers, phones or addresses.
 */
import type { StaffUser } from '../../core/entities.js';
import { STATE_LABEL, replay } from '../../core/case/case-machine.js';
import { APPLICANT_COLUMN, CHANNEL_LABEL, findOutcome, outcomeRow } from '../../core/case/case-model.js';
import { formatForYear } from '../../core/annual-report/report-model.js';
import { AppError, type AppDeps, maskName } from '../deps.js';
import { audit } from '../audit.js';
import { visibleOrganIds } from '../policies/case-policy.js';
import { toCsv } from '../../adapters/render/csv-writer.js';

export async function exportCasesCsv(deps: AppDeps, user: StaffUser, year: number | null): Promise<string> {
  return toCsv(await exportCaseRows(deps, user, year));
}

export async function exportCasesXlsx(
  deps: AppDeps,
  user: StaffUser,
  year: number | null,
): Promise<Uint8Array> {
  const { writeXlsx } = await import('../../adapters/render/xlsx/xlsx-writer.js');
  return writeXlsx([
    {
      name: year ? `${year}年依申请公开` : '依申请公开',
      rows: await exportCaseRows(deps, user, year),
      widths: [16, 22, 12, 14, 12, 12, 10, 12, 30, 36, 12],
    },
  ]);
}

/** The header and one row per case, personal data masked. */
export async function exportCaseRows(
  deps: AppDeps,
  user: StaffUser,
  year: number | null,
): Promise<string[][]> {
  const organs = await deps.store.organs.list();
  const ids = visibleOrganIds(user, organs);
  const all = await deps.store.cases.allWithEvents(ids);
  const lines = [
    [
      '案件编号',
      '机关',
      '申请人（已脱敏）',
      '申请人类型',
      '渠道',
      '收到日期',
      '状态',
      '答复期限',
      '办理结果',
      '计入年度报告的行',
      '办结日期',
    ],
  ];
  for (const { row, events } of all.sort((a, b) => (a.row.id < b.row.id ? -1 : 1))) {
    if (year && !row.receivedOn.startsWith(String(year))) continue;
    const s = replay(
      events.map((e) => e.event),
      { calendar: deps.calendar, rules: deps.rules },
    ).snapshot;
    const o = s.outcome ? findOutcome(s.outcome) : undefined;
    const concludedYear = s.concludedOn ? Number(s.concludedOn.slice(0, 4)) : null;
    lines.push([
      row.id,
      organs.find((x) => x.id === row.organId)?.name ?? '',
      maskName(row.applicantName),
      APPLICANT_COLUMN[row.applicantType],
      CHANNEL_LABEL[row.channel],
      row.receivedOn,
      STATE_LABEL[s.state],
      row.dueOn ?? '',
      o?.label ?? '',
      o && concludedYear ? `${concludedYear}年 ${outcomeRow(o.code, formatForYear(concludedYear))}` : '',
      s.concludedOn ?? '',
    ]);
  }
  return lines;
}

/** The export the back office downloads: CSV or XLSX of the user's cases (masked), audited. */
export async function exportCases(
  deps: AppDeps,
  user: StaffUser,
  format: string,
  yearParam: string | undefined,
  ip: string,
): Promise<{ mime: string; filename: string; bytes: string | Uint8Array }> {
  if (format !== 'csv' && format !== 'xlsx')
    throw new AppError('not_found', '不支持的导出格式（可选CSV或XLSX）', 'not_found');
  const year = /^\d{4}$/.test(yearParam ?? '') ? Number(yearParam) : null;
  const bytes =
    format === 'csv' ? await exportCasesCsv(deps, user, year) : await exportCasesXlsx(deps, user, year);
  await audit(deps.store, deps.now(), {
    organId: user.organId,
    userId: user.id,
    role: user.role,
    action: 'export.cases',
    ip,
    detail: { year, format },
  });
  const mime =
    format === 'csv'
      ? 'text/csv; charset=utf-8'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { mime, filename: `依申请公开案件${year ?? ''}.${format}`, bytes };
}
