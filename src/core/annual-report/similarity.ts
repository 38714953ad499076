/**
 * 雷同 (copied prose): evaluators deduct for a report whose paragraphs repeat last year's or another organ's. Two
 * paragraphs are compared by the character bigrams of their normalised text (punctuation, spaces, digits and years
 * dropped, so changed figures do not hide a copy): the share of this paragraph's bigrams found in the other.
 * Threshold 0.8 on paragraphs of at least 40 characters: a paragraph with a few words or figures changed stays above
 * it; two independently written paragraphs on the same topic share common phrases (贯彻落实, 政府信息公开) but stay
 * well below it; short boilerplate lines (“无。”, headings) are not compared.
 */

export const SIMILAR_AT = 0.8;
export const MIN_CHARS = 40;

const norm = (s: string) => s.replace(/[\s\d\p{P}\p{S}a-zA-Z]/gu, '');

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** The paragraphs of a section text worth comparing (headings and short lines left out). */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => norm(p).length >= MIN_CHARS);
}

/** The share of `a`'s bigrams that also occur in `b` (0–1). */
export function containment(a: string, b: string): number {
  const x = bigrams(norm(a));
  if (!x.size) return 0;
  const y = bigrams(norm(b));
  let n = 0;
  for (const g of x) if (y.has(g)) n++;
  return n / x.size;
}

/** For each paragraph of `mine`, the most similar paragraph of `theirs` at or above the threshold. */
export function similarParagraphs(
  mine: readonly string[],
  theirs: readonly string[],
): { mine: string; theirs: string; score: number }[] {
  const out: { mine: string; theirs: string; score: number }[] = [];
  for (const p of mine) {
    let best = { theirs: '', score: 0 };
    for (const q of theirs) {
      const s = containment(p, q);
      if (s > best.score) best = { theirs: q, score: s };
    }
    if (best.score >= SIMILAR_AT) out.push({ mine: p, ...best });
  }
  return out;
}
