/**
 * Heading forms compiled to matchers. A form is literal pieces and at most
 * one number; a line is matched piece by piece with sticky regexes, never
 * with one pattern that could backtrack, so a line costs time linear in its
 * length whatever it holds. Forms are indexed by their first word (or first
 * character, in scripts without spaces), so a line is tried only against the
 * few forms that can start it.
 */
import { CJK_NUMERAL, asciiDigits, bare, cjkValue, fold, romanValue, type WordNumbers } from './numbers.js';
import type { LanguageTable } from './types.js';

export type HeadingKind = 'chapter' | 'part' | 'special';

export interface HeadingMatch {
  kind: HeadingKind;
  lang: string;
  /** The heading's words as the line writes them, without the number (`Capítulo`, `第 章`). */
  word: string;
  number?: { text: string; value: number };
  /** What follows the heading form (`: El comienzo`), for the rule table to judge. */
  rest: string;
}

type Want = 'n' | 'o' | 'd';
type Piece = { lit: RegExp } | { num: Want; glued: boolean };

export interface HeadingForm {
  kind: HeadingKind;
  table: LanguageTable;
  numbers: WordNumbers;
  pieces: Piece[];
}

/** Scripts written without spaces between words: a heading's pieces touch its number. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /[\p{L}\p{M}\p{N}]/u;

/** One literal character as a pattern: any case, with or without its accent. */
function charPattern(c: string): string {
  if (/[iIıİ]/.test(c)) return '[iIıİ]';
  if (c === 'ł' || c === 'Ł') return '[łl]';
  if (c === "'" || c === '’') return "['’ʼ]";
  const base = bare(c);
  if (base !== c && base.length === 1) return `[${c}${base}]`;
  return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function literal(text: string): RegExp {
  let src = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ') {
      const between = LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '');
      src += between ? '\\s+' : '\\s*';
    } else src += charPattern(c);
  }
  return new RegExp(src, 'iuy');
}

export function compileForm(source: string, kind: HeadingKind, table: LanguageTable, numbers: WordNumbers): HeadingForm {
  const pieces: Piece[] = [];
  const parts = source.split(/(\{[nod]\})/);
  parts.forEach((part, i) => {
    const m = /^\{([nod])\}$/.exec(part);
    if (m) {
      const near = `${(parts[i - 1] ?? '').slice(-1)}${(parts[i + 1] ?? '').slice(0, 1)}`;
      pieces.push({ num: m[1] as Want, glued: UNSPACED.test(near) });
    } else if (part !== '') pieces.push({ lit: literal(part) });
  });
  return { kind, table, numbers, pieces };
}

/** The key a form is filed under, and a line looked up by: its first word, folded. */
export function leadKey(s: string): string | undefined {
  const first = s.charAt(0);
  if (UNSPACED.test(first)) return first;
  const word = /^[\p{L}\p{M}]+/u.exec(s)?.[0];
  return word === undefined ? undefined : bare(fold(word));
}

interface Read {
  text: string;
  value: number;
  end: number;
}

const DIGITS = /[0-9０-９]{1,5}/y;
const ROMAN_RUN = /[IVXLCDM]+/y;
const CJK_RUN = new RegExp(`${CJK_NUMERAL.source}+`, 'uy');
const TOKEN = /[\p{L}\p{M}'’ʼ]+/uy;
const JOINER = /[ \t]+|[-‐‑]/y;

const sticky = (re: RegExp, s: string, at: number): string | undefined => {
  re.lastIndex = at;
  return re.exec(s)?.[0];
};

/** A number written at `at`, of the wanted kind; `glued` when letters may touch it (`第12章`). */
function readNumber(s: string, at: number, want: Want, glued: boolean, form: HeadingForm): Read | undefined {
  let pos = at;
  if (glued) while (s[pos] === ' ' || s[pos] === '\u3000') pos++;
  const free = (end: number) => glued || !LETTER.test(s.charAt(end));
  if (want === 'o') return glued ? readGlued(s, pos, form.numbers) : readWords(s, pos, form.numbers.ordinal, undefined, form.numbers.maxParts);
  const digits = sticky(DIGITS, s, pos);
  if (digits && free(pos + digits.length)) return { text: digits, value: Number(asciiDigits(digits)), end: pos + digits.length };
  const roman = glued ? undefined : sticky(ROMAN_RUN, s, pos);
  const romanN = roman && free(pos + roman.length) ? romanValue(roman) : undefined;
  if (roman && romanN !== undefined) return { text: roman, value: romanN, end: pos + roman.length };
  if (want === 'd') return undefined;
  if (form.table.numbers.cjk) {
    const run = sticky(CJK_RUN, s, pos);
    const v = run ? cjkValue(run) : undefined;
    if (run && v !== undefined) return { text: run, value: v, end: pos + run.length };
  }
  if (glued) return readGlued(s, pos, form.numbers);
  return readWords(s, pos, form.numbers.cardinal, form.numbers.ordinal, form.numbers.maxParts);
}

/** Number words, longest first, so `vingt et un` is one number and not `vingt`. */
function readWords(s: string, at: number, a: Map<string, number>, b: Map<string, number> | undefined, maxParts: number): Read | undefined {
  const tokens: Array<{ text: string; end: number }> = [];
  let pos = at;
  while (tokens.length < maxParts) {
    const t = sticky(TOKEN, s, pos);
    if (!t) break;
    tokens.push({ text: t, end: pos + t.length });
    const j = sticky(JOINER, s, pos + t.length);
    if (!j) break;
    pos += t.length + j.length;
  }
  for (let k = tokens.length; k > 0; k--) {
    const end = tokens[k - 1]!.end;
    const key = fold(
      tokens
        .slice(0, k)
        .map((t) => t.text)
        .join(' '),
    );
    const value = a.get(key) ?? b?.get(key) ?? a.get(bare(key)) ?? b?.get(bare(key));
    if (value !== undefined) return { text: s.slice(at, end), value, end };
  }
  return undefined;
}

/** Number words written without spaces (`제삼장`): the longest that starts here. */
function readGlued(s: string, at: number, n: WordNumbers): Read | undefined {
  for (let len = Math.min(n.maxLength, s.length - at); len > 0; len--) {
    const text = s.slice(at, at + len);
    const value = n.cardinal.get(fold(text)) ?? n.ordinal.get(fold(text));
    if (value !== undefined) return { text, value, end: at + len };
  }
  return undefined;
}

/** Matches `form` at the start of `s`: the match and where it ends, or undefined. */
export function matchForm(s: string, form: HeadingForm): { match: HeadingMatch; end: number } | undefined {
  let pos = 0;
  const words: string[] = [];
  let number: Read | undefined;
  for (const piece of form.pieces) {
    if ('lit' in piece) {
      const m = sticky(piece.lit, s, pos);
      if (m === undefined) return undefined;
      words.push(m.replace(/^[^\p{L}]+/u, '').trim());
      pos += m.length;
    } else {
      number = readNumber(s, pos, piece.num, piece.glued, form);
      if (!number) return undefined;
      pos = number.end;
      if (piece.glued) while (s[pos] === ' ' || s[pos] === '\u3000') pos++;
    }
  }
  // A word must end where the form does: `Prologue` is not `Prologues`.
  const last = s.charAt(pos - 1);
  if (!UNSPACED.test(last) && LETTER.test(last) && LETTER.test(s.charAt(pos))) return undefined;
  const match: HeadingMatch = { kind: form.kind, lang: form.table.code, word: words.filter(Boolean).join(' '), rest: s.slice(pos).trim() };
  if (number) match.number = { text: number.text, value: number.value };
  return { match, end: pos };
}

const OF = new WeakMap<LanguageTable, RegExp | undefined>();
function ofPattern(table: LanguageTable): RegExp | undefined {
  if (!OF.has(table)) OF.set(table, table.headings.of?.length ? new RegExp(`^(?:${table.headings.of.join('|')})\\s+\\S+$`, 'iu') : undefined);
  return OF.get(table);
}

const SEPARATOR = /^[:.\-–—~|(（：]/;
const SENTENCE = /[,;，；。、]|[.!?…](?=\s)|[.,]$/;

/**
 * What follows a heading form reads as a heading's title, not as a sentence
 * going on: nothing, a separator, `of 5`, or a title with no sentence
 * punctuation that starts with a capital where the script has them
 * (`Kapitel eins war langweilig, sagte er.` is a sentence).
 */
export function restIsHeading(rest: string, table: LanguageTable): boolean {
  if (rest === '' || SEPARATOR.test(rest)) return true;
  if (ofPattern(table)?.test(rest)) return true;
  if (rest.length > 100 || SENTENCE.test(rest)) return false;
  const first = /[\p{L}\p{N}]/u.exec(rest)?.[0] ?? '';
  return !/\p{Ll}/u.test(first);
}
