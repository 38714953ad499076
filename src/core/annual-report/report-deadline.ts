/**
 * When an organ's 政府信息公开工作年度报告 for the previous year is due.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import type { Organ } from '../entities.js';

/**
 * 条例第四十九条: 县级以上人民政府部门 publish their annual report by 1月31日, 县级以上地方人民政府 by 3月31日.
 * Townships' deadlines are set locally (regulation.md: e.g. 2月20日 in one city), so a supervising jurisdiction
 * may set any organ's (`reportDeadline`, MM-DD), which then wins; unset, a township defaults to 1月31日.
 *
 * @param year the year in which the report is due (the report covers `year - 1`)
 * @example reportDeadline({ kind: 'government', reportDeadline: null }, 2024) // '2024-03-31'
 */
export function reportDeadline(organ: Pick<Organ, 'kind' | 'reportDeadline'>, year: number): IsoDate {
  if (organ.reportDeadline) return `${year}-${organ.reportDeadline}`;
  return organ.kind === 'government' ? `${year}-03-31` : `${year}-01-31`;
}
