/**
 * Parses a report published as Word (.docx): mammoth turns it into HTML (tables stay tables), then the HTML parser
 * reads it (with its nesting cap). Images are left out (they carry no figures the parser reads). Before mammoth
 * opens the file, the parts it reads are inflated once with a hard output limit, so a small file that unzips to
 * gigabytes (outside the worker's heap limit, as buffers) stops with a finding instead of exhausting memory.
 */
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { finding } from '../../../core/annual-report/report-findings.js';
import { emptyReport } from '../../../core/annual-report/report-model.js';
import { parseReportHtml } from '../html/html-report-parser.js';
import type { ParseResult } from '../text/text-report-parser.js';
import { DEFAULT_PARSE_LIMITS, limitFinding, megabytes } from '../parse-limits.js';

export interface DocxParseOptions {
  /** deepest element nesting read (default ParseLimits.maxDepth) */
  maxDepth?: number;
  /** the parts mammoth reads may unzip to twice this (default ParseLimits.maxBytes) */
  maxBytes?: number;
}

/**
 * The bytes the ZIP's parts (images left out) inflate to, counted up to `cap` + 1; null when the file is not a
 * ZIP this reader understands (mammoth then says what is wrong with it).
 */
export function unzippedSize(bytes: Uint8Array, cap: number): number | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--)
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const entries = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
    const method = b.readUInt16LE(p + 10);
    const compressed = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const local = b.readUInt32LE(p + 42);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    if (name.startsWith('word/media/')) continue;
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, Math.min(b.length, start + compressed));
    if (method === 0) total += data.length;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: cap - total + 1 }).length;
      } catch (e) {
        if (e instanceof RangeError) return cap + 1;
        return null;
      }
    } else return null;
    if (total > cap) return total;
  }
  return total;
}

/** Parses DOCX bytes. Never throws. */
export async function parseReportDocx(bytes: Uint8Array, opts: DocxParseOptions = {}): Promise<ParseResult> {
  try {
    const cap = 2 * (opts.maxBytes ?? DEFAULT_PARSE_LIMITS.maxBytes);
    if ((unzippedSize(bytes, cap) ?? 0) > cap)
      return {
        report: emptyReport('2021'),
        findings: [limitFinding(`DOCX文件解压后超过${megabytes(cap)}的上限`)],
      };
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh"],
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    return parseReportHtml(value, opts.maxDepth === undefined ? {} : { maxDepth: opts.maxDepth });
  } catch (e) {
    return {
      report: emptyReport('2021'),
      findings: [
        finding('input_unreadable', `无法读取DOCX文件：${e instanceof Error ? e.message : String(e)}`),
      ],
    };
  }
}
