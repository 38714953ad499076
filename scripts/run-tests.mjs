#!/usr/bin/env node
/**
 * `npm test` after lint and tsc: runs every test file of scripts/test-files.mjs, one file at a time
 * (`node --import tsx --test --test-concurrency=1 <files>`), and exits with its code.
 *   node scripts/run-tests.mjs --list        print the files, in run order, and exit
 *   node scripts/run-tests.mjs [node flags]  e.g. --test-name-pattern=语料, passed to node before the files
 */
import { spawn } from 'node:child_process';
import { ROOT, expandTestFiles } from './test-files.mjs';

const args = process.argv.slice(2);
const files = expandTestFiles();
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
if (args.includes('--list')) {
  console.log(files.join('\n'));
  process.exit(0);
}
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', ...args, ...files],
  { cwd: ROOT, stdio: 'inherit' },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => {
  if (signal) console.error(`run-tests: node --test ended by ${signal}`);
  process.exit(code ?? 1);
});
