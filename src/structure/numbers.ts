/**
 * Numbers as story files write them in headings: `12`, `XII`, `Twelve`,
 * `Twenty Seven`, `Twenty-Seven`, and (for `N of M`) a few French and Spanish
 * words, because `Deux of Deux` is a real heading.
 */

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fourty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Number words, longest alternatives first so `Twenty Seven` is one number. */
export const WORD_NUMBER = `(?:(?:${TENS.join('|')})(?:[\\s-]+(?:${UNITS.join('|')}))?|${TEENS.join('|')}|${UNITS.join('|')}|(?:one |a )?hundred)`;
export const ROMAN = '(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})';
/** Any heading number; match case-insensitively, then check it with `isHeadingNumber`. */
export const NUMBER = `(?:\\d{1,4}|${WORD_NUMBER}|${ROMAN})`;
/** Small numbers in the other languages `N of M` headings use. */
export const FOREIGN_NUMBER = '(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|uno|dos|tres|cuatro|cinco|eins|zwei|drei|vier)';

const ROMAN_ONLY = new RegExp(`^${ROMAN}$`, 'i');
const WORD_ONLY = new RegExp(`^${WORD_NUMBER}$`, 'i');
const FOREIGN_ONLY = new RegExp(`^${FOREIGN_NUMBER}$`, 'i');

/**
 * Roman numerals count only in capitals (`XII`, not `Mix` or `did`); words and
 * digits in any case.
 */
export function isHeadingNumber(token: string): boolean {
  const t = token.trim();
  if (/^\d+$/.test(t)) return true;
  if (WORD_ONLY.test(t)) return true;
  if (ROMAN_ONLY.test(t)) return t === t.toUpperCase();
  return FOREIGN_ONLY.test(t);
}
