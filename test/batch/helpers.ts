import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cliPath, repoRoot } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';

export { ciEnv, quire, type Run } from '../support/cli.js';
import { ciEnv } from '../support/cli.js';

export function spawnQuire(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, [cliPath, ...args], { cwd: opts.cwd ?? repoRoot, env: opts.env ?? ciEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves once the child's output on `stream` matches `pattern`; rejects after `ms`. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, ms = 30_000, stream: 'stdout' | 'stderr' = 'stdout'): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; saw:\n${seen}`)), ms);
    const onData = (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        child[stream]?.off('data', onData);
        resolve(seen);
      }
    };
    child[stream]?.on('data', onData);
  });
}

export const tmp = (prefix = 'quire-batch-') => mkdtemp(path.join(os.tmpdir(), prefix));

/** A story of our own words, `paragraphs` long per chapter. */
export function story(title: string, chapters = 2, paragraphs = 3): string {
  const parts = [`---\ntitle: "${title}"\nauthor: Test Writer\n---\n`];
  for (let c = 1; c <= chapters; c++) {
    parts.push(`Chapter ${c}\n`);
    for (let p = 0; p < paragraphs; p++) parts.push(`The lamp in room ${c} burned low while the clock counted ${p} quiet hours.\n`);
  }
  return parts.join('\n');
}

/** Writes `n` stories into `dir`, named so input order is their number. */
export async function library(dir: string, n: number, title = (i: number) => `Story ${i}`, size: [number, number] = [2, 3]): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = path.join(dir, `s${String(i).padStart(3, '0')}.txt`);
    await writeFile(f, story(title(i), ...size));
    files.push(f);
  }
  return files;
}

export const epubsIn = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((f) => f.endsWith('.epub')).sort();

/** EPUBCheck problems of every book in `dir`, by name; `{}` when all are valid. */
export async function problemsIn(dir: string): Promise<Record<string, string[]>> {
  const bad: Record<string, string[]> = {};
  for (const name of await epubsIn(dir)) {
    const problems = await validateEpub(await readFile(path.join(dir, name)), name);
    if (problems.length) bad[name] = problems;
  }
  return bad;
}
