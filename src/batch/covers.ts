/**
 * Generated covers kept between builds, in the output folder's
 * `.quire-covers/`. A generated cover is a function of its text (title,
 * subtitle, authors, series), quire's build and the cover faces installed,
 * so the one drawn last time for the same key is the same bytes. Drawing a
 * cover in a fresh process is about a third of a small story's build
 * (loading HarfBuzz, resvg and the fonts, then a page of pixels); reading it
 * back is one small file.
 *
 * A file is used only when it is a whole PNG of the cover's size with every
 * chunk's CRC right, else the cover is drawn again. A cover missing glyphs is
 * not kept: its warning must come again with each build. Covers no work of
 * the cache names any more are removed when the cache is saved (run.ts).
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

export const COVERS_DIR = '.quire-covers';

export const coversDir = (out: string): string => path.join(out, COVERS_DIR);

/** Removes the kept covers whose keys are not in `keep` (and leftovers of writes cut short). */
export async function pruneCovers(out: string, keep: ReadonlySet<string>): Promise<void> {
  const dir = coversDir(out);
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => !(n.endsWith('.png') && keep.has(n.slice(0, -4))));
  await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true }).catch(() => undefined)));
}
