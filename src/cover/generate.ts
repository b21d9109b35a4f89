import { composeCover } from './compose.js';
import { layoutCover } from './design.js';
import { encodePng } from './png.js';
import { coverScene } from './svg.js';
import { COVER_HEIGHT, COVER_WIDTH, type CoverImage, type CoverInfo } from './types.js';

/** A typographic cover, 1600×2560 PNG, deterministic: same info, same bytes. */
export async function generateCover(info: CoverInfo): Promise<CoverImage> {
  const png = encodePng(composeCover(coverScene(layoutCover(info))));
  return { data: png, mediaType: 'image/png', extension: 'png', width: COVER_WIDTH, height: COVER_HEIGHT };
}
