/**
 * The one document tree every reader produces and every renderer consumes.
 *
 * Readers (plain text, Markdown, HTML) know nothing of EPUB; renderers know
 * nothing of where a block came from. Every block carries the source lines it
 * was read from, so diagnostics and `quire inspect` can point at `story.txt:107`.
 */

/** 1-based, inclusive source line range in `file`. */
export interface Span {
  file: string;
  start: number;
  end: number;
}

export type Inline =
  | { type: 'text'; value: string }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  /** Kept as text plus its URL; never an active link to the outside world. */
  | { type: 'link'; url: string; children: Inline[] }
  | { type: 'lineBreak' }
  /** A reference to a note in `Book.notes` (Markdown footnotes). */
  | { type: 'noteRef'; id: string; label: string };

export type Block =
  | { type: 'paragraph'; children: Inline[]; span: Span }
  /** A break between scenes; never first or last in a section. */
  | { type: 'sceneBreak'; span: Span }
  | { type: 'epigraph'; quote: Inline[][]; cite?: Inline[]; span: Span }
  /** A point-of-view line (`*Kankuro*`) at the start of a section. */
  | { type: 'pov'; children: Inline[]; span: Span }
  /** An author's note, wherever it stands; `label` is the note's own label, if any. */
  | { type: 'authorNote'; label?: string; children: Block[]; span: Span }
  /** `THE END`, `Fin`, `To be continued`. */
  | { type: 'endMark'; children: Inline[]; span: Span }
  | { type: 'blockquote'; children: Block[]; span: Span }
  | { type: 'list'; ordered: boolean; items: Block[][]; span: Span }
  /** Lines whose breaks matter (verse, letters, lyrics). */
  | { type: 'verse'; lines: Inline[][]; span: Span }
  | { type: 'image'; src: string; alt: string; span: Span }
  /** An illustration the source edition had and the text only names (`[Illustration: caption]`): its caption, line by line. */
  | { type: 'illustration'; caption: Inline[][]; span: Span };

export type BlockType = Block['type'];

/** A titled section inside a chapter (`Battle 28:`), rendered as a nested `<section>` with `<h3>`. */
export interface Section {
  title: Inline[];
  /** A label shown before the title, e.g. `Part 2` when the title is `The Island`. */
  label?: string;
  blocks: Block[];
  span: Span;
}

/**
 * A division of the story, in reading order: a chapter, or a part (`Part One`,
 * `Book II`, `Volume I`) that holds the chapters after it, up to the next part.
 */
export interface Chapter {
  /** Heading as the reader sees it (`Chapter Twenty Seven`, `Second Chances`). */
  title: Inline[];
  /** A label shown above the title, e.g. `Chapter 12` when the title is `Second Chances`. */
  label?: string;
  /** Blocks before the first titled section (for a part: what stands before its first chapter). */
  blocks: Block[];
  sections: Section[];
  span: Span;
  /** A part: the chapters after it, up to the next part, are inside it. */
  part?: boolean;
  /** Back matter after a part's last chapter (`Footnotes`, an `Epilogue`): the whole book's, outside that part, as is all after it up to the next part. */
  outside?: boolean;
}

export interface Author {
  name: string;
  /** Sort form, e.g. `Le Guin, Ursula K.` */
  fileAs?: string;
}

export interface Series {
  name: string;
  position?: number;
}

export interface Metadata {
  title: string;
  subtitle?: string;
  authors: Author[];
  /** BCP 47 tag, validated; `en` unless the work says otherwise. */
  language: string;
  /** A `urn:uuid:` given by the work; otherwise derived from title and authors. */
  identifier?: string;
  summary?: Inline[][];
  source?: string;
  publisher?: string;
  rights?: string;
  /** ISO 8601 dates (YYYY-MM-DD or full timestamps) as the work states them. */
  published?: string;
  updated?: string;
  series?: Series;
  tags: string[];
  fandoms: string[];
  pairings: string[];
  characters: string[];
  genres: string[];
  rating?: string;
  warnings: string[];
  status?: 'complete' | 'in-progress';
  /** A cover image the work names, resolved to a file path by the reader stage. */
  cover?: string;
}

export interface Note {
  id: string;
  label: string;
  blocks: Block[];
}

export interface Book {
  meta: Metadata;
  /** What a printed book's own title pages hold besides its title and author (an imprint, a half-title, a dedication): shown on the title page. */
  imprint: Block[];
  /** Notes, disclaimers and warnings before the story. */
  front: Block[];
  chapters: Chapter[];
  /** The author's end notes. */
  back: Block[];
  /** Footnotes, rendered as endnotes with back-links. */
  notes: Note[];
}

/** How many chapters the story has, parts not counted. */
export const chapterCount = (book: Pick<Book, 'chapters'>): number => book.chapters.filter((c) => !c.part).length;

/** Blocks of a chapter in reading order, sections flattened. */
export function chapterBlocks(chapter: Chapter): Block[] {
  return [...chapter.blocks, ...chapter.sections.flatMap((s) => s.blocks)];
}

/** Plain text of inlines, for TOC entries, metadata and word counts. */
export function inlineText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'lineBreak':
        out += ' ';
        break;
      case 'noteRef':
        break;
      case 'emphasis':
      case 'strong':
      case 'link':
        out += inlineText(node.children);
        break;
      default:
        return assertNever(node);
    }
  }
  return out;
}

export const text = (value: string): Inline => ({ type: 'text', value });

export function assertNever(value: never): never {
  throw new Error(`unhandled node: ${JSON.stringify(value)}`);
}
