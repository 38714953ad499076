/**
 * Use case: import an organ's existing annual report (a PDF, Word file or web page it published before gongkai)
 * into its 政府信息公开年报 column. The report engine reads it and checks it; the findings come back to the clerk;
 * the draft holds the report in the official layout and goes through 保密审查 like any item. A report of another
 * year or organ than the file claims is refused, so history is not mislabelled.
 */
import type { StaffUser } from '../../core/entities.js';
import type { Finding } from '../../core/annual-report/report-findings.js';
import { sharedParsePool } from '../../adapters/parse/parse-pool.js';
import { isLimitFinding } from '../../adapters/parse/parse-limits.js';
import { escapeHtml, renderReportSections } from '../../adapters/render/html-report-renderer.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { readAndCheckReportIn } from './check-report.js';
import { createItem } from '../publication/items.js';

export async function importReport(
  deps: AppDeps,
  user: StaffUser,
  filename: string,
  bytes: Uint8Array,
  ip: string,
): Promise<{ itemId: string; year: number; findings: Finding[] }> {
  if (user.role !== 'clerk' && user.role !== 'head')
    throw new AppError('forbidden', '只有经办人或负责人可以导入年报', 'forbidden');
  if (!bytes.length)
    throw new AppError('form_invalid', '请选择年报文件', 'invalid', {
      file: '请选择年报文件（PDF、DOCX、HTML或TXT）',
    });
  // read in the worker pool, within its budgets (the file may be anything a clerk was sent)
  const r = await readAndCheckReportIn(sharedParsePool(), filename, bytes, { check: true });
  if (r.unreadable)
    throw new AppError('form_invalid', '无法读取该文件', 'invalid', {
      file: r.findings.find(isLimitFinding)?.message ?? '无法读取该文件，请上传文字版PDF、DOCX、HTML或TXT',
    });
  const year = r.report.year;
  if (!year)
    throw new AppError('form_invalid', '未能从报告中识别年度', 'invalid', {
      file: '未能从报告标题或正文中识别报告年度',
    });
  if (year < 2019)
    throw new AppError('form_invalid', '年度无效', 'invalid', {
      file: `报告年度为${year}年：本系统按2019年修订后的条例和格式管理2019年及以后的年度报告`,
    });
  if (year >= Number(today(deps).slice(0, 4)))
    throw new AppError('form_invalid', '年度无效', 'invalid', {
      file: `报告年度为${year}年，只能导入往年的年报`,
    });
  const organ = (await deps.store.organs.find(user.organId))!;
  const short = organ.name.replace(/人民政府$|政府$/, '');
  if (r.report.organ && !r.report.organ.includes(short) && !organ.name.includes(r.report.organ)) {
    throw new AppError('form_invalid', '不是本机关的年报', 'invalid', {
      file: `报告中的机关为“${r.report.organ}”，不是${organ.name}`,
    });
  }
  const body = `<p>本报告由原文件“${escapeHtml(filename)}”导入，经年度报告引擎逐格读取并核对。</p>${renderReportSections(r.report)}`;
  const item = await createItem(
    deps,
    user,
    {
      title: `${organ.name}${year}年政府信息公开工作年度报告`,
      columnId: `${organ.id}:reports`,
      formedOn: today(deps),
      topic: '综合政务\\政务公开',
      docType: 'other',
      openMode: '主动公开',
      body,
    },
    ip,
  );
  return { itemId: item.id, year, findings: r.findings };
}
