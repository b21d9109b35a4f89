/**
 * Where the cover's typefaces are: which npm package and file each face
 * comes from. Kept apart from fonts.ts, which loads HarfBuzz, so that the
 * cover cache (batch/cover-cache.ts) can ask which faces are installed without it.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type FontRole = 'title' | 'body' | 'italic';

export interface FontSpec {
  pkg: string;
  files: Record<FontRole, string>;
  rtl: boolean;
  leading: number;
  optional?: boolean;
}

// Order matters: the first face that has a glyph for a character draws it.
export const SPECS: FontSpec[] = [
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

/** The face's file for a role; undefined for an optional face that is not installed. */
export function fontFile(spec: FontSpec, role: FontRole): string | undefined {
  try {
    return require.resolve(`${spec.pkg}/${spec.files[role]}`);
  } catch (err) {
    if (spec.optional) return undefined;
    throw err;
  }
}

/** The optional faces installed here: a cover's glyphs depend on them. */
export const installedOptionalFaces = (): string[] => SPECS.filter((s) => s.optional && fontFile(s, 'body') !== undefined).map((s) => s.pkg);
