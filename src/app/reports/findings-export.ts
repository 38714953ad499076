/**
 * The check page's findings as CSV or XLSX, for a clerk or an evaluator to keep: the findings the page showed come
 * back as the form posted them (JSON), are checked for shape, and are written one per row — severity, code,
 * message, cells, expected, actual, line. Nothing is stored.
 */
import { z } from 'zod';
import { refLabel } from '../../core/annual-report/report-findings.js';
import { toCsv } from '../../adapters/render/csv-writer.js';
import { writeXlsx } from '../../adapters/render/xlsx/xlsx-writer.js';
import { AppError } from '../deps.js';

const value = z.union([z.string().max(500), z.number(), z.null()]).optional();
const findingsSchema = z
  .array(
    z.object({
      severity: z.enum(['error', 'warning', 'info']),
      code: z.string().max(60),
      message: z.string().max(2000),
      cells: z
        .array(
          z.object({
            table: z.enum(['二', '三', '四']),
            row: z.string().max(200).optional(),
            column: z.string().max(100).optional(),
          }),
        )
        .max(200),
      expected: value,
      actual: value,
      line: z.number().int().optional(),
    }),
  )
  .max(5000);

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;
const HEADER = ['严重程度', '代码', '说明', '涉及单元格', '应为', '实为', '行号'];

export async function exportFindings(json: string, format: string, name: string) {
  if (format !== 'csv' && format !== 'xlsx')
    throw new AppError('not_found', '不支持的格式（可选CSV或XLSX）', 'not_found');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = null;
  }
  const r = findingsSchema.safeParse(parsed);
  if (!r.success)
    throw new AppError('form_invalid', '核对结果无法导出，请重新核对', 'invalid', { findings: '格式不正确' });
  const rows = r.data.map((f) => [
    SEVERITY[f.severity],
    f.code,
    f.message,
    f.cells
      .map((c) =>
        refLabel({
          table: c.table,
          ...(c.row ? { row: c.row } : {}),
          ...(c.column ? { column: c.column } : {}),
        }),
      )
      .join('；'),
    f.expected ?? null,
    f.actual ?? null,
    f.line ?? null,
  ]);
  const base = `${(name || '年度报告').replace(/[\\/\u0000-\u001f<>:"|?*]/g, '_').slice(0, 60)}-核对结果`;
  if (format === 'csv')
    return {
      filename: `${base}.csv`,
      mime: 'text/csv; charset=utf-8',
      bytes: new TextEncoder().encode(
        toCsv([HEADER, ...rows.map((x) => x.map((v) => (v === null ? '' : String(v))))]),
      ),
    };
  return {
    filename: `${base}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: await writeXlsx([
      { name: '核对结果', rows: [HEADER, ...rows], widths: [8, 22, 70, 40, 10, 10, 8] },
    ]),
  };
}
