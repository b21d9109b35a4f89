/**
 * The plain-text reader: a line is all plain text marks, so each non-blank
 * line is an item, with the blank gaps around it and the paragraph layout of
 * the whole file. Everything a line means is left to the structure step.
 */
import type { ReadStory } from '../items.js';
import { detectLayout } from './layout.js';
import { toLines } from './lines.js';

export function readPlainText(input: { text: string; file: string; firstLine: number }): ReadStory {
  const items = toLines(input.text, input.file, input.firstLine);
  return { items, layout: detectLayout(items), meta: {}, notes: [], diagnostics: [] };
}
