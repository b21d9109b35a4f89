import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { coverCache, coverKey } from '../../src/batch/cover-cache.js';
import { COVERS_DIR } from '../../src/batch/covers.js';
import { drawCover } from '../../src/cover/generate.js';
import type { CoverInfo, DrawnCover } from '../../src/cover/types.js';
import { problemsIn, quire, story, tmp } from './helpers.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const info: CoverInfo = { title: 'The Kept Cover', authors: ['A Writer'] };

/** `draw` that counts its calls. */
function counting(): { draw: (i: CoverInfo) => Promise<DrawnCover>; calls: () => number } {
  let n = 0;
  return {
    draw: async (i) => {
      n++;
      return drawCover(i);
    },
    calls: () => n,
  };
}

const coverOf = async (epub: string): Promise<Uint8Array> => {
  const files = unzipSync(new Uint8Array(await readFile(epub)));
  const name = Object.keys(files).find((f) => /cover\.png$/.test(f));
  if (!name) throw new Error(`no cover.png in ${epub}: ${Object.keys(files).join(', ')}`);
  return files[name]!;
};

describe('the kept covers', () => {
  it('gives back the very bytes it drew, without drawing again, for the same text and build', async () => {
    const dir = await tmp('quire-covers-');
    const first = counting();
    const drawn = await coverCache(dir, 'b1', first.draw).draw(info);
    expect(first.calls()).toBe(1);
    const again = counting();
    const cache = coverCache(dir, 'b1', again.draw);
    const kept = await cache.draw({ ...info });
    expect(again.calls()).toBe(0);
    expect(sha(kept.image.data)).toBe(sha(drawn.image.data));
    expect(kept.missing).toEqual([]);
    expect(cache.used).toBe(coverKey(info, 'b1'));
  });

  it('draws again for another title, author, subtitle, series or build of quire', async () => {
    const keys = new Set([
      coverKey(info, 'b1'),
      coverKey(info, 'b2'),
      coverKey({ ...info, title: 'Another' }, 'b1'),
      coverKey({ ...info, authors: ['A Writer', 'B Writer'] }, 'b1'),
      coverKey({ ...info, subtitle: 'Part One' }, 'b1'),
      coverKey({ ...info, series: { name: 'Saga' } }, 'b1'),
      coverKey({ ...info, series: { name: 'Saga', position: 2 } }, 'b1'),
    ]);
    expect(keys.size).toBe(7);
  });

  it('draws again when the kept file was cut short or changed, and keeps the good one', async () => {
    const dir = await tmp('quire-covers-');
    const good = await coverCache(dir, 'b1', drawCover).draw(info);
    const file = path.join(dir, `${coverKey(info, 'b1')}.png`);
    const bytes = Buffer.from(good.image.data);
    for (const bad of [bytes.subarray(0, bytes.length - 20), Buffer.concat([bytes, Buffer.from([0])]), Buffer.from(bytes).fill(7, 200, 201)]) {
      await writeFile(file, bad);
      const again = counting();
      const cover = await coverCache(dir, 'b1', again.draw).draw(info);
      expect(again.calls()).toBe(1);
      expect(sha(cover.image.data)).toBe(sha(good.image.data));
      expect(sha(await readFile(file))).toBe(sha(good.image.data));
    }
  });

  it('keeps no cover that left glyphs out, so its warning comes with every build', async () => {
    const dir = await tmp('quire-covers-');
    const missing = async (i: CoverInfo): Promise<DrawnCover> => ({ ...(await drawCover(i)), missing: ['ᚠ'] });
    const cache = coverCache(dir, 'b1', missing);
    await cache.draw(info);
    expect(cache.used).toBeUndefined();
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });
});

describe('building with kept covers', () => {
  it('makes the same book as a build into an empty folder, and keeps only the covers of the works it holds', async () => {
    const dir = await tmp('quire-covers-');
    const a = path.join(dir, 'a.txt');
    await writeFile(a, story('Lanterns Over the Harbour'));
    await writeFile(path.join(dir, 'b.txt'), story('Salt and Cedar'));
    const out = path.join(dir, 'out');
    const build = (args: string[]) => quire(['build', ...args, '--quiet']);
    expect((await build([dir, '--out', out])).code).toBe(0);
    const kept = await readdir(path.join(out, COVERS_DIR));
    expect(kept).toHaveLength(2);

    // --force rebuilds every book; each cover comes from the kept file.
    expect((await build([dir, '--out', out, '--force'])).code).toBe(0);
    const fresh = path.join(dir, 'fresh');
    expect((await build([dir, '--out', fresh])).code).toBe(0);
    for (const name of ['lanterns-over-the-harbour.epub', 'salt-and-cedar.epub']) {
      expect(sha(await readFile(path.join(out, name)))).toBe(sha(await readFile(path.join(fresh, name))));
    }
    // The kept files are the books' covers, byte for byte.
    const inBooks = await Promise.all(['lanterns-over-the-harbour.epub', 'salt-and-cedar.epub'].map(async (n) => sha(await coverOf(path.join(out, n)))));
    const inFolder = await Promise.all(kept.map(async (k) => sha(await readFile(path.join(out, COVERS_DIR, k)))));
    expect(inFolder.sort()).toEqual(inBooks.sort());

    // A new title is a new cover; the old title's is no longer kept.
    await writeFile(a, story('Lanterns at Low Tide'));
    expect((await build([dir, '--out', out])).code).toBe(0);
    const now = await readdir(path.join(out, COVERS_DIR));
    expect(now).toHaveLength(2);
    expect(now.filter((k) => kept.includes(k))).toHaveLength(1);
    expect(await problemsIn(out)).toEqual({});
  });
});
