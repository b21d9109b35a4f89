/**
 * README's library section runs exactly as written: its ESM example with Node,
 * its TypeScript example type-checked against the published types and then
 * run, both importing `quire` by name (a package may import itself). And
 * README's Errors table names exactly the codes quire gives.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, utimesSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { USAGE_ERRORS, WORK_ERRORS } from '../../src/errors.js';
import { validateEpub } from '../support/epubcheck.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The body of README's `## name` section (up to the next `## `). */
function section(name: string, level = '##'): string {
  const start = README.indexOf(`\n${level} ${name}\n`);
  expect(start, `README has a "${level} ${name}" section`).toBeGreaterThan(-1);
  const rest = README.slice(start + name.length + level.length + 3);
  const end = rest.search(new RegExp(`\\n#{2,${level.length}} `));
  return end < 0 ? rest : rest.slice(0, end);
}

const blocks = (text: string, lang: string): string[] => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

// Inside the checkout, so that `import 'quire'` finds this package by its own name.
mkdirSync(path.join(ROOT, 'out'), { recursive: true });
const work = mkdtempSync(path.join(ROOT, 'out', 'readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function inFreshFolder(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  cpSync(path.join(ROOT, 'stories'), path.join(dir, 'stories'), { recursive: true });
  return dir;
}

/** `tsc -p dir`: its diagnostics, or '' when the folder type-checks. */
function typecheck(dir: string): string {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
  return run.status === 0 ? '' : run.stdout + run.stderr || `tsc exited ${run.status}`;
}

async function expectValidBooks(dir: string): Promise<string[]> {
  const books = readdirSync(dir).filter((n) => n.endsWith('.epub'));
  for (const b of books) expect(await validateEpub(readFileSync(path.join(dir, b)), b)).toEqual([]);
  return books;
}

describe("README's library section", () => {
  const lib = section('Library');

  it('runs the ESM example as written: every story built, one more in memory', async () => {
    const [code] = blocks(lib, 'js');
    expect(code).toMatch(/from 'quire'/);
    const dir = inFreshFolder('esm');
    writeFileSync(path.join(dir, 'example.mjs'), code!);
    const out = execFileSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
    const stories = readdirSync(path.join(dir, 'stories')).length;
    expect(out).toContain(`${stories} built, 0 failed`);
    expect(out).toMatch(/^The Quiet Harbour: \d+ words$/m);
    expect(await expectValidBooks(path.join(dir, 'out'))).toHaveLength(stories);
    expect(await expectValidBooks(dir)).toEqual(['harbour.epub']);
  }, 180_000);

  it('type-checks the TypeScript example against the published types, and runs it', async () => {
    const [code] = blocks(lib, 'ts');
    const dir = inFreshFolder('ts');
    writeFileSync(path.join(dir, 'example.ts'), code!);
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: ['node'], typeRoots: [path.join(ROOT, 'node_modules/@types')] },
        files: ['example.ts'],
      }),
    );
    expect(typecheck(dir)).toBe('');
    writeFileSync(path.join(dir, 'example.mjs'), transformSync(code!, { loader: 'ts', format: 'esm' }).code);
    execFileSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(await expectValidBooks(path.join(dir, 'out'))).toHaveLength(readdirSync(path.join(dir, 'stories')).length);
  }, 180_000);

  it('lets a wrong example fail: a type error is caught by the same check', () => {
    const dir = path.join(work, 'wrong');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'example.ts'), "import { build } from 'quire';\nconst n: number = (await build('stories')).works;\n");
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] }, files: ['example.ts'] }),
    );
    expect(typecheck(dir)).toMatch(/TS2322/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe("README's Errors table", () => {
  it('names every error code quire gives, and no other', () => {
    const table = section('Errors', '###');
    const named = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([a-z-]+)`/g)].map((c) => c[1]!));
    expect(named.sort()).toEqual([...USAGE_ERRORS, ...WORK_ERRORS].sort());
  });
});

describe('prepare (npm ci, and the first npx quire in a checkout)', () => {
  it('compiles nothing, and says nothing, while dist/ is newer than what it is made from', () => {
    // npm test has just built dist/; an edit made since must not make this test compile.
    const now = new Date();
    utimesSync(path.join(ROOT, 'dist/bundle/cli.js'), now, now);
    const run = spawnSync(process.execPath, ['scripts/prepare.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
