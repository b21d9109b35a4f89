import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COVERS_DIR } from '../../src/batch/covers.js';
import { build } from '../../src/index.js';
import { validateEpub } from '../support/epubcheck.js';
import { quire, tmpDir } from '../support/hostile.js';

async function stories(): Promise<string> {
  const dir = await tmpDir();
  const src = path.join(dir, 'stories');
  await mkdir(src);
  for (let i = 1; i <= 4; i++) {
    const body = Array.from({ length: 40 }, (_, c) => `Chapter ${c + 1}\n\n${`Story ${i}, chapter ${c + 1}: "words" -- and more words. `.repeat(30)}\n`).join('\n');
    await writeFile(path.join(src, `story-${i}.txt`), `Title: Story ${i}\nAuthor: Tester\n\n${body}`);
  }
  return dir;
}

async function expectCleanOut(out: string, count: number): Promise<Map<string, Buffer>> {
  // The incremental-build cache and the kept covers may stand beside the books; nothing else may.
  const names = (await readdir(out)).filter((n) => n !== '.quire-cache.json' && n !== COVERS_DIR).sort();
  expect(names.filter((n) => !n.endsWith('.epub'))).toEqual([]); // no *.tmp left behind
  const kept = await readdir(path.join(out, COVERS_DIR)).catch(() => []);
  expect(kept.filter((n) => !n.endsWith('.png'))).toEqual([]);
  expect(names).toHaveLength(count);
  const books = new Map<string, Buffer>();
  for (const n of names) books.set(n, await readFile(path.join(out, n)));
  return books;
}

describe('several builds into the same out/ at once', () => {
  it('two quire processes never leave a corrupt EPUB or a temp file (5 rounds)', async () => {
    const dir = await stories();
    const out = path.join(dir, 'out');
    const env = ['--out', out];
    let first: Map<string, Buffer> | undefined;
    for (let round = 0; round < 5; round++) {
      const runs = await Promise.all([quire(['build', path.join(dir, 'stories'), ...env]), quire(['build', path.join(dir, 'stories'), ...env])]);
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const books = await expectCleanOut(out, 4);
      first ??= books;
      for (const [name, bytes] of books) expect(bytes.equals(first.get(name)!), name).toBe(true);
    }
    for (const [name, bytes] of first!) expect(await validateEpub(bytes, name)).toEqual([]);
  });

  // Regression: the temp file was `<book>.<pid>.tmp`, so two builds in one
  // process shared it and the second rename failed with an internal ENOENT.
  it('four builds in one process into the same out/ all succeed (shared temp file name)', async () => {
    const dir = await stories();
    const out = path.join(dir, 'out');
    const reports = await Promise.all([1, 2, 3, 4].map(() => build([path.join(dir, 'stories')], { out, sourceDateEpoch: 1_700_000_000 })));
    for (const r of reports) expect(r.works.flatMap((w) => w.diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    const books = await expectCleanOut(out, 4);
    for (const [name, bytes] of books) expect(await validateEpub(bytes, name)).toEqual([]);
  });
});

describe('determinism under stress', () => {
  it('gives the same bytes over repeated builds of hostile and large inputs', async () => {
    const dir = await stories();
    const src = path.join(dir, 'stories');
    await writeFile(path.join(src, 'noise.txt'), Buffer.from([...Buffer.from('Title: Noise\n\n'), ...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)]));
    await writeFile(path.join(src, 'breaks.txt'), `Title: Breaks\n\n${'Text.\n\n* * *\n\n'.repeat(3000)}`);
    const outs = [path.join(dir, 'a'), path.join(dir, 'b'), path.join(dir, 'c')];
    for (const out of outs) await build([src], { out, sourceDateEpoch: 1_700_000_000 });
    const [a, b, c] = await Promise.all(outs.map((o) => expectCleanOut(o, 6)));
    for (const [name, bytes] of a!) {
      expect(bytes.equals(b!.get(name)!), name).toBe(true);
      expect(bytes.equals(c!.get(name)!), name).toBe(true);
    }
  });
});
