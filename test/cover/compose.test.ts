import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { coverPlan } from '../../src/cover/compose.js';
import { layoutCover } from '../../src/cover/design.js';
import { type CoverInfo, COVER_HEIGHT, COVER_WIDTH, generateCover } from '../../src/cover/index.js';
import { type PatternKind, paletteFor } from '../../src/cover/palette.js';
import { coverScene, coverSvg } from '../../src/cover/svg.js';
import { hexRgb, pixels } from './png.js';

/** The first title (of a fixed list) whose palette draws this pattern, and for stripes this angle. */
function titleFor(pattern: PatternKind, variant = -1): string {
  for (let i = 0; i < 1000; i++) {
    const p = paletteFor(`Story ${i}`);
    if (p.pattern === pattern && (variant < 0 || p.variant % 4 === variant)) return `Story ${i}`;
  }
  throw new Error(`no title draws ${pattern}`);
}

const kinds: [string, string][] = [
  ['dots', titleFor('dots')],
  ['rings', titleFor('rings')],
  ['chevrons', titleFor('chevrons')],
  ['diamonds', titleFor('diamonds')],
  ...[0, 1, 2, 3].map((v): [string, string] => [`stripes ${v}`, titleFor('stripes', v)]),
];

const infoFor = (title: string): CoverInfo => ({ title, subtitle: 'A story', authors: ['Ann Author'], series: { name: 'Tales', position: 3 } });

describe('composed cover', () => {
  for (const [kind, title] of kinds) {
    it(`draws the ${kind} cover as resvg draws the whole page`, async () => {
      const info = infoFor(title);
      const whole = new Resvg(coverSvg(info, layoutCover(info)), { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render().pixels;
      const composed = await sharp((await generateCover(info)).data)
        .raw()
        .toBuffer();
      expect(composed.length).toBe(COVER_WIDTH * COVER_HEIGHT * 3);
      let sum = 0;
      let off = 0;
      let worst = 0;
      for (let p = 0, q = 0; q < composed.length; p += 4, q += 3)
        for (let c = 0; c < 3; c++) {
          const d = Math.abs(whole[p + c]! - composed[q + c]!);
          sum += d;
          worst = Math.max(worst, d);
          if (d > 8) off++;
        }
      // Antialiased edges may round differently where a band starts or a
      // repeated row was drawn a period higher (rings' strokes, mostly).
      expect(sum / composed.length).toBeLessThan(0.01);
      expect(off / composed.length).toBeLessThan(0.0005);
      expect(worst).toBeLessThanOrEqual(48);
    });
  }

  it('draws each pattern inside the panel and nowhere else', async () => {
    for (const [kind, title] of kinds) {
      const info = { title, authors: ['A'] };
      const { palette, panel, frame } = layoutCover(info);
      const px = await pixels((await generateCover(info)).data);
      const bg = hexRgb(palette.background);
      const isBg = (x: number, y: number): boolean => px.at(x, y).every((v, i) => Math.abs(v - bg[i]!) <= 1);
      let inside = 0;
      for (let y = panel.y + 10; y < panel.y + panel.height - 10; y += 2) for (let x = panel.x + 10; x < panel.x + panel.width - 10; x += 2) if (!isBg(x, y)) inside++;
      expect(inside, kind).toBeGreaterThan(1000);
      // Just outside the frame (inside the band resvg draws), and between the panel's rule and the series line, only background.
      const onFrame = (x: number): boolean => Math.abs(x - frame.x) <= 3 || Math.abs(x - frame.x - frame.width) <= 3;
      const stray: string[] = [];
      for (let x = 0; x < COVER_WIDTH; x++) {
        if (!isBg(x, frame.y - 4)) stray.push(`${x},${frame.y - 4}`);
        if (!onFrame(x) && !isBg(x, panel.y + panel.height + 5)) stray.push(`${x},${panel.y + panel.height + 5}`);
      }
      for (let y = 0; y < COVER_HEIGHT; y++) if (!isBg(frame.x - 4, y) || !isBg(frame.x + frame.width + 3, y)) stray.push(`beside,${y}`);
      expect(stray, kind).toEqual([]);
    }
  });

  it('renders bands that do not overlap and, with the repeated rows, cover everything drawn', () => {
    let repeats = 0;
    for (const [kind, title] of kinds) {
      const scene = coverScene(layoutCover(infoFor(title)));
      const { bands, repeat } = coverPlan(scene);
      for (const b of bands) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(COVER_WIDTH);
        expect(b.y + b.height).toBeLessThanOrEqual(COVER_HEIGHT);
        expect([b.x, b.y, b.width, b.height].every(Number.isInteger)).toBe(true);
      }
      for (let i = 1; i < bands.length; i++) expect(bands[i]!.y).toBeGreaterThanOrEqual(bands[i - 1]!.y + bands[i - 1]!.height);
      const repeated = (y: number): boolean => repeat !== undefined && y >= repeat.top && y < repeat.bottom;
      for (const piece of scene.pieces.filter((p) => p.kind !== 'frame')) {
        const b = piece.box;
        for (let y = Math.floor(b.y); y < b.y + b.height; y++) {
          if (repeated(y)) continue;
          const holder = bands.find((d) => d.x <= b.x && d.y <= y && d.x + d.width >= b.x + b.width && d.y + d.height > y);
          expect(holder, `${kind}: ${piece.kind} row ${y}`).toBeDefined();
        }
      }
      if (repeat) {
        repeats++;
        // Nothing but the pattern (and the frame's sides) crosses the repeated rows, and the first period is drawn.
        const panel = scene.pieces.find((p) => p.period !== undefined)!;
        expect(repeat.period).toBe(panel.period);
        expect(scene.pieces.filter((p) => p !== panel && p.kind !== 'frame' && p.box.y < repeat.bottom && p.box.y + p.box.height > repeat.top)).toEqual([]);
        const source = bands.find((d) => d.y <= repeat.top - repeat.period && d.y + d.height >= repeat.top);
        expect(source?.x).toBeLessThanOrEqual(panel.box.x);
      }
      // Far less than the page goes through resvg.
      expect(bands.reduce((a, b) => a + b.width * b.height, 0)).toBeLessThan(COVER_WIDTH * COVER_HEIGHT * 0.5);
    }
    expect(repeats).toBe(kinds.length); // every pattern repeats down the panel
  });
});
