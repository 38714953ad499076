/**
 * Random annual reports for property tests: both formats, blanks, marks ("—", "/", "无"), decimals for money,
 * signed 本年增/减, and prose sections free of table labels.
 */
import {
  type AnnualReport,
  type ReportFormat,
  emptyReport,
  slotsOf,
} from '../../src/core/annual-report/report-model.js';

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORGANS = ['田湖镇人民政府', '某县人民政府办公室', '某市生态环境局', '某区司法局', '某县自然资源局'];
const PROSE = [
  '本年度，本机关认真贯彻落实有关要求，持续推进政务公开工作。',
  '加强组织领导，完善工作机制，做好信息发布审核。',
  '下一步将进一步加强培训，提高公开质量。',
  '严格落实保密审查制度，坚持先审后发。',
];

export function randomReport(seed: number, format?: ReportFormat): AnnualReport {
  const r = rng(seed);
  const fmt: ReportFormat = format ?? (r() < 0.5 ? '2019-trial' : '2021');
  const year = fmt === '2019-trial' ? 2019 + Math.floor(r() * 2) : 2021 + Math.floor(r() * 5);
  const organ = ORGANS[Math.floor(r() * ORGANS.length)]!;
  const rep = emptyReport(fmt, year, organ);
  rep.title = `${organ}${year}年政府信息公开工作年度报告`;
  const para = (): string =>
    Array.from({ length: 1 + Math.floor(r() * 3) }, () => PROSE[Math.floor(r() * PROSE.length)]!).join('');
  rep.sections.一 = `一、总体情况\n${para()}`;
  rep.sections.五 = `五、存在的主要问题及改进情况\n${para()}`;
  rep.sections.六 = `六、其他需要报告的事项\n${r() < 0.3 ? '无' : para()}`;
  for (const s of slotsOf(fmt)) {
    const x = r();
    if (x < 0.08) {
      rep.cells.push({ table: s.table, row: s.row, column: s.column, value: null, raw: '' });
      continue;
    }
    if (x < 0.12) {
      const m = ['—', '/', '无'][Math.floor(r() * 3)]!;
      rep.cells.push({ table: s.table, row: s.row, column: s.column, value: null, raw: m });
      continue;
    }
    let v: number;
    if (s.kind === 'money') v = Math.round(r() * 1e6) / 1e4;
    else if (s.kind === 'signed') v = Math.floor(r() * 41) - 20;
    else v = r() < 0.4 ? 0 : Math.floor(r() * (r() < 0.1 ? 100000 : 300));
    rep.cells.push({
      table: s.table,
      row: s.row,
      column: s.column,
      value: v,
      raw: s.kind === 'signed' && v > 0 ? `+${v}` : String(v),
    });
  }
  return rep;
}
