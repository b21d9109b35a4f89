/**
 * Numbers as headings write them: digits (also full-width), capital roman
 * numerals, CJK numerals, and each language's number words, cardinal and
 * ordinal, built once from its table's lists.
 */
import type { NumberWords, Numbers } from './types.js';

/**
 * A word as the lookups compare it: lower case, one space between parts
 * (`Twenty-Seven` = `twenty seven`), one apostrophe, Turkish dotted and
 * dotless i alike.
 */
const ASCII = /^[\x20-\x7e]*$/;

export function fold(s: string): string {
  // Most words are plain ASCII: normalizing them is the cost of a lookup, for nothing.
  if (ASCII.test(s))
    return s
      .toLowerCase()
      .replace(/`/g, "'")
      .replace(/[\s-]+/g, ' ')
      .trim();
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u0307/g, '')
    .replace(/ı/g, 'i')
    .replace(/[’ʼ‘`´]/g, "'")
    .replace(/[\s\-‐‑]+/g, ' ')
    .trim();
}

/** The same without accents, for files typed without them (`Capitulo`). */
export function bare(s: string): string {
  if (ASCII.test(s)) return s;
  return s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

export interface WordNumbers {
  cardinal: Map<string, number>;
  ordinal: Map<string, number>;
  /** The most parts one number word has (`quatre vingt dix neuf`: 4). */
  maxParts: number;
  /** Longest number word written without spaces, for reading glued CJK and Hangul numbers. */
  maxLength: number;
}

const forms = (entry: string): string[] =>
  entry
    .split('|')
    .map((f) => f.trim())
    .filter(Boolean);

/** Every form of every number 1 … 100 the lists give. */
function expand(w: NumberWords): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const add = (entry: string | readonly string[], n: number) => {
    for (const e of typeof entry === 'string' ? [entry] : entry) for (const f of forms(e)) out.push([f, n]);
  };
  w.units.forEach((e, i) => add(e, i + 1));
  w.teens.forEach((e, i) => add(e, i + 10));
  w.tens.forEach((e, i) => {
    const t = i + 2;
    add(e, t * 10);
    w.units.forEach((ue, j) => {
      const u = j + 1;
      for (const tf of forms(e)) for (const uf of forms(ue)) add(w.join ? w.join(tf, uf, t, u) : `${tf} ${uf}`, t * 10 + u);
    });
  });
  add(w.hundred, 100);
  return out;
}

function put(map: Map<string, number>, word: string, n: number): void {
  const key = fold(word);
  if (!map.has(key)) map.set(key, n);
  const loose = bare(key);
  if (!map.has(loose)) map.set(loose, n);
}

export function buildWordNumbers(numbers: Numbers): WordNumbers {
  const cardinal = new Map<string, number>();
  const ordinal = new Map<string, number>();
  if (numbers.cardinal) for (const [w, n] of expand(numbers.cardinal)) put(cardinal, w, n);
  if (numbers.ordinal) {
    for (const [w, n] of expand(numbers.ordinal)) {
      for (const f of numbers.inflect ? [w, ...numbers.inflect(w)] : [w]) put(ordinal, f, n);
    }
  }
  for (const [w, n] of Object.entries(numbers.extra ?? {})) put(cardinal, w, n);
  let maxParts = 1;
  let maxLength = 1;
  for (const key of [...cardinal.keys(), ...ordinal.keys()]) {
    maxParts = Math.max(maxParts, key.split(' ').length);
    maxLength = Math.max(maxLength, key.length);
  }
  return { cardinal, ordinal, maxParts, maxLength };
}

// ── digits, roman numerals, CJK numerals ────────────────────────────────────
const ROMAN = /^(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** A roman numeral in capitals (`XII`), never a word in lower case (`mix`). */
export function romanValue(s: string): number | undefined {
  if (!ROMAN.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUE[s[i]!]!;
    const next = ROMAN_VALUE[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Full-width digits (`１２`) as ASCII. */
export const asciiDigits = (s: string): string => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

const CJK_DIGIT: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CJK_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000, 萬: 10000 };
const CJK_TENS: Record<string, number> = { 廿: 20, 卅: 30, 卌: 40 };
export const CJK_NUMERAL = /[〇○零一二两兩三四五六七八九十百千万萬廿卅卌]/;

/**
 * `十二` = 12, `一百零三` = 103, `第一○○回`'s `一○○` = 100 (digit by digit, as
 * old editions number chapters), `廿一` = 21.
 */
export function cjkValue(s: string): number | undefined {
  if (s === '' || ![...s].every((c) => CJK_NUMERAL.test(c))) return undefined;
  if (![...s].some((c) => c in CJK_UNIT || c in CJK_TENS)) {
    // Positional: each character one digit.
    return Number([...s].map((c) => CJK_DIGIT[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of s) {
    if (c in CJK_DIGIT) digit = CJK_DIGIT[c]!;
    else if (c in CJK_TENS) section += CJK_TENS[c]!;
    else {
      const unit = CJK_UNIT[c]!;
      if (unit === 10000) {
        total += (section + Math.max(digit, 0)) * unit;
        section = 0;
      } else {
        // A unit with no digit before it counts once: `十二` = 12.
        section += (digit < 0 ? 1 : digit) * unit;
      }
      digit = -1;
    }
  }
  return total + section + Math.max(digit, 0);
}
