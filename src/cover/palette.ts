/**
 * Colours and pattern chosen from a hash of the title: every work gets its
 * own cover, and the same work always gets the same one.
 */
import { createHash } from 'node:crypto';

export type PatternKind = 'stripes' | 'dots' | 'rings' | 'chevrons' | 'diamonds';
const PATTERNS: PatternKind[] = ['stripes', 'dots', 'rings', 'chevrons', 'diamonds'];

export interface Palette {
  background: string;
  text: string;
  accent: string;
  /** The accent mixed into the background, for the pattern: quieter than the rules. */
  patternColor: string;
  pattern: PatternKind;
  /** Pattern spacing in px and a second number (angle or weight) to vary it. */
  spacing: number;
  variant: number;
  /** WCAG contrast ratio of text against background. */
  contrast: number;
}

type Rgb = [number, number, number];

function hslToRgb(h: number, s: number, l: number): Rgb {
  const k = (n: number): number => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0), f(8), f(4)].map((v) => Math.round(v * 255)) as Rgb;
}

const hex = (rgb: Rgb): string => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const parseHex = (c: string): Rgb => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as Rgb;

function mix(a: string, b: string, share: number): string {
  const [x, y] = [parseHex(a), parseHex(b)];
  return hex(x.map((v, i) => Math.round(v * share + (y[i] ?? 0) * (1 - share))) as Rgb);
}

/** The WCAG 2 contrast ratio between two colours given as #rrggbb. */
export function contrastRatio(a: string, b: string): number {
  const [l1, l2] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/** Below 7:1 (WCAG AAA) we move the background away from the text until it holds. */
const MIN_CONTRAST = 7;

export function paletteFor(title: string): Palette {
  const h = createHash('sha256').update(title.normalize('NFC')).digest();
  const byte = (i: number): number => h[i] ?? 0;
  const light = byte(2) % 4 === 0;
  const rawHue = ((byte(0) << 8) | byte(1)) % 360;
  // Dark yellows come out as mud; those works get a teal instead.
  const hue = !light && rawHue >= 40 && rawHue < 80 ? rawHue + 130 : rawHue;
  const sat = (light ? 28 : 32) + (byte(3) % 26);
  let lum = light ? 86 + (byte(4) % 7) : 14 + (byte(4) % 12);
  const text = light ? hex(hslToRgb(hue, 0.35, 0.1)) : '#f7f1e3';
  let background = hex(hslToRgb(hue, sat / 100, lum / 100));
  while (contrastRatio(text, background) < MIN_CONTRAST && lum > 2 && lum < 98) {
    lum += light ? 1 : -1;
    background = hex(hslToRgb(hue, sat / 100, lum / 100));
  }
  const accentHue = (hue + [30, 150, 180, 210][byte(5) % 4]!) % 360;
  const accent = hex(hslToRgb(accentHue, 0.5 + (byte(6) % 20) / 100, light ? 0.38 : 0.62));
  return {
    background,
    text,
    accent,
    patternColor: mix(accent, background, 0.55),
    pattern: PATTERNS[byte(7) % PATTERNS.length]!,
    spacing: 48 + (byte(8) % 5) * 16,
    variant: byte(9),
    contrast: contrastRatio(text, background),
  };
}
