/**
 * The structure step: one reader's flat stream of items → the front matter,
 * parts, chapters, sections and back matter of a book, the metadata its lines
 * state, and how every line was read. The same for plain text, Markdown and
 * HTML: every decision is a named rule, in `rules.ts` (one line at a time),
 * `regions.ts` (stretches of lines), `chapters.ts` (levels of headings) and
 * `place.ts` (front and back matter, stray breaks), and `quire inspect` shows
 * which rule made it.
 *
 * Stages: items → units (`lines.ts`) → classify (the rule table) → regions
 * → assemble (paragraphs, headings) → chapters → place.
 */
import type { Block, Chapter, Metadata, Note } from '../model.js';
import { Diagnostics, type Diagnostic } from '../diagnostics.js';
import type { DetectionOverrides } from '../metadata/metadata.js';
import { readStory, type ReaderInput } from '../readers/index.js';
import type { Layout, ReadStory } from '../readers/items.js';
import { readPlainText } from '../readers/text/index.js';
import { assemble, type TraceEntry } from './assemble.js';
import { buildChapters } from './chapters.js';
import { claimedRegions, claimLines, reportClaims, withClaims, type Region } from './claims.js';
import { classify } from './classify.js';
import { isContentsHeading } from './contents.js';
import { isHeadingWords } from './rules.js';
import { toUnits } from './lines.js';
import { place } from './place.js';
import { markRegions } from './regions.js';
import { buildMeta } from './text-meta.js';

export type { TraceEntry } from './assemble.js';

export interface StructureOptions extends DetectionOverrides {
  /** The title front matter, a sidecar or a flag gives, if any. */
  givenTitle?: string;
  /** The languages to read headings and labels in (the book's and English); every table's when unknown. */
  languages?: readonly string[];
  /** Whether a lone top heading may name the work (not for a chapter file of a folder work). */
  titleFromHeading?: boolean;
  /** Source line of the text's first line, where an empty story's chapter starts. */
  firstLine?: number;
}

export interface ParseResult {
  /** What the story says about the work: title, authors, summary, pairings, rating, … */
  meta: Partial<Metadata>;
  /** A printed book's own title-page matter. */
  imprint: Block[];
  /** Disclaimer, leading author's notes, warnings. */
  front: Block[];
  /** At least one; a chapter without a heading has `title: []`. */
  chapters: Chapter[];
  /** End notes. */
  back: Block[];
  /** Footnotes. */
  notes: Note[];
  /** How every item (and each blank-line scene break) was read, by which rule, and what later steps decided. */
  trace: TraceEntry[];
  /** The rule that decided each chapter, section and block. */
  rules: Map<object, string>;
  /** What claim rules left out of the story (boilerplate, contents lists, scanner labels). */
  regions: Region[];
  /** Doubts and repairs, with file and line. */
  diagnostics: Diagnostic[];
  /** How paragraphs are laid out (`markup` where the markup marks them). */
  layout: Layout;
}

export function structure(read: ReadStory, file: string, options: StructureOptions = {}): ParseResult {
  const diags = new Diagnostics(file);
  diags.list.push(...read.diagnostics);
  const units = toUnits(read.items);
  const claimed = claimLines(units, (text) => isHeadingWords(text) || isContentsHeading(text));
  const cls = classify(claimed.lines, read.layout, { ...options, contents: claimed.contents });
  const layout = markRegions(cls, read.layout, options.givenTitle === undefined ? {} : { title: options.givenTitle });
  const assembled = assemble(withClaims(units, cls, claimed.claims), layout, file, options.notes === 'keep');
  assembled.meta.push(...claimed.meta);
  reportClaims(units, claimed, diags);
  for (const d of assembled.doubts) diags.warn('header-guess', d.message, d.line);
  for (const line of assembled.glued) {
    diags.warn('glued-epigraph', `an epigraph's quotation was glued to the end of the paragraph before it; split them (check the text at line ${line})`, line);
  }
  if (!layout.gapBreaks && layout.wideGaps > 1 && (layout.mode === 'line' || layout.mode === 'blank')) {
    diags.info('irregular-spacing', `${layout.wideGaps} wider gaps between paragraphs are too many to be scene breaks; mark breaks with a line such as "* * *"`);
  }
  const rules = new Map<object, string>();
  const last = read.items[read.items.length - 1];
  const lastLine = !last ? 0 : last.type === 'block' ? last.block.span.end : last.span.end + (last.type === 'text' ? last.gapAfter : 0);
  const chapterOptions = { lastLine, ...(options.titleFromHeading === false ? { titleFromHeading: false } : {}), ...(options.chapterLevel ? { chapterLevel: options.chapterLevel } : {}) };
  const chaptered = buildChapters(assembled.pieces, chapterOptions, rules);
  const placed = place(chaptered, options.notes ?? 'separate', file, options.firstLine ?? 1, diags);
  const meta = { ...read.meta, ...(chaptered.title ? { title: chaptered.title } : {}), ...buildMeta(assembled.meta, diags) };
  // In reading order: what a later step decided about a line follows how the line was read.
  const trace = [...assembled.trace, ...chaptered.decisions, ...placed.decisions]
    .map((t, i) => [t, i] as const)
    .sort(([a, i], [b, j]) => a.line - b.line || i - j)
    .map(([t]) => t);
  const imprint = [...assembled.imprint, ...placed.captions].sort((a, b) => a.span.start - b.span.start);
  const regions = claimedRegions(units, claimed.claims);
  return { meta, imprint, front: placed.front, chapters: placed.chapters, back: placed.back, notes: read.notes, trace, rules, regions, diagnostics: diags.list, layout };
}

/** Plain text → its structure: the plain-text reader and the structure step in one call. */
export function parsePlainText(text: string, options: StructureOptions & { file: string }): ParseResult {
  const firstLine = options.firstLine ?? 1;
  return structure(readPlainText({ text, file: options.file, firstLine }), options.file, { ...options, firstLine });
}

/** A story file's text → its structure: the reader its extension names, then the structure step. */
export async function parseStory(input: ReaderInput, options: StructureOptions = {}): Promise<ParseResult> {
  return structure(await readStory(input), input.file, { ...options, firstLine: input.firstLine });
}
