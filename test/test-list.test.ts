/**
 * `npm test` runs every test file: the list scripts/test-files.mjs expands (and scripts/run-tests.mjs runs)
 * holds every *.test.ts / *.test.tsx under test/ and src/, once, and nothing that does not exist.
 * Files under test/helpers/ and test/fixtures/, and storage contracts (*.contract.ts), are not tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAST_PATTERNS, expandTestFiles, patternToRegExp } from '../scripts/test-files.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Independent of scripts/test-files.mjs: a plain walk of test/ and src/. */
function testFilesOnDisk(): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(ROOT, rel), { withFileTypes: true })) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && p !== 'test/helpers' && p !== 'test/fixtures') walk(p);
      } else if (/\.test\.tsx?$/.test(e.name)) out.push(p);
    }
  };
  for (const top of ['test', 'src']) if (existsSync(join(ROOT, top))) walk(top);
  return out.sort();
}

const run = expandTestFiles();

test('every *.test.ts / *.test.tsx in test/ and src/ is in the run list', () => {
  const onDisk = testFilesOnDisk();
  assert.ok(onDisk.includes('test/test-list.test.ts'), 'the walk finds this file');
  const missing = onDisk.filter((f) => !run.includes(f));
  assert.deepEqual(missing, [], 'test files npm test would not run');
  assert.deepEqual([...run].sort(), onDisk, 'the run list holds test files only');
});

test('the run list has no duplicates and names only files that exist', () => {
  assert.equal(new Set(run).size, run.length, 'duplicates');
  assert.deepEqual(
    run.filter((f) => !existsSync(join(ROOT, f))),
    [],
    'missing files',
  );
  assert.ok(run.every((f) => !f.startsWith('test/helpers/') && !f.endsWith('.contract.ts')));
});

test('unit suites run first, the browser suites (test/e2e) last', () => {
  assert.equal(run[0], 'test/architecture.test.ts');
  const firstE2e = run.findIndex((f) => f.startsWith('test/e2e/'));
  assert.ok(firstE2e > 0, 'the e2e suites are in the list');
  assert.ok(
    run.slice(firstE2e).every((f) => f.startsWith('test/e2e/')),
    'nothing runs after the first browser suite but browser suites',
  );
});

test('npm test runs this list, one file at a time', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { test: string } };
  assert.match(pkg.scripts.test, /node scripts\/run-tests\.mjs$/);
  assert.doesNotMatch(pkg.scripts.test, /\.test\.tsx?/, 'no hand-kept file list in package.json');
  const runner = readFileSync(join(ROOT, 'scripts/run-tests.mjs'), 'utf8');
  assert.match(runner, /'--test-concurrency=1'/);
  const listed = execFileSync(process.execPath, [join(ROOT, 'scripts/run-tests.mjs'), '--list'], {
    encoding: 'utf8',
  });
  assert.deepEqual(listed.trim().split('\n'), run);
});

test('a new test file anywhere runs; helpers and fixtures do not; browser suites stay last', () => {
  const root = mkdtempSync(join(tmpdir(), 'gk-test-list-'));
  try {
    const files = [
      'test/architecture.test.ts',
      'test/e2e/zz-new-browser.test.ts',
      'test/web/api.test.ts',
      'test/brand-new-folder/deep/thing.test.tsx',
      'src/core/next-to-source.test.ts',
      'test/helpers/looks-like.test.ts',
      'test/fixtures/reports/x.test.ts',
      'test/contracts/storage.contract.ts',
      'node_modules/pkg/dep.test.ts',
    ];
    for (const f of files) {
      mkdirSync(dirname(join(root, f)), { recursive: true });
      writeFileSync(join(root, f), '');
    }
    assert.deepEqual(expandTestFiles(root), [
      'test/architecture.test.ts',
      'test/web/api.test.ts',
      'test/brand-new-folder/deep/thing.test.tsx',
      'src/core/next-to-source.test.ts',
      'test/e2e/zz-new-browser.test.ts',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('patterns: * stays in one folder, **/ spans folders, {a,b} is either', () => {
  const re = patternToRegExp('test/**/*.test.{ts,tsx}');
  assert.ok(re.test('test/a.test.ts') && re.test('test/a/b/c.test.tsx'));
  assert.ok(!re.test('test/a.test.js') && !re.test('src/a.test.ts') && !re.test('test/a.testxts'));
  assert.ok(!patternToRegExp('test/*.test.ts').test('test/a/b.test.ts'));
  assert.ok(LAST_PATTERNS.every((p) => p.startsWith('test/e2e/')));
});
