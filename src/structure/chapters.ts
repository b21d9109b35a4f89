import type { Block, Chapter, Inline, Metadata, Note, Section, Span } from '../model.js';
import { inlineText } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ParseResult, TraceEntry } from './parse.js';
import type { DetectionOverrides } from '../metadata/metadata.js';

/** What every format reader returns: the plain-text result plus the footnotes it found. */
export interface FormatResult extends ParseResult {
  notes: Note[];
}

/** What the format registry hands every reader. */
export interface ReaderInput {
  text: string;
  file: string;
  /** Source line of the text's first line (after a removed YAML block). */
  firstLine: number;
  detection: DetectionOverrides;
  /** Prefix for note ids, unique per file of a folder work. */
  idPrefix: string;
  /** Whether a lone top heading may be the work's title. */
  titleFromHeading: boolean;
}

/**
 * A document read as a flat run of headings and blocks, before it is cut into
 * chapters. `depth: 'chapter'` is a heading found in a paragraph's text
 * (`<p>Chapter 3</p>`): a chapter whatever level the document's headings use.
 */
export type Item =
  | { kind: 'heading'; depth: number | 'chapter'; title: Inline[]; span: Span }
  | { kind: 'block'; block: Block };

export interface Outline {
  title?: string;
  /** Story text before the first chapter heading. */
  front: Block[];
  chapters: Chapter[];
}

export interface OutlineOptions {
  /** The heading level that starts a chapter (front matter `chapter-level`). */
  chapterLevel?: number;
  /** Whether a lone top heading may be the work's title (not for a chapter file of a folder work). */
  titleFromHeading?: boolean;
}

/**
 * Cuts items into chapters. A heading of depth 1 that opens the document and
 * is the only one of its depth is the work's title; the shallowest remaining
 * depth starts chapters and the next one sections. Deeper headings stay as bold
 * paragraphs, so no text is lost.
 */
export function buildOutline(items: readonly Item[], options: OutlineOptions = {}): Outline {
  const headings = items.filter((i): i is Extract<Item, { kind: 'heading' }> => i.kind === 'heading');
  const first = items[0];
  let title: string | undefined;
  let rest = items;
  if (options.titleFromHeading !== false && first?.kind === 'heading' && typeof first.depth === 'number') {
    const sameDepth = headings.filter((h) => h.depth === first.depth).length;
    const level = options.chapterLevel;
    if (sameDepth === 1 && (level === undefined ? first.depth === 1 : first.depth < level)) {
      title = inlineText(first.title).trim() || undefined;
      rest = items.slice(1);
    }
  }
  const depths = rest.flatMap((i) => (i.kind === 'heading' && typeof i.depth === 'number' ? [i.depth] : []));
  const chapterLevel = options.chapterLevel ?? (depths.length ? Math.min(...depths) : 1);
  const front: Block[] = [];
  const chapters: Chapter[] = [];
  let chapter: Chapter | undefined;
  let section: Section | undefined;
  const target = (): Block[] => section?.blocks ?? chapter?.blocks ?? front;
  for (const item of rest) {
    if (item.kind === 'block') {
      target().push(item.block);
      continue;
    }
    if (item.depth === 'chapter' || item.depth <= chapterLevel) {
      chapter = { title: item.title, blocks: [], sections: [], span: { ...item.span } };
      chapters.push(chapter);
      section = undefined;
    } else if (item.depth === chapterLevel + 1) {
      if (!chapter) {
        chapter = { title: [], blocks: [], sections: [], span: { ...item.span } };
        chapters.push(chapter);
      }
      section = { title: item.title, blocks: [], span: { ...item.span } };
      chapter.sections.push(section);
    } else {
      target().push({ type: 'paragraph', children: [{ type: 'strong', children: item.title }], span: item.span });
    }
  }
  if (!chapters.length) {
    chapters.push({ title: [], blocks: front.splice(0), sections: [], span: spanOf(items) });
  }
  for (const c of chapters) tidyChapter(c);
  return { ...(title ? { title } : {}), front: tidyBreaks(front), chapters };
}

/** A chapter whose headings all open sections: for site chapters whose title is known already. */
export function chapterOf(title: Inline[], items: readonly Item[], span: Span, label?: string): Chapter {
  const chapter: Chapter = { title, ...(label ? { label } : {}), blocks: [], sections: [], span };
  let section: Section | undefined;
  for (const item of items) {
    if (item.kind === 'block') (section?.blocks ?? chapter.blocks).push(item.block);
    else chapter.sections.push((section = { title: item.title, blocks: [], span: item.span }));
  }
  tidyChapter(chapter);
  return chapter;
}

/** Items without headings, as blocks: headings inside quotes and notes become bold paragraphs. */
export function itemBlocks(items: readonly Item[]): Block[] {
  return tidyBreaks(items.map((i) => (i.kind === 'block' ? i.block : { type: 'paragraph', children: [{ type: 'strong', children: i.title }], span: i.span })));
}

function tidyChapter(c: Chapter): void {
  c.blocks = tidyBreaks(c.blocks);
  for (const s of c.sections) s.blocks = tidyBreaks(s.blocks);
  const last = c.sections.at(-1)?.blocks.at(-1) ?? c.blocks.at(-1);
  if (last) c.span.end = Math.max(c.span.end, last.span.end);
}

/** A scene break is never first, last or doubled (EPUB_MARKUP.md). */
export function tidyBreaks(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type === 'sceneBreak' && (out.length === 0 || out.at(-1)?.type === 'sceneBreak')) continue;
    out.push(b);
  }
  while (out.at(-1)?.type === 'sceneBreak') out.pop();
  return out;
}

function spanOf(items: readonly Item[]): Span {
  const spans = items.map((i) => (i.kind === 'block' ? i.block.span : i.span));
  const file = spans[0]?.file ?? '';
  return { file, start: spans[0]?.start ?? 1, end: spans.at(-1)?.end ?? 1 };
}

/** An empty result a reader fills in. */
export function emptyResult(meta: Partial<Metadata> = {}, diagnostics: Diagnostic[] = []): FormatResult {
  return { meta, front: [], chapters: [], back: [], notes: [], trace: [], diagnostics };
}

/** How each item was read, for `quire inspect`: one entry per heading or top-level block. */
export function traceOf(items: readonly Item[], format: string): TraceEntry[] {
  return items.map((i) => {
    if (i.kind === 'heading') return { line: i.span.start, rule: `${format}-heading`, kind: 'heading', text: inlineText(i.title) };
    const b = i.block;
    const words = b.type === 'paragraph' || b.type === 'pov' || b.type === 'endMark' ? inlineText(b.children) : '';
    return { line: b.span.start, rule: `${format}-${b.type}`, kind: b.type, text: words };
  });
}
