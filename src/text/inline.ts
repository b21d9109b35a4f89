/**
 * The one door from paragraph text to inlines. Every paragraph, title, note and
 * metadata text the plain-text reader produces passes through here, so
 * emphasis (`*word*`) parsing plugs in at this single place.
 */
import { text, type Inline } from '../model.js';

export function toInlines(s: string): Inline[] {
  return s === '' ? [] : [text(s)];
}
