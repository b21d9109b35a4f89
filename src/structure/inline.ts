/**
 * The one door from paragraph text to inlines. Every paragraph, title, note and
 * metadata text the plain-text reader produces passes through here, so plain
 * emphasis (`*word*`, `_word_`, `**word**`) is read in one place.
 */
import type { Inline } from '../model.js';
import { parseEmphasis } from '../typography/emphasis.js';

export function toInlines(s: string): Inline[] {
  return s === '' ? [] : parseEmphasis(s);
}
