/** Plain text of an attachment for search: PDF (unpdf), DOCX (mammoth); images give none. Never throws. */
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

export async function extractAttachmentText(mime: string, bytes: Uint8Array): Promise<string> {
  try {
    if (mime === 'application/pdf') {
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: true });
      return String(text);
    }
    if (mime.includes('wordprocessingml'))
      return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch {
    /* unreadable: no text */
  }
  return '';
}
