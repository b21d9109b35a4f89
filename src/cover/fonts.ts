/**
 * The cover's typefaces, all OFL TTFs shipped in npm packages. Glyph outlines
 * come from these files only, so no system font can change a cover's bytes.
 */
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export type FontRole = 'title' | 'body' | 'italic';

export interface CoverFont {
  readonly font: fontkit.Font;
  /** Right-to-left scripts are laid out reversed by fontkit; we reorder runs. */
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
const files = new Map<string, fontkit.Font>();

function open(file: string): fontkit.Font {
  let font = files.get(file);
  if (!font) {
    const opened = fontkit.openSync(file);
    if (!('layout' in opened)) throw new Error(`${file} is a font collection, expected one face`);
    files.set(file, (font = opened));
  }
  return font;
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
  return chain.find((f) => f.font.hasGlyphForCodePoint(codePoint));
}
