/**
 * The cover as SVG: background, framed pattern panel, text as outlines. Each
 * drawn element comes with the part of the page it may paint, so the renderer
 * can draw only those parts (see compose.ts); coverSvg is the whole page.
 */
import { escapeUTF8 } from 'entities/escape';
import type { Box, CoverLayout } from './design.js';
import { panelSvg, patternPeriod } from './pattern.js';
import { COVER_HEIGHT, COVER_WIDTH, type CoverInfo } from './types.js';

// Characters XML 1.0 cannot carry at all, even escaped.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;

export const FRAME_STROKE = 6;
const PANEL_RULE = 8;
const RULE_STROKE = 6;

/** One element of the drawing, in painting order, and the box it paints within. */
export interface Piece {
  kind: 'panel' | 'frame' | 'rule' | 'text';
  /** Its SVG; given a view, it may leave out what cannot show there. */
  svg(view?: Box): string;
  box: Box;
  /** Inside its box the piece draws the same row again every this many rows (a pattern's period). */
  period?: number;
}

export interface CoverScene {
  background: string;
  pieces: Piece[];
}

/** A horizontal stroke from x1 to x2 (butt ends) and the box it covers. */
function hline(x1: number, x2: number, y: number, color: string, width: number): Pick<Piece, 'svg' | 'box'> {
  const svg = `<path d="M${x1} ${y} H${x2}" stroke="${color}" stroke-width="${width}"/>`;
  return { svg: () => svg, box: { x: x1, y: y - width / 2, width: x2 - x1, height: width } };
}

export function coverScene(layout: CoverLayout): CoverScene {
  const { palette: p, frame: f, panel } = layout;
  const s = FRAME_STROKE / 2;
  const pieces: Piece[] = [
    { kind: 'panel', svg: (view) => panelSvg(p, panel, view), box: panel, period: patternPeriod(p) },
    { kind: 'panel', ...hline(panel.x, panel.x + panel.width, panel.y + panel.height, p.accent, PANEL_RULE) },
    {
      kind: 'frame',
      svg: () => `<rect x="${f.x}" y="${f.y}" width="${f.width}" height="${f.height}" fill="none" stroke="${p.accent}" stroke-width="${FRAME_STROKE}"/>`,
      box: { x: f.x - s, y: f.y - s, width: f.width + 2 * s, height: f.height + 2 * s },
    },
    ...layout.rules.map(([x1, x2, y]): Piece => ({ kind: 'rule', ...hline(x1, x2, y, p.accent, RULE_STROKE) })),
    ...layout.blocks.flatMap((b) =>
      b.lines.map((l): Piece => {
        const svg = `<path fill="${p.text}" d="${l.shaped.path(l.x, l.baseline)}"/>`;
        return { kind: 'text', svg: () => svg, box: l.ink };
      }),
    ),
  ];
  return { background: p.background, pieces };
}

/** An SVG document showing `view` (a part of the page, at 1 px per unit) with the given pieces. */
export function sceneSvg(scene: CoverScene, view: Box, pieces: Piece[], title?: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${view.width}" height="${view.height}" viewBox="${view.x} ${view.y} ${view.width} ${view.height}">`,
    title === undefined ? '' : `<title>${escapeUTF8(title.replace(XML_INVALID, ''))}</title>`,
    `<rect width="${COVER_WIDTH}" height="${COVER_HEIGHT}" fill="${scene.background}"/>`,
    ...pieces.map((piece) => piece.svg(view)),
    '</svg>',
  ].join('\n');
}

/** The whole cover as one SVG document. */
export function coverSvg(info: CoverInfo, layout: CoverLayout): string {
  const scene = coverScene(layout);
  return sceneSvg(scene, { x: 0, y: 0, width: COVER_WIDTH, height: COVER_HEIGHT }, scene.pieces, info.title);
}
