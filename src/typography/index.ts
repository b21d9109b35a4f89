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
import { quotes } from './quotes.js';
import { makeRun, splitRun } from './run.js';

export type { DashStyle } from './dashes.js';

export interface TypographyOptions {
  /** `em` (default): `word—word`. `spaced-en`: `word – word`. */
  dashStyle?: DashStyle;
}

const MAY_REWRITE = new RegExp([...ELLIPSIS_NEEDS, ...DASH_NEEDS].map((re) => re.source).join('|'), 'u');

/** Smartens a paragraph given as the texts of its adjacent nodes; returns one string per node. */
export function smartenParts(parts: readonly string[], options: TypographyOptions = {}): string[] {
  const style = options.dashStyle ?? 'em';
  let run = makeRun(parts);
  // Most paragraphs give the ellipsis and dash rules nothing to do: one scan
  // for all their needs spares each rule its own.
  if (MAY_REWRITE.test(run.text)) {
    run = ellipses(run);
    run = lostDashes(run, style);
    run = dashes(run, style);
  }
  run = quotes(run);
  return splitRun(run, parts.length);
}

/** Smartens one paragraph's plain text. */
export function smartenText(s: string, options: TypographyOptions = {}): string {
  return smartenParts([s], options)[0] ?? '';
}

/** Line breaks take part in a run as a newline so rules see whitespace there. */
const BREAK = '\n';

/** Smartens several inline lists as one run (a verse's lines, an epigraph's paragraphs). */
function smartenGroup(lists: readonly (readonly Inline[])[], options: TypographyOptions): Inline[][] {
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

function inlines(list: readonly Inline[], options: TypographyOptions): Inline[] {
  // Most paragraphs are one text node: the same result without the walk.
  const only = list.length === 1 ? list[0] : undefined;
  if (only?.type === 'text') {
    const value = smartenText(only.value, options);
    return value === '' ? [] : [{ type: 'text', value }];
  }
  return smartenGroup([list], options)[0] ?? [];
}

function block(b: Block, o: TypographyOptions): Block {
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

function section(s: Section, o: TypographyOptions): Section {
  return { ...s, title: inlines(s.title, o), blocks: s.blocks.map((b) => block(b, o)) };
}

function chapter(c: Chapter, o: TypographyOptions): Chapter {
  return {
    ...c,
    title: inlines(c.title, o),
    blocks: c.blocks.map((b) => block(b, o)),
    sections: c.sections.map((s) => section(s, o)),
  };
}

/** A new Book with curly quotes, proper dashes and ellipses in every text node. */
export function applyTypography(book: Book, options: TypographyOptions = {}): Book {
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
