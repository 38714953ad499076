/**
 * Which test files `npm test` runs, and in what order. Node 20's `node --test` does not expand globs, so the
 * patterns are expanded here with node:fs.
 *
 * - TEST_PATTERNS are taken in order; a file runs once, at the first pattern that matches it. Name a file on
 *   its own before its folder's pattern to move it ahead within that folder.
 * - The last patterns are catch-alls: a new test file in a new folder, or next to its source in src/, still runs.
 * - Files matching LAST_PATTERNS (the browser suites) always run after everything else.
 * - NOT_TESTS are never run: helpers and fixtures (storage contracts are *.contract.ts, not *.test.ts).
 * Patterns: `*` is any run of characters but `/`, `**` any number of folders, `{a,b}` either.
 * test/test-list.test.ts checks that every *.test.ts / *.test.tsx in test/ and src/ is in the expanded list.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const TEST_PATTERNS = [
  // fast unit suites: pure code over in-repository fixtures (test/fixtures/reports)
  'test/*.test.{ts,tsx}',
  'test/annual-report/seed.test.ts',
  'test/annual-report/corpus.test.ts',
  'test/annual-report/validate-report.test.ts',
  'test/annual-report/roundtrip.test.ts',
  'test/annual-report/**/*.test.{ts,tsx}',
  'test/render/**/*.test.{ts,tsx}',
  'test/files/**/*.test.{ts,tsx}',
  'test/cli/**/*.test.{ts,tsx}',
  'test/calendar/**/*.test.{ts,tsx}',
  'test/case/**/*.test.{ts,tsx}',
  // storage contracts (SQLite, PostgreSQL), crash recovery, HTTP
  'test/contracts/storage-sqlite.test.ts',
  'test/contracts/**/*.test.{ts,tsx}',
  'test/reliability/**/*.test.{ts,tsx}',
  'test/web/http.test.ts',
  'test/web/letters-and-files.test.ts',
  'test/web/**/*.test.{ts,tsx}',
  'test/publication/item-model.test.ts',
  'test/publication/search-parity.test.ts',
  'test/publication/publication-http.test.ts',
  'test/publication/**/*.test.{ts,tsx}',
  // catch-alls: anything not named above
  'test/**/*.test.{ts,tsx}',
  'src/**/*.test.{ts,tsx}',
];

/** Headless-browser suites: slowest, run last. */
export const LAST_PATTERNS = [
  'test/e2e/journey.test.ts',
  'test/e2e/letters-journey.test.ts',
  'test/e2e/portal.test.ts',
  'test/e2e/**/*.test.{ts,tsx}',
];

export const NOT_TESTS = ['test/helpers/**', 'test/fixtures/**', '**/*.contract.ts'];

const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', 'tmp']);

/** A pattern as a RegExp over '/'-separated paths relative to the repository root. */
export function patternToRegExp(pattern) {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (pattern.startsWith('**/', i)) {
      re += '(?:[^/]+/)*';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0) throw new Error(`unclosed { in test pattern ${pattern}`);
      re += `(?:${pattern
        .slice(i + 1, end)
        .split(',')
        .map((alt) => alt.replace(/[.+?^$()|[\]\\]/g, '\\$&'))
        .join('|')})`;
      i = end;
    } else re += ch.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Every file under root (skipping node_modules, build output and dot-folders), '/'-separated, sorted. */
export function listFiles(root = ROOT) {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) walk(p);
      } else if (e.isFile()) out.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** The ordered, duplicate-free list of test files to run, relative to root. */
export function expandTestFiles(root = ROOT) {
  const files = listFiles(root);
  const not = NOT_TESTS.map(patternToRegExp);
  const candidates = files.filter((f) => !not.some((re) => re.test(f)));
  const last = LAST_PATTERNS.map(patternToRegExp);
  const isLast = (f) => last.some((re) => re.test(f));
  const seen = new Set();
  const run = [];
  for (const pattern of [...TEST_PATTERNS, ...LAST_PATTERNS]) {
    const re = patternToRegExp(pattern);
    const atEnd = LAST_PATTERNS.includes(pattern);
    for (const f of candidates)
      if (re.test(f) && !seen.has(f) && (atEnd || !isLast(f))) {
        seen.add(f);
        run.push(f);
      }
  }
  return run;
}
