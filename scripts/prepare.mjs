#!/usr/bin/env node
/**
 * `npm ci` and `npm install` run this (the `prepare` script), and so does the
 * first `npx quire` in a checkout, which packs the checkout to install it. It
 * compiles the command into dist/ only when dist/ is older than a file it is
 * made from, and says so first: a silent 30-second pause reads as a hang.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const built = path.join(root, 'dist/bundle/cli.js');

/** The newest modification time of a file or of any file under a folder. */
function newest(p) {
  const info = statSync(p, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((n) => newest(path.join(p, n))));
}

const sources = ['src', 'scripts/bundle.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'].map((p) => newest(path.join(root, p)));
const output = statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (output > Math.max(...sources)) process.exit(0);

process.stderr.write('quire: compiling the command into dist/ (once after each change to src/; about 10 s)\n');
for (const [cmd, args] of [
  ['npx', ['tsc', '-p', 'tsconfig.json']],
  [process.execPath, ['scripts/bundle.mjs']],
]) {
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
