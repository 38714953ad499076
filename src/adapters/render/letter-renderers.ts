/**
 * Letters as HTML (screen and print), DOCX laid out after GB/T 9704 (A4, margins 37/35/28/26 mm, 2号小标宋 title,
 * 3号仿宋 body, 28 pt line pitch) and PDF (Chromium printing the same HTML).
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { Letter } from '../../core/letters/build-letters.js';
import { escapeHtml } from './html-report-renderer.js';

export const LETTER_CSS = `@page{size:A4;margin:37mm 26mm 35mm 28mm}
body{font-family:"FangSong","仿宋","Noto Serif CJK SC","WenQuanYi Zen Hei",serif;font-size:16pt;line-height:28pt;max-width:156mm;margin:2rem auto;color:#000}
h1{font-family:"Noto Serif CJK SC","SimSun",serif;font-size:22pt;font-weight:bold;text-align:center;line-height:1.4;margin:0 0 .6em}
.number{text-align:center;margin:0 0 1em}
.to{margin:0}
p.body{text-indent:2em;margin:0}
.basis{text-indent:2em;margin:0}
.sign{text-align:right;margin-top:2em}
.seal{display:inline-block;border:2px solid #c00;color:#c00;border-radius:50%;padding:.6em .4em;font-size:11pt;line-height:1.2;margin-right:2em;transform:rotate(-8deg)}`;

/** A letter as a standalone HTML page. */
export function renderLetterHtml(l: Letter): string {
  const paras = l.paragraphs.map((p) => `<p class="body">${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(l.title)}</title><style>${LETTER_CSS}</style></head><body>
<h1>${escapeHtml(l.organName)}<br>${escapeHtml(l.title)}</h1>
<p class="number">${escapeHtml(l.number)}</p>
<p class="to">${escapeHtml(l.recipient)}：</p>
${paras}
<p class="basis">依据：${escapeHtml(l.basis)}。</p>
${l.rights ? `<p class="body">${escapeHtml(l.rights)}</p>` : ''}
<p class="sign"><span class="seal" aria-label="印章">${escapeHtml(l.sealName)}</span><br>${escapeHtml(l.organName)}<br>${escapeHtml(l.date)}</p>
</body></html>`;
}

const FS = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const XBS = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' };

/** A letter as DOCX (GB/T 9704 page and type). */
export async function renderLetterDocx(l: Letter): Promise<Uint8Array> {
  const line = { line: 560, lineRule: 'exact' as const };
  const body = (t: string) =>
    new Paragraph({
      indent: { firstLine: 640 },
      spacing: line,
      children: [new TextRun({ text: t, size: 32, font: FS })],
    });
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: 'exact' },
            children: [new TextRun({ text: l.organName, size: 44, font: XBS })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: 'exact' },
            children: [new TextRun({ text: l.title, size: 44, font: XBS })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: line,
            children: [new TextRun({ text: l.number, size: 32, font: FS })],
          }),
          new Paragraph({
            spacing: line,
            children: [new TextRun({ text: `${l.recipient}：`, size: 32, font: FS })],
          }),
          ...l.paragraphs.map(body),
          body(`依据：${l.basis}。`),
          ...(l.rights ? [body(l.rights)] : []),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 560, ...line },
            children: [new TextRun({ text: l.organName, size: 32, font: FS })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: line,
            children: [new TextRun({ text: l.date, size: 32, font: FS })],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
