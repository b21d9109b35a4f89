/**
 * Drawing the cover without rasterising the whole page. Most of the
 * 1600×2560 page is flat background crossed by the frame's two vertical
 * lines, and every row between the frame's top and bottom edges is the same
 * there; only the panel, the rules, the text and the frame's edges need
 * resvg. Each of those bands is rendered from the full scene (clipped to the
 * band), so it holds exactly the pixels a whole-page render would, and copied
 * over a page filled with that one repeated row. Rendering the whole page took
 * 30–90 ms and a 16 MB pixel buffer per cover; the bands are about a sixth
 * of the page once the panel's pattern is copied down (see findRepeat).
 */
import { Resvg } from '@resvg/resvg-js';
import type { Box } from './design.js';
import type { Scanlines } from './png.js';
import { type CoverScene, FRAME_STROKE, type Piece, sceneSvg } from './svg.js';
import { COVER_HEIGHT, COVER_WIDTH } from './types.js';

/** Antialiasing may tint a pixel just past an outline's box. */
const PAD = 2;

const RENDER_OPTIONS = { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } } as const;

function snap(b: Box): Box {
  const x = Math.max(0, Math.floor(b.x - PAD));
  const y = Math.max(0, Math.floor(b.y - PAD));
  const right = Math.min(COVER_WIDTH, Math.ceil(b.x + b.width + PAD));
  const bottom = Math.min(COVER_HEIGHT, Math.ceil(b.y + b.height + PAD));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

const meets = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Rows [top, bottom) of the page repeat the row `period` above them. */
export interface Repeat {
  top: number;
  bottom: number;
  period: number;
}

export interface CoverPlan {
  /** Whole-pixel boxes for resvg to draw, in page order, no two sharing a row. */
  bands: Box[];
  repeat?: Repeat;
}

const rows = (b: Box): [number, number] => [b.y, b.y + b.height];

/**
 * A patterned piece repeats every `period` rows where nothing else is drawn
 * across its rows (the frame's vertical lines repeat too): its first period
 * is drawn, the rest copied, which spares resvg most of the panel.
 */
function findRepeat(piece: Piece | undefined, others: Box[]): Repeat | undefined {
  if (!piece?.period) return undefined;
  let [top, bottom] = [Math.ceil(piece.box.y), Math.floor(piece.box.y + piece.box.height)];
  for (const [y0, y1] of others.map(rows)) {
    if (y1 <= top || y0 >= bottom) continue;
    if (y0 + y1 < top + bottom) top = Math.max(top, y1);
    else bottom = Math.min(bottom, y0);
  }
  return bottom - top > 2 * piece.period ? { top: top + piece.period, bottom, period: piece.period } : undefined;
}

/**
 * The parts of the page that differ from the repeated frame row, and the
 * rows that repeat a pattern; the bands are merged where they share rows.
 */
export function coverPlan(scene: CoverScene): CoverPlan {
  const patterned = scene.pieces.find((p) => p.period !== undefined);
  const boxes = scene.pieces.filter((p) => p.kind !== 'frame' && p !== patterned).map((p) => p.box);
  for (const f of scene.pieces.filter((p) => p.kind === 'frame')) boxes.push({ ...f.box, height: FRAME_STROKE }, { ...f.box, y: f.box.y + f.box.height - FRAME_STROKE, height: FRAME_STROKE });
  const repeat = findRepeat(patterned, boxes.map(snap));
  if (patterned) {
    const b = patterned.box;
    if (repeat) boxes.push({ ...b, height: repeat.top - b.y }, { ...b, y: repeat.bottom, height: b.y + b.height - repeat.bottom });
    else boxes.push(b);
  }
  const rects = boxes
    .map(snap)
    .filter((b) => b.width > 0 && b.height > 0)
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const bands: Box[] = [];
  for (const r of rects) {
    // Sorted by top edge, a box can only reach into the last band.
    const last = bands[bands.length - 1];
    if (last && r.y < last.y + last.height) {
      const right = Math.max(last.x + last.width, r.x + r.width);
      const bottom = Math.max(last.y + last.height, r.y + r.height);
      last.x = Math.min(last.x, r.x);
      last.width = right - last.x;
      last.height = bottom - last.y;
    } else bands.push({ ...r });
  }
  return repeat ? { bands, repeat } : { bands };
}

/** More colours than a palette holds: the page is drawn again in RGB. */
class TooManyColours extends Error {}

/**
 * The page being drawn, held as PNG scanlines (see png.ts): each row a
 * filter byte, then a palette index a pixel while the page has at most 256
 * colours, or RGB after that. Colours are keyed as resvg's little-endian
 * RGBA words without alpha (the page is opaque): red in the low byte.
 */
class Sheet {
  readonly stride: number;
  readonly data: Buffer;
  private readonly index = new Map<number, number>();
  private readonly palette: number[] = [];

  constructor(
    readonly depth: 1 | 3,
    reuse?: Buffer,
  ) {
    this.stride = 1 + COVER_WIDTH * depth;
    const size = COVER_HEIGHT * this.stride;
    this.data = reuse?.length === size ? reuse : Buffer.allocUnsafe(size);
  }

  private indexOf(word: number): number {
    let i = this.index.get(word);
    if (i === undefined) {
      if (this.index.size === 256) throw new TooManyColours();
      i = this.index.size;
      this.index.set(word, i);
      this.palette.push(word & 255, (word >>> 8) & 255, (word >>> 16) & 255);
    }
    return i;
  }

  /** Writes a band's RGBA pixels into the rows it covers. */
  put(view: Box, src: Uint32Array): void {
    const w = view.width;
    let last = -1;
    let value = 0;
    for (let y = 0; y < view.height; y++) {
      const row = src.subarray(y * w, (y + 1) * w);
      const at = (view.y + y) * this.stride + 1 + view.x * this.depth;
      const out = this.data.subarray(at, at + w * this.depth);
      if (this.depth === 3) {
        for (let x = 0, o = 0; x < w; x++) {
          const word = row[x]!;
          out[o++] = word;
          out[o++] = word >>> 8;
          out[o++] = word >>> 16;
        }
        continue;
      }
      for (let x = 0; x < w; x++) {
        const word = row[x]! & 0xffffff;
        // Neighbours mostly share a colour: the map is asked only at a change.
        if (word !== last) {
          last = word;
          value = this.indexOf(word);
        }
        out[x] = value;
      }
    }
  }

  /** A whole row of one colour, given as "#rrggbb". */
  plainRow(colour: string): Buffer {
    const [r = 0, g = 0, b = 0] = Buffer.from(colour.slice(1), 'hex');
    const row = Buffer.alloc(this.stride, this.depth === 1 ? this.indexOf(r | (g << 8) | (b << 16)) : 0);
    if (this.depth === 3) row.fill(Buffer.from([r, g, b]), 1);
    return row;
  }

  /** Rows [top, bottom) become copies of `row`. */
  fill(top: number, bottom: number, row: Buffer): void {
    if (bottom > top) this.data.fill(row, top * this.stride, bottom * this.stride);
  }

  scanlines(): Scanlines {
    // Every row's filter byte (0, none), whatever wrote the row.
    for (let o = 0; o < this.data.length; o += this.stride) this.data[o] = 0;
    const base = { width: COVER_WIDTH, height: COVER_HEIGHT, data: this.data };
    return this.depth === 1 ? { ...base, depth: 1, palette: Uint8Array.from(this.palette) } : { ...base, depth: 3 };
  }
}

// resvg-js copies every image it renders into a cropped one, uncropped too,
// unless the crop box is empty, which it reads as "no crop": that skips a
// third of its time a cover. The size of each image is checked, and should a
// later resvg-js read the empty box otherwise, plain renders take over.
const UNCROPPED = { ...RENDER_OPTIONS, crop: { left: 0, top: 0, right: 0 } };
let skipCrop = true;

function render(svg: string, view: Box): Uint32Array {
  const pixels = (options: typeof RENDER_OPTIONS): Uint32Array | undefined => {
    const image = new Resvg(svg, options).render();
    if (image.width !== view.width || image.height !== view.height) return undefined;
    const { pixels: p } = image;
    return new Uint32Array(p.buffer, p.byteOffset, view.width * view.height);
  };
  if (skipCrop) {
    const fast = pixels(UNCROPPED);
    if (fast) return fast;
    skipCrop = false;
  }
  const plain = pixels(RENDER_OPTIONS);
  if (!plain) throw new Error(`resvg drew a ${view.width}×${view.height} part of the cover at another size`);
  return plain;
}

/** Draws one part of the page with resvg, from the pieces that reach it. */
function drawInto(sheet: Sheet, scene: CoverScene, view: Box, pieces: Piece[]): void {
  const reach = pieces.filter((p) => meets(snap(p.box), view));
  sheet.put(view, render(sceneSvg(scene, view, reach), view));
}

function draw(scene: CoverScene, sheet: Sheet): Scanlines {
  const frame = scene.pieces.find((p) => p.kind === 'frame');
  // Between its edges the frame draws the same row all the way down.
  const top = frame ? Math.max(0, Math.floor(frame.box.y)) : COVER_HEIGHT;
  const bottom = frame ? Math.min(COVER_HEIGHT, Math.ceil(frame.box.y + frame.box.height)) : COVER_HEIGHT;
  const background = sheet.plainRow(scene.background);
  sheet.fill(0, top, background);
  sheet.fill(bottom, COVER_HEIGHT, background);
  if (frame) {
    const middle = Math.floor((top + bottom) / 2);
    drawInto(sheet, scene, { x: 0, y: middle, width: COVER_WIDTH, height: 1 }, [frame]);
    sheet.fill(top, bottom, Buffer.from(sheet.data.subarray(middle * sheet.stride, (middle + 1) * sheet.stride)));
  }
  const plan = coverPlan(scene);
  for (const band of plan.bands) drawInto(sheet, scene, band, scene.pieces);
  const r = plan.repeat;
  const row = sheet.stride;
  if (r) for (let y = r.top; y < r.bottom; y += r.period) sheet.data.copyWithin(y * row, (y - r.period) * row, (Math.min(y + r.period, r.bottom) - r.period) * row);
  return sheet.scanlines();
}

/** Bytes of a palette page's scanlines: a buffer this long may be handed to composeCover to draw in. */
export const PALETTE_PAGE_BYTES = COVER_HEIGHT * (1 + COVER_WIDTH);

/**
 * The whole page as PNG scanlines, pixel for pixel what resvg draws for
 * coverSvg (to rounding): palette indices, or RGB for a page of more than
 * 256 colours, which is drawn twice. A palette page is drawn into `reuse`
 * when it is PALETTE_PAGE_BYTES long; every byte of it is written.
 */
export function composeCover(scene: CoverScene, reuse?: Buffer): Scanlines {
  try {
    return draw(scene, new Sheet(1, reuse));
  } catch (err) {
    if (err instanceof TooManyColours) return draw(scene, new Sheet(3));
    throw err;
  }
}
