/**
 * Search semantics shared by every database: an item matches a query when every query term is a substring of the
 * item's searchable text (title, body, attachments), after normalisation (NFKC, lower case, punctuation and white
 * space as run separators). One- and two-character terms (公开, 复议) work exactly like longer ones.
 *
 * Indexes: the unigrams and bigrams of each run. A term of one character is a unigram lookup; a longer term is the
 * sequence of its bigrams (a phrase in SQLite FTS5, an array containment plus a substring check in PostgreSQL).
 */

const SEP = /[^\p{L}\p{N}]+/u;

/** Normalises text into runs of letters and digits separated by single spaces. */
export function normalizeSearchText(s: string): string {
  return s.normalize('NFKC').toLowerCase().split(SEP).filter(Boolean).join(' ');
}

/** Query terms (normalised; punctuation splits a term). At most 8 terms, each at most 32 characters. */
export function queryTerms(q: string): string[] {
  const out: string[] = [];
  for (const t of normalizeSearchText(q).split(' ')) {
    if (!t) continue;
    const cut = [...t].slice(0, 32).join('');
    if (!out.includes(cut)) out.push(cut);
    if (out.length === 8) break;
  }
  return out;
}

/** The unigrams of the normalised text (space separated), in order. */
export function unigrams(norm: string): string[] {
  const out: string[] = [];
  for (const run of norm.split(' ')) for (const ch of run) out.push(ch);
  return out;
}

/** The bigrams of the normalised text in order; a run of one character contributes itself. */
export function bigrams(norm: string): string[] {
  const out: string[] = [];
  for (const run of norm.split(' ')) {
    const cs = [...run];
    if (cs.length === 1) {
      out.push(cs[0]!);
      continue;
    }
    for (let i = 0; i + 1 < cs.length; i++) out.push(cs[i]! + cs[i + 1]!);
  }
  return out;
}

/** The bigram sequence of one term (its phrase). */
export function termBigrams(term: string): string[] {
  const cs = [...term];
  if (cs.length < 2) return cs;
  const out: string[] = [];
  for (let i = 0; i + 1 < cs.length; i++) out.push(cs[i]! + cs[i + 1]!);
  return out;
}

/** A snippet around the first match of any term, with the matches marked by `open`/`close` (text is escaped by `esc`). */
export function snippet(
  text: string,
  terms: string[],
  esc: (s: string) => string,
  open = '<mark>',
  close = '</mark>',
  radius = 40,
): string {
  const lower = text.normalize('NFKC').toLowerCase();
  let first = -1;
  for (const t of terms) {
    const i = lower.indexOf(t);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = Math.max(0, first < 0 ? 0 : first - radius);
  const end = Math.min(text.length, (first < 0 ? 0 : first) + radius * 2);
  const part = text.slice(start, end);
  const partLower = lower.slice(start, end);
  let out = '';
  let i = 0;
  let plain = 0;
  while (i < part.length) {
    let hit = '';
    for (const t of terms) if (t && partLower.startsWith(t, i) && t.length > hit.length) hit = t;
    if (hit) {
      out += esc(part.slice(plain, i)) + open + esc(part.slice(i, i + hit.length)) + close;
      i += hit.length;
      plain = i;
    } else i++;
  }
  out += esc(part.slice(plain));
  return (start > 0 ? '…' : '') + out + (end < text.length ? '…' : '');
}
