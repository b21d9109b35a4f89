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
import { type CoverScene, FRAME_STROKE, type Piece, sceneSvg } from './svg.js';
import { COVER_HEIGHT, COVER_WIDTH } from './types.js';

/** Antialiasing may tint a pixel just past an outline's box. */
const PAD = 2;

/** The page as raw RGB, rows top to bottom. */
export interface RawPage {
  data: Buffer;
  width: number;
  height: number;
}

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
  for (const f of scene.pieces.filter((p) => p.kind === 'frame'))
    boxes.push({ ...f.box, height: FRAME_STROKE }, { ...f.box, y: f.box.y + f.box.height - FRAME_STROKE, height: FRAME_STROKE });
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

/**
 * Copies RGBA pixels into the RGB page, dropping alpha (the page is opaque).
 * Four pixels (16 bytes) become three 32-bit words: a third of the
 * byte-by-byte loop's time (1.4 ms against 3.3 for a cover's bands). A sharp
 * pipeline per band cost more, and libvips' composite of the bands over the
 * page 40 ms. Little-endian: a pixel's red is its word's low byte.
 */
function copyRgba(page: RawPage, view: Box, src: Uint32Array): void {
  const out = page.data;
  const words = new Uint32Array(out.buffer, out.byteOffset, out.length >> 2);
  const one = (i: number, o: number): void => {
    const v = src[i]!;
    out[o] = v;
    out[o + 1] = v >>> 8;
    out[o + 2] = v >>> 16;
  };
  for (let y = 0, i = 0; y < view.height; y++) {
    let o = ((view.y + y) * page.width + view.x) * 3;
    let x = 0;
    for (; x < view.width && (o & 3) !== 0; x++, i++, o += 3) one(i, o);
    let w = o >> 2;
    for (; x + 4 <= view.width; x += 4, i += 4, w += 3) {
      const a = src[i]! & 0xffffff;
      const b = src[i + 1]! & 0xffffff;
      const c = src[i + 2]! & 0xffffff;
      const d = src[i + 3]! & 0xffffff;
      words[w] = a | (b << 24);
      words[w + 1] = (b >>> 8) | (c << 16);
      words[w + 2] = (c >>> 16) | (d << 8);
    }
    for (o = w << 2; x < view.width; x++, i++, o += 3) one(i, o);
  }
}

/** Draws one part of the page with resvg, from the pieces that reach it. */
function drawInto(page: RawPage, scene: CoverScene, view: Box, pieces: Piece[]): void {
  const reach = pieces.filter((p) => meets(snap(p.box), view));
  const { pixels } = new Resvg(sceneSvg(scene, view, reach), RENDER_OPTIONS).render();
  copyRgba(page, view, new Uint32Array(pixels.buffer, pixels.byteOffset, view.width * view.height));
}

export const PAGE_BYTES = COVER_WIDTH * COVER_HEIGHT * 3;

/**
 * The whole page as raw RGB, pixel for pixel what resvg draws for coverSvg
 * (to rounding), written into `data` (PAGE_BYTES long), every byte of it.
 */
export function composeCover(scene: CoverScene, data: Buffer = Buffer.allocUnsafe(PAGE_BYTES)): RawPage {
  if (data.length !== PAGE_BYTES) throw new RangeError(`a cover page takes ${PAGE_BYTES} bytes, not ${data.length}`);
  const row = COVER_WIDTH * 3;
  const page: RawPage = { data, width: COVER_WIDTH, height: COVER_HEIGHT };
  const background = Buffer.from(scene.background.slice(1), 'hex');
  const frame = scene.pieces.find((p) => p.kind === 'frame');
  // Between its edges the frame draws the same row all the way down.
  const top = frame ? Math.max(0, Math.floor(frame.box.y)) : COVER_HEIGHT;
  const bottom = frame ? Math.min(COVER_HEIGHT, Math.ceil(frame.box.y + frame.box.height)) : COVER_HEIGHT;
  page.data.fill(background, 0, top * row);
  page.data.fill(background, bottom * row);
  if (frame) {
    const middle = Math.floor((top + bottom) / 2);
    drawInto(page, scene, { x: 0, y: middle, width: COVER_WIDTH, height: 1 }, [frame]);
    page.data.fill(Buffer.from(page.data.subarray(middle * row, (middle + 1) * row)), top * row, bottom * row);
  }
  const plan = coverPlan(scene);
  for (const band of plan.bands) drawInto(page, scene, band, scene.pieces);
  const r = plan.repeat;
  if (r) for (let y = r.top; y < r.bottom; y += r.period) data.copyWithin(y * row, (y - r.period) * row, (Math.min(y + r.period, r.bottom) - r.period) * row);
  return page;
}
