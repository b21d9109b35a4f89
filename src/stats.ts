import type { Block, Book } from './model.js';
import { assertNever, inlineText } from './model.js';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export const countWordsIn = (s: string): number => s.match(WORD)?.length ?? 0;

/** Words of the story itself: chapters, without author's notes, front or back matter. */
export function countWords(book: Book): number {
  let n = 0;
  for (const c of book.chapters) {
    n += countWordsIn(inlineText(c.title));
    for (const b of c.blocks) n += blockWords(b);
    for (const s of c.sections) {
      n += countWordsIn(inlineText(s.title));
      for (const b of s.blocks) n += blockWords(b);
    }
  }
  return n;
}

function blockWords(block: Block): number {
  switch (block.type) {
    case 'paragraph':
    case 'pov':
    case 'endMark':
      return countWordsIn(inlineText(block.children));
    case 'epigraph':
      return block.quote.reduce((n, q) => n + countWordsIn(inlineText(q)), 0) + countWordsIn(inlineText(block.cite ?? []));
    case 'verse':
      return block.lines.reduce((n, l) => n + countWordsIn(inlineText(l)), 0);
    case 'blockquote':
      return block.children.reduce((n, b) => n + blockWords(b), 0);
    case 'list':
      return block.items.flat().reduce((n, b) => n + blockWords(b), 0);
    case 'authorNote':
    case 'sceneBreak':
    case 'image':
      return 0;
    default:
      return assertNever(block);
  }
}
