/**
 * Letters as HTML (screen and print), DOCX laid out after GB/T 9704 (A4, margins 37/35/28/26 mm, 2号小标宋 title,
 * 3号仿宋 body, 28 pt line pitch) and PDF (Chromium printing the same HTML). Everything printed comes from the
 * letter as issued. The last paragraph and the closing block (organ, date, 附注) never part across a page
 * (`break-inside: avoid` in print, keep-with-next in Word). The seal is the organ's uploaded 电子印章 as issued;
 * a letter nobody sealed leaves the place for the seal blank — nothing is drawn.
 */
import {
  AlignmentType,
  Document,
  HorizontalPositionAlign,
  HorizontalPositionRelativeFrom,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
  TextWrappingType,
  VerticalPositionRelativeFrom,
} from 'docx';
import type { Letter } from '../../core/letters/build-letters.js';
import { escapeHtml } from './html-report-renderer.js';
import { pdfFontStack } from './pdf-fonts.js';

/**
 * The body and title type. In a PDF the first of each list that is installed prints from a copy cut to the letter's
 * characters (pdf-fonts.ts), so that the PDF's text layer holds the characters printed, not Kangxi radicals; a
 * browser skips the names of the copies.
 */
const BODY_FONT = pdfFontStack(['FangSong', '仿宋', 'Noto Serif CJK SC', 'WenQuanYi Zen Hei'], 'serif');
const TITLE_FONT = pdfFontStack(['Noto Serif CJK SC', 'SimSun'], 'serif');

export const LETTER_CSS = `@page{size:A4;margin:37mm 26mm 35mm 28mm}
body{font-family:${BODY_FONT};font-size:16pt;line-height:28pt;max-width:156mm;margin:2rem auto;color:#000}
@media print{body{margin:0 auto}}
h1{font-family:${TITLE_FONT};font-size:22pt;font-weight:bold;text-align:center;line-height:1.4;margin:0 0 .6em}
.number{text-align:center;margin:0 0 1em}
.to{margin:0}
p.body{text-indent:2em;margin:0}
.closing{break-inside:avoid;page-break-inside:avoid}
.sign{position:relative;margin-top:2em;min-height:3em}
.sign p{text-align:right;margin:0;padding-right:2em}
.sign img.seal{position:absolute;right:2em;top:50%;width:42mm;height:42mm;margin-top:-21mm;object-fit:contain}
.note{text-indent:2em;margin:1em 0 0}
.mark{border:1px solid #000;padding:.2em .6em;margin:0 0 1em;font-size:12pt;line-height:1.6}`;

/** The blocks the body prints, in order: paragraphs, the basis, the rights notice. */
function blocks(l: Letter): string[] {
  return [...l.paragraphs, `依据：${l.basis}。`, ...(l.rights ? [l.rights] : [])];
}

/** What is printed above a letter that is a draft, or that another letter replaced. */
function marks(l: Letter): string[] {
  return [
    ...(l.draftFor ? ['预览：负责人同意后将出具此文书，现在尚未出具。'] : []),
    ...(l.replacedBy ? [`已被替代：本文书已被${l.replacedBy}替代。`] : []),
  ];
}

function note(l: Letter): string | null {
  const c = l.contact;
  return c ? `（联系地址：${c.address}；邮政编码：${c.postcode}；联系电话：${c.phone}）` : null;
}

/** A letter as a standalone HTML page. */
export function renderLetterHtml(l: Letter): string {
  const b = blocks(l);
  const last = b.pop()!;
  const para = (p: string) => `<p class="body">${escapeHtml(p)}</p>`;
  const seal =
    l.sealImage && l.sealImageData
      ? `<img class="seal" src="${escapeHtml(l.sealImageData)}" alt="印章：${escapeHtml(l.sealName)}">`
      : '';
  const n = note(l);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(l.title)}</title><style>${LETTER_CSS}</style></head><body>
${marks(l)
  .map((m) => `<p class="mark" role="note">${escapeHtml(m)}</p>\n`)
  .join('')}<h1>${escapeHtml(l.organName)}<br>${escapeHtml(l.title)}</h1>
<p class="number">${escapeHtml(l.number)}</p>
<p class="to">${escapeHtml(l.recipient)}：</p>
${b.map(para).join('\n')}
<div class="closing">
${para(last)}
<div class="sign">${seal}<p class="organ">${escapeHtml(l.organName)}</p><p class="date">${escapeHtml(l.date)}</p></div>
${n ? `<p class="note">${escapeHtml(n)}</p>\n` : ''}</div>
</body></html>`;
}

const FS = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const XBS = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' };

/** The seal's bytes from its data: URI (PNG or JPEG), or null. */
function sealBytes(l: Letter): { type: 'png' | 'jpg'; data: Uint8Array } | null {
  const m =
    l.sealImage && l.sealImageData ? /^data:image\/(png|jpeg);base64,(.+)$/.exec(l.sealImageData) : null;
  return m
    ? { type: m[1] === 'png' ? 'png' : 'jpg', data: new Uint8Array(Buffer.from(m[2]!, 'base64')) }
    : null;
}

/** A letter as DOCX (GB/T 9704 page and type). */
export async function renderLetterDocx(l: Letter): Promise<Uint8Array> {
  const line = { line: 560, lineRule: 'exact' as const };
  const body = (t: string, keepNext = false) =>
    new Paragraph({
      indent: { firstLine: 640 },
      spacing: line,
      keepNext,
      keepLines: keepNext,
      children: [new TextRun({ text: t, size: 32, font: FS })],
    });
  const b = blocks(l);
  const last = b.pop()!;
  const seal = sealBytes(l);
  // 42 mm at 96 dpi, floating over the organ's name and the date
  const sealRun = seal
    ? [
        new ImageRun({
          ...seal,
          transformation: { width: 159, height: 159 },
          altText: { name: 'seal', description: `印章：${l.sealName}`, title: l.sealName },
          floating: {
            horizontalPosition: {
              relative: HorizontalPositionRelativeFrom.MARGIN,
              align: HorizontalPositionAlign.RIGHT,
            },
            verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: -400000 },
            wrap: { type: TextWrappingType.NONE },
            allowOverlap: true,
          },
        }),
      ]
    : [];
  const n = note(l);
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
          ...marks(l).map(
            (m) =>
              new Paragraph({
                spacing: line,
                children: [new TextRun({ text: `【${m}】`, size: 24, font: FS })],
              }),
          ),
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
          ...b.map((t) => body(t)),
          body(last, true),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: 640 },
            spacing: { before: 560, ...line },
            keepNext: true,
            children: [...sealRun, new TextRun({ text: l.organName, size: 32, font: FS })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: 640 },
            spacing: line,
            keepNext: !!n,
            children: [new TextRun({ text: l.date, size: 32, font: FS })],
          }),
          ...(n ? [body(n)] : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
