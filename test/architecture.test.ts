/**
 * The dependency rule (ARCHITECTURE.md), checked on every import: the core imports only the core (no Node
 * modules, no packages: no I/O, no clock, no env); use cases never import the web, the CLI, the configuration or a
 * database driver; adapters never import use cases, the web or the CLI. Also: no core file reads process.env or
 * Date.now().
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = new URL('../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => m[1]!);
}

const layer = (file: string): string => relative(SRC, file).split('/')[0]!;
const target = (file: string, spec: string): string =>
  spec.startsWith('.') ? relative(SRC, join(file, '..', spec)).split('/')[0]! : `pkg:${spec}`;

test('core imports only core; it reads no environment and no clock', () => {
  for (const f of files(join(SRC, 'core'))) {
    for (const spec of imports(f))
      assert.equal(target(f, spec), 'core', `${relative(SRC, f)} imports ${spec}`);
    const src = readFileSync(f, 'utf8');
    assert.ok(
      !/process\.env|Date\.now\(\)|new Date\(\)/.test(src),
      `${relative(SRC, f)} reads the environment or the clock`,
    );
  }
});

test('use cases never import the web, the CLI, the configuration or a database driver', () => {
  for (const f of files(join(SRC, 'app'))) {
    for (const spec of imports(f)) {
      const t = target(f, spec);
      assert.ok(!['web', 'cli', 'config'].includes(t), `${relative(SRC, f)} imports ${spec}`);
      assert.ok(
        !/^pkg:(kysely|better-sqlite3|pg|fastify|@fastify\/)/.test(t),
        `${relative(SRC, f)} imports the driver ${spec}`,
      );
      assert.ok(!spec.includes('adapters/storage'), `${relative(SRC, f)} imports storage directly: ${spec}`);
    }
  }
});

test('adapters never import use cases, the web or the CLI', () => {
  for (const f of files(join(SRC, 'adapters'))) {
    for (const spec of imports(f)) {
      const t = target(f, spec);
      assert.ok(!['app', 'web', 'cli'].includes(t), `${relative(SRC, f)} imports ${spec}`);
    }
  }
  assert.ok(files(SRC).length > 60);
  void layer;
});

/** The wiring files: the only places in web/ and cli/ that open the store, choose adapters or touch the store. */
const WIRING = new Set([
  'web/main.ts',
  'web/server.tsx',
  'cli/main.ts',
  'cli/commands/setup-command.ts',
  'cli/commands/backup-command.ts',
  'cli/commands/jobs-command.ts',
]);

test('web and cli call use cases: they never import the store, a parser, files, hashing or a driver', () => {
  for (const layerName of ['web', 'cli']) {
    for (const f of files(join(SRC, layerName))) {
      const rel = relative(SRC, f);
      if (WIRING.has(rel)) continue;
      for (const spec of imports(f)) {
        assert.ok(
          !/adapters\/(storage|parse|files|security|calendar)\//.test(spec),
          `${rel} imports an adapter the use cases own: ${spec}`,
        );
        assert.ok(!/^(kysely|better-sqlite3|pg)$/.test(spec), `${rel} imports the driver ${spec}`);
      }
      const src = readFileSync(f, 'utf8');
      assert.ok(
        !/\bdeps\.(store|files)\b|\.store\.\w+\.\w+\(/.test(src),
        `${rel} reads the store or the files directly`,
      );
    }
  }
});

test('the web layer is rooms: one route plugin per area, no web file over 400 lines, routes hold no rule', () => {
  const routes = readdirSync(join(SRC, 'web/routes')).sort();
  for (const area of [
    'portal',
    'report-check',
    'applicant',
    'cases',
    'items',
    'admin',
    'reports',
    'supervision',
    'notices',
  ])
    assert.ok(routes.includes(`${area}.tsx`), `web/routes/${area}.tsx is missing`);
  for (const f of files(join(SRC, 'web'))) {
    const lines = readFileSync(f, 'utf8').split('\n').length;
    assert.ok(lines <= 400, `${relative(SRC, f)} has ${lines} lines`);
  }
  // a route never decides by role or state itself: that is the policies' and the transition table's job
  for (const f of files(join(SRC, 'web/routes'))) {
    const src = readFileSync(f, 'utf8');
    assert.ok(!/\.role\s*[!=]==/.test(src), `${relative(SRC, f)} checks a role itself`);
    assert.ok(!/\bcatch\s*\(/.test(src), `${relative(SRC, f)} catches errors itself (use submitForm)`);
  }
});

test('docs/glossary.md: every file:line it points to exists and holds the code it names', () => {
  const glossary = readFileSync(new URL('../docs/glossary.md', import.meta.url), 'utf8');
  let refs = 0;
  for (const row of glossary.split('\n').filter((l) => l.startsWith('|'))) {
    // the identifiers the row names in code spans (at least three characters, so that no brace matches)
    const names = [...row.matchAll(/`([^`]+)`/g)].flatMap((m) =>
      [...m[1]!.matchAll(/[A-Za-z_]\w{2,}(?:\[\w+\])?/g)].map((x) => x[0]),
    );
    for (const m of row.matchAll(/((?:core|app|adapters|web|cli)\/[\w/-]+\.tsx?):(\d+)/g)) {
      refs++;
      const lines = readFileSync(join(SRC, m[1]!), 'utf8').split('\n');
      const at = lines[Number(m[2]) - 1] ?? '';
      assert.ok(
        names.some((n) => n && at.includes(n)),
        `${m[1]}:${m[2]} no longer holds ${names.join(', ')}: ${at.trim()}`,
      );
    }
  }
  assert.ok(refs >= 6, `${refs} references checked`);
});
