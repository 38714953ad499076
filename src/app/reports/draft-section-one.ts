/**
 * Section 一 (总体情况) drafted from the organ's own data, for the clerk to edit: the information published in the
 * year per column (the seed's "工作简报54期，政务动态71条，重点领域信息126条" is such a sentence), timeliness under
 * 条例第二十六条, applications received, carried over and answered (as Section 三 counts them), and 行政复议 /
 * 行政诉讼 (Section 四). The topics the data cannot speak to (the 2021 format's 政府信息管理, 平台建设, 监督保障) are
 * left as 【请补充…】 — placeholder text the check reports as an error until the clerk writes them.
 */
import type { Organ } from '../../core/entities.js';
import { S3_CARRIED_IN, S3_CARRIED_OUT, S3_NEW, S3_TOTAL } from '../../core/annual-report/report-model.js';
import type { AppDeps } from '../deps.js';
import { gatherOrganYear } from './gather-organ-year.js';
import { lateItems } from '../publication/portal.js';
import { rowTotal } from './year-over-year.js';

export async function draftSectionOne(deps: AppDeps, organ: Organ, year: number): Promise<string> {
  const [published, late, y, columns] = await Promise.all([
    deps.store.publication.items.publishedInYear([organ.id], year),
    lateItems(deps, [organ.id], year),
    gatherOrganYear(deps, [organ.id], year),
    deps.store.publication.columns.list(organ.id),
  ]);
  // the 年报 itself is not counted as information published in the year it reports on
  const counted = published.filter((p) => p.columnId !== `${organ.id}:reports`);
  const byColumn = new Map<string, number>();
  for (const p of counted) byColumn.set(p.columnId, (byColumn.get(p.columnId) ?? 0) + 1);
  const name = (id: string) => columns.find((c) => c.id === id)?.name ?? '其他';
  const parts = [...byColumn]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([id, n]) => `${name(id)}${n}条`);
  const s3 = (row: string) => rowTotal(y.section3, '三', row) ?? 0;
  const s4 = (row: string) => rowTotal(y.section4, '四', row) ?? 0;
  const lines = [
    `${year}年，${organ.name}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`,
    `（一）主动公开。全年主动公开政府信息${counted.length}条${parts.length ? `，其中${parts.join('，')}` : ''}。${
      counted.length
        ? late.length
          ? `其中${late.length}条未在信息形成或者变更之日起20个工作日内公开（条例第二十六条），已分析原因并督促整改。`
          : '均在信息形成或者变更之日起20个工作日内公开（条例第二十六条）。'
        : ''
    }`,
    `（二）依申请公开。全年新收政府信息公开申请${s3(S3_NEW)}件，上年结转${s3(S3_CARRIED_IN)}件；本年度办结${s3(S3_TOTAL)}件，结转下年度继续办理${s3(S3_CARRIED_OUT)}件。因政府信息公开工作被申请行政复议${s4('行政复议')}件、提起行政诉讼${s4('行政诉讼')}件。`,
    '（三）政府信息管理。【请补充：信息发布审查、公开属性认定、政策文件清理等情况】',
    '（四）政府信息公开平台建设。【请补充：政府网站、政务新媒体、公开专栏等平台的建设和维护情况】',
    '（五）监督保障。【请补充：工作机构、人员配备、培训、考核和社会评议等情况】',
  ];
  return lines.join('\n');
}
