/**
 * DOCX renderer laid out after GB/T 9704 (A4, 3号仿宋 body, 2号小标宋 title, 3号黑体 headings) with the official
 * table spans (rowspan as vertical merge, colspan as column span).
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { type AnnualReport, SECTION_IDS, SECTION_TITLES } from '../../core/annual-report/report-model.js';
import { type LayoutTable, layoutS2, layoutS3, layoutS4, reportTitle } from './report-layout.js';

const FANGSONG = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const HEITI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const XBS = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' };

function docxTable(t: LayoutTable): Table {
  // place spans on a grid so rowspan continuations become vertical-merge cells
  const covered: boolean[][] = t.rows.map(() => new Array(t.width).fill(false));
  const rows: TableRow[] = t.rows.map((r, ri) => {
    const cells: TableCell[] = [];
    let col = 0;
    let k = 0;
    while (col < t.width) {
      if (covered[ri]![col]) {
        // continuation of a rowspan from above
        cells.push(
          new TableCell({ children: [new Paragraph('')], verticalMerge: VerticalMergeType.CONTINUE }),
        );
        col++;
        continue;
      }
      const c = r[k++];
      if (!c) break;
      const rs = c.rowspan ?? 1;
      const cs = c.colspan ?? 1;
      for (let y = 1; y < rs; y++)
        for (let x = 0; x < cs; x++) if (covered[ri + y]) covered[ri + y]![col + x] = true;
      cells.push(
        new TableCell({
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: c.text, size: 21, font: c.head ? HEITI : FANGSONG })],
            }),
          ],
          ...(cs > 1 ? { columnSpan: cs } : {}),
          ...(rs > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
        }),
      );
      col += cs;
    }
    return new TableRow({ children: cells });
  });
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

function body(text: string): Paragraph[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map(
      (l) =>
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: { line: 560 },
          children: [new TextRun({ text: l, size: 32, font: FANGSONG })],
        }),
    );
}

/** Renders the report as a DOCX file. */
export async function renderReportDocx(report: AnnualReport): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: reportTitle(report), size: 44, font: XBS })],
    }),
  ];
  for (const id of SECTION_IDS) {
    children.push(
      new Paragraph({
        spacing: { before: 200 },
        children: [new TextRun({ text: `${id}、${SECTION_TITLES[id]}`, size: 32, font: HEITI })],
      }),
    );
    if (id === '二') for (const t of layoutS2(report)) children.push(docxTable(t));
    else if (id === '三') children.push(docxTable(layoutS3(report)));
    else if (id === '四') children.push(docxTable(layoutS4(report)));
    else {
      const s = report.sections[id];
      if (s) {
        const lines = s.split('\n');
        if (lines[0]!.startsWith(`${id}、`)) lines.shift();
        children.push(...body(lines.join('\n')));
      }
    }
  }
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
