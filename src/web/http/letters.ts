/** A letter sent as HTML, Word or PDF (rendered from the same letter). */
import type { FastifyReply } from 'fastify';
import type { Letter } from '../../core/letters/build-letters.js';
import type { LetterFormat } from '../../app/cases/case-letters.js';
import { renderLetterDocx, renderLetterHtml } from '../../adapters/render/letter-renderers.js';
import { printPdf } from '../../adapters/render/pdf-printer.js';
import { sendHtml } from './reply.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function sendLetter(
  reply: FastifyReply,
  { letter, format }: { letter: Letter; format: LetterFormat },
) {
  if (format === 'html') return sendHtml(reply, renderLetterHtml(letter));
  const file = encodeURIComponent(`${letter.title}-${letter.number}.${format}`);
  const bytes = format === 'docx' ? await renderLetterDocx(letter) : await printPdf(renderLetterHtml(letter));
  return reply
    .type(format === 'docx' ? DOCX : 'application/pdf')
    .header('content-disposition', `attachment; filename*=UTF-8''${file}`)
    .send(Buffer.from(bytes));
}
