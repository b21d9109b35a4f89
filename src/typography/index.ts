/**
 * Typography on the Book tree's text nodes: quotes, dashes, ellipses. Runs
 * after parsing, never on serialized markup, and returns a new tree.
 *
 * Each paragraph (and each verse or epigraph as a whole) is one run, so a
 * quote opened in one text node closes in the next (`"<em>Hi</em>"`).
 */
import type { Block, Book, Chapter, Inline, Section } from '../model.js';
import { assertNever } from '../model.js';
import { DASH_NEEDS, dashes, lostDashes, type DashStyle } from './dashes.js';
import { ELLIPSIS_NEEDS, ellipses } from './ellipses.js';
import { french, FRENCH_NEEDS } from './french.js';
import { quotes } from './quotes.js';
import { makeRun, splitRun } from './run.js';
import { ENGLISH, gatherEvidence, styleFor, type Style } from './style.js';

export type { DashStyle } from './dashes.js';

export interface TypographyOptions {
  /** `em`: `word—word`. `spaced-en`: `word – word`. Default: the language's (`em` in English). */
  dashStyle?: DashStyle;
  /** The book's language, a BCP 47 tag: its quotation marks and dashes are set (default English). */
  language?: string;
}

const MAY_REWRITE = new RegExp([...ELLIPSIS_NEEDS, ...DASH_NEEDS].map((re) => re.source).join('|'), 'u');

/** Options or a style already worked out (applyTypography works it out once per book). */
type Given = TypographyOptions | Style;
const resolve = (o: Given): Style => ('marks' in o ? o : o.language === undefined && o.dashStyle === undefined ? ENGLISH : styleFor(o.language, o.dashStyle));

/** Smartens a paragraph given as the texts of its adjacent nodes; returns one string per node. */
export function smartenParts(parts: readonly string[], options: Given = {}): string[] {
  const style = resolve(options);
  let run = makeRun(parts);
  // Most paragraphs give the ellipsis and dash rules nothing to do: one scan
  // for all their needs spares each rule its own.
  if (MAY_REWRITE.test(run.text)) {
    run = ellipses(run);
    run = lostDashes(run, style.dash);
    run = dashes(run, style.dash);
  }
  run = quotes(run, style.marks);
  if (style.french && FRENCH_NEEDS.test(run.text)) run = french(run);
  return splitRun(run, parts.length);
}

/** Smartens one paragraph's plain text. */
export function smartenText(s: string, options: Given = {}): string {
  return smartenParts([s], options)[0] ?? '';
}

/** Line breaks take part in a run as a newline so rules see whitespace there. */
const BREAK = '\n';

/** Smartens several inline lists as one run (a verse's lines, an epigraph's paragraphs). */
function smartenGroup(lists: readonly (readonly Inline[])[], options: Style): Inline[][] {
  const parts: string[] = [];
  const collect = (list: readonly Inline[]): void => {
    for (const n of list) {
      if (n.type === 'text') parts.push(n.value);
      else if (n.type === 'lineBreak') parts.push(BREAK);
      else if (n.type === 'emphasis' || n.type === 'strong' || n.type === 'link') collect(n.children);
    }
  };
  lists.forEach((list, i) => {
    if (i > 0) parts.push(BREAK);
    collect(list);
  });
  const done = smartenParts(parts, options);
  let k = 0;
  const build = (list: readonly Inline[]): Inline[] =>
    list.flatMap((n): Inline[] => {
      switch (n.type) {
        case 'text': {
          const value = done[k++] ?? '';
          return value === '' ? [] : [{ type: 'text', value }];
        }
        case 'lineBreak':
          k++;
          return [n];
        case 'noteRef':
          return [n];
        case 'emphasis':
        case 'strong':
          return [{ type: n.type, children: build(n.children) }];
        case 'link':
          return [{ type: 'link', url: n.url, children: build(n.children) }];
        default:
          return assertNever(n);
      }
    });
  return lists.map((list, i) => {
    if (i > 0) k++;
    return build(list);
  });
}

function inlines(list: readonly Inline[], options: Style): Inline[] {
  // Most paragraphs are one text node: the same result without the walk.
  const only = list.length === 1 ? list[0] : undefined;
  if (only?.type === 'text') {
    const value = smartenText(only.value, options);
    return value === '' ? [] : [{ type: 'text', value }];
  }
  return smartenGroup([list], options)[0] ?? [];
}

function block(b: Block, o: Style): Block {
  switch (b.type) {
    case 'paragraph':
    case 'pov':
    case 'endMark':
      return { ...b, children: inlines(b.children, o) };
    case 'sceneBreak':
      return { ...b };
    case 'epigraph': {
      const out: Block = { ...b, quote: smartenGroup(b.quote, o) };
      if (b.cite) out.cite = inlines(b.cite, o);
      return out;
    }
    case 'authorNote':
    case 'blockquote':
      return { ...b, children: b.children.map((c) => block(c, o)) };
    case 'list':
      return { ...b, items: b.items.map((item) => item.map((c) => block(c, o))) };
    case 'verse':
      return { ...b, lines: smartenGroup(b.lines, o) };
    case 'illustration':
      return { ...b, caption: smartenGroup(b.caption, o) };
    case 'image':
      return { ...b, alt: smartenText(b.alt, o) };
    default:
      return assertNever(b);
  }
}

function section(s: Section, o: Style): Section {
  return { ...s, title: inlines(s.title, o), blocks: s.blocks.map((b) => block(b, o)) };
}

function chapter(c: Chapter, o: Style): Chapter {
  return {
    ...c,
    title: inlines(c.title, o),
    blocks: c.blocks.map((b) => block(b, o)),
    sections: c.sections.map((s) => section(s, o)),
  };
}

/**
 * A new Book with curly quotes, proper dashes and ellipses in every text
 * node, in the marks of its language and of the convention its text uses.
 */
export function applyTypography(book: Book, given: TypographyOptions = {}): Book {
  const options = styleFor(given.language, given.dashStyle, gatherEvidence(book));
  const meta = { ...book.meta, title: smartenText(book.meta.title, options) };
  if (book.meta.subtitle !== undefined) meta.subtitle = smartenText(book.meta.subtitle, options);
  if (book.meta.summary) meta.summary = book.meta.summary.map((p) => inlines(p, options));
  return {
    meta,
    imprint: book.imprint.map((b) => block(b, options)),
    front: book.front.map((b) => block(b, options)),
    chapters: book.chapters.map((c) => chapter(c, options)),
    back: book.back.map((b) => block(b, options)),
    notes: book.notes.map((n) => ({ ...n, blocks: n.blocks.map((b) => block(b, options)) })),
  };
}
