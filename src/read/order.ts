/**
 * Natural order for chapter files: `ch2` before `ch10`, and `Chapter Two`
 * before `Chapter Ten`, because number words are read as their numbers
 * before a numeric-aware collator compares the names.
 */
const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINALS: Record<string, string> = { first: 'one', second: 'two', third: 'three', fifth: 'five', eighth: 'eight', ninth: 'nine', twelfth: 'twelve' };
const VALUES = new Map<string, number>([...UNITS.map((w, i) => [w, i] as const), ...TENS.flatMap((w, i) => (w ? [[w, i * 10] as const] : []))]);

function wordValue(word: string): number | undefined {
  const w = word.toLowerCase();
  const base = ORDINALS[w] ?? w.replace(/ieth$/, 'y').replace(/th$/, '');
  return VALUES.get(w) ?? VALUES.get(base);
}

const ORDINAL_WORDS = [...Object.keys(ORDINALS), ...UNITS.slice(4).map((w) => `${w}th`), ...TENS.filter(Boolean).map((w) => w.replace(/y$/, 'ieth'))];
const WORD = `(?:${[...VALUES.keys(), ...ORDINAL_WORDS, 'hundred'].sort((a, b) => b.length - a.length).join('|')})`;
const NUMBER_WORDS = new RegExp(`\\b${WORD}(?:[\\s_-]+(?:and[\\s_-]+)?${WORD})*\\b`, 'gi');

/** `Chapter Twenty-One` → `Chapter 21`; words that are not numbers are left alone. */
export function numberWordsToDigits(name: string): string {
  return name.replace(NUMBER_WORDS, (phrase) => {
    const words = phrase.split(/[\s_-]+/).filter((w) => w.toLowerCase() !== 'and');
    let total = 0;
    let current = 0;
    for (const w of words) {
      if (w.toLowerCase() === 'hundred') {
        current = (current || 1) * 100;
        continue;
      }
      const v = wordValue(w);
      if (v === undefined) return phrase;
      current += v;
    }
    total += current;
    return String(total);
  });
}

// Made on first use: building it loads ICU's collation data, about 8 ms that a
// build naming only files (no folder to list) would pay for nothing.
let collator: Intl.Collator | undefined;

export function naturalCompare(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return collator.compare(numberWordsToDigits(a), numberWordsToDigits(b)) || (a < b ? -1 : a > b ? 1 : 0);
}

export const naturalSort = (names: readonly string[]): string[] => [...names].sort(naturalCompare);
