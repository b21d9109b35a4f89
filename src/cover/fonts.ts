/**
 * The cover's typefaces, all OFL TTFs shipped in npm packages. Glyph outlines
 * come from these files only, so no system font can change a cover's bytes.
 */
import { readFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import { fontFile, SPECS, type FontRole } from './font-files.js';

export type { FontRole } from './font-files.js';

/** One opened face: HarfBuzz shapes with it and draws its outlines. */
export interface Face {
  readonly font: hb.Font;
  readonly unitsPerEm: number;
  hasGlyph(codePoint: number): boolean;
  /** The glyph's outline in font units, y up; computed once per glyph. */
  outline(glyph: number): readonly hb.SvgPathCommand[];
  /** The glyph's ink box in font units, y up; undefined for a glyph that draws nothing. */
  bounds(glyph: number): { minX: number; maxX: number; minY: number; maxY: number } | undefined;
}

export interface CoverFont {
  readonly font: Face;
  /** HarfBuzz lays right-to-left runs out in visual order; runs themselves are reordered in shape.ts. */
  rtl: boolean;
  /** Line height as a multiple of the font size. */
  leading: number;
}

const cache = new Map<FontRole, CoverFont[]>();
// Roles share files (the CJK face is 15 MB), so each file is opened once.
const files = new Map<string, Face>();

type Bounds = ReturnType<Face['bounds']>;

/**
 * HarfBuzz reads a face's tables in place, so opening costs a file read:
 * fontkit decoded them into objects first (≈170 ms for the three Latin faces)
 * and took 150 ms more to load its own Unicode data.
 */
function openFace(file: string): Face {
  const font = new hb.Font(new hb.Face(new hb.Blob(readFileSync(file))));
  const outlines = new Map<number, hb.SvgPathCommand[]>();
  const bounds = new Map<number, Bounds>();
  return {
    font,
    unitsPerEm: font.face.upem,
    hasGlyph: (cp) => (font.nominalGlyph(cp) ?? 0) !== 0,
    outline(glyph) {
      let o = outlines.get(glyph);
      if (!o) outlines.set(glyph, (o = font.glyphToJson(glyph)));
      return o;
    },
    bounds(glyph) {
      if (bounds.has(glyph)) return bounds.get(glyph);
      const e = font.glyphExtents(glyph);
      const b = e && e.width !== 0 && e.height !== 0 ? { minX: e.xBearing, maxX: e.xBearing + e.width, minY: e.yBearing + e.height, maxY: e.yBearing } : undefined;
      bounds.set(glyph, b);
      return b;
    },
  };
}

function open(file: string): Face {
  let face = files.get(file);
  if (!face) files.set(file, (face = openFace(file)));
  return face;
}

/** The fallback chain for one role, opened once per process. */
export function fontChain(role: FontRole): CoverFont[] {
  const hit = cache.get(role);
  if (hit) return hit;
  const chain: CoverFont[] = [];
  for (const spec of SPECS) {
    const file = fontFile(spec, role);
    if (!file) continue;
    // Opened on first use: a Latin-only cover never reads the 15 MB CJK face.
    chain.push({
      get font() {
        return open(file);
      },
      rtl: spec.rtl,
      leading: spec.leading,
    });
  }
  cache.set(role, chain);
  return chain;
}

/** The first face in the chain that can draw this code point, if any. */
export function faceFor(chain: CoverFont[], codePoint: number): CoverFont | undefined {
  return chain.find((f) => f.font.hasGlyph(codePoint));
}
