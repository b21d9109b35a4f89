/**
 * The words quire writes into a book (`Contents`, `Author's Notes`, the title
 * page's facts …) in the book's language, set by the same typography as its
 * text: `Author’s Notes` in a book with curly quotes, `Author's Notes` in one
 * built with `--no-typography`.
 */
import { languageFor } from '../lang/tables.js';
import type { FactLabels } from '../lang/types.js';
import { groupThousands } from '../stats.js';
import { smartenText } from '../typography/index.js';

export interface BookLabels {
  contents: string;
  titlePage: string;
  cover: string;
  startOfStory: string;
  /** The EPUB 2 guide's name for the start of the text. */
  start: string;
  authorsNotes: string;
  endNotes: string;
  notes: string;
  facts: FactLabels;
  /** `Chapter 12: Second Chances`, `Chapitre deux : La réponse`, `第一章 除夕`. */
  labelAndTitle(label: string, title: string): string;
  by(authors: readonly string[]): string;
  series(name: string, position: number | undefined): string;
  /** A count with its thousands grouped the language's way: `12,345`, `12 345`. */
  count(n: number): string;
}

export function bookLabels(tag: string, typography = true): BookLabels {
  const t = languageFor(tag).labels;
  const set = (s: string): string => (typography ? smartenText(s, { language: tag }) : s);
  const join = set(t.labelAndTitle);
  const facts = Object.fromEntries(Object.entries(t.facts).map(([k, v]) => [k, set(v)])) as unknown as FactLabels;
  return {
    contents: set(t.contents),
    titlePage: set(t.titlePage),
    cover: set(t.cover),
    startOfStory: set(t.startOfStory),
    start: set(t.start ?? t.startOfStory),
    authorsNotes: set(t.authorsNotes),
    endNotes: set(t.endNotes),
    notes: set(t.notes),
    facts,
    labelAndTitle: (label, title) => join.replace('{label}', label).replace('{title}', title),
    by: (authors) => set(t.by).replace('{author}', authors.join(t.authorJoin)),
    series: (name, position) => (position === undefined ? name : set(t.series).replace('{series}', name).replace('{n}', String(position))),
    count: (n) => groupThousands(n, t.thousands),
  };
}
