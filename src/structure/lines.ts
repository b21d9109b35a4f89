/**
 * Items as the rule table reads them: the words, where they stand in the
 * stream, and the blank gaps around them. A plain-text line, a marked-up
 * paragraph and a markup heading all look the same here, so one table of
 * rules reads every format.
 */
import { inlineText } from '../model.js';
import type { Item } from '../readers/items.js';

export interface Line {
  /** Source line number of the item's start. */
  no: number;
  /** The words (a block the markup settled has none). */
  text: string;
  /** Leading whitespace width; tabs count as four. */
  indent: number;
  /** Blank lines between the previous item and this one. */
  gapBefore: number;
  /** Blank lines between this one and the next. */
  gapAfter: number;
  /** Position in the stream the line rules read. */
  index: number;
  /** Position in the reader's whole stream, before claims took lines out (`claims.ts`). */
  at: number;
  item: Item;
}

export function toUnits(items: readonly Item[]): Line[] {
  return items.map((item, index): Line => {
    const no = item.type === 'block' ? item.block.span.start : item.span.start;
    switch (item.type) {
      case 'text':
        return { no, text: item.text, indent: item.indent, gapBefore: item.gapBefore, gapAfter: item.gapAfter, index, at: index, item };
      case 'heading':
        return { no, text: inlineText(item.inlines).replace(/\s+/g, ' ').trim(), indent: 0, gapBefore: 1, gapAfter: 1, index, at: index, item };
      case 'chapter':
        return { no, text: inlineText(item.title).trim(), indent: 0, gapBefore: 1, gapAfter: 1, index, at: index, item };
      case 'block':
        return { no, text: '', indent: 0, gapBefore: 1, gapAfter: 1, index, at: index, item };
    }
  });
}
