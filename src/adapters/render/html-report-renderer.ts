/**
 * HTML renderer with the official table layout (the rowspan/colspan of the national format).
 * Every text is escaped.
 */
import { pdfFontStack } from './pdf-fonts.js';
import { type AnnualReport, SECTION_IDS, SECTION_TITLES } from '../../core/annual-report/report-model.js';
import { type LayoutTable, layoutS2, layoutS3, layoutS4, reportTitle } from './report-layout.js';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function tableHtml(t: LayoutTable, cls: string): string {
  const rows = t.rows
    .map(
      (r) =>
        `<tr>${r
          .map((c) => {
            const tag = c.head ? 'th' : 'td';
            const attrs = `${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}${c.colspan ? ` colspan="${c.colspan}"` : ''}`;
            return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table class="${cls}">\n${rows}\n</table>`;
}

function paragraphs(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n');
}

// fonts named through pdfFontStack: printed to PDF, the text layer holds the characters printed (pdf-fonts.ts)
export const REPORT_CSS = `body{font-family:${pdfFontStack(['FangSong', '仿宋', 'Noto Serif CJK SC'], 'serif')};max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.8}
h1{font-family:${pdfFontStack(['Noto Serif CJK SC', 'SimSun'], 'serif')};text-align:center;font-size:1.6rem}
h2{font-family:${pdfFontStack(['Noto Sans CJK SC', 'SimHei'], 'sans-serif')};font-size:1.15rem;margin-top:1.6rem}
p{text-indent:2em;margin:.4rem 0}
table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.9rem}
th,td{border:1px solid #333;padding:.25rem .4rem;text-align:center;vertical-align:middle}
td{font-variant-numeric:tabular-nums}
@media print{body{margin:0 auto;max-width:none}table{page-break-inside:auto}tr{page-break-inside:avoid}}`;

/** Renders the report as a standalone HTML document. */
export function renderReportHtml(report: AnnualReport): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(reportTitle(report))}</title><style>${REPORT_CSS}</style></head>
<body>
<h1>${escapeHtml(reportTitle(report))}</h1>
${renderReportSections(report)}
</body></html>
`;
}

/** The six sections with the official tables, without the title: for embedding in a page. */
export function renderReportSections(report: AnnualReport): string {
  const body: string[] = [];
  for (const id of SECTION_IDS) {
    body.push(`<h2>${id}、${SECTION_TITLES[id]}</h2>`);
    if (id === '二') body.push(...layoutS2(report).map((t) => tableHtml(t, 'report-s2')));
    else if (id === '三') body.push(tableHtml(layoutS3(report), 'report-s3'));
    else if (id === '四') body.push(tableHtml(layoutS4(report), 'report-s4'));
    else {
      const s = report.sections[id];
      if (s) {
        const lines = s.split('\n');
        if (lines[0]!.startsWith(`${id}、`)) lines.shift();
        body.push(paragraphs(lines.join('\n')));
      }
    }
  }
  return body.join('\n');
}
