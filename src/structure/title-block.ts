/**
 * The title block at the top of a story or a published book: the title, over
 * one or a few lines, then a byline — `By Name`, `by` alone with the name
 * under it, `Author: Name`, or the word in the text's own language (`VON`,
 * `par`, `por`, `автор`). Printed title pages set one title over several
 * lines (`PRIDE.` / `and` / `PREJUDICE`) and repeat it (a half-title): the
 * lines are joined, a repeat counted once, capitals made Title Case.
 */
import type { Layout } from '../readers/items.js';
import type { Classified, Data, Kind } from './rules.js';

/** Words that introduce an author, alone on a line or before the name. */
const BY = /^(?:(?:by|von|par|por|di|de|door|przez|av|af|автор|авторы)(?![\p{L}\p{M}])|作者|著)\s*[:：]?\s*(.*)$/iu;
/** A name: a few words, each starting with a capital (initials, particles and `[père]` allowed), perhaps ending with a comma. */
const NAME =
  /^(?:\p{Lu}[\p{L}.'’\-]*|\(\p{Lu}[\p{L}.'’\-]*\)|\[[\p{L}.'’\- ]+\]|(?:de|da|van|von|der|den|del|la|le|du|di|y|e|bin|al|ibn)(?=\s))(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|\(\p{Lu}[\p{L}.'’\-]*\)|\[[\p{L}.'’\- ]+\]|de|da|van|von|der|den|del|la|le|du|di|y|e|bin|al|ibn|&|and|und|et))*[,.]?$/u;
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}\p{Script=Hiragana}·・]{2,12}$/u;

const isName = (s: string): boolean => s.length <= 60 && s.split(/\s+/).length <= 8 && (NAME.test(s) || CJK_NAME.test(s));
/** A name as written, without a trailing comma, in Title Case where it was set in capitals (`FRANZ KAFKA`). */
const cleanName = (s: string): string => {
  const name = s.replace(/[,.]$/, '').trim();
  return /\p{Ll}/u.test(name) ? name : name.toLowerCase().replace(/(^|[\s\-'’(.])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
};

/** Rules that take a lone short line for a heading only for want of anything better. */
const WEAK = new Set(['top-title', 'lone-title']);
/** A line that may be part of a printed title: short, and not a field, a note or a heading its words name. */
const titleLine = (c: Classified): boolean => (c.kind === 'paragraph' || c.kind === 'title' || WEAK.has(c.rule)) && c.line.text.length <= 80 && !/[.!?]["”’]?\s+\p{Ll}/u.test(c.line.text);

const squash = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** `PRIDE.` / `and` / `PREJUDICE` → `Pride and Prejudice`; a title in mixed case keeps its case. */
export function printedTitle(lines: readonly string[]): string {
  const unique = lines.filter((l, i) => lines.findIndex((x) => x.toLowerCase() === l.toLowerCase()) === i);
  const joined = unique
    .map((l) => l.replace(/\.$/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/\p{Ll}{2}/u.test(joined.replace(/\b(?:and|or|of|the|a|an|und|et|y|e)\b/gi, ''))) return joined;
  const small = /^(?:a|an|and|as|at|but|by|for|in|of|on|or|the|to|und|der|die|das|et|de|la|le|y|el|e|o)$/i;
  return joined.toLowerCase().replace(/[\p{L}'’]+/gu, (w, at: number) => (at > 0 && small.test(w) ? w : w.replace(/^\p{L}/u, (c) => c.toUpperCase())));
}

/** Where a printed book's title page ends (its first real heading), in a hard-wrapped text with a title block; -1 in any other. */
function titlePageEnd(cls: readonly Classified[], layout: Layout): number {
  if (layout.mode !== 'wrapped' && layout.mode !== 'indented') return -1;
  const end = firstStrongHeading(cls);
  return end > 0 && findTitleBlock(cls, layout) ? end : -1;
}

/** The first heading its words (or markup) make one, not a lone short line taken for one. */
export function firstStrongHeading(cls: readonly Classified[]): number {
  return cls.findIndex((c) => (c.kind === 'part' || c.kind === 'chapter' || c.kind === 'heading') && !WEAK.has(c.rule));
}

/**
 * A printed book's front matter: in a hard-wrapped text with a title block,
 * what stands before the first real heading besides the title block and its
 * notes — a half-title, an imprint, a dedication, a line a weak rule took for
 * a heading — is the book's title-page matter, not a chapter.
 */
export function frontMatterClaims(cls: readonly Classified[], layout: Layout): number[] {
  const end = titlePageEnd(cls, layout);
  if (end < 0) return [];
  return cls.slice(0, end).flatMap((c, i) => (c.kind === 'paragraph' || c.kind === 'title' || WEAK.has(c.rule) ? [i] : []));
}

/** Words of prose that make a stretch more than title-page matter: a preface, not an imprint. */
const PROSE_WORDS = 50;

/** Words of the wrapped paragraph that starts at `i`: its lines run on with no blank line between them. */
function paragraphWords(cls: readonly Classified[], i: number): number {
  let words = 0;
  for (let k = i; k < cls.length && cls[k]!.kind === 'paragraph' && (k === i || cls[k]!.line.gapBefore === 0); k++) words += cls[k]!.line.text.split(/\s+/).length;
  return words;
}

/**
 * A preface's heading on a printed book's title page: the short line set in
 * capitals just above the first paragraph of real prose before the first
 * heading (`JONG NEDERLAND!`, `TO MY YOUNG READERS!`), apart from what is
 * above it. It opens a chapter of its own, so the preface is not printed on
 * the title page with the imprint.
 */
export function prefaceHeadingClaims(cls: readonly Classified[], layout: Layout): Array<{ at: number; kind: Kind; data: Data }> {
  const end = titlePageEnd(cls, layout);
  if (end < 0) return [];
  const prose = cls.slice(0, end).findIndex((c, i) => c.kind === 'paragraph' && (i === 0 || cls[i - 1]!.line.gapAfter > 0) && paragraphWords(cls, i) >= PROSE_WORDS);
  const head = cls[prose - 1];
  if (prose <= 0 || !head || !titleLine(head) || /\p{Ll}/u.test(head.line.text) || head.line.gapBefore < 2 || head.line.gapAfter > layout.normalGap + 1) return [];
  return [{ at: prose - 1, kind: 'chapter', data: { title: head.line.text } }];
}

export interface TitleBlock {
  title: number[];
  by: number;
  author?: number;
  name: string;
}

/** A line a byline or its name may stand on: text, or a short line a weak rule took for a heading (`DOOR` set alone). */
const plainLine = (c: Classified): boolean => c.kind === 'paragraph' || WEAK.has(c.rule);

/** A title is set over at most this many lines; a byline looks this many lines up for them. */
const MAX_TITLE_LINES = 4;
const MAX_TITLE_RUN = 6;

/**
 * The title lines above a byline: the run of title lines just above it (gaps
 * of up to four blank lines between them), split where the gap between two
 * lines is wider than the narrowest in the run. A title page sets its title
 * in the topmost group and what describes the book (`A SEA STORY`,
 * `GESCHIEDKUNDIG VERHAAL`) lower, apart from it; lines set evenly
 * (`Frankenstein;` / `or, the Modern Prometheus`) are one title.
 */
function titleAbove(cls: readonly Classified[], by: number, layout: Layout): number[] {
  const run: number[] = [];
  for (let k = by - 1; k >= 0 && run.length < MAX_TITLE_RUN && titleLine(cls[k]!) && cls[k + 1]!.line.gapBefore <= Math.max(4, layout.normalGap + 3); k--) run.unshift(k);
  const gaps = run.slice(1).map((k) => cls[k]!.line.gapBefore);
  const split = gaps.findIndex((g) => g > Math.min(...gaps));
  return (split < 0 ? run : run.slice(0, split + 1)).slice(0, MAX_TITLE_LINES);
}

/**
 * The title block among the lines before the first heading, if there is one:
 * the byline nearest the top, its name, and the title lines above it.
 */
export function findTitleBlock(cls: readonly Classified[], layout: Layout): TitleBlock | undefined {
  const end = firstStrongHeading(cls);
  const front = end < 0 ? Math.min(cls.length, 40) : end;
  for (let i = 0; i < front; i++) {
    const c = cls[i]!;
    let name: string | undefined;
    let author: number | undefined;
    if (c.kind === 'meta' && (c.data.field === 'author' || c.data.field === 'by')) name = c.data.value;
    else if (plainLine(c)) {
      const m = BY.exec(c.line.text);
      if (!m) continue;
      const under = cls[i + 1];
      if (m[1] && isName(m[1])) name = m[1];
      else if (!m[1] && i + 1 < front && under && plainLine(under) && under.line.gapBefore <= 3 && isName(under.line.text)) {
        name = under.line.text;
        author = i + 1;
      }
    }
    if (!name) continue;
    const title = titleAbove(cls, i, layout);
    // A byline with no title above it still names the author, but a first line
    // that only opens with such a word is the title itself (`DE ZOUTWEG`,
    // `Von Mäusen und Menschen`).
    if (!title.length && c.kind !== 'meta' && author === undefined) continue;
    return { title, by: i, ...(author !== undefined ? { author } : {}), name: cleanName(name) };
  }
  return undefined;
}

/** What the title block's lines are read as: the title, and the author. */
export function titleBlockClaims(cls: readonly Classified[], layout: Layout, given: { title?: string } = {}): Array<{ at: number; kind: Kind; data: Data }> {
  const block = findTitleBlock(cls, layout);
  if (!block) return [];
  const out: Array<{ at: number; kind: Kind; data: Data }> = [];
  const value = printedTitle(block.title.map((k) => cls[k]!.line.text));
  // Where front matter names the work already, lines that say something else are text, not a second title.
  if (given.title !== undefined && squash(given.title) !== squash(value)) block.title = [];
  // The first title line carries the whole title; the others are read as part of it.
  block.title.forEach((k, n) => out.push({ at: k, kind: 'meta', data: { field: n === 0 ? 'title-block' : 'title-line', value: n === 0 ? value : '' } }));
  const byline = block.author === undefined ? { field: 'author', value: block.name } : { field: 'byline', value: '' };
  if (cls[block.by]!.kind !== 'meta') out.push({ at: block.by, kind: 'meta', data: byline });
  if (block.author !== undefined) out.push({ at: block.author, kind: 'meta', data: { field: 'author', value: block.name } });
  return out;
}

/**
 * The work's title set again further down, where a weak rule took it for a
 * heading: a half-title between the front matter (a preface) and the first
 * part or chapter. A heading that only repeats the title and holds nothing
 * before the next heading is read as the title, not as an empty chapter.
 */
export function repeatedTitleClaims(cls: readonly Classified[]): Array<{ at: number; kind: Kind; data: Data }> {
  // The title block's own claim, made by an earlier rule, carries the title.
  const at = cls.findIndex((c) => c.kind === 'meta' && c.data.field === 'title-block');
  if (at < 0) return [];
  const title = squash(cls[at]!.data.value ?? '');
  const isHead = (c: Classified | undefined): boolean => c?.kind === 'part' || c?.kind === 'chapter' || c?.kind === 'heading';
  return cls.flatMap((c, i) =>
    i > at && WEAK.has(c.rule) && isHead(c) && isHead(cls[i + 1]) && squash(c.line.text) === title ? [{ at: i, kind: 'meta' as const, data: { field: 'title-line', value: '' } }] : [],
  );
}
