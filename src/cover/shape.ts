/**
 * Text → glyph outlines, measured and drawn from the same TTFs. The cover
 * draws glyphs as SVG paths rather than <text>: resvg 2.6 picks the wrong face
 * (or drops the line) when one <text> mixes scripts from several fonts, and
 * paths make the width we measure exactly the width that is drawn.
 */
import * as hb from 'harfbuzzjs';
import { type CoverFont, type Face, type FontRole, faceFor, fontChain } from './fonts.js';

export interface Ink {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface Run {
  face: CoverFont;
  text: string;
}

export interface ShapedText {
  text: string;
  /** Advance width in px at the size it was shaped at. */
  width: number;
  size: number;
  /** Line height factor: the most generous among the faces used. */
  leading: number;
  /** Characters no bundled face can draw (left out of the outline). */
  missing: string[];
  /** SVG path data with the pen starting at (x, baseline). */
  path(x: number, baseline: number): string;
  /**
   * Edges of the drawn glyphs: left and right from the pen start (for optical
   * centring), top and bottom from the baseline, downwards positive as in SVG.
   */
  ink(): Ink;
}

// Spaces, punctuation and digits join the run they sit in, so an Arabic
// phrase with spaces stays one run and keeps its joining and order.
const NEUTRAL = /^[^\p{L}]$/u;

function splitRuns(text: string, chain: CoverFont[], missing: string[]): Run[] {
  const runs: Run[] = [];
  let cur: Run | undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cur && (NEUTRAL.test(ch) || /\p{M}/u.test(ch)) && cur.face.font.hasGlyph(cp)) {
      cur.text += ch;
      continue;
    }
    const face = faceFor(chain, cp);
    if (!face) {
      if (!/\s/u.test(ch)) missing.push(ch);
      continue;
    }
    if (cur && cur.face === face) cur.text += ch;
    else runs.push((cur = { face, text: ch }));
  }
  return runs;
}

/** A small part of the Unicode bidi algorithm: enough for whole phrases in one direction. */
function visualOrder(runs: Run[]): Run[] {
  const firstStrong = runs.find((r) => /\p{L}/u.test(r.text));
  const baseRtl = firstStrong?.face.rtl ?? false;
  const groups: Run[][] = [];
  for (const run of runs) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.face.rtl === run.face.rtl) last.push(run);
    else groups.push([run]);
  }
  for (const g of groups) if (g[0]?.face.rtl) g.reverse();
  if (baseRtl) groups.reverse();
  return groups.flat();
}

interface Placed {
  glyph: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface PlacedRun {
  face: Face;
  glyphs: Placed[];
  scale: number;
}

const num = (v: number): string => String(Math.round(v * 10) / 10);

const LETTERS: Record<string, string> = { M: 'M', L: 'L', Q: 'Q', C: 'C', Z: 'Z' };

function glyphPath(face: Face, glyph: number, x: number, y: number, scale: number): string {
  let d = '';
  for (const c of face.outline(glyph)) {
    const a = c.values;
    const pts: string[] = [];
    for (let i = 0; i + 1 < a.length; i += 2) pts.push(`${num(x + (a[i] ?? 0) * scale)} ${num(y - (a[i + 1] ?? 0) * scale)}`);
    d += (LETTERS[c.type] ?? '') + pts.join(' ');
  }
  return d;
}

function eachGlyph(placed: PlacedRun[], x0: number, draw: (face: Face, glyph: number, x: number, dy: number, scale: number) => void): void {
  let x = x0;
  for (const run of placed)
    for (const g of run.glyphs) {
      draw(run.face, g.glyph, x + g.xOffset * run.scale, g.yOffset * run.scale, run.scale);
      x += g.xAdvance * run.scale;
    }
}

// One buffer, reset for every run: shaping is synchronous.
let buffer: hb.Buffer | undefined;

/** HarfBuzz shaping of one run; right-to-left runs come back in visual order. */
function layoutRun(face: Face, text: string): Placed[] {
  buffer ??= new hb.Buffer();
  buffer.reset();
  buffer.addText(text);
  // Left unset, HarfBuzz would take the language from the C locale: fixed
  // here so no machine setting can change a cover. Direction and script are guessed from the text.
  buffer.setLanguage('und');
  buffer.guessSegmentProperties();
  hb.shape(face.font, buffer);
  return buffer.getGlyphInfosAndPositions().map((g) => ({ glyph: g.codepoint, xAdvance: g.xAdvance ?? 0, xOffset: g.xOffset ?? 0, yOffset: g.yOffset ?? 0 }));
}

/** Shape one line of text at a font size (px). */
export function shapeText(text: string, role: FontRole, size: number): ShapedText {
  const chain = fontChain(role);
  const missing: string[] = [];
  const runs = visualOrder(splitRuns(text, chain, missing));
  const placed: PlacedRun[] = [];
  let width = 0;
  let leading = chain[0]?.leading ?? 1.2;
  for (const run of runs) {
    const scale = size / run.face.font.unitsPerEm;
    const glyphs = layoutRun(run.face.font, run.text);
    placed.push({ face: run.face.font, glyphs, scale });
    for (const g of glyphs) width += g.xAdvance * scale;
    if (/\p{L}/u.test(run.text)) leading = Math.max(leading, run.face.leading);
  }
  return {
    text,
    width,
    size,
    leading,
    missing,
    path(x0: number, baseline: number): string {
      let d = '';
      eachGlyph(placed, x0, (face, glyph, x, dy, scale) => (d += glyphPath(face, glyph, x, baseline - dy, scale)));
      return d;
    },
    ink() {
      let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
      eachGlyph(placed, 0, (face, glyph, x, dy, scale) => {
        const b = face.bounds(glyph);
        if (!b) return; // spaces draw nothing
        left = Math.min(left, x + b.minX * scale);
        right = Math.max(right, x + b.maxX * scale);
        top = Math.min(top, -dy - b.maxY * scale);
        bottom = Math.max(bottom, -dy - b.minY * scale);
      });
      return left <= right ? { left, right, top, bottom } : { left: 0, right: width, top: 0, bottom: 0 };
    },
  };
}
