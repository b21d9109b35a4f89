/**
 * Where everything goes on the 1600×2560 page. Kept apart from drawing so
 * tests can check every line box against the margins.
 */
import type { FontRole } from './fonts.js';
import { type Palette, paletteFor } from './palette.js';
import { type ShapedText, shapeText } from './shape.js';
import { COVER_HEIGHT, COVER_MARGIN, COVER_WIDTH, type CoverInfo } from './types.js';
import { type FitBox, fitText } from './wrap.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LineBox {
  x: number;
  y: number;
  width: number;
  height: number;
  baseline: number;
  /** Where the glyphs' outlines reach on the page: what drawing this line may paint. */
  ink: Box;
  shaped: ShapedText;
}

export interface TextBlock {
  role: 'title' | 'subtitle' | 'series' | 'author';
  size: number;
  lines: LineBox[];
}

export interface CoverLayout {
  palette: Palette;
  /** The frame drawn inside the blank margin band. */
  frame: Box;
  /** The patterned panel at the top, inside the frame. */
  panel: Box;
  /** Short rules between title and author, as [x1, x2, y]. */
  rules: [number, number, number][];
  blocks: TextBlock[];
}

const FRAME_INSET = COVER_MARGIN + 30;
/** Text keeps this far from the page edge: inside the frame with room to breathe. */
export const TEXT_INSET = FRAME_INSET + 90;
const TEXT_WIDTH = COVER_WIDTH - 2 * TEXT_INSET;
const PANEL_BOTTOM = 700;

function place(role: TextBlock['role'], font: FontRole, text: string, box: FitBox, top: number): TextBlock {
  const fitted = fitText(text, font, box);
  const lines = fitted.lines.map((shaped, i): LineBox => {
    const y = top + i * fitted.lineHeight;
    // Centre what is drawn, not the advance box (a fullwidth "：" ends in blank space),
    // as far as the box stays inside the text area.
    const ink = shaped.ink();
    const x = Math.min(Math.max(COVER_WIDTH / 2 - (ink.left + ink.right) / 2, TEXT_INSET), COVER_WIDTH - TEXT_INSET - shaped.width);
    // Optical centre of a line sits about a third of the size below its middle.
    const baseline = y + fitted.lineHeight / 2 + fitted.size * 0.33;
    return {
      x,
      y,
      width: shaped.width,
      height: fitted.lineHeight,
      baseline,
      ink: { x: x + ink.left, y: baseline + ink.top, width: ink.right - ink.left, height: ink.bottom - ink.top },
      shaped,
    };
  });
  return { role, size: fitted.size, lines };
}

const blockHeight = (b: TextBlock | undefined): number => b?.lines.reduce((h, l) => h + l.height, 0) ?? 0;

function shift(b: TextBlock, dy: number): TextBlock {
  return { ...b, lines: b.lines.map((l) => ({ ...l, y: l.y + dy, baseline: l.baseline + dy, ink: { ...l.ink, y: l.ink.y + dy } })) };
}

export function seriesLabel(series: NonNullable<CoverInfo['series']>): string {
  return series.position === undefined ? series.name : `${series.name} · ${series.position}`;
}

export function authorLine(authors: string[]): string {
  const names = authors.map((a) => a.trim()).filter(Boolean);
  if (names.length <= 2) return names.join(' & ');
  return `${names.slice(0, -1).join(', ')} & ${names[names.length - 1]}`;
}

export function layoutCover(info: CoverInfo): CoverLayout {
  const palette = paletteFor(info.title);
  const frame = { x: FRAME_INSET, y: FRAME_INSET, width: COVER_WIDTH - 2 * FRAME_INSET, height: COVER_HEIGHT - 2 * FRAME_INSET };
  const panel = { x: FRAME_INSET, y: FRAME_INSET, width: frame.width, height: PANEL_BOTTOM - FRAME_INSET };

  // A work with no author gets no author line (fitting an empty line would leave a lone "…").
  const byline = authorLine(info.authors);
  const author = byline ? place('author', 'body', byline, { maxWidth: TEXT_WIDTH, maxHeight: 220, maxSize: 78, minSize: 40, maxLines: 2 }, 0) : undefined;
  const authorTop = COVER_HEIGHT - FRAME_INSET - 130 - blockHeight(author);

  const series = info.series?.name.trim()
    ? place('series', 'italic', seriesLabel(info.series), { maxWidth: TEXT_WIDTH, maxHeight: 150, maxSize: 60, minSize: 36, maxLines: 2 }, PANEL_BOTTOM + 70)
    : undefined;
  const top = PANEL_BOTTOM + 70 + (series ? blockHeight(series) + 40 : 0);
  const bottom = authorTop - 160;

  const subtitle = info.subtitle?.trim() ? place('subtitle', 'italic', info.subtitle, { maxWidth: TEXT_WIDTH, maxHeight: 300, maxSize: 68, minSize: 36, maxLines: 3 }, 0) : undefined;
  const gap = subtitle ? 70 : 0;
  const title = place(
    'title',
    'title',
    info.title.trim() || 'Untitled',
    {
      maxWidth: TEXT_WIDTH,
      maxHeight: bottom - top - blockHeight(subtitle) - gap,
      maxSize: 220,
      minSize: 44,
      maxLines: 12,
    },
    0,
  );

  // Centre title and subtitle together in the room between the panel and the author.
  const groupHeight = blockHeight(title) + gap + blockHeight(subtitle);
  const groupTop = top + (bottom - top - groupHeight) / 2;
  const blocks: TextBlock[] = [];
  if (series) blocks.push(series);
  blocks.push(shift(title, groupTop));
  if (subtitle) blocks.push(shift(subtitle, groupTop + blockHeight(title) + gap));
  if (author) blocks.push(shift(author, authorTop));

  // The rule parts title from author; with no author it would underline nothing.
  const ruleY = Math.round((groupTop + groupHeight + authorTop) / 2);
  const rules: [number, number, number][] = author ? [[COVER_WIDTH / 2 - 120, COVER_WIDTH / 2 + 120, ruleY]] : [];
  return { palette, frame, panel, rules, blocks };
}

/** Characters of the cover's text that no bundled font can draw; they are left out of the image. */
export function missingGlyphs(info: CoverInfo): string[] {
  const texts: [string, FontRole][] = [
    [info.title, 'title'],
    [authorLine(info.authors), 'body'],
  ];
  if (info.subtitle) texts.push([info.subtitle, 'italic']);
  if (info.series) texts.push([seriesLabel(info.series), 'italic']);
  return [...new Set(texts.flatMap(([t, role]) => shapeText(t, role, 1).missing))];
}
