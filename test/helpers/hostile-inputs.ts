/**
 * Inputs from the hostile test campaign against the report parsers, generated (deterministically) instead of
 * stored: a PDF of many pages, deeply nested HTML, digit runs in Section 四, a DOCX that unzips to far more than
 * its size, and big ordinary reports.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** A valid PDF of `pages` pages, each with one line of text (20,000 pages ≈ 5.5 MB). */
export function manyPagePdf(pages: number, text = '1 2 3'): Uint8Array {
  const parts: string[] = ['%PDF-1.4\n'];
  const offsets: number[] = [];
  let len = parts[0]!.length;
  const obj = (n: number, body: string) => {
    offsets[n] = len;
    const s = `${n} 0 obj\n${body}\nendobj\n`;
    parts.push(s);
    len += s.length;
  };
  const kids: string[] = [];
  for (let i = 0; i < pages; i++) kids.push(`${4 + 2 * i} 0 R`);
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`);
  obj(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let i = 0; i < pages; i++) {
    const stream = `BT /F1 12 Tf 72 720 Td (${text} ${i + 1}) Tj ET`;
    obj(
      4 + 2 * i,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    );
    obj(5 + 2 * i, `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  }
  const n = 4 + 2 * pages;
  let xref = `xref\n0 ${n}\n0000000000 65535 f \n`;
  for (let i = 1; i < n; i++) xref += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  parts.push(xref, `trailer\n<< /Size ${n} /Root 1 0 R >>\nstartxref\n${len}\n%%EOF\n`);
  return new TextEncoder().encode(parts.join(''));
}

/** `n` nested <div> around one word, never closed (100,000 took 21–31 s to parse). */
export function nestedDivs(n: number): string {
  return `<html><body>${'<div>'.repeat(n)}四、政府信息公开行政复议、行政诉讼情况</body></html>`;
}

/** Section 四 whose data row is one run of digits (28 digits froze the server for 10 s). */
export function section4Run(digits: string): string {
  return `四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n${digits}\n五、存在的主要问题及改进情况\n无。`;
}

/** A line of `n` digits (3.9 MB took 10 s and 307 MB). */
export function digitLine(n: number): string {
  let s = '3141592653589793238462643383279502884197';
  while (s.length < n) s += s;
  return s.slice(0, n);
}

/** A ZIP of the given files, deflated (a minimal writer: local headers, central directory, end record). */
export function zipOf(files: Record<string, Uint8Array>): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const n = Buffer.from(name);
    const z = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(z.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(z.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(n.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, n, z);
    central.push(entry, n);
    offset += 30 + n.length + z.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

/** A DOCX of about 100 KB per 100 MB its document.xml unzips to. */
export function docxBomb(mb: number): Uint8Array {
  return zipOf({
    '[Content_Types].xml': new TextEncoder().encode(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    'word/document.xml': new Uint8Array(mb * 1024 * 1024).fill(32),
  });
}
