/**
 * The shape of one language's table (`en.ts`, `fr.ts` …). A table is data:
 * the words a story in that language uses for its structure, the marks its
 * typography sets, and the words quire writes into a book in it. The
 * matchers in `index.ts` compile every table the same way, so nothing
 * outside a table knows any language's words.
 */

/** Metadata a front-matter label can name. */
export type MetaKey =
  | 'title'
  | 'author'
  | 'summary'
  | 'rating'
  | 'warnings'
  | 'pairings'
  | 'characters'
  | 'genres'
  | 'fandoms'
  | 'tags'
  | 'status'
  | 'words'
  | 'series'
  | 'language'
  | 'published'
  | 'updated'
  | 'disclaimer'
  | 'translator';

/**
 * Number words from 1 to 100, as lists rather than a grammar. Each entry
 * lists its forms `|`-separated (`un|une`, `dreißig|dreissig`).
 */
export interface NumberWords {
  /** 1 … 9. */
  units: readonly string[];
  /** 10 … 19. */
  teens: readonly string[];
  /** 20, 30 … 90. */
  tens: readonly string[];
  hundred: string;
  /**
   * The forms of `t`·10 + `u` (21 … 99) from one form of the ten and one of
   * the unit: `twenty-one`, `veintiuno`, `einundzwanzig`. Default: `ten unit`.
   */
  join?: (ten: string, unit: string, t: number, u: number) => string | readonly string[];
}

export interface Numbers {
  cardinal?: NumberWords;
  ordinal?: NumberWords;
  /** Every form of one ordinal (gender, case): `erste` → `erste`, `erster`, `erstes` … */
  inflect?: (word: string) => readonly string[];
  /** Words outside the lists (`a hundred`), with their value. */
  extra?: Readonly<Record<string, number>>;
  /** Chinese numerals (`一二三`, `十`, `百`, `〇`) count in this language. */
  cjk?: boolean;
}

/**
 * Heading forms. `{n}` is a number in any form the language writes (digits,
 * capital roman numerals, its number words, CJK numerals); `{o}` an ordinal
 * word only (`Erstes Kapitel`, never `Zwei Kapitel`); `{d}` digits or roman
 * numerals only (`1. Kapitel`). Letters match in any case and with or
 * without their accents; a space matches any run of spaces.
 */
export interface Headings {
  chapter: readonly string[];
  /** Parts, books, volumes and acts: what holds chapters. */
  part: readonly string[];
  /** Chapter-level headings that stand without a number: prologue, epilogue … */
  special: readonly string[];
  /** The word of `Chapter 2 of 5`, which keeps the count in the heading. */
  of?: readonly string[];
}

/** How the language sets quotations and dashes. */
export interface Quotes {
  /** What a straight `"…"` becomes, or `null`: leave straight quotes straight. */
  primary: readonly [string, string] | null;
  /** What a straight `'…'` used as a quotation becomes, or `null`. */
  secondary: readonly [string, string] | null;
  /** Space set inside the marks (French: U+202F NARROW NO-BREAK SPACE). */
  inner?: string;
  /** Dialogue is usually set with dashes (`—Hola —dijo.`), not quotation marks. */
  dialogueDash: boolean;
  /**
   * Typed dashes between words: `em` closes them up (`word—word`, English),
   * `spaced-em` and `spaced-en` keep the spaces (`слово — слово`,
   * `Wort – Wort`), `cjk` writes `——`.
   */
  dash: 'em' | 'spaced-em' | 'spaced-en' | 'cjk';
  /** Marks that differ by region (`pt-BR`, `zh-TW`, `de-CH`), keyed by region or script subtag. */
  regions?: Readonly<Record<string, Omit<Quotes, 'regions'>>>;
}

/** Facts the title page names. */
export interface FactLabels {
  fandom: string;
  rating: string;
  warnings: string;
  pairings: string;
  characters: string;
  genre: string;
  tags: string;
  status: string;
  complete: string;
  inProgress: string;
  published: string;
  updated: string;
  chapters: string;
  words: string;
  source: string;
}

/**
 * Text quire writes into a book. Written as a person types it (straight
 * apostrophes): the book's typography sets it like the story.
 */
export interface Labels {
  /** An untitled chapter: `Chapter {n}`. */
  chapter: string;
  /** A chapter's label and title as the table of contents joins them: `{label}: {title}`. */
  labelAndTitle: string;
  contents: string;
  titlePage: string;
  cover: string;
  startOfStory: string;
  /** The EPUB 2 guide's shorter name for it, when the language has one (`Start`). */
  start?: string;
  authorsNotes: string;
  endNotes: string;
  /** The footnotes page. */
  notes: string;
  /** The title page's author line: `by {author}`. */
  by: string;
  /** `{series}, book {n}`. */
  series: string;
  /** Between the authors of one work. */
  authorJoin: string;
  /** Groups a word count's thousands: `,` in `12,345`. */
  thousands: string;
  facts: FactLabels;
}

export interface LanguageTable {
  /** BCP 47 primary language subtag. */
  code: string;
  /** How people name it: in English, in itself, and other common names. */
  names: readonly string[];
  headings: Headings;
  numbers: Numbers;
  /** Front-matter labels (`Título`, `Autora`); a trailing `:` or `：` follows them in a story. */
  fields: Readonly<Partial<Record<MetaKey, readonly string[]>>>;
  /** Bylines: `by {name}`, `{name} 著`. */
  by: readonly string[];
  /** The word between two authors' names: `and`, `y`, `und`. */
  and: readonly string[];
  /**
   * Author's-note labels. `{name}` stands for a capitalised name
   * (`{name}'s Notes`), `{words}` for a few words (`Author's Notes and
   * {words}`). A label of three capitals or fewer (`AN`) matches only in
   * capitals and only before a separator.
   */
  notes: readonly string[];
  /** End marks. `{word}` stands for one more word; three capitals or fewer (`END`) match only in capitals. */
  endMarks: readonly string[];
  quotes: Quotes;
  labels: Labels;
  /** The language's letters have case: a heading's title starts with a capital. */
  cased: boolean;
}
