import path from 'node:path';
import { unzipSync } from 'fflate';
import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { COVERS_DIR } from '../../src/batch/covers.js';
import { epubsIn, library, problemsIn, quire, spawnQuire, tmp, waitForOutput } from './helpers.js';

describe('atomic output', () => {
  it('leaves no partial EPUB when a build is killed midway, and the next run finishes the job', async () => {
    const dir = await tmp();
    await library(dir, 30, (i) => `Story ${i}`, [30, 30]);
    const out = path.join(dir, 'out');
    const child = spawnQuire(['build', dir, '--out', out, '--jobs', '2']);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitForOutput(child, /^built /m);
    child.kill('SIGKILL');
    await exited;

    const left = await readdir(out);
    const books = await epubsIn(out);
    expect(books.length).toBeGreaterThan(0);
    expect(books.length).toBeLessThan(30);
    // Whatever is named .epub is whole; a write in flight is only ever a .tmp.
    for (const name of books) {
      const bytes = new Uint8Array(await readFile(path.join(out, name)));
      expect(() => unzipSync(bytes), name).not.toThrow();
    }
    expect(left.filter((n) => !n.endsWith('.epub') && n !== '.quire-cache.json' && n !== COVERS_DIR).every((n) => /^\.quire-.*\.tmp$/.test(n))).toBe(true);
    expect(await problemsIn(out)).toEqual({});

    const again = await quire(['build', dir, '--out', out]);
    expect(again.code).toBe(0);
    expect((await readdir(out)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // A cover whose write the kill cut short is cleared when the cache is saved.
    expect((await readdir(path.join(out, COVERS_DIR))).filter((n) => !n.endsWith('.png'))).toEqual([]);
    expect(await epubsIn(out)).toHaveLength(30);
  });
});
