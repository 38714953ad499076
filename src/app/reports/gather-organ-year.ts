/**
 * "Gather an organ's year", written once: the annual-report figures the system holds for one organ (or an organ
 * and its subordinates) — Section 二 第二十条第（一）项 from the published 规章/行政规范性文件 (2021 format),
 * Section 三 from the case histories, Section 四 from the 行政复议/行政诉讼 — for the compiled 年报
 * (compile-annual-report), the statistics page (organ-statistics) and `gongkai cases stats` (from JSON files).
 */
import type { ReportCell, ReportFormat } from '../../core/annual-report/report-model.js';
import { formatForYear } from '../../core/annual-report/report-model.js';
import type { CaseEvent } from '../../core/case/case-event.js';
import { replay } from '../../core/case/case-machine.js';
import {
  type CaseSummary,
  type ReviewCase,
  section3Cells,
  section4Cells,
  summarizeCase,
} from '../../core/case/case-statistics.js';
import { type DocRecord, section2Article1 } from '../../core/publication/section2.js';
import type { AppDeps } from '../deps.js';

/** What one organ's year is counted from. */
export interface OrganYearSource {
  /** every case of the organ(s), each with its whole history (the year is picked by the statistics) */
  cases: readonly { id: string; events: readonly CaseEvent[] }[];
  reviews: readonly ReviewCase[];
  /** the published-at-least-once 规章 and 行政规范性文件; omitted, Section 二 is not counted (the CLI) */
  documents?: readonly DocRecord[];
}

export interface OrganYear {
  year: number;
  format: ReportFormat;
  /** 第二十条第（一）项 (2021 format with documents; otherwise empty) */
  section2: ReportCell[];
  section3: ReportCell[];
  section4: ReportCell[];
  /** cases whose history stops at a refused event: counted as of the event before it */
  refused: { caseId: string; index: number; code: string; message: string }[];
}

/** Counts a year from histories, reviews and documents (no store: the CLI passes what it read from files). */
export function countOrganYear(
  src: OrganYearSource,
  year: number,
  ctx: Pick<AppDeps, 'calendar' | 'rules'>,
): OrganYear {
  const format = formatForYear(year);
  const summaries: CaseSummary[] = [];
  const refused: OrganYear['refused'] = [];
  for (const c of src.cases) {
    const r = replay(c.events, { calendar: ctx.calendar, rules: ctx.rules });
    if (r.error)
      refused.push({ caseId: c.id, index: r.error.index, code: r.error.code, message: r.error.message });
    const s = summarizeCase(r.snapshot);
    if (s) summaries.push(s);
  }
  return {
    year,
    format,
    section2: format === '2021' && src.documents ? section2Article1(src.documents, year) : [],
    section3: section3Cells(summaries, year),
    section4: section4Cells(src.reviews, year),
    refused,
  };
}

/** Reads the organs' cases, reviews and published documents from the store and counts `year`. */
export async function gatherOrganYear(
  deps: Pick<AppDeps, 'store' | 'calendar' | 'rules'>,
  organIds: string[],
  year: number,
): Promise<OrganYear> {
  const [cases, reviews, documents] = await Promise.all([
    deps.store.cases.allWithEvents(organIds),
    deps.store.reviews.listForOrgans(organIds),
    formatForYear(year) === '2021' ? deps.store.publication.items.documents(organIds) : [],
  ]);
  return countOrganYear(
    {
      cases: cases.map((c) => ({ id: c.row.id, events: c.events.map((e) => e.event) })),
      reviews: reviews.map((r) => ({
        id: r.id,
        kind: r.kind,
        filedOn: r.filedOn,
        ...(r.concludedOn ? { concludedOn: r.concludedOn } : {}),
        ...(r.result ? { result: r.result } : {}),
      })),
      documents: documents.map((d) => ({
        docType: d.docType,
        firstPublishedOn: d.firstPublishedOn,
        withdrawn: d.state === 'withdrawn',
        validity: d.validity,
        validityDate: d.validityDate,
      })),
    },
    year,
    deps,
  );
}
