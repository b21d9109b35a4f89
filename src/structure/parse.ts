/**
 * Plain-text stories → front matter, chapters and back matter, the way a
 * careful human editor reads them. Every decision is made by a named rule in
 * `rules.ts` and recorded in the trace, so `quire inspect` can explain it.
 *
 * Stages: lines (with blank gaps) → layout (paragraph mode, from the whole
 * file) → classify (one rule per line) → regions (author's notes by position)
 * → assemble (blocks) → place (front/back, stray breaks, `notes` option).
 */
import type { Block, Chapter, Metadata } from '../model.js';
import { Diagnostics, type Diagnostic } from '../diagnostics.js';
import { assemble, type TraceEntry } from './assemble.js';
import { classify } from './classify.js';
import { detectLayout, settleGapBreaks, type Layout } from '../readers/text/layout.js';
import { toLines } from '../readers/text/lines.js';
import { buildMeta } from './text-meta.js';
import { place, type NotesMode } from './place.js';
import { markNotes } from './regions.js';

export type { TraceEntry } from './assemble.js';
export type { Layout, ParagraphMode } from '../readers/text/layout.js';

export interface ParseOptions {
  /** For spans and diagnostics. */
  file: string;
  /** Source line number of the text's first line (default 1), e.g. after a removed front-matter block. */
  firstLine?: number;
  /** User override: a line matching is a chapter heading (the built-in chapter rules are then off). */
  chapterPattern?: RegExp;
  /** User override: a line matching is a scene break. */
  sceneBreakPattern?: RegExp;
  /** Author's notes: separate blocks (default), kept as story paragraphs, or left out. */
  notes?: NotesMode;
}

export interface ParseResult {
  /** What the text says about the work: title, authors, summary, pairings, rating, … */
  meta: Partial<Metadata>;
  /** Disclaimer, leading author's notes, warnings. */
  front: Block[];
  /** At least one; a chapter without a heading has `title: []`. */
  chapters: Chapter[];
  /** End notes. */
  back: Block[];
  /** How every non-blank line (and each blank-line scene break) was read, by which rule. */
  trace: TraceEntry[];
  /** Doubts and repairs, with file and line. */
  diagnostics: Diagnostic[];
  /** The paragraph mode the file was read in (an addition for `quire inspect`). */
  /** How paragraphs are laid out; plain text only (Markdown and HTML mark their own). */
  layout?: Layout;
}

export function parsePlainText(text: string, options: ParseOptions): ParseResult {
  const { file } = options;
  const firstLine = options.firstLine ?? 1;
  const diags = new Diagnostics(file);
  const lines = toLines(text, firstLine);
  const found = detectLayout(lines);
  const cls = classify(lines, found, options);
  markNotes(cls, found);
  const layout = settleGapBreaks(found, cls);
  const assembled = assemble(cls, layout, file);
  for (const line of assembled.glued) {
    diags.warn('glued-epigraph', `an epigraph's quotation was glued to the end of the paragraph before it; split them (check the text at line ${line})`, line);
  }
  if (!layout.gapBreaks && layout.wideGaps > 1) {
    diags.info('irregular-spacing', `${layout.wideGaps} wider gaps between paragraphs are too many to be scene breaks; mark breaks with a line such as "* * *"`);
  }
  const placed = place(assembled, options.notes ?? 'separate', file, firstLine, diags);
  const meta = buildMeta(assembled.meta, diags);
  return { meta, ...placed, trace: assembled.trace, diagnostics: diags.list, layout };
}
