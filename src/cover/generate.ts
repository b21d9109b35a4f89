import sharp from 'sharp';
import { composeCover, PAGE_BYTES } from './compose.js';
import { layoutCover } from './design.js';
import { coverScene } from './svg.js';
import { COVER_HEIGHT, COVER_WIDTH, type CoverImage, type CoverInfo } from './types.js';

// Page buffers (12 MB each) kept for the next cover: a fresh one costs page
// faults on every cover and, in a long batch, leaves the garbage collector
// holding hundreds of megabytes of them. Covers drawn at once each take their own.
const spare: Buffer[] = [];
const MAX_SPARE = 2;

/** A typographic cover, 1600×2560 PNG, deterministic: same info, same bytes. */
export async function generateCover(info: CoverInfo): Promise<CoverImage> {
  const scene = coverScene(layoutCover(info));
  const data = spare.pop() ?? Buffer.allocUnsafe(PAGE_BYTES);
  try {
    const page = composeCover(scene, data);
    // Level 3 (zlib-ng's fast deflate) takes half the time of level 6 for a file a fifth larger (≈140 KB).
    const png = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
      .png({ compressionLevel: 3 })
      .toBuffer();
    return { data: new Uint8Array(png), mediaType: 'image/png', extension: 'png', width: COVER_WIDTH, height: COVER_HEIGHT };
  } finally {
    if (spare.length < MAX_SPARE) spare.push(data);
  }
}
