/**
 * 雷同: evaluators deduct for prose copied from last year's report or another organ's. The report page compares
 * the paragraphs of Sections 一, 五 and 六 with the organ's previous-year published report and with the other
 * organs' published reports of the same year on the platform (core/annual-report/similarity.ts).
 */
import type { Organ } from '../../core/entities.js';
import type { AnnualReport } from '../../core/annual-report/report-model.js';
import { type Finding, finding } from '../../core/annual-report/report-findings.js';
import { paragraphs, similarParagraphs } from '../../core/annual-report/similarity.js';
import { type AppDeps, today } from '../deps.js';
import { reportTitleYear } from './report-guards.js';

export async function copiedProse(deps: AppDeps, organ: Organ, report: AnnualReport): Promise<Finding[]> {
  const year = report.year!;
  const mine = (['一', '五', '六'] as const).flatMap((id) => paragraphs(report.sections[id]));
  if (!mine.length) return [];
  const organs = await deps.store.organs.list();
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const o of organs) {
    const published = await deps.store.publication.items.listPublic({
      columnIds: [`${o.id}:reports`],
      today: today(deps),
      limit: 20,
    });
    for (const rep of published) {
      const y = reportTitleYear(rep.title);
      const own = o.id === organ.id;
      if (!(own ? y === year - 1 : y === year)) continue;
      const full = await deps.store.publication.items.find(rep.id);
      const theirs = (full?.bodyText ?? '').split(/\n+/).filter((p) => p.trim());
      for (const m of similarParagraphs(mine, theirs)) {
        if (seen.has(m.mine)) continue;
        seen.add(m.mine);
        out.push(
          finding(
            'text_similar',
            `${own ? `与本机关${year - 1}年的年度报告` : `与${o.name}${year}年的年度报告`}雷同（${Math.round(m.score * 100)}%相同）：“${m.mine.slice(0, 60)}${m.mine.length > 60 ? '……' : ''}”`,
            [],
            { actual: m.mine.slice(0, 200), expected: m.theirs.slice(0, 200) },
          ),
        );
      }
    }
  }
  return out;
}
