import { Resvg } from '@resvg/resvg-js';
import { layoutCover } from './design.js';
import { coverFontFiles } from './fonts.js';
import { coverSvg } from './svg.js';
import { COVER_HEIGHT, COVER_WIDTH, type CoverImage, type CoverInfo } from './types.js';

/** A typographic cover, 1600×2560 PNG, deterministic: same info, same bytes. */
export async function generateCover(info: CoverInfo): Promise<CoverImage> {
  const svg = coverSvg(info, layoutCover(info));
  // Text is already outlines; system fonts stay off so nothing on the machine can leak in.
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: coverFontFiles().slice(0, 1), defaultFontFamily: 'Noto Serif' },
    fitTo: { mode: 'original' },
    shapeRendering: 2,
  });
  const png = resvg.render().asPng();
  return { data: new Uint8Array(png), mediaType: 'image/png', extension: 'png', width: COVER_WIDTH, height: COVER_HEIGHT };
}
