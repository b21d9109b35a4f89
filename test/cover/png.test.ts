import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeCover } from '../../src/cover/compose.js';
import { generateCover } from '../../src/cover/index.js';
import { encodePng, type Scanlines } from '../../src/cover/png.js';
import { type CoverScene, sceneSvg } from '../../src/cover/svg.js';
import { COVER_HEIGHT, COVER_WIDTH } from '../../src/cover/types.js';

const decode = async (png: Uint8Array): Promise<{ data: Buffer; channels: number }> => {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { data, channels: info.channels };
};

/** PNG's colour type, from the IHDR chunk: 3 palette, 2 RGB. */
const colourType = (png: Uint8Array): number => png[25]!;

describe('encodePng', () => {
  it('writes palette scanlines that decode to their colours', async () => {
    // 3×2: red green blue / blue blue red.
    const palette = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    const data = Uint8Array.from([0, 0, 1, 2, 0, 2, 2, 0]);
    const png = encodePng({ width: 3, height: 2, depth: 1, palette, data });
    expect(colourType(png)).toBe(3);
    const { data: px, channels } = await decode(png);
    expect(channels).toBe(3);
    expect([...px]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0, 255, 255, 0, 0]);
  });

  it('writes RGB scanlines that decode to the same bytes', async () => {
    const rgb = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120];
    const data = Uint8Array.from([0, ...rgb.slice(0, 6), 0, ...rgb.slice(6)]);
    const png = encodePng({ width: 2, height: 2, depth: 3, data });
    expect(colourType(png)).toBe(2);
    expect([...(await decode(png)).data]).toEqual(rgb);
  });

  it('refuses scanlines of the wrong length and a palette image without a palette', () => {
    const bad: Scanlines = { width: 2, height: 2, depth: 3, data: new Uint8Array(13) };
    expect(() => encodePng(bad)).toThrow(/take 14 bytes, not 13/);
    expect(() => encodePng({ width: 1, height: 1, depth: 1, data: new Uint8Array(2) })).toThrow(/palette/);
  });
});

describe('cover pages', () => {
  it('are palette images', async () => {
    const cover = await generateCover({ title: 'The Salt Road', authors: ['R. Amsel'] });
    expect(colourType(cover.data)).toBe(3);
  });

  it('fall back to RGB past 256 colours, pixel for pixel what resvg draws', async () => {
    // A rainbow across most of the page's width: a different colour in nearly every column.
    const rainbow =
      '<defs><linearGradient id="r"><stop offset="0" stop-color="#f00"/><stop offset="0.33" stop-color="#0f0"/>' +
      '<stop offset="0.66" stop-color="#00f"/><stop offset="1" stop-color="#ff0"/></linearGradient></defs>' +
      '<rect x="200" y="1000" width="1200" height="40" fill="url(#r)"/>';
    const scene: CoverScene = {
      background: '#203040',
      pieces: [{ kind: 'rule', svg: () => rainbow, box: { x: 200, y: 1000, width: 1200, height: 40 } }],
    };
    const page = composeCover(scene);
    expect(page.depth).toBe(3);
    const png = encodePng(page);
    expect(colourType(png)).toBe(2);
    const whole = new Resvg(sceneSvg(scene, { x: 0, y: 0, width: COVER_WIDTH, height: COVER_HEIGHT }, scene.pieces), {
      font: { loadSystemFonts: false },
      fitTo: { mode: 'original' },
    }).render().pixels;
    const { data } = await decode(png);
    const expected = Buffer.alloc(COVER_WIDTH * COVER_HEIGHT * 3);
    for (let p = 0, q = 0; q < expected.length; p += 4, q += 3) whole.copy(expected, q, p, p + 3);
    expect(data.equals(expected)).toBe(true);
  });
});
