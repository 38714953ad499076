/**
 * Plain text of an attachment for search: PDF (unpdf), DOCX (mammoth); images give none. Never throws. Within the
 * parse limits (parse-limits.ts): a PDF of more pages, or a DOCX that unzips to more, gives no text.
 */
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEFAULT_PARSE_LIMITS } from './parse-limits.js';
import { unzippedSize } from './docx/docx-report-parser.js';

export async function extractAttachmentText(mime: string, bytes: Uint8Array): Promise<string> {
  try {
    if (mime === 'application/pdf') {
      const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
      try {
        if (pdf.numPages > DEFAULT_PARSE_LIMITS.maxPdfPages) return '';
        const { text } = await extractText(pdf, { mergePages: true });
        return String(text);
      } finally {
        await pdf.destroy().catch(() => undefined);
      }
    }
    if (mime.includes('wordprocessingml')) {
      const cap = 2 * DEFAULT_PARSE_LIMITS.maxBytes;
      if ((unzippedSize(bytes, cap) ?? 0) > cap) return '';
      return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    }
  } catch {
    /* unreadable: no text */
  }
  return '';
}
