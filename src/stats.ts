import type { Block, Book } from './model.js';
import { assertNever, inlineText } from './model.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const APOSTROPHE = (c: number) => c === 0x27 || c === 0x2019;

/**
 * Whether each BMP code unit is a letter or digit, filled in as met: the
 * regex behind it is slow to call for every character of a big book.
 * 0 = not yet known, 1 = word character, 2 = not.
 */
const BMP_WORD = new Uint8Array(0x10000);

function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (c < 0xd800 || c > 0xdfff) {
    let known = BMP_WORD[c];
    if (known === 0) {
      known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
      BMP_WORD[c] = known;
    }
    return known === 1;
  }
  const cp = s.codePointAt(i) ?? c;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/**
 * Runs of letters and digits, an apostrophe inside a word joining it
 * (`don't` is one word). A scan rather than `s.match(/…/g)`: on a 20 MB story
 * the match array of every word cost a fifth of the whole build.
 */
export function countWordsIn(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const wide = c >= 0xd800 && c <= 0xdbff;
    if (isWordChar(s, i)) {
      if (!inWord) n++;
      inWord = true;
    } else if (!(inWord && APOSTROPHE(c) && i + 1 < s.length && isWordChar(s, i + 1))) {
      inWord = false;
    }
    if (wide) i++;
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
