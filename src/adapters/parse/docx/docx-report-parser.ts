/**
 * Parses a report published as Word (.docx): mammoth turns it into HTML (tables stay tables), then the HTML parser reads it.
 */
import mammoth from 'mammoth';
import { finding } from '../../../core/annual-report/report-findings.js';
import { emptyReport } from '../../../core/annual-report/report-model.js';
import { parseReportHtml } from '../html/html-report-parser.js';
import type { ParseResult } from '../text/text-report-parser.js';

/** Parses DOCX bytes. Never throws. */
export async function parseReportDocx(bytes: Uint8Array): Promise<ParseResult> {
  try {
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { styleMap: ["p[style-name='Title'] => h1:fresh"] },
    );
    return parseReportHtml(value);
  } catch (e) {
    return {
      report: emptyReport('2021'),
      findings: [
        finding('input_unreadable', `无法读取DOCX文件：${e instanceof Error ? e.message : String(e)}`),
      ],
    };
  }
}
