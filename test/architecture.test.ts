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
      // the letter renderers take the Letter type from app/letters (a type-only import)
      if (t === 'app' && /import type[^;]*from '[^']*app\/letters/.test(readFileSync(f, 'utf8'))) continue;
      assert.ok(!['app', 'web', 'cli'].includes(t), `${relative(SRC, f)} imports ${spec}`);
    }
  }
  assert.ok(files(SRC).length > 60);
  void layer;
});
