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
import { paragraphs, similarParagraphs } from '../../core/annual-report/similarity.js';

export interface Figure {
  label: string;
  /** the words Section 一 uses for it */
  topic: RegExp;
  last: number | null;
  now: number | null;
}

const total = (cells: readonly ReportCell[], table: '三' | '四', row: string) =>
  cells
    .filter(
      (c) =>
        c.table === table &&
        (c.row === row || c.row.endsWith(`/${row}`) || c.row.startsWith(`${row}`)) &&
        c.column === '总计',
    )
    .reduce<number | null>((s, c) => (c.value === null ? s : (s ?? 0) + c.value), null);

function figures(cells: readonly ReportCell[]) {
  return [
    { label: '本年新收政府信息公开申请', topic: /申请|新收/, v: total(cells, '三', S3_NEW) },
    { label: '本年度办结', topic: /办结|答复/, v: total(cells, '三', S3_TOTAL) },
    { label: '结转下年度继续办理', topic: /结转/, v: total(cells, '三', S3_CARRIED_OUT) },
    { label: '行政复议', topic: /复议/, v: total(cells, '四', '行政复议') },
    { label: '行政诉讼', topic: /诉讼/, v: total(cells, '四', '行政诉讼') },
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

/**
 * 雷同: paragraphs of Sections 一, 五 and 六 that repeat last year's published report of the organ, or another
 * organ's published report of the same year on the platform (core/annual-report/similarity.ts).
 */
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
