/**
 * A published text's own contents list (`Contents`, `Table of Contents`,
 * `List of Illustrations`): the heading and the run of short entries under
 * it, page numbers or not. The book gets a table of contents of its own, so
 * the list is left out; its entries are kept as evidence, because a line that
 * repeats an entry is a heading however it is styled (`I. A SCANDAL IN
 * BOHEMIA`).
 */
import type { Line } from './lines.js';

export interface ContentsEntry {
  /** The entry without its page number, normalized (see `contentsKey`). */
  key: string;
  /** Its label and its title where it has both (`Chapter I.  Down the Rabbit-Hole`), normalized. */
  label?: string;
  title?: string;
}

export interface Contents {
  /** Source lines of the heading and of the last entry. */
  start: number;
  end: number;
  entries: ContentsEntry[];
  /** A list of the book's divisions (not of its illustrations): its entries tell headings apart. */
  evidence: boolean;
}

/** What heads a contents list, in the languages quire reads. */
const HEADING =
  /^(?:(?:table of )?contents|list of (?:illustrations|plates|figures)|illustrations|inhalt(?:sverzeichnis)?|índice|indice|table des matières|sommaire|inhoud|spis treści|содержание|оглавление|зміст|içindekiler|daftar isi|mục lục|目录|目錄|目次|차례|목차)[.:]?$/iu;
/** A page reference at the end of an entry, set apart by two spaces or dot leaders: `  12`, `. . . .  207`, `....vii`, `28-29`. */
const PAGE = /(?:\s{2,}|\s*(?:\.\s*){2,})(?:\d{1,4}(?:-\d{1,4})?|[ivxlc]{1,7})$/i;
/** Between an entry's label and its title: two or more spaces, a dash, or `. ` after a number. */
const SPLIT = /^(.{0,40}?(?:[\divxlcdm]+\.?|\p{Lu}+))(?:\s{2,}|\s*[—–]\s*|\s*--\s*|\.\s+|:\s+)(.+)$/iu;

/** `Contents`, `List of Illustrations`, `Inhalt`…: a line that heads a contents list. */
export const isContentsHeading = (text: string): boolean => HEADING.test(text.trim());

/** An entry or heading made comparable: no case, no punctuation, one space between words. */
export function contentsKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Entries are short lines of text. */
const isEntry = (l: Line): boolean => l.item.type === 'text' && l.text.length <= 100;
/** An entry that reads as one: a page number, a number or roman numeral first, a label word, or a line in capitals or Title Case. */
const LOOKS_LISTED = /^(?:[\divxlcdm]+[.:)]?\s|[\divxlcdm]+$|\p{Lu}[\p{Lu}\s\d.,:;'’\-—–]+$|(?:chapter|part|book|volume|act|scene|letter|stave|canto|section)\b)/iu;

/**
 * Finds each contents list in `lines` (the stream with illustration markers
 * taken out), claims its lines, and returns its entries. A list runs on over
 * gaps no wider than two blank lines (or three, from one page-numbered entry
 * to the next or to a subheading over one), and ends at a wider gap, at
 * prose, or where another list begins.
 */
export function contentsClaim(lines: readonly Line[], origin: readonly number[], claim: (i: number, rule: string, kind: 'contents') => void): Contents[] {
  const found: Contents[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i]!;
    if (head.item.type !== 'text' || !HEADING.test(head.text)) continue;
    const entries: ContentsEntry[] = [];
    let j = i + 1;
    let paged = false;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      const limit = paged && resumesPaged(lines, j) ? 3 : 2;
      if (l.gapBefore > limit || !isEntry(l) || HEADING.test(l.text)) break;
      // The list ends where its first entry comes again, as the heading it lists.
      if (entries.length > 1 && contentsKey(l.text) === entries[0]!.key) break;
      // …or where prose starts: a long line running on into the next, with no page number.
      if (l.text.length >= 60 && l.gapAfter === 0 && (lines[j + 1]?.text.length ?? 0) >= 40 && !PAGE.test(l.text) && !PAGE.test(lines[j + 1]!.text)) break;
      const text = l.text.replace(PAGE, '').trim();
      if (text !== l.text) paged = true;
      // A wrapped entry goes on over an indented line with no gap before it.
      const last = entries[entries.length - 1];
      if (last && l.gapBefore === 0 && l.indent > (lines[j - 1]?.indent ?? 0)) {
        last.key = `${last.key} ${contentsKey(text)}`;
        if (last.title !== undefined) last.title = `${last.title} ${contentsKey(text)}`;
      } else if (text) entries.push(entryOf(text));
    }
    // A heading word over prose is not a contents list: most of a list's entries look like one.
    const listed = lines.slice(i + 1, j).filter((l) => PAGE.test(l.text) || LOOKS_LISTED.test(l.text) || isTitleCase(l.text)).length;
    if (entries.length === 0 || listed < (j - i - 1) * 0.6) continue;
    for (let k = i; k < j; k++) claim(origin[k]!, 'contents-list', 'contents');
    found.push({ start: head.no, end: lines[j - 1]!.no, entries, evidence: !/illustration|plates|figures/i.test(head.text) });
    i = j - 1;
  }
  return found;
}

/**
 * Whether page-numbered entries go on at `j`: the line has a page number, or
 * it is a short subheading dividing the list (`IN BLACK AND WHITE`) over one
 * that has.
 */
function resumesPaged(lines: readonly Line[], j: number): boolean {
  const l = lines[j]!;
  if (PAGE.test(l.text)) return true;
  const next = lines[j + 1];
  return l.text.length <= 40 && !!next && next.gapBefore <= 2 && isEntry(next) && PAGE.test(next.text);
}

/** An entry's (or a heading's) label and title, where it has both: `I. A SCANDAL IN BOHEMIA`, `STAVE ONE—MARLEY'S GHOST`. */
export function splitEntry(text: string): { label: string; title: string } | undefined {
  const m = SPLIT.exec(text);
  return m && contentsKey(m[2]!) ? { label: m[1]!.trim().replace(/[.:]$/, ''), title: m[2]!.trim() } : undefined;
}

/** Every word of weight capitalised: `The Old Sea-dog at the Admiral Benbow`. */
function isTitleCase(s: string): boolean {
  const words = s
    .replace(PAGE, '')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w) && !/^(?:a|an|the|and|or|of|in|on|at|to|for|with|by|from|de|la|le|du|des|et|der|die|das|und|von|y|el|los|las|del|e|o|di|il)$/i.test(w));
  return words.length > 0 && words.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w));
}

function entryOf(text: string): ContentsEntry {
  const entry: ContentsEntry = { key: contentsKey(text) };
  const split = splitEntry(text);
  if (split) {
    entry.label = contentsKey(split.label);
    entry.title = contentsKey(split.title);
  }
  return entry;
}

/**
 * The entry of a contents list `text` repeats: all of it, or its label alone
 * when its title is on the `next` line (`I` / `The Old Sea-dog at the Admiral
 * Benbow`), as a heading and not a numbered part inside a chapter does.
 */
export function contentsEntry(contents: readonly Contents[], text: string, next: string | undefined): ContentsEntry | undefined {
  // Only a list with evidence names headings: a book without one (most) spares every line its key.
  if (!contents.some((c) => c.evidence)) return undefined;
  const key = contentsKey(text);
  if (!key) return undefined;
  const nextKey = next === undefined ? '' : contentsKey(next);
  for (const c of contents) {
    if (!c.evidence) continue;
    for (const e of c.entries) if (e.key === key || (e.label === key && (e.title === undefined || e.title === nextKey))) return e;
  }
  // A number alone over an entry's title is that entry's heading, even misprinted (`XXVII` for `XVII`).
  if (/^(?:\d{1,4}|[ivxlcdm]{1,8})$/.test(key) && nextKey) {
    for (const c of contents) for (const e of c.entries) if (c.evidence && e.title === nextKey) return e;
  }
  return undefined;
}
