/**
 * The panel's pattern as plain shapes. An SVG <pattern> fill made resvg
 * resample a tile for every pixel of the panel: 10–13 ms a cover, and 65 ms
 * for the rotated stripes. The same shapes drawn as one path cost 5–12 ms.
 * Shapes are laid out on the lattice the <pattern> tile used (from the page
 * origin, rotated for stripes), and whatever reaches past the panel is painted
 * over with the background, which draws the same as clipping (a clip-path
 * costs resvg a mask and is slower still).
 */
import type { Box } from './design.js';
import type { Palette } from './palette.js';
import { COVER_HEIGHT, COVER_WIDTH } from './types.js';

const num = (v: number): string => String(Math.round(v * 100) / 100);

/** A circle as a path; `sweep` 0 and 1 wind opposite ways. */
const circle = (cx: number, cy: number, r: number): string => `M${num(cx - r)} ${num(cy)}a${num(r)} ${num(r)} 0 1 0 ${num(2 * r)} 0a${num(r)} ${num(r)} 0 1 0 ${num(-2 * r)} 0Z`;

/** Every lattice cell (tw×th from the page origin) that reaches the box, by its top-left corner. */
function cells(box: Box, tw: number, th: number, reach: number): [number, number][] {
  const out: [number, number][] = [];
  for (let y = Math.floor((box.y - reach) / th) * th; y < box.y + box.height + reach; y += th)
    for (let x = Math.floor((box.x - reach) / tw) * tw; x < box.x + box.width + reach; x += tw) out.push([x, y]);
  return out;
}

/** Stripes s/3 wide every s, along an angle: the rotated frame's vertical bands that cover the panel. */
function stripes(panel: Box, s: number, angle: number): string {
  const rad = (angle * Math.PI) / 180;
  const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
  // The panel's corners in the stripes' own frame: rotated, in units of the spacing.
  const corners = [
    [panel.x, panel.y],
    [panel.x + panel.width, panel.y],
    [panel.x, panel.y + panel.height],
    [panel.x + panel.width, panel.y + panel.height],
  ].map(([x = 0, y = 0]) => [(x * cos + y * sin) / s, (-x * sin + y * cos) / s] as const);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const [top, bottom] = [Math.floor(Math.min(...ys)) - 1, Math.ceil(Math.max(...ys)) + 1];
  // Stripe k starts at exactly k spacings: the scale carries the spacing, so
  // rounding in the path text cannot break the rows' exact repetition.
  let d = '';
  for (let k = Math.floor(Math.min(...xs)) - 1; k < Math.max(...xs) + 1; k++) d += `M${k} ${top}h0.333333V${bottom}h-0.333333Z`;
  return `<path transform="rotate(${angle}) scale(${s})" d="${d}"/>`;
}

const stripeAngle = (p: Palette): number => [30, 45, 60, -45][p.variant % 4] ?? 45;

/**
 * Stripes `spacing` apart at angle θ repeat down the page every spacing / |sin θ|
 * rows: 2s at 30°, but s·√2 at 45°. The spacing is nudged (by under half a
 * pixel) so that rise is a whole number of rows, which lets compose.ts copy rows.
 */
function stripeLattice(p: Palette): { spacing: number; period: number } {
  const sin = Math.abs(Math.sin((stripeAngle(p) * Math.PI) / 180));
  const period = Math.round(p.spacing / sin);
  return { spacing: period * sin, period };
}

/**
 * Rows of zigzags, each row s/2 high. The <pattern> tile cut the stroke at
 * its edges, flattening the points; each row is drawn as that cut band.
 */
function chevrons(panel: Box, s: number, w: number): string {
  const h = w / Math.SQRT2; // vertical half-thickness of a 45° stroke w wide
  const half = s / 2;
  const x0 = Math.floor(panel.x / s) * s - s;
  const x1 = panel.x + panel.width + s;
  let d = '';
  for (let y = Math.floor(panel.y / half) * half - half; y < panel.y + panel.height + half; y += half) {
    const top: string[] = [];
    const bottom: string[] = [];
    let x = x0;
    for (; x < x1; x += s) {
      top.push(`${x} ${num(y + half - h)}`, `${num(x + half - h)} ${y}`, `${num(x + half + h)} ${y}`);
      bottom.push(`${num(x + h)} ${y + half}`, `${x + half} ${num(y + h)}`, `${num(x + s - h)} ${y + half}`);
    }
    d += `M${x0} ${y + half}L${[...top, `${x} ${num(y + half - h)}`, `${x} ${y + half}`, ...bottom.reverse()].join('L')}Z`;
  }
  return d;
}

function shapes(p: Palette, panel: Box): string {
  const s = p.spacing;
  const w = 3 + (p.variant % 4) * 2;
  switch (p.pattern) {
    case 'stripes':
      return `<g fill="${p.patternColor}">${stripes(panel, stripeLattice(p).spacing, stripeAngle(p))}</g>`;
    case 'dots': {
      const r = s / 5 + (p.variant % 3) * 2;
      return `<path fill="${p.patternColor}" d="${cells(panel, s, s, 0)
        .map(([x, y]) => circle(x + s / 2, y + s / 2, r))
        .join('')}"/>`;
    }
    case 'rings': {
      // One tile: two rings round its centre and small rings on its corners, shared with the neighbours.
      const d = cells(panel, 2 * s, 2 * s, s)
        .map(([x, y]) => circle(x + s, y + s, s * 0.8) + circle(x + s, y + s, s * 0.4) + circle(x, y, s * 0.4))
        .join('');
      return `<path fill="none" stroke="${p.patternColor}" stroke-width="${w}" d="${d}"/>`;
    }
    case 'chevrons':
      return `<path fill="${p.patternColor}" d="${chevrons(panel, s, w)}"/>`;
    case 'diamonds': {
      const d = cells(panel, s, s, 0)
        .map(([x, y]) => `M${num(x + s / 2)} ${num(y + s * 0.1)}L${num(x + s * 0.9)} ${num(y + s / 2)}L${num(x + s / 2)} ${num(y + s * 0.9)}L${num(x + s * 0.1)} ${num(y + s / 2)}Z`)
        .join('');
      return `<path fill="${p.patternColor}" d="${d}"/>`;
    }
  }
}

/**
 * How many rows down the pattern repeats itself exactly: the lattice's
 * height, or for stripes the rise from one stripe to the next.
 */
export function patternPeriod(p: Palette): number {
  const s = p.spacing;
  switch (p.pattern) {
    case 'stripes':
      return stripeLattice(p).period;
    case 'dots':
    case 'diamonds':
      return s;
    case 'rings':
      return 2 * s;
    case 'chevrons':
      return s / 2;
  }
}

function overlap(a: Box, b: Box): Box | undefined {
  const [x, y] = [Math.max(a.x, b.x), Math.max(a.y, b.y)];
  const [right, bottom] = [Math.min(a.x + a.width, b.x + b.width), Math.min(a.y + a.height, b.y + b.height)];
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
}

/**
 * The patterned panel as SVG: shapes over the panel, then background
 * everywhere else on the page. Given a view, only the shapes that reach it:
 * resvg strokes every ring of a path even where none of it shows.
 */
export function panelSvg(p: Palette, panel: Box, view?: Box): string {
  const area = view ? overlap(panel, view) : panel;
  const hole = `M${panel.x} ${panel.y}V${panel.y + panel.height}H${panel.x + panel.width}V${panel.y}Z`;
  return `${area ? shapes(p, area) : ''}<path fill="${p.background}" d="M0 0H${COVER_WIDTH}V${COVER_HEIGHT}H0Z${hole}"/>`;
}
