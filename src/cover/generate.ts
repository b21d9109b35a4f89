import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { layoutCover } from './design.js';
import { coverSvg } from './svg.js';
import { COVER_HEIGHT, COVER_WIDTH, type CoverImage, type CoverInfo } from './types.js';

/** A typographic cover, 1600×2560 PNG, deterministic: same info, same bytes. */
export async function generateCover(info: CoverInfo): Promise<CoverImage> {
  const svg = coverSvg(info, layoutCover(info));
  // Text is already outlines (see shape.ts); system fonts stay off so nothing on the machine can leak in.
  const rendered = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render();
  // The page is opaque, so the PNG drops alpha; sharp encodes it in half the time resvg's encoder takes.
  const png = await sharp(rendered.pixels, { raw: { width: rendered.width, height: rendered.height, channels: 4 } })
    .removeAlpha()
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { data: new Uint8Array(png), mediaType: 'image/png', extension: 'png', width: COVER_WIDTH, height: COVER_HEIGHT };
}
