/**
 * The one chaptering step: the headings and blocks of a story, whatever its
 * format, → parts, chapters and the sections inside them.
 *
 * A heading's words decide its level where they name one (`Part One`,
 * `Chapter 3`, `Prologue`); a markup heading whose words name nothing takes
 * its level from its depth: a lone top `#` names the work, the shallowest
 * depth left starts chapters, the next one sections, anything deeper is only
 * bold words. A part holds the chapters after it, up to the next part; a part
 * no chapter follows is a chapter itself. A named division (`EPILOGUE`) over
 * numbers that start again (`I`, `II`) is a part too, and back matter after
 * a part's last chapter (`FOOTNOTES`) stands outside that part. Where a
 * site's page structure names the chapters (AO3), every other heading inside
 * one opens a section.
 */
import type { Block, Chapter, Section, Span } from '../model.js';
import { inlineText } from '../model.js';
import { blockWords } from '../stats.js';
import type { HeadingPiece, Piece, TraceEntry } from './assemble.js';

/** What each decision this step makes means, for `quire inspect`. */
export const CHAPTER_RULES: ReadonlyMap<string, string> = new Map([
  ['top-heading-title', "a lone heading at the top of a marked-up story, shallower than every other: the work's title"],
  ['heading-below-sections', 'a markup heading deeper than sections: kept as bold words'],
  ['repeated-chapter-title', "a heading at the top of a site's chapter that repeats the chapter's name: left out as a repeat"],
  ['named-part', 'a division its words name (`Epilogue`) with bare numbers after it that count from one again (`I`, `II`): a part holding them'],
  ['outside-part', "a heading its words name (`Footnotes`, `Epilogue`) after a part's last chapter, with no chapter after it before the next part: the whole book's, not that part's"],
  ['untitled', 'story text before the first heading, or a story without headings: a chapter with no title of its own'],
  ['chapter-file-title', "a folder work's chapter file names its one chapter: the title in its front matter, or its lone top heading"],
  ['chapter-file-note', "a chapter file's front-matter notes (summary, notes, end notes): author's notes that open or close its chapter"],
]);

export interface ChapterOptions {
  /** The markup depth that starts a chapter (front matter `chapter-level`). */
  chapterLevel?: number;
  /** Whether a lone top heading may name the work (not for a chapter file of a folder work). */
  titleFromHeading?: boolean;
  /** The last source line of the story, where the last chapter ends. */
  lastLine: number;
}

export interface Chaptered {
  /** The work's title, from a lone top heading. */
  title?: string;
  /** Blocks before the first heading. */
  preamble: Block[];
  chapters: Chapter[];
  /** Decisions this step made beyond the rules that read each line. */
  decisions: TraceEntry[];
}

type Level = 'part' | 'chapter' | 'section' | 'text';

export function buildChapters(pieces: readonly Piece[], options: ChapterOptions, rules: Map<object, string>): Chaptered {
  const out: Chaptered = { preamble: [], chapters: [], decisions: [] };
  const decide = (h: HeadingPiece, rule: string, kind: string) => out.decisions.push({ file: h.span.file, line: h.span.start, rule, kind, text: inlineText(h.title) });
  let rest = pieces;
  const first = pieces[0];
  if (options.titleFromHeading !== false && first?.type === 'heading' && first.kind === undefined && first.depth !== undefined) {
    const depth = first.depth;
    const same = pieces.filter((p) => p.type === 'heading' && p.depth === depth).length;
    const level = options.chapterLevel;
    if (same === 1 && (level === undefined ? depth === 1 : depth < level)) {
      const title = inlineText(first.title).trim();
      if (title) out.title = title;
      decide(first, 'top-heading-title', 'title');
      rest = pieces.slice(1);
    }
  }
  const named = namedParts(rest.filter((p): p is HeadingPiece => p.type === 'heading'));
  const levels = headingLevels(rest, options.chapterLevel, named);
  for (const h of named) if (levels.get(h) === 'part') decide(h, 'named-part', 'part');

  let chapter: Chapter | undefined;
  let section: Section | undefined;
  let blocksSeen = false;
  let fixed = false;
  const target = (): Block[] => section?.blocks ?? chapter?.blocks ?? out.preamble;
  const open = (h: HeadingPiece, part: boolean): void => {
    close(h.span.start - 1);
    chapter = { title: h.title, blocks: [], sections: [], span: { ...h.span } };
    if (h.label !== undefined) chapter.label = h.label;
    if (part) chapter.part = true;
    fixed = h.fixed === true;
    rules.set(chapter, h.rule);
    out.chapters.push(chapter);
    section = undefined;
    blocksSeen = false;
  };
  const close = (end: number): void => {
    if (section) section.span.end = end;
    if (chapter) chapter.span.end = end;
  };
  for (const piece of rest) {
    if (piece.type === 'block') {
      target().push(piece.block);
      rules.set(piece.block, piece.rule);
      blocksSeen = true;
      continue;
    }
    const level = levels.get(piece)!;
    if (level === 'part' || level === 'chapter') {
      open(piece, level === 'part');
      continue;
    }
    if (level === 'text') {
      decide(piece, 'heading-below-sections', 'paragraph');
      target().push({ type: 'paragraph', children: [{ type: 'strong', children: piece.title }], span: piece.span });
      blocksSeen = true;
      continue;
    }
    // A site's chapter text often opens by repeating the chapter's name.
    if (chapter && fixed && !blocksSeen && repeats(piece, chapter)) {
      decide(piece, 'repeated-chapter-title', 'ignored');
      continue;
    }
    if (!chapter) {
      // Sections before any chapter heading still need a chapter to sit in.
      const start = out.preamble[0]?.span.start ?? piece.span.start;
      chapter = { title: [], blocks: out.preamble.splice(0), sections: [], span: { ...piece.span, start } };
      out.chapters.push(chapter);
    }
    if (section) section.span.end = piece.span.start - 1;
    section = { title: piece.title, blocks: [], span: { ...piece.span } };
    if (piece.label !== undefined) section.label = piece.label;
    rules.set(section, piece.rule);
    chapter.sections.push(section);
    blocksSeen = false;
  }
  close(Math.max(options.lastLine, chapter?.span.start ?? 0));
  for (const c of backMatter(out.chapters, rules)) {
    c.outside = true;
    out.decisions.push({ file: c.span.file, line: c.span.start, rule: 'outside-part', kind: 'chapter', text: inlineText(c.title) });
  }
  return out;
}

/** The level of every heading: from its words, else its depth, `named` as parts (see namedParts); a part with no chapter after it is a chapter. */
function headingLevels(pieces: readonly Piece[], chapterLevel: number | undefined, named: readonly HeadingPiece[]): Map<HeadingPiece, Level> {
  const headings = pieces.filter((p): p is HeadingPiece => p.type === 'heading');
  const levels = new Map<HeadingPiece, Level>();
  if (headings.some((h) => h.fixed)) {
    for (const h of headings) levels.set(h, h.fixed ? 'chapter' : 'section');
    return levels;
  }
  // The depth chapters start at: where the words put chapters, else the shallowest heading whose words name nothing.
  const worded = headings.filter((h) => h.kind === 'chapter' && h.depth !== undefined).map((h) => h.depth!);
  const plain = headings.filter((h) => h.kind === undefined).map((h) => h.depth!);
  const level = chapterLevel ?? (worded.length ? Math.min(...worded) : plain.length ? Math.min(...plain) : 1);
  for (const h of headings) {
    if (h.kind) levels.set(h, h.kind);
    else if (h.depth! < level) levels.set(h, 'part');
    else levels.set(h, h.depth! === level ? 'chapter' : h.depth! === level + 1 ? 'section' : 'text');
  }
  for (const h of named) levels.set(h, 'part');
  // A part holds the chapters after it (an act's prologue may stand before its
  // first scene). One that holds none, a serial's installment (`Part 2 of 3`),
  // or one with a long story of its own before any chapter is a chapter itself.
  const divisions = pieces.filter((p) => p.type === 'block' || levels.get(p) === 'part' || levels.get(p) === 'chapter');
  divisions.forEach((p, i) => {
    if (p.type !== 'heading' || levels.get(p) !== 'part') return;
    const next = divisions.slice(i + 1).findIndex((x) => x.type === 'heading');
    const until = next < 0 ? divisions.length : i + 1 + next;
    const head = divisions[until];
    const words = divisions.slice(i + 1, until).reduce((n, x) => n + (x.type === 'block' && STORY.has(x.block.type) ? blockWords(x.block) : 0), 0);
    if (!head || head.type !== 'heading' || levels.get(head) !== 'chapter' || p.installment || words > LONG_PART_OPENING) levels.set(p, 'chapter');
  });
  return levels;
}

/**
 * A division its words name (`EPILOGUE`) over bare numbers that count from
 * one again (`I`, `II`) holds them, as a part does; never the first heading,
 * whose numbers are the book's own chapters.
 */
function namedParts(headings: readonly HeadingPiece[]): HeadingPiece[] {
  return headings.filter((h, k) => {
    const next = headings[k + 1];
    return k > 0 && h.rule === 'special-chapter' && next?.rule === 'number-line' && /^(?:1|I)$/i.test(inlineText(next.title).trim());
  });
}

/**
 * Back matter after a part's last chapter: a heading its words name
 * (`Footnotes`, `Epilogue`) that only such headings follow up to the next
 * part or the end belongs to the whole book. The first of them stands
 * outside the part (and takes the rest with it); one with a chapter after it
 * (an `Interlude` between chapters) stays in its part.
 */
function backMatter(chapters: readonly Chapter[], rules: ReadonlyMap<object, string>): Chapter[] {
  const out: Chapter[] = [];
  let open = false;
  chapters.forEach((c, k) => {
    if (c.part) open = true;
    else if (open && rules.get(c) === 'special-chapter') {
      const next = chapters.slice(k + 1);
      const end = next.findIndex((x) => x.part);
      if (next.slice(0, end < 0 ? next.length : end).every((x) => rules.get(x) === 'special-chapter')) {
        out.push(c);
        open = false;
      }
    }
  });
  return out;
}

/** Words a part may open with before its first chapter (an act's prologue); more, and it reads as a chapter itself. */
const LONG_PART_OPENING = 400;

/** Blocks that are story text, as opposed to an epigraph, a note or a break. */
const STORY: ReadonlySet<Block['type']> = new Set(['paragraph', 'verse', 'blockquote', 'list', 'image']);

const squash = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A heading whose words are the chapter's own title or label again. */
function repeats(h: HeadingPiece, chapter: Chapter): boolean {
  const words = squash(inlineText(h.title));
  const names = [inlineText(chapter.title), chapter.label ?? '', `${chapter.label ?? ''} ${inlineText(chapter.title)}`].map(squash).filter(Boolean);
  return words !== '' && names.some((n) => n === words || n.endsWith(` ${words}`) || words.endsWith(` ${n}`));
}

/** The span from the first to the last of `spans`. */
export function spanOf(spans: readonly Span[], file: string): Span {
  return { file: spans[0]?.file ?? file, start: spans[0]?.start ?? 1, end: spans.at(-1)?.end ?? 1 };
}
