/**
 * Placeholder text a report template leaves for the organ to fill in — "……", "【】" (or 【请填写…】), "XX" / "××" —
 * must never reach the public: a report with any of it is not finished. Each match is returned with the sentence
 * around it, for the finding to quote.
 */

const PLACEHOLDER = /…{1,}|\.{3,}|【[^】]{0,30}】|[XＸ×xｘ]{2,}|（?此处填写[^）]{0,20}）?|请填写/g;

/** The sentences of `text` that hold placeholder text (at most `limit`), each with what was found. */
export function findPlaceholders(text: string, limit = 10): { found: string; sentence: string }[] {
  const out: { found: string; sentence: string }[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    // "xx" inside a Latin word, an address or a number (xxgk@…, file names) is not a placeholder
    if (
      /^[Xx]/.test(m[0]) &&
      (/[A-Za-z0-9@._-]/.test(text[m.index - 1] ?? '') ||
        /[A-Za-z0-9@._-]/.test(text[m.index + m[0].length] ?? ''))
    )
      continue;
    const start = Math.max(
      0,
      ...['。', '\n', '；', '！', '？'].map((p) => text.lastIndexOf(p, m.index - 1) + 1),
    );
    let end = text.length;
    for (const p of ['。', '\n', '；', '！', '？']) {
      const i = text.indexOf(p, m.index + m[0].length);
      if (i >= 0 && i < end) end = i + (p === '\n' ? 0 : 1);
    }
    const sentence = text.slice(start, Math.min(end, start + 120)).trim();
    if (!out.some((o) => o.sentence === sentence)) out.push({ found: m[0], sentence });
    if (out.length >= limit) break;
  }
  return out;
}
