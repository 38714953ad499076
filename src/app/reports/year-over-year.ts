/**
 * Year over year on the report page: this year's key figures beside last year's — from last year's published
 * 年报 when there is one (what the public read), else counted from the data — and a warning for a large change
 * Section 一 does not explain (evaluators ask for the reason of a jump or a fall). Large: at least 10 and at least
 * half of last year's figure (or from 0 to 10 or more). Explained: Section 一 says 同比, 增加, 减少, 上升, 下降,
 * 增长 or 原因 in the sentence that names the figure's topic.
 */
import type { Organ } from '../../core/entities.js';
import {
  type AnnualReport,
  type ReportCell,
  S3_CARRIED_OUT,
  S3_NEW,
  S3_TOTAL,
} from '../../core/annual-report/report-model.js';
import { type Finding, finding } from '../../core/annual-report/report-findings.js';
import type { AppDeps } from '../deps.js';
import { today } from '../deps.js';
import { gatherOrganYear } from './gather-organ-year.js';
import { readAndCheckReportIn } from './check-report.js';
import { sharedParsePool } from '../../adapters/parse/parse-pool.js';
import { reportTitleYear } from './report-guards.js';

export interface Figure {
  label: string;
  /** the words Section 一 uses for it */
  topic: RegExp;
  last: number | null;
  now: number | null;
}

/**
 * The 总计 column of a Section 三 or 四 row — a row path, its last part (（七）总计) or a group whose rows it sums
 * (行政诉讼 = 未经复议直接起诉 + 复议后起诉); null when none of its cells holds a number.
 */
export const rowTotal = (cells: readonly ReportCell[], table: '三' | '四', row: string) =>
  cells
    .filter(
      (c) => c.table === table && (c.row.startsWith(row) || c.row.endsWith(`/${row}`)) && c.column === '总计',
    )
    .reduce<number | null>((sum, c) => (c.value === null ? sum : (sum ?? 0) + c.value), null);

function figures(cells: readonly ReportCell[]) {
  return [
    { label: '本年新收政府信息公开申请', topic: /申请|新收/, v: rowTotal(cells, '三', S3_NEW) },
    { label: '本年度办结', topic: /办结|答复/, v: rowTotal(cells, '三', S3_TOTAL) },
    { label: '结转下年度继续办理', topic: /结转/, v: rowTotal(cells, '三', S3_CARRIED_OUT) },
    { label: '行政复议', topic: /复议/, v: rowTotal(cells, '四', '行政复议') },
    { label: '行政诉讼', topic: /诉讼/, v: rowTotal(cells, '四', '行政诉讼') },
  ];
}

/** Last year's cells: its published 年报 read back, else counted from the organ's data. */
async function lastYearCells(
  deps: AppDeps,
  organ: Organ,
  year: number,
): Promise<{ cells: ReportCell[]; from: 'report' | 'data' }> {
  const published = await deps.store.publication.items.listPublic({
    columnIds: [`${organ.id}:reports`],
    today: today(deps),
    limit: 50,
  });
  const rep = published.find((p) => reportTitleYear(p.title) === year - 1);
  if (rep) {
    // the listing carries no body: read the item
    const full = await deps.store.publication.items.find(rep.id);
    const html = new TextEncoder().encode(`<h1>${rep.title}</h1>${full?.bodyHtml ?? ''}`);
    const r = await readAndCheckReportIn(sharedParsePool(), 'report.html', html, { check: false });
    if (!r.unreadable && r.report.cells.length) return { cells: r.report.cells, from: 'report' };
  }
  const y = await gatherOrganYear(deps, [organ.id], year - 1);
  return { cells: [...y.section3, ...y.section4], from: 'data' };
}

const EXPLAINS = /同比|增加|减少|上升|下降|增长|原因/;

export async function yearOverYear(
  deps: AppDeps,
  organ: Organ,
  report: AnnualReport,
): Promise<{ figures: Figure[]; findings: Finding[]; from: 'report' | 'data' }> {
  const year = report.year!;
  const last = await lastYearCells(deps, organ, year);
  const before = figures(last.cells);
  const now = figures(report.cells);
  const prose = report.sections.一 ?? '';
  const sentences = prose.split(/[。；\n]/);
  const out: Figure[] = now.map((f, i) => ({ label: f.label, topic: f.topic, last: before[i]!.v, now: f.v }));
  const findings: Finding[] = [];
  for (const f of out) {
    if (f.last === null || f.now === null) continue;
    const d = f.now - f.last;
    const large = Math.abs(d) >= 10 && (f.last === 0 || Math.abs(d) >= f.last / 2);
    if (!large) continue;
    if (sentences.some((s) => f.topic.test(s) && EXPLAINS.test(s))) continue;
    findings.push(
      finding(
        'prev_large_change',
        `${f.label}本年${f.now}件，上年${f.last}件（${d > 0 ? '增加' : '减少'}${Math.abs(d)}件${f.last ? `，${Math.round((Math.abs(d) / f.last) * 100)}%` : ''}），第一部分未说明变化的原因`,
        [],
        { expected: f.last, actual: f.now },
      ),
    );
  }
  return { figures: out, findings, from: last.from };
}
