/**
 * The cover's typefaces, all OFL TTFs shipped in npm packages. Glyph outlines
 * come from these files only, so no system font can change a cover's bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as hb from 'harfbuzzjs';

const require = createRequire(import.meta.url);

export type FontRole = 'title' | 'body' | 'italic';

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

interface FontSpec {
  pkg: string;
  files: Record<FontRole, string>;
  rtl: boolean;
  leading: number;
  optional?: boolean;
}

// Order matters: the first face that has a glyph for a character draws it.
const SPECS: FontSpec[] = [
  {
    pkg: '@expo-google-fonts/noto-serif',
    files: {
      title: '700Bold/NotoSerif_700Bold.ttf',
      body: '400Regular/NotoSerif_400Regular.ttf',
      italic: '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
    },
    rtl: false,
    leading: 1.18,
  },
  {
    pkg: '@expo-google-fonts/noto-naskh-arabic',
    files: {
      title: '700Bold/NotoNaskhArabic_700Bold.ttf',
      body: '400Regular/NotoNaskhArabic_400Regular.ttf',
      italic: '400Regular/NotoNaskhArabic_400Regular.ttf',
    },
    rtl: true,
    leading: 1.5,
  },
  {
    pkg: '@expo-google-fonts/noto-serif-hebrew',
    files: {
      title: '700Bold/NotoSerifHebrew_700Bold.ttf',
      body: '400Regular/NotoSerifHebrew_400Regular.ttf',
      italic: '400Regular/NotoSerifHebrew_400Regular.ttf',
    },
    rtl: true,
    leading: 1.25,
  },
  {
    // Optional because it is large (≈115 MB installed); without it CJK glyphs are left out.
    pkg: '@expo-google-fonts/noto-serif-sc',
    files: {
      title: '700Bold/NotoSerifSC_700Bold.ttf',
      body: '400Regular/NotoSerifSC_400Regular.ttf',
      italic: '400Regular/NotoSerifSC_400Regular.ttf',
    },
    rtl: false,
    leading: 1.3,
    optional: true,
  },
];

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

function resolveFile(spec: FontSpec, role: FontRole): string | undefined {
  try {
    return require.resolve(`${spec.pkg}/${spec.files[role]}`);
  } catch (err) {
    if (spec.optional) return undefined;
    throw err;
  }
}

/** The fallback chain for one role, opened once per process. */
export function fontChain(role: FontRole): CoverFont[] {
  const hit = cache.get(role);
  if (hit) return hit;
  const chain: CoverFont[] = [];
  for (const spec of SPECS) {
    const file = resolveFile(spec, role);
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
