/**
 * A PDF letter is read by machines too (copy, search, archiving): its text layer must hold the characters it prints.
 * The CJK fonts installed map a Kangxi radical (⽥ U+2F65, ⼈ U+2F08, ⺠ U+2EA0 …) and its ideograph to one glyph,
 * and Chromium would name the glyph after the radical; the printer prints with a copy of the font that has none.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Letter } from '../../src/core/letters/build-letters.js';
import { renderLetterHtml } from '../../src/adapters/render/letter-renderers.js';
import { closePdfPrinter, printPdf } from '../../src/adapters/render/pdf-printer.js';
import { pdfFontStack } from '../../src/adapters/render/pdf-fonts.js';

after(closePdfPrinter);

const letter: Letter = {
  kind: 'reply',
  id: 'decided-2',
  title: '政府信息公开申请答复书',
  number: '田政依申复〔2024〕1号',
  recipient: '张三',
  paragraphs: [
    '本机关于2024年十一月二日收到您的政府信息公开申请。经审查，您申请获取的第一页至第二页用户信息属于公开范围，现按您自行选定的方式予以提供。',
  ],
  basis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
  rights:
    '如对本答复不服，可以自收到本答复之日起六十日内向某县人民政府申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。',
  organName: '田湖镇人民政府',
  sealName: '田湖镇人民政府',
  date: '2024年3月4日',
  forApplicant: true,
  contact: { address: '某县田湖镇政府街1号', postcode: '276000', phone: '0539-1234567' },
};

/** The text layer of a PDF, every page, without the spaces and line breaks extraction adds. */
async function textLayer(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, '');
}

test('a PDF letter’s text layer holds the characters it prints (no Kangxi radicals)', async () => {
  const text = await textLayer(await printPdf(renderLetterHtml(letter)));
  const radicals = [...text].filter((c) => /[\u2E80-\u2FDF\u31C0-\u31EF]/u.test(c));
  assert.deepEqual(
    radicals.map((c) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase()}`),
    [],
    'radicals or strokes in the text layer',
  );
  for (const s of ['田湖镇人民政府', '日', '月', '十', '一', '二', '方', '行', '用', '户', '自', '页'])
    assert.ok(text.includes(s), `${s} in the text layer`);
  // the title (bold), the body, the closing and the 附注 read back as printed, character for character
  for (const s of [
    letter.title,
    letter.number,
    ...letter.paragraphs,
    letter.rights!,
    `依据：${letter.basis}。`,
    letter.date,
    '（联系地址：某县田湖镇政府街1号；邮政编码：276000；联系电话：0539-1234567）',
  ])
    assert.ok(text.includes(s), `“${s}” in the text layer:\n${text}`);
});

test('what the cut font cannot give still prints, named after itself: a radical as such, a character the font lacks, a font not installed', async () => {
  const text = await textLayer(
    await printPdf(
      renderLetterHtml({
        ...letter,
        paragraphs: ['部首⽥不是汉字田；格鲁吉亚字母ა不在宋体里。'],
      }),
    ),
  );
  assert.ok(text.includes('部首⽥不是汉字田；格鲁吉亚字母ა不在宋体里。'), text);
  assert.equal([...text].filter((c) => c === '⽥').length, 1, 'the radical printed, and only there');

  const page = `<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:${pdfFontStack(['No Such Font'], 'serif')}}</style></head><body><p>田湖镇人民政府</p></body></html>`;
  const plain = await textLayer(await printPdf(page));
  assert.equal(plain.normalize('NFKC').replace(/⺠/g, '民'), '田湖镇人民政府');
});
