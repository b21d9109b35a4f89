import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { epubsIn, library, problemsIn, quire, story, tmp } from './helpers.js';
import { repoRoot, unzipText } from '../support/build.js';
import { buildIdentity } from '../../src/batch/version.js';
import type { BatchReport } from '../../src/batch/types.js';

const statuses = async (args: string[]) => {
  const run = await quire([...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as BatchReport).works.map((w) => `${path.basename(w.source)} ${w.status}`);
};

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await epubsIn(dir))
    out[name] = createHash('sha256')
      .update(await readFile(path.join(dir, name)))
      .digest('hex');
  return out;
}

describe('incremental builds', () => {
  it("rebuilds a series' works when its series.yaml changes what they inherit, and only then", async () => {
    const dir = await tmp();
    const saga = path.join(dir, 'saga');
    await mkdir(saga);
    await writeFile(path.join(saga, 'series.yaml'), 'name: The Old Saga\n');
    await library(saga, 2);
    const out = path.join(dir, 'out');
    const build = ['build', saga, '--out', out];
    expect(await statuses(build)).toEqual(['s000.txt built', 's001.txt built']);
    expect(await statuses(build)).toEqual(['s000.txt skipped', 's001.txt skipped']);
    // Before, the series was no part of a work's key: the books kept the old name.
    await writeFile(path.join(saga, 'series.yaml'), 'name: The New Saga\n');
    expect(await statuses(build)).toEqual(['s000.txt built', 's001.txt built']);
    const opf = [...unzipText(await readFile(path.join(out, 'story-0.epub')))].find(([n]) => n.endsWith('.opf'))![1];
    expect(opf).toContain('The New Saga');
    expect(await statuses(build)).toEqual(['s000.txt skipped', 's001.txt skipped']);
  });

  it("trusts an old file's size and time as git does, and reads again a file changed within two seconds of its build", async () => {
    const dir = await tmp();
    const [a, b] = await library(dir, 2);
    const out = path.join(dir, 'out');
    const build = ['build', dir, '--out', out];
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const f of [a!, b!]) await utimes(f, hourAgo, hourAgo);
    expect(await statuses(build)).toEqual(['s000.txt built', 's001.txt built']);

    // Same size, same time, written an hour before it was read: taken as unchanged without being read.
    const same = (await readFile(a!, 'utf8')).replace('lamp', 'LAMP');
    await writeFile(a!, same);
    await utimes(a!, hourAgo, hourAgo);
    expect(await statuses(build)).toEqual(['s000.txt skipped', 's001.txt skipped']);
    // Another size, or another time, is read and hashed again.
    await writeFile(a!, `${same}\n`);
    await utimes(a!, hourAgo, hourAgo);
    expect(await statuses(build)).toEqual(['s000.txt built', 's001.txt skipped']);
    // A sidecar that appears is read, though the story's stamp holds.
    await writeFile(b!.replace(/\.txt$/, '.yml'), 'language: de\n');
    expect(await statuses(build)).toEqual(['s000.txt skipped', 's001.txt built']);
    // Nor do stamps stand for other options: the same files are built again under a flag.
    expect(await statuses([...build, '--author', 'Someone Else'])).toEqual(['s000.txt built', 's001.txt built']);

    // Built just now, a file changed again with its size and time kept is not trusted: it is hashed again.
    const fresh = path.join(dir, 'fresh.txt');
    await writeFile(fresh, story('Fresh'));
    expect(await statuses(['build', fresh, '--out', out])).toEqual(['fresh.txt built']);
    const { mtime } = await stat(fresh);
    await writeFile(fresh, (await readFile(fresh, 'utf8')).replace('lamp', 'LAMP'));
    await utimes(fresh, mtime, mtime);
    expect(await statuses(['build', fresh, '--out', out])).toEqual(['fresh.txt built']);
  });

  it('checks the works it has built before in its own thread, and starts no thread when none changed', async () => {
    const dir = await tmp();
    // Written an hour ago, so that their stamps are trusted (see the next test).
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const f of await library(dir, 12)) await utimes(f, hourAgo, hourAgo);
    const out = path.join(dir, 'out');
    const first = await quire(['build', dir, '--out', out, '--jobs', '2', '--verbose']);
    expect(first.stdout).toMatch(/^building 12 works, 2 at a time$/m);
    const again = await quire(['build', dir, '--out', out, '--jobs', '2', '--verbose']);
    expect(again.stdout).toMatch(/^building 12 works, 1 at a time$/m);
    expect(again.stdout).toMatch(/^0 built, 12 skipped, 0 failed/m);
    // Nothing changed, so the cache file is left as it was, not written again.
    const cacheFile = path.join(out, '.quire-cache.json');
    const before = await stat(cacheFile);
    const written = await readFile(cacheFile, 'utf8');
    await quire(['build', dir, '--out', out, '--jobs', '2']);
    expect((await stat(cacheFile)).mtimeMs).toBe(before.mtimeMs);
    expect(await readFile(cacheFile, 'utf8')).toBe(written);
    // One changed work is converted here, with no thread for its cover either.
    await writeFile(path.join(dir, 's005.txt'), story('Story 5, revised'));
    const one = await quire(['build', dir, '--out', out, '--jobs', '2', '--verbose', '--json']);
    expect(one.stderr).toMatch(/^building 12 works, 1 at a time$/m);
    expect((JSON.parse(one.stdout) as BatchReport).works.filter((w) => w.status === 'built').map((w) => path.basename(w.source))).toEqual(['s005.txt']);
  });

  it('skips unchanged works and rebuilds a work whose story, sidecar or options changed', async () => {
    const dir = await tmp();
    await library(dir, 3);
    const out = path.join(dir, 'out');
    const build = ['build', dir, '--out', out];
    expect(await statuses(build)).toEqual(['s000.txt built', 's001.txt built', 's002.txt built']);
    const first = await hashes(out);
    expect(await statuses(build)).toEqual(['s000.txt skipped', 's001.txt skipped', 's002.txt skipped']);

    await writeFile(path.join(dir, 's001.txt'), story('Story 1', 3));
    expect(await statuses(build)).toEqual(['s000.txt skipped', 's001.txt built', 's002.txt skipped']);
    await writeFile(path.join(dir, 's002.yaml'), 'language: fr\n');
    expect(await statuses(build)).toEqual(['s000.txt skipped', 's001.txt skipped', 's002.txt built']);
    const second = await hashes(out);
    expect(second['story-0.epub']).toBe(first['story-0.epub']);
    expect(second['story-1.epub']).not.toBe(first['story-1.epub']);
    expect(second['story-2.epub']).not.toBe(first['story-2.epub']);

    expect(await statuses([...build, '--author', 'Someone Else'])).toEqual(['s000.txt built', 's001.txt built', 's002.txt built']);
    expect(await statuses([...build, '--author', 'Someone Else', '--force'])).toEqual(['s000.txt built', 's001.txt built', 's002.txt built']);
    expect(await statuses([...build, '--author', 'Someone Else'])).toEqual(['s000.txt skipped', 's001.txt skipped', 's002.txt skipped']);
    expect(await problemsIn(out)).toEqual({});
  });

  it('rebuilds a work whose book was deleted from the output folder', async () => {
    const dir = await tmp();
    await library(dir, 2);
    const out = path.join(dir, 'out');
    await statuses(['build', dir, '--out', out]);
    await rm(path.join(out, 'story-1.epub'));
    expect(await statuses(['build', dir, '--out', out])).toEqual(['s000.txt skipped', 's001.txt built']);
    expect(await problemsIn(out)).toEqual({});
  });

  it('moves a skipped book to a new name when another work takes its old one', async () => {
    const dir = await tmp();
    await library(dir, 2, (i) => (i === 0 ? 'First' : 'Second'));
    const out = path.join(dir, 'out');
    expect(await statuses(['build', dir, '--out', out])).toEqual(['s000.txt built', 's001.txt built']);
    await writeFile(path.join(dir, 's000.txt'), story('Second', 3));
    // s000 comes first, so it now owns second.epub and the unchanged s001 must become second-2.epub.
    const run = await quire(['build', dir, '--out', out, '--json']);
    const works = (JSON.parse(run.stdout) as BatchReport).works.map((w) => [path.basename(w.source), w.status, path.basename(w.output ?? ''), w.chapters]);
    expect(works).toEqual([
      ['s000.txt', 'built', 'second.epub', 3],
      ['s001.txt', 'built', 'second-2.epub', 2],
    ]);
    expect(await epubsIn(out)).toEqual(['first.epub', 'second-2.epub', 'second.epub']);
    expect(await statuses(['build', dir, '--out', out])).toEqual(['s000.txt skipped', 's001.txt skipped']);
    expect(await problemsIn(out)).toEqual({});
  });
});

describe('incremental builds and the build of quire', () => {
  it('reads the build id beside the compiled code into the version every cache key holds', async () => {
    const dir = await tmp();
    const idFile = path.join(dir, 'build-id');
    const url = new URL(`file://${idFile}`);
    expect(buildIdentity('1.2.3', url)).toBe('1.2.3');
    await writeFile(idFile, 'abc123\n');
    expect(buildIdentity('1.2.3', url)).toBe('1.2.3+abc123');
    expect(await readFile(path.join(repoRoot, 'dist', 'build-id'), 'utf8')).toMatch(/^[0-9a-f]{16}\n$/);
  });

  it('rebuilds every work after quire itself is rebuilt, though its version number is the same', async () => {
    // A copy of the built CLI, so that its build id can change without touching the one the other tests run.
    const install = await tmp('quire-install-');
    await cp(path.join(repoRoot, 'dist', 'bundle'), path.join(install, 'dist', 'bundle'), { recursive: true });
    await cp(path.join(repoRoot, 'dist', 'build-id'), path.join(install, 'dist', 'build-id'));
    await cp(path.join(repoRoot, 'styles'), path.join(install, 'styles'), { recursive: true });
    await cp(path.join(repoRoot, 'package.json'), path.join(install, 'package.json'));
    await symlink(path.join(repoRoot, 'node_modules'), path.join(install, 'node_modules'));
    const cli = path.join(install, 'dist', 'bundle', 'cli.js');

    const dir = await tmp();
    await mkdir(path.join(dir, 'stories'));
    await library(path.join(dir, 'stories'), 2);
    const out = path.join(dir, 'out');
    const run = async () => {
      const r = await quire(['build', path.join(dir, 'stories'), '--out', out, '--json'], { cli });
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as BatchReport).works.map((w) => w.status);
    };
    expect(await run()).toEqual(['built', 'built']);
    const first = await hashes(out);
    expect(await run()).toEqual(['skipped', 'skipped']);
    await writeFile(path.join(install, 'dist', 'build-id'), '0123456789abcdef\n');
    expect(await run()).toEqual(['built', 'built']);
    expect(await run()).toEqual(['skipped', 'skipped']);
    // The id keys the cache only; it never reaches a book.
    expect(await hashes(out)).toEqual(first);
  });
});

describe('incremental builds and the files a book is made from', () => {
  const png = (r: number, g: number, b: number) =>
    sharp({ create: { width: 400, height: 640, channels: 3, background: { r, g, b } } })
      .png()
      .toBuffer();

  it('rebuilds a work when its named cover or a packed image changes or goes missing, and only then', async () => {
    const dir = await tmp();
    await library(dir, 2);
    await writeFile(path.join(dir, 'cover.png'), await png(200, 40, 40));
    await writeFile(path.join(dir, 's000.yaml'), 'cover: cover.png\n');
    await writeFile(path.join(dir, 'pic.png'), await png(20, 90, 160));
    await writeFile(path.join(dir, 'pictured.md'), '# Pictured\n\n## One\n\nA harbour at dusk.\n\n![The harbour](pic.png)\n\nThe end.\n');
    const out = path.join(dir, 'out');
    const build = ['build', dir, '--out', out];
    expect(await statuses(build)).toEqual(['pictured.md built', 's000.txt built', 's001.txt built']);
    expect(await statuses(build)).toEqual(['pictured.md skipped', 's000.txt skipped', 's001.txt skipped']);

    await writeFile(path.join(dir, 'cover.png'), await png(40, 200, 40));
    expect(await statuses(build)).toEqual(['pictured.md skipped', 's000.txt built', 's001.txt skipped']);
    await writeFile(path.join(dir, 'pic.png'), await png(160, 90, 20));
    expect(await statuses(build)).toEqual(['pictured.md built', 's000.txt skipped', 's001.txt skipped']);
    expect(await problemsIn(out)).toEqual({});

    // The book in out/ must be the one made from the new cover.
    const book = unzipSync(new Uint8Array(await readFile(path.join(out, 'story-0.epub'))));
    const cover = Object.entries(book).find(([name]) => /cover\.png$/.test(name))?.[1];
    expect(cover && Buffer.from(cover).equals(await readFile(path.join(dir, 'cover.png')))).toBe(true);

    await rm(path.join(dir, 'cover.png'));
    const run = await quire([...build, '--json']);
    expect(run.code).toBe(1);
    const works = (JSON.parse(run.stdout) as BatchReport).works;
    expect(works.map((w) => `${path.basename(w.source)} ${w.status}`)).toEqual(['pictured.md skipped', 's000.txt failed', 's001.txt skipped']);
    expect(works[1]!.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toContain('cover-not-found');
  });
});

describe('parallel builds', () => {
  it('give the same names and the same bytes with --jobs 1 and --jobs 2, titles colliding or not', async () => {
    const dir = await tmp();
    // Uneven sizes make workers finish out of input order; equal titles make names depend on order.
    await library(dir, 12, (i) => (i % 3 === 0 ? 'Same Title' : `Story ${i}`), [2, 3]);
    // Over a megabyte in all, so the batch is worth a second thread.
    for (const i of [0, 6, 9]) await writeFile(path.join(dir, `s${String(i).padStart(3, '0')}.txt`), story('Same Title', 70, 70));
    const one = path.join(dir, 'one');
    const two = path.join(dir, 'two');
    expect((await quire(['build', dir, '--out', one, '--jobs', '1'])).code).toBe(0);
    const parallel = await quire(['build', dir, '--out', two, '--jobs', '2', '--verbose']);
    expect(parallel.code).toBe(0);
    expect(parallel.stdout).toMatch(/^building 12 works, 2 at a time$/m);
    const a = await hashes(one);
    expect(Object.keys(a)).toHaveLength(12);
    expect(Object.keys(a).filter((n) => n.startsWith('same-title'))).toEqual(['same-title-2.epub', 'same-title-3.epub', 'same-title-4.epub', 'same-title.epub']);
    expect(await hashes(two)).toEqual(a);
    expect(await problemsIn(one)).toEqual({});
  });

  it('give the same bytes when a small batch draws its covers in a second thread', async () => {
    const dir = await tmp();
    // Four small works: one conversion thread is enough, and --jobs 2 leaves a core for the covers.
    await library(dir, 4, (i) => `Small Story ${i}`, [2, 2]);
    const one = path.join(dir, 'one');
    const two = path.join(dir, 'two');
    const alone = await quire(['build', dir, '--out', one, '--jobs', '1', '--verbose']);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toMatch(/^building 4 works, 1 at a time$/m);
    const aside = await quire(['build', dir, '--out', two, '--jobs', '2', '--verbose']);
    expect(aside.code).toBe(0);
    expect(aside.stdout).toMatch(/^building 4 works, 1 at a time, covers in a second thread$/m);
    const a = await hashes(one);
    expect(Object.keys(a)).toHaveLength(4);
    expect(await hashes(two)).toEqual(a);
    expect(await problemsIn(two)).toEqual({});
  });

  it("draw one work's cover in this thread, even after a folder made the plan start the cover thread", async () => {
    const dir = await tmp();
    await library(dir, 1, () => 'A Single Story', [2, 2]);
    const alone = await quire(['build', dir, '--out', path.join(dir, 'one'), '--jobs', '1', '--verbose']);
    expect(alone.stdout).toMatch(/^building 1 work, 1 at a time$/m);
    const aside = await quire(['build', dir, '--out', path.join(dir, 'two'), '--jobs', '2', '--verbose']);
    expect(aside.code, aside.stderr).toBe(0);
    // A folder may hold many works, so the plan starts the thread; one work is drawn sooner here than there.
    expect(aside.stdout).toMatch(/^building 1 work, 1 at a time$/m);
    const a = await hashes(path.join(dir, 'one'));
    expect(Object.keys(a)).toHaveLength(1);
    expect(await hashes(path.join(dir, 'two'))).toEqual(a);
  });
});
