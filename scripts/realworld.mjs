#!/usr/bin/env node
// `npm run realworld`: builds every book of ../shared/realworld/truth.json with
// the built command line, scores each against its truth
// (scripts/realworld/score.mjs) and prints a scorecard, one line per book and
// a list of what failed. Exit code 1 when any check fails, 2 when the corpus
// or the command line is missing.
//
//   QUIRE_SHARED=DIR          the shared folder (default: ../shared beside the checkout)
//   REALWORLD_QUIRE=cli.js    another build of quire's command line
//   node scripts/realworld.mjs [ID ...]   only these books (truth ids)
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CHECKS, scoreBook } from './realworld/score.mjs';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.QUIRE_SHARED ?? path.resolve(repoRoot, '..', 'shared');
const cli = path.resolve(process.env.REALWORLD_QUIRE ?? path.join(repoRoot, 'dist', 'bundle', 'cli.js'));
const truthFile = path.join(shared, 'realworld', 'truth.json');

/** Builds one book into a fresh folder and returns the EPUB's path. */
export async function buildBook(cliPath, text, into) {
  const out = await mkdtemp(path.join(into, 'book-'));
  await run(process.execPath, [cliPath, 'build', text, '--out', out], { maxBuffer: 64 << 20 });
  const epubs = (await readdir(out)).filter((f) => f.endsWith('.epub') && !f.endsWith('.kepub.epub'));
  if (epubs.length !== 1) throw new Error(`expected one EPUB in ${out}, found ${epubs.length}`);
  return path.join(out, epubs[0]);
}

/** Builds and scores each book, a few at a time; a book that fails to build fails every check. */
export async function scoreAll(books, cliPath, textsDir) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'quire-realworld-'));
  try {
    const results = new Array(books.length);
    let next = 0;
    const worker = async () => {
      while (next < books.length) {
        const k = next++;
        const book = books[k];
        const start = performance.now();
        try {
          const epub = await buildBook(cliPath, path.join(textsDir, book.path), tmp);
          results[k] = { book, checks: scoreBook(book, epub), ms: performance.now() - start };
        } catch (e) {
          const detail = `build failed: ${String(e.stderr || e.message)
            .trim()
            .split('\n')
            .slice(0, 3)
            .join(' / ')}`;
          results[k] = { book, checks: CHECKS.map((check) => ({ check, ok: false, detail })), ms: performance.now() - start };
        }
      }
    };
    // The command line already spreads one book's work over the cores; two at once keeps them busy.
    await Promise.all(Array.from({ length: Math.min(2, books.length) }, worker));
    return results;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The scorecard: a row per book, a column per check, then every failure's detail. */
export function scorecard(results) {
  const short = {
    title: 'title',
    authors: 'auth',
    language: 'lang',
    chapters: 'count',
    'chapter titles': 'names',
    nesting: 'nest',
    forbidden: 'clean',
    'not chapters': 'notch',
    'no repeats': 'rept',
    'first words': 'first',
    'last words': 'last',
    paragraph: 'para',
    'median paragraph': 'median',
    'lines kept': 'lines',
  };
  const name = (b) => `${b.id} ${[...(b.titles?.[0] ?? b.path)].slice(0, 24).join('')}`;
  // Full-width characters take two columns in a terminal.
  const columns = (s) => [...s].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c) ? 2 : 1), 0);
  const pad = (s, n) => s + ' '.repeat(Math.max(0, n - columns(s)));
  const width = Math.max(...results.map((r) => columns(name(r.book))), 4);
  const cols = CHECKS.map((c) => short[c] ?? c);
  const lines = [`${'book'.padEnd(width)}  ${cols.map((c) => c.padEnd(Math.max(c.length, 1))).join(' ')}  passed`];
  for (const r of results) {
    const cells = CHECKS.map((c, k) => {
      const check = r.checks.find((x) => x.check === c);
      const mark = !check ? '?' : check.detail.startsWith('not scored') ? '·' : check.ok ? '✓' : '✗';
      return mark.padEnd(cols[k].length);
    });
    const passed = r.checks.filter((c) => c.ok).length;
    lines.push(`${pad(name(r.book), width)}  ${cells.join(' ')}  ${passed}/${r.checks.length}  ${(r.ms / 1000).toFixed(1)} s`);
  }
  const failures = results.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => `  ${r.book.id} ${c.check}: ${c.detail}`));
  const total = results.reduce((n, r) => n + r.checks.length, 0);
  const passed = results.reduce((n, r) => n + r.checks.filter((c) => c.ok).length, 0);
  lines.push('', `${passed}/${total} checks passed (· not scored for that book)`);
  if (failures.length) lines.push('', 'Failures:', ...failures);
  return lines.join('\n');
}

async function main() {
  if (!existsSync(truthFile)) {
    console.error(`realworld: no ${truthFile} (set QUIRE_SHARED to the shared folder)`);
    process.exit(2);
  }
  if (!existsSync(cli)) {
    console.error(`realworld: no ${cli}: run npm run build, or set REALWORLD_QUIRE`);
    process.exit(2);
  }
  const only = process.argv.slice(2);
  const books = JSON.parse(readFileSync(truthFile, 'utf8')).books.filter((b) => !only.length || only.includes(b.id));
  const results = await scoreAll(books, cli, path.join(shared, 'realworld', 'texts'));
  console.log(scorecard(results));
  process.exit(results.every((r) => r.checks.every((c) => c.ok)) ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
