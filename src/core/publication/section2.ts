/**
 * The annual report's Section 二, 第二十条第（一）项, counted from the published 规章 and 行政规范性文件:
 * 本年制发件数 (first published in the year), 本年废止件数 (repealed in the year), 现行有效件数 (published by the year's
 * end and not then 失效 or 废止). 2021 format labels.
 */
import type { ReportCell } from '../annual-report/report-model.js';

export interface DocRecord {
  docType: 'regulation' | 'normative' | 'other';
  firstPublishedOn: string | null;
  withdrawn: boolean;
  validity: 'valid' | 'expired' | 'repealed';
  validityDate: string | null;
}

export function section2Article1(docs: Iterable<DocRecord>, year: number): ReportCell[] {
  const y0 = `${year}-01-01`;
  const y1 = `${year}-12-31`;
  const counts = { regulation: [0, 0, 0], normative: [0, 0, 0] };
  for (const d of docs) {
    if (d.docType === 'other' || !d.firstPublishedOn) continue;
    const c = counts[d.docType];
    if (d.firstPublishedOn >= y0 && d.firstPublishedOn <= y1) c[0]!++;
    if (d.validity === 'repealed' && d.validityDate && d.validityDate >= y0 && d.validityDate <= y1) c[1]!++;
    const endedBy = d.validity !== 'valid' && d.validityDate !== null && d.validityDate <= y1;
    if (d.firstPublishedOn <= y1 && !d.withdrawn && !endedBy) c[2]!++;
  }
  const cols = ['本年制发件数', '本年废止件数', '现行有效件数'];
  const out: ReportCell[] = [];
  for (const [key, row] of [
    ['regulation', '第二十条第（一）项/规章'],
    ['normative', '第二十条第（一）项/行政规范性文件'],
  ] as const) {
    cols.forEach((column, i) => {
      const v = counts[key][i]!;
      out.push({ table: '二', row, column, value: v, raw: String(v) });
    });
  }
  return out;
}
