/**
 * Where an epigraph's quotation starts, looking back from its attribution
 * line: the paragraph just before it, a quotation spread over a few short
 * lines (`"Roses are red, / violets are blue."`), lyric lines each set in
 * italics, or the tail glued to the paragraph before (`…okay.""That…`).
 */
import type { Layout } from '../readers/items.js';
import type { Classified } from './rules.js';
import { findGlue, isQuotation, startsWithQuote } from './shape.js';

const CLOSES = /["”’'»*_]$/;
/** A lyric or verse line in italics that does not end a sentence (dialogue does). */
const LYRIC = /^[*_][^*_]{1,78}[*_]$/;

/** Index in `before` of the quotation's first line, or -1 when the lines before are no quotation. */
export function quotationStart(before: readonly Classified[], layout: Layout): number {
  const last = before.length - 1;
  const end = before[last];
  if (!end || end.kind !== 'paragraph') return -1;
  if (findGlue(end.line.text) > 0) return last;
  if (!CLOSES.test(end.line.text)) return -1;
  const near = (i: number) => before[i]!.line.gapBefore <= Math.max(1, layout.normalGap);
  let i = last;
  // Back to the line that opens the quotation, over a few short or wrapped lines.
  while (!startsWithQuote(before[i]!.line.text)) {
    if (!near(i) || i === 0 || last - i >= 6) return -1;
    i--;
    const p = before[i]!;
    if (p.kind !== 'paragraph' || (p.line.text.length > 100 && layout.mode !== 'wrapped' && layout.mode !== 'indented')) return -1;
  }
  if (i === last && !isQuotation(end.line.text)) return -1;
  // Lyric lines, each in its own italics.
  if (LYRIC.test(end.line.text)) {
    while (i > 0 && last - i < 8 && near(i) && before[i - 1]!.kind === 'paragraph' && LYRIC.test(before[i - 1]!.line.text) && !/[.!?]\W*$/.test(before[i - 1]!.line.text)) i--;
  }
  return i;
}
