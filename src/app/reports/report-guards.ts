/**
 * What an organ may publish in its 政府信息公开年报 column (条例第四十九条、第五十条): the report of a year that has
 * ended, finished (no template placeholder left), and one per organ and year — a correction is a new version of
 * the same item, with its reason. Checked when the item is published, whatever route or role publishes it.
 */
import type { ItemRow, ItemVersion } from '../../core/entities.js';
import type { Store } from '../../core/ports.js';
import { findPlaceholders } from '../../core/annual-report/placeholders.js';
import { AppError } from '../deps.js';

/** The report year a 年报 title names (…2025年政府信息公开工作年度报告), or null. */
export function reportTitleYear(title: string): number | null {
  const m = /(\d{4})\s*年(度)?政府信息公开(工作)?年度报告/.exec(title);
  return m ? Number(m[1]) : null;
}

export const isReportColumn = (item: Pick<ItemRow, 'columnId' | 'organId'>) =>
  item.columnId === `${item.organId}:reports`;

/** Refuses the publication of `version` of a 年报 item when it breaks a rule above. */
export async function assertReportPublishable(
  tx: Store,
  item: ItemRow,
  version: ItemVersion,
  todayIso: string,
): Promise<void> {
  if (!isReportColumn(item)) return;
  const refuse = (message: string) => {
    throw new AppError('report_not_publishable', message, 'conflict');
  };
  const year = reportTitleYear(version.title);
  if (!year) refuse('年报的标题应写明报告年度，如“××镇人民政府2025年政府信息公开工作年度报告”');
  if (year! >= Number(todayIso.slice(0, 4)))
    refuse(`${year}年尚未结束：年度报告在次年1月1日以后编制和公布，不能发布本年度的草稿`);
  const holes = findPlaceholders(`${version.title}\n${version.bodyText}`, 3);
  if (holes.length)
    refuse(
      `年报中还有模板占位文字，不能发布：${holes.map((h) => `“${h.sentence}”（${h.found}）`).join('；')}`,
    );
  // every published version counts, also one scheduled for a later day
  const published = await tx.publication.items.listPublic({
    columnIds: [item.columnId],
    today: '9999-12-31',
    limit: 200,
  });
  const other = published.find((p) => p.id !== item.id && reportTitleYear(p.title) === year);
  if (other)
    refuse(
      `本机关${year}年的年度报告已经发布（索引号${other.indexNo}）。每个年度只发布一份；如需更正，请在已发布的报告上“修订”，写明更正原因`,
    );
}
