/**
 * The one door from paragraph text to inlines. Every paragraph, title, note and
 * metadata text the plain-text reader produces passes through here, so plain
 * emphasis (`*word*`, `_word_`, `**word**`) is read in one place.
 */
import type { Inline } from '../model.js';
import { parseEmphasis } from '../readers/text/emphasis.js';
import type { Line } from './lines.js';

export function toInlines(s: string): Inline[] {
  return s === '' ? [] : parseEmphasis(s);
}

/** A line's inlines: a marked-up paragraph or heading brings its own, plain text is read for emphasis. */
export function lineInlines(line: Line): Inline[] {
  const { item } = line;
  if (item.type === 'heading') return item.inlines;
  if (item.type === 'chapter') return item.title;
  return item.type === 'text' && item.inlines ? item.inlines : toInlines(line.text);
}
