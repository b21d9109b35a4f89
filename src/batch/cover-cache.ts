/**
 * Reading and keeping generated covers in the folder covers.ts names (see
 * there for why). Apart from covers.ts, which the batch runner loads, because
 * this reaches into the cover code; only the converting threads need it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { installedOptionalFaces } from '../cover/font-files.js';
import { isWholePng } from '../cover/png.js';
import { COVER_HEIGHT, COVER_WIDTH, type CoverInfo, type DrawnCover } from '../cover/types.js';
import { writeAtomic } from './write.js';

/** The cover's key: what it shows, this build of quire, and the optional faces it may draw with. */
export function coverKey(info: CoverInfo, build: string): string {
  const { title, subtitle = null, authors, series = null } = info;
  return createHash('sha256')
    .update(JSON.stringify({ build, faces: installedOptionalFaces(), title, subtitle, authors, series }))
    .digest('hex')
    .slice(0, 32);
}

export interface CoverCache {
  draw(info: CoverInfo): Promise<DrawnCover>;
  /** The key of the generated cover the work's book holds, once drawn or found. */
  readonly used: string | undefined;
}

/** Wraps `draw` so that a cover kept in `dir` under its key is read instead of drawn, and a new one is kept. */
export function coverCache(dir: string, build: string, draw: (info: CoverInfo) => Promise<DrawnCover>): CoverCache {
  let used: string | undefined;
  return {
    get used() {
      return used;
    },
    async draw(info) {
      const key = coverKey(info, build);
      const file = path.join(dir, `${key}.png`);
      const kept = await readFile(file).catch(() => undefined);
      if (kept && isWholePng(kept, COVER_WIDTH, COVER_HEIGHT)) {
        used = key;
        return { image: { data: kept, mediaType: 'image/png', extension: 'png', width: COVER_WIDTH, height: COVER_HEIGHT }, missing: [] };
      }
      const drawn = await draw(info);
      if (drawn.missing.length === 0) {
        // Keeping it is a saving, never a condition: a folder that cannot take it costs a redraw next time.
        const stored = await mkdir(dir, { recursive: true })
          .then(() => writeAtomic(file, drawn.image.data, 'a cover'))
          .then(
            () => true,
            () => false,
          );
        if (stored) used = key;
      }
      return drawn;
    },
  };
}
