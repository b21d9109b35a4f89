import { composeCover, PALETTE_PAGE_BYTES } from './compose.js';
import { layoutCover, missingGlyphs } from './design.js';
import { encodePng } from './png.js';
import { coverScene } from './svg.js';
import { COVER_HEIGHT, COVER_WIDTH, type CoverImage, type CoverInfo, type DrawnCover } from './types.js';

// A page buffer (4 MB) is kept for the next cover: a fresh one costs page
// faults on every cover and, in a long batch, garbage collections to free them.
let spare: Buffer | undefined;

/** A typographic cover, 1600×2560 PNG, deterministic: same info, same bytes. */
export async function generateCover(info: CoverInfo): Promise<CoverImage> {
  const scene = coverScene(layoutCover(info));
  const data = spare ?? Buffer.allocUnsafe(PALETTE_PAGE_BYTES);
  spare = undefined;
  try {
    const png = encodePng(composeCover(scene, data));
    return { data: png, mediaType: 'image/png', extension: 'png', width: COVER_WIDTH, height: COVER_HEIGHT };
  } finally {
    spare = data;
  }
}

/** A generated cover and the characters of `info` no cover font could draw (left off it). */
export async function drawCover(info: CoverInfo): Promise<DrawnCover> {
  return { image: await generateCover(info), missing: missingGlyphs(info) };
}
