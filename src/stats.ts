import type { Block, Book } from './model.js';
import { assertNever, inlineText } from './model.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A count with commas between thousands, as `toLocaleString('en-US')` writes
 * it, without the ~20 ms the first number format costs a thread to load ICU.
 */
export const groupThousands = (n: number, separator = ','): string => String(Math.trunc(n)).replace(/\B(?=(?:\d{3})+$)/g, separator);
const APOSTROPHE = (c: number) => c === 0x27 || c === 0x2019;

/**
 * Whether each BMP code unit is a letter or digit: 1 yes, 2 no, 0 not asked
 * yet. Filled in as characters are met, since asking the Unicode regex about
 * every character of a big book cost more than the rest of the count.
 */
const BMP_WORD = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) BMP_WORD[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;

function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) return WORD_CHAR.test(String.fromCodePoint(s.codePointAt(i) ?? c));
  let known = BMP_WORD[c];
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    BMP_WORD[c] = known;
  }
  return known === 1;
}

/**
 * Runs of letters and digits, an apostrophe inside a word joining it
 * (`don't` is one word). A scan rather than `s.match(/…/g)`: on a 20 MB story
 * the match array of every word cost a fifth of the whole build.
 */
export function countWordsIn(s: string): number {
  let n = 0;
  let inWord = false;
  const length = s.length;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i);
    // Plain letters and digits first: the common case, without a call.
    if (BMP_WORD[c] === 1 || isWordChar(s, i)) {
      if (!inWord) n++;
      inWord = true;
    } else if (!(inWord && APOSTROPHE(c) && i + 1 < length && isWordChar(s, i + 1))) {
      inWord = false;
    }
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  return n;
}

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

export function blockWords(block: Block): number {
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
    case 'illustration':
      return 0;
    default:
      return assertNever(block);
  }
}
