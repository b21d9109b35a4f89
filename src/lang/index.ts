/**
 * What quire knows of each language a story may be written in, and the
 * matchers built from it.
 *
 * Tables: one file per language (`en.ts`, `fr.ts` …, shape in `types.ts`),
 * listed once in `TABLES` (`tables.ts`). Adding a language is adding its table to
 * that list; nothing else names a language's words.
 *
 * Matchers (pure, compiled once on first use; every pattern is anchored and a
 * line costs time linear in its length, about a microsecond for a short
 * line). `langs`, where taken, is a list of language tags to read the line in
 * (default: every table, English first); the first table that matches names
 * the `lang` of the result. Pass the book's language and `en` when the
 * language is known: a word that is a label in one language is a plain word
 * in another (Turkish `Son`, Dutch `Door:`).
 *
 * - `matchHeading(line, langs?)` → `{ kind: 'chapter' | 'part' | 'special',
 *   lang, word, number?: { text, value }, rest }` or null. `rest` is what
 *   follows the heading form (`: El comienzo`); a line whose rest reads as a
 *   sentence going on (`Kapitel eins war langweilig, sagte er.`) is null.
 * - `parseNumber(token, lang?)` → digits (also full-width), capital roman
 *   numerals, CJK numerals (`第一○○回`'s `一○○` is 100), number words
 *   cardinal and ordinal in any case (`premier`, `Erstes`, `двадцать первая`).
 * - `matchField(line, langs?)` → `{ key, label, value, lang }` for `Título:`,
 *   `作者：` …
 * - `matchNoteLabel(line, langs?)` → `{ label, lang, bare, rest }`.
 * - `matchEndMark(line, langs?)` → `{ text, lang }` (`~ Fin ~`, `（完）`).
 * - `matchByline(line, langs?)` → `{ word, names, lang }` for `By Name`,
 *   `par Name`, `автор: Name`, `张三 著`; `matchTrailingByline` finds one at
 *   the end of a title line (`The Long Way Round by StarlightScribe` →
 *   `before: 'The Long Way Round'`).
 * - `languageCode(value)` (in `code.ts`): `French`, `français`, `FR`,
 *   `fr_FR` → `fr`, `fr-FR`; undefined for anything that names no language.
 * - `languageFor(tag)` → the table for a tag's primary subtag, English when
 *   there is none; `chapterLabel(tag, n)` → `Chapter 3`, `Capítulo 3`, `第3章`
 *   for a chapter with no title of its own.
 *
 * The language of a text with no stated language: `detectLanguage` in
 * `../language.ts`. Labels set in a book's typography: `render/labels.ts`.
 */
import { compileForm, leadKey, matchForm, restIsHeading, type HeadingForm, type HeadingMatch } from './headings.js';
import { compileLines, type BylineMatch, type EndMarkMatch, type FieldMatch, type LineMatchers, type NoteLabelMatch } from './lines.js';
import { asciiDigits, bare, buildWordNumbers, cjkValue, fold, romanValue, type WordNumbers } from './numbers.js';
import type { LanguageTable } from './types.js';
import { BY_CODE, TABLES } from './tables.js';

export type { HeadingKind, HeadingMatch } from './headings.js';
export type { BylineMatch, EndMarkMatch, FieldMatch, NoteLabelMatch } from './lines.js';
export type * from './types.js';
export { languageCode } from './code.js';
export { TABLES, chapterLabel, languageFor } from './tables.js';

const primary = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';

const CHOSEN = new Map<string, readonly LanguageTable[]>();

// The same list is passed for every line of a book: found by identity before by value.
const SEEN = new WeakMap<readonly string[], readonly LanguageTable[]>();

/** The tables a list of tags names, in its order; every table when it names none we have. */
function tablesFor(langs: readonly string[] | undefined): readonly LanguageTable[] {
  if (!langs) return TABLES;
  const seen = SEEN.get(langs);
  if (seen) return seen;
  const out = chosen(langs);
  SEEN.set(langs, out);
  return out;
}

function chosen(langs: readonly string[]): readonly LanguageTable[] {
  const k = langs.join(',');
  let out = CHOSEN.get(k);
  if (!out) {
    const named = [...new Set(langs.map(primary))].map((c) => BY_CODE.get(c)).filter((t): t is LanguageTable => t !== undefined);
    CHOSEN.set(k, (out = named.length ? named : TABLES));
  }
  return out;
}

// ── compiled once, on first use ─────────────────────────────────────────────
const NUMBERS = new Map<string, WordNumbers>();
function numbersOf(t: LanguageTable): WordNumbers {
  let n = NUMBERS.get(t.code);
  if (!n) NUMBERS.set(t.code, (n = buildWordNumbers(t.numbers)));
  return n;
}

interface HeadingIndex {
  byLead: Map<string, HeadingForm[]>;
  numberFirst: HeadingForm[];
  /** First words of the number words that can open a heading (`erstes`, `birinci`). */
  numberLeads: Set<string>;
  /** A line opening with a number is tried against those forms only if it holds one of their words (`Kapitel`). */
  numberWords: RegExp;
}
// One index per list of tables asked for: a book in one language compiles
// only its own forms and English's, not every table's.
const HEADINGS = new Map<readonly LanguageTable[], HeadingIndex>();

function headings(tables: readonly LanguageTable[]): HeadingIndex {
  const known = HEADINGS.get(tables);
  if (known) return known;
  const byLead = new Map<string, HeadingForm[]>();
  const numberFirst: HeadingForm[] = [];
  const numberLeads = new Set<string>();
  const words = new Set<string>();
  for (const t of tables) {
    for (const kind of ['chapter', 'part', 'special'] as const) {
      for (const source of t.headings[kind]) {
        const form = compileForm(source, kind, t, numbersOf(t));
        const lead = source.startsWith('{') ? undefined : leadKey(source);
        if (lead === undefined) {
          numberFirst.push(form);
          const word = /[\p{L}]+/u.exec(source.replace(/\{[nod]\}/g, ''))?.[0];
          if (word) words.add(bare(fold(word)));
          const n = numbersOf(t);
          for (const k of [...n.cardinal.keys(), ...n.ordinal.keys()]) {
            numberLeads.add(bare(k.split(' ')[0]!));
            // Scripts without spaces glue a number to its word (`이십일화`): file its first character too.
            if (/[\p{Script=Han}\p{Script=Hangul}]/u.test(k.charAt(0))) numberLeads.add(k.charAt(0));
          }
        } else byLead.set(lead, [...(byLead.get(lead) ?? []), form]);
      }
    }
  }
  // Matched against the line without its accents, so `Bolum` finds `Bölüm` too.
  const numberWords = new RegExp([...words].join('|'), 'i');
  const index = { byLead, numberFirst, numberLeads, numberWords };
  HEADINGS.set(tables, index);
  return index;
}

export function matchHeading(line: string, langs?: readonly string[]): HeadingMatch | null {
  const s = line.trim();
  if (s === '' || s.length > 200) return null;
  const tables = tablesFor(langs);
  const { byLead, numberFirst, numberLeads, numberWords } = headings(tables);
  const lead = leadKey(s);
  const numeric =
    (/^[0-9０-９IVXLCDM〇○零一二两兩三四五六七八九十百千]/u.test(s) || (lead !== undefined && (numberLeads.has(lead) || numberLeads.has(s.charAt(0))))) && numberWords.test(bare(fold(s)));
  const led = lead === undefined ? undefined : byLead.get(lead);
  const forms = numeric ? [...(led ?? []), ...numberFirst] : led;
  if (!forms) return null;
  let best: { match: HeadingMatch; end: number; rank: number } | undefined;
  for (const form of forms) {
    const rank = tables.indexOf(form.table);
    if (rank < 0) continue;
    const hit = matchForm(s, form);
    if (!hit || !restIsHeading(hit.match.rest, form.table)) continue;
    // The longest form wins (`Bonus Chapter` over `Bonus`), then the first language asked for.
    if (!best || hit.end > best.end || (hit.end === best.end && rank < best.rank)) best = { ...hit, rank };
  }
  return best?.match ?? null;
}

export function parseNumber(token: string, lang?: string): number | undefined {
  const t = token.trim();
  if (/^[0-9０-９]+$/.test(t)) return Number(asciiDigits(t));
  const roman = romanValue(t);
  if (roman !== undefined) return roman;
  const cjk = cjkValue(t);
  if (cjk !== undefined) return cjk;
  const key = fold(t);
  for (const table of tablesFor(lang === undefined ? undefined : [lang])) {
    const n = numbersOf(table);
    const v = n.cardinal.get(key) ?? n.ordinal.get(key) ?? n.cardinal.get(bare(key)) ?? n.ordinal.get(bare(key));
    if (v !== undefined) return v;
  }
  return undefined;
}

const LINES = new Map<readonly LanguageTable[], LineMatchers>();
function lines(langs: readonly string[] | undefined): LineMatchers {
  const tables = tablesFor(langs);
  let m = LINES.get(tables);
  if (!m) LINES.set(tables, (m = compileLines(tables)));
  return m;
}

export const matchField = (line: string, langs?: readonly string[]): FieldMatch | null => lines(langs).field(line.trim());
export const matchNoteLabel = (line: string, langs?: readonly string[]): NoteLabelMatch | null => lines(langs).note(line.trim());
export const matchEndMark = (line: string, langs?: readonly string[]): EndMarkMatch | null => lines(langs).endMark(line);
export const matchByline = (line: string, langs?: readonly string[]): BylineMatch | null => lines(langs).byline(line);
export const matchTrailingByline = (line: string, langs?: readonly string[]): BylineMatch | null => lines(langs).trailingByline(line);
