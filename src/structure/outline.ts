/**
 * A compact, JSON-able outline of a parse: what `quire inspect --json` prints
 * and what the structure fixtures' `expected.json` hold. Paragraph text is
 * shortened to its start and end, enough to see where lines were joined.
 */
import { inlineText, type Block, type Inline, type Metadata } from '../model.js';
import type { ParseResult } from './index.js';

export interface OutlineBlock {
  type: 'p' | 'verse' | 'break' | 'pov' | 'epigraph' | 'note' | 'end' | 'quote' | 'list' | 'image' | 'illustration';
  /** Source lines, `12` or `12-15`. */
  lines: string;
  /** The rule that decided it (paragraphs have none: no rule is what makes them paragraphs). */
  rule?: string;
  label?: string;
  text?: string;
  cite?: string;
  /** Paragraphs in a note, lines in a verse block. */
  count?: number;
}

export interface OutlineSection {
  title: string;
  label?: string;
  lines: string;
  rule: string;
  blocks: OutlineBlock[];
}
export interface OutlineChapter extends OutlineSection {
  /** The chapter file its line numbers count in, for a folder work's chapters. */
  file?: string;
  label?: string;
  part?: true;
  outside?: true;
  sections: OutlineSection[];
}

export interface Outline {
  mode: string;
  meta: Record<string, unknown>;
  /** A printed book's title-page matter, where it has any. */
  imprint?: OutlineBlock[];
  /** Stretches left out of the story (boilerplate, contents lists), by the rule that claimed them. */
  leftOut?: Array<{ lines: string; rule: string }>;
  front: OutlineBlock[];
  chapters: OutlineChapter[];
  back: OutlineBlock[];
  diagnostics: string[];
}

export function shorten(s: string): string {
  return s.length <= 100 ? s : `${s.slice(0, 50)} … ${s.slice(-30)} (${s.length})`;
}

const range = (a: number, b: number) => (a === b ? `${a}` : `${a}-${b}`);

export function outlineOf(result: ParseResult): Outline {
  const rule = (o: object) => result.rules.get(o) ?? '?';
  // A folder work's line numbers count in each chapter file: its chapters name their file.
  const manyFiles = new Set(result.chapters.map((c) => c.span.file)).size > 1;
  const text = (i: readonly Inline[]) => shorten(inlineText(i));

  const block = (b: Block): OutlineBlock => {
    const lines = range(b.span.start, b.span.end);
    switch (b.type) {
      case 'paragraph':
        return { type: 'p', lines, text: text(b.children) };
      case 'verse':
        return { type: 'verse', lines, count: b.lines.length, text: shorten(b.lines.map(inlineText).join(' / ')) };
      case 'sceneBreak':
        return { type: 'break', lines, rule: rule(b) };
      case 'pov':
        return { type: 'pov', lines, rule: rule(b), text: text(b.children) };
      case 'endMark':
        return { type: 'end', lines, rule: rule(b), text: text(b.children) };
      case 'epigraph': {
        const o: OutlineBlock = { type: 'epigraph', lines, rule: rule(b), text: shorten(b.quote.map(inlineText).join(' / ')) };
        if (b.cite) o.cite = inlineText(b.cite);
        return o;
      }
      case 'authorNote': {
        const o: OutlineBlock = {
          type: 'note',
          lines,
          rule: rule(b),
          count: b.children.length,
          text: shorten(b.children.map((c) => (c.type === 'paragraph' ? inlineText(c.children) : '')).join(' / ')),
        };
        if (b.label !== undefined) o.label = b.label;
        return o;
      }
      case 'blockquote':
        return { type: 'quote', lines, count: b.children.length };
      case 'list':
        return { type: 'list', lines, count: b.items.length };
      case 'image':
        return { type: 'image', lines, text: b.src };
      case 'illustration':
        return { type: 'illustration', lines, rule: rule(b), text: shorten(b.caption.map(inlineText).join(' / ')) };
    }
  };

  return {
    mode: result.layout.mode,
    meta: plainMeta(result.meta),
    ...(result.imprint.length ? { imprint: result.imprint.map(block) } : {}),
    ...(result.regions.length ? { leftOut: result.regions.map((r) => ({ lines: range(r.start, r.end), rule: r.rule })) } : {}),
    front: result.front.map(block),
    chapters: result.chapters.map((c) => {
      const o: OutlineChapter = {
        ...(manyFiles && c.span.file ? { file: c.span.file } : {}),
        title: inlineText(c.title),
        lines: range(c.span.start, c.span.end),
        rule: c.title.length === 0 ? 'untitled' : rule(c),
        blocks: c.blocks.map(block),
        sections: c.sections.map((s) => ({
          title: inlineText(s.title),
          ...(s.label !== undefined ? { label: s.label } : {}),
          lines: range(s.span.start, s.span.end),
          rule: rule(s),
          blocks: s.blocks.map(block),
        })),
      };
      if (c.label !== undefined) o.label = c.label;
      if (c.part) o.part = true;
      if (c.outside) o.outside = true;
      return o;
    }),
    back: result.back.map(block),
    diagnostics: result.diagnostics.map((d) => `${d.line ?? '-'} ${d.severity} ${d.code}: ${d.message}`),
  };
}

export function plainMeta(meta: Partial<Metadata>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(meta)) {
    if (k === 'summary') out[k] = (v as Inline[][]).map(inlineText);
    else if (k === 'authors') out[k] = (v as { name: string }[]).map((a) => a.name);
    else out[k] = v;
  }
  return out;
}
