/**
 * Fonts for PDFs whose text layer holds the characters they print.
 *
 * The CJK fonts a server has (Noto Serif CJK SC, WenQuanYi Zen Hei …) map a Kangxi radical and its ideograph to the
 * same glyph (⽥ U+2F65 and 田 U+7530, ⺠ U+2EA0 and 民 U+6C11 …), and Chromium names each glyph in the PDF's
 * ToUnicode map after the lowest code point that reaches it — the radical. The letter looks right, but copying,
 * searching or reading it by machine gets the radicals. So the printer prints with a copy of the font cut to the
 * characters the page uses: a cmap with nothing else in it names each glyph after the one character the page prints.
 *
 * A page asks for it in its CSS: in a `font-family` list, `gongkai-pdf-X` before `X` (see `pdfFontStack`) names a
 * copy of X. The printer makes the copy of the first X of the list that is installed (fontconfig), regular and bold,
 * with the same glyphs; the other names stay undefined and are skipped. Characters the copy lacks fall through to
 * the families after it, as they would without it.
 * Kangxi radicals, CJK radicals and CJK strokes are kept out of the copy, so that a page printing a radical itself
 * gets it from the installed font, named after itself. If fontconfig or the font is missing, or cutting fails,
 * the page prints with the installed fonts as before: a letter never fails for its fonts.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';

/** How the name of a copy of a family for PDFs begins. */
export const PDF_FONT_PREFIX = 'gongkai-pdf-';

/** A CSS font-family value: each of `families` preceded by its copy for PDFs, then `generic`. */
export function pdfFontStack(families: readonly string[], generic: string): string {
  return [...families.flatMap((f) => [`"${PDF_FONT_PREFIX}${f}"`, `"${f}"`]), generic].join(',');
}

/** An installed face: a file and the face in it (TTC). */
interface Face {
  file: string;
  index: number;
}

interface InstalledFace extends Face {
  families: string[];
  weight: number;
  width: number;
}

/** CJK radicals supplement, Kangxi radicals, CJK strokes. */
const LEFT_OUT = /[\u2E80-\u2FDF\u31C0-\u31EF]/u;
/** Code points one face holds at most: harfbuzz (wasm) fails to cut several thousand CJK glyphs at once. */
const CHUNK = 1500;
const CACHE_SIZE = 64;
/** How long the font worker stays without work. */
const IDLE_MS = 60_000;
const CUT_TIMEOUT_MS = 30_000;

const NAMED: Record<string, string> = {
  nbsp: '\u00A0',
  middot: '·',
  times: '×',
  divide: '÷',
  deg: '°',
  yen: '¥',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  bull: '•',
  copy: '©',
  reg: '®',
};

/** Every character the page may print: its source text, with character references resolved, and printable ASCII. */
export function pageCharacters(html: string): string[] {
  const set = new Set<string>();
  for (let c = 0x20; c < 0x7f; c++) set.add(String.fromCharCode(c));
  // a data: URI (the seal) prints nothing, and is ASCII
  for (const c of html.replace(/data:[^"')\s]+/g, '')) if (c >= ' ') set.add(c);
  for (const m of html.matchAll(/&#(?:x([0-9a-f]+)|([0-9]+));?/gi)) {
    const cp = parseInt(m[1] ?? m[2]!, m[1] ? 16 : 10);
    if (cp >= 0x20 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) set.add(String.fromCodePoint(cp));
  }
  for (const m of html.matchAll(/&([a-z]+);/gi)) {
    const c = NAMED[m[1]!.toLowerCase()];
    if (c) set.add(c);
  }
  return [...set].filter((c) => !LEFT_OUT.test(c)).sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

/** The font-family lists of a page that name copies for PDFs: for each, the families named with their copy. */
export function copiedFamilies(html: string): string[][] {
  const out: string[][] = [];
  for (const m of html.matchAll(/font-family\s*:\s*([^;}<]+)/gi)) {
    const names = m[1]!.split(',').map((s) => s.trim().replace(/^(["'])(.*)\1$/, '$2'));
    const copied = names.filter((n) => names.includes(PDF_FONT_PREFIX + n));
    if (copied.length) out.push(copied);
  }
  return out;
}

let warned = false;
function warn(what: string, e: unknown): void {
  if (warned) return;
  warned = true;
  process.emitWarning(
    `PDF fonts: ${what} (${e instanceof Error ? e.message : String(e)}); printing with the installed fonts, whose text layer may hold Kangxi radicals`,
  );
}

let installed: Promise<InstalledFace[]> | null = null;

/** The installed faces (fontconfig), roman, in files harfbuzz reads. */
function installedFaces(): Promise<InstalledFace[]> {
  installed ??= promisify(execFile)(
    'fc-list',
    ['--format', '%{family}\t%{weight}\t%{width}\t%{slant}\t%{index}\t%{file}\n'],
    { maxBuffer: 16 << 20 },
  ).then(
    ({ stdout }) =>
      stdout.split('\n').flatMap((line): InstalledFace[] => {
        const [families, weight, width, slant, index, file] = line.split('\t');
        if (!file || !/\.(ttf|otf|ttc|otc)$/i.test(file) || Number(slant) !== 0) return [];
        const w = Number(weight);
        const i = Number(index);
        // variable fonts list ranges and named instances (index ≥ 0x10000): not for cutting here
        if (!Number.isFinite(w) || !Number.isInteger(i) || i >= 0x10000) return [];
        return [
          {
            families: families!.split(',').map((f) => f.trim().toLowerCase()),
            weight: w,
            width: Number(width) || 100,
            index: i,
            file,
          },
        ];
      }),
    (e: unknown) => {
      installed = null; // try again next time
      throw e;
    },
  );
  return installed;
}

interface Source {
  family: string;
  regular: Face;
  bold?: Face;
}

/** The first installed family of `families`, with its faces (regular, and bold if installed). */
async function sourceFaces(families: readonly string[]): Promise<Source | null> {
  const all = await installedFaces();
  const closest = (faces: InstalledFace[], weight: number) =>
    faces.reduce((a, b) =>
      Math.abs(b.width - 100) < Math.abs(a.width - 100) ||
      (b.width === a.width && Math.abs(b.weight - weight) < Math.abs(a.weight - weight))
        ? b
        : a,
    );
  for (const family of families) {
    const faces = all.filter((f) => f.families.includes(family.toLowerCase()));
    if (!faces.length) continue;
    const bold = faces.filter((f) => f.weight >= 180); // fontconfig: 80 regular, 180 demibold, 200 bold
    return { family, regular: closest(faces, 80), ...(bold.length ? { bold: closest(bold, 200) } : {}) };
  }
  return null;
}

/** One face of a font file, as a font on its own (a TTC's tables copied out; harfbuzz here reads face 0 only). */
export function extractFace(file: Buffer, index: number): Buffer | null {
  const tag = file.toString('latin1', 0, 4);
  if (tag !== 'ttcf') return index === 0 && ['\0\x01\0\0', 'OTTO', 'true'].includes(tag) ? file : null;
  if (index >= file.readUInt32BE(8)) return null;
  const at = file.readUInt32BE(12 + 4 * index);
  const count = file.readUInt16BE(at + 4);
  const tables = Array.from({ length: count }, (_, i) => {
    const r = at + 12 + 16 * i;
    return {
      record: file.subarray(r, r + 8),
      offset: file.readUInt32BE(r + 8),
      length: file.readUInt32BE(r + 12),
    };
  });
  const head = 12 + 16 * count;
  const out = Buffer.alloc(tables.reduce((n, t) => n + ((t.length + 3) & ~3), head));
  file.copy(out, 0, at, at + 12);
  let p = head;
  tables.forEach((t, i) => {
    t.record.copy(out, 12 + 16 * i);
    out.writeUInt32BE(p, 12 + 16 * i + 8);
    out.writeUInt32BE(t.length, 12 + 16 * i + 12);
    file.copy(out, p, t.offset, t.offset + t.length);
    p += (t.length + 3) & ~3;
  });
  return out;
}

/**
 * harfbuzz runs in a worker thread: cutting a CJK font takes tens of milliseconds the server's event loop keeps,
 * and the fonts it holds (20–30 MB a face) and its heap (some 100 MB, which WebAssembly never gives back) go with
 * the worker when it has been idle a while.
 */
const WORKER = `const { parentPort, workerData } = require('node:worker_threads');
const subsetFont = require(workerData.subsetFont);
const faces = new Map();
parentPort.on('message', async (m) => {
  if (m.face) return void faces.set(m.key, Buffer.from(m.face));
  try {
    const font = faces.get(m.key);
    const cut = (noHinting) => subsetFont(font, m.chars, { targetFormat: 'sfnt', noHinting });
    // with hints harfbuzz fails on several thousand CFF glyphs; without them the same outlines print
    const out = await cut(false).catch(() => cut(true));
    parentPort.postMessage({ id: m.id, font: out.toString('base64') });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String(e && e.message || e) });
  }
});`;

interface Cutter {
  worker: Worker;
  /** the faces sent to the worker (true) or that cannot be read (false) */
  faces: Map<string, Promise<boolean>>;
  pending: Map<number, { resolve: (font: string) => void; reject: (e: Error) => void }>;
  idle?: NodeJS.Timeout;
}

let cutter: Cutter | null = null;
let ids = 0;

function startCutter(): Cutter {
  const worker = new Worker(WORKER, {
    eval: true,
    execArgv: [],
    workerData: { subsetFont: createRequire(import.meta.url).resolve('subset-font') },
  });
  const c: Cutter = { worker, faces: new Map(), pending: new Map() };
  const fail = (e: Error) => {
    if (cutter === c) cutter = null;
    for (const p of c.pending.values()) p.reject(e);
    c.pending.clear();
  };
  worker.on('message', (m: { id: number; font?: string; error?: string }) => {
    const p = c.pending.get(m.id);
    c.pending.delete(m.id);
    if (m.font) p?.resolve(m.font);
    else p?.reject(new Error(m.error ?? 'no font'));
    if (!c.pending.size) {
      worker.unref();
      c.idle = setTimeout(() => void stopCutter(c), IDLE_MS).unref();
    }
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the font worker stopped')));
  return c;
}

function stopCutter(c: Cutter): Promise<number> {
  if (cutter === c) cutter = null;
  clearTimeout(c.idle);
  return c.worker.terminate();
}

/** The face cut to `chars` by the worker, as base64; null if the font cannot be read. */
async function cutInWorker(face: Face, chars: string): Promise<string | null> {
  const c = (cutter ??= startCutter());
  const key = `${face.file}#${face.index}`;
  let sent = c.faces.get(key);
  if (!sent) {
    sent = readFile(face.file).then((file) => {
      const font = extractFace(file, face.index);
      if (!font) return false;
      // a copy of its own, moved to the worker: this thread keeps no font
      const data = new Uint8Array(font).buffer;
      c.worker.postMessage({ key, face: data }, [data]);
      return true;
    });
    c.faces.set(key, sent);
    sent.catch(() => c.faces.delete(key));
  }
  if (!(await sent)) return null;
  const id = ++ids;
  return new Promise<string>((resolve, reject) => {
    if (cutter !== c) return reject(new Error('the font worker stopped'));
    clearTimeout(c.idle);
    c.worker.ref();
    const timer = setTimeout(() => {
      c.pending.delete(id);
      void stopCutter(c);
      reject(new Error('cutting the font timed out'));
    }, CUT_TIMEOUT_MS);
    c.pending.set(id, {
      resolve: (f) => (clearTimeout(timer), resolve(f)),
      reject: (e) => (clearTimeout(timer), reject(e)),
    });
    c.worker.postMessage({ id, key, chars });
  });
}

/** Cut fonts as base64, by face and characters, the most recently used last. */
const cut = new Map<string, Promise<string | null>>();

/** The face cut to `chars` (harfbuzz), as base64; null if the font cannot be read. */
function cutFace(face: Face, chars: string): Promise<string | null> {
  const key = createHash('sha256').update(`${face.file}\0${face.index}\0${chars}`).digest('base64');
  let font = cut.get(key);
  if (font) {
    cut.delete(key);
  } else {
    font = cutInWorker(face, chars);
    font.catch(() => cut.delete(key));
    if (cut.size >= CACHE_SIZE) cut.delete(cut.keys().next().value!);
  }
  cut.set(key, font);
  return font;
}

/** Stops the font worker now (it also stops by itself when idle). */
export async function closePdfFonts(): Promise<void> {
  if (cutter) await stopCutter(cutter);
}

/** A CSS unicode-range for sorted characters. */
function unicodeRange(chars: string[]): string {
  const cps = chars.map((c) => c.codePointAt(0)!);
  const out: string[] = [];
  for (let i = 0; i < cps.length; ) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j]! + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    out.push(i === j ? `U+${hex(cps[i]!)}` : `U+${hex(cps[i]!)}-${hex(cps[j]!)}`);
    i = j + 1;
  }
  return out.join(',');
}

/**
 * The @font-face rules for the copies of fonts `html` names, cut to the characters it prints; '' if it names none
 * or none can be made (then it prints with the installed fonts).
 */
export async function pdfFontFaces(html: string): Promise<string> {
  try {
    const lists = copiedFamilies(html);
    if (!lists.length) return '';
    const sources = new Map<string, Source>();
    for (const s of await Promise.all(lists.map(sourceFaces))) if (s) sources.set(s.family, s);
    const chars = pageCharacters(html);
    const chunks: string[][] = [];
    for (let i = 0; i < chars.length; i += CHUNK) chunks.push(chars.slice(i, i + CHUNK));
    const faces = [...sources.values()].flatMap(({ family, regular, bold }) =>
      [[regular, 400] as const, ...(bold ? [[bold, 700] as const] : [])].flatMap(([face, weight]) =>
        chunks.map((chunk) => ({ family: PDF_FONT_PREFIX + family, face, weight, chunk })),
      ),
    );
    const rules = await Promise.all(
      faces.map(async ({ family, face, weight, chunk }) => {
        const font = await cutFace(face, chunk.join('')).catch((e: unknown) => {
          warn(`cannot cut ${face.file}`, e);
          return null;
        });
        return font
          ? `@font-face{font-family:"${family}";font-style:normal;font-weight:${weight};` +
              `src:url(data:font/sfnt;base64,${font});unicode-range:${unicodeRange(chunk)}}`
          : '';
      }),
    );
    return rules.filter(Boolean).join('\n');
  } catch (e) {
    warn('cannot find the installed fonts', e);
    return '';
  }
}
