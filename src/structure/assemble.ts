/**
 * Classified lines → pieces: the headings and blocks of the story in reading
 * order, each with the rule that decided it, plus the metadata lines and a
 * trace of how every line was read. Lines become paragraphs here (hard-wrapped
 * ones are joined); how the pieces make chapters is `chapters.ts`'s to decide.
 */
import type { Block, Inline, Span } from '../model.js';
import { inlineText } from '../model.js';
import type { Layout } from '../readers/items.js';
import { lineInlines, toInlines } from './inline.js';
import type { Line } from './lines.js';
import type { MetaEntry } from './text-meta.js';
import { joinLines, paragraphsOf, type Para } from './paragraphs.js';
import type { Classified } from './rules.js';

/** How one line was read, for `quire inspect --lines`. */
export interface TraceEntry {
  file: string;
  line: number;
  rule: string;
  kind: string;
  text: string;
}

/** A heading: `kind` from its words, or, for a markup heading whose words name nothing, `depth` decides. */
export interface HeadingPiece {
  type: 'heading';
  kind?: 'part' | 'chapter' | 'section';
  depth?: number;
  title: Inline[];
  label?: string;
  /** A chapter a site's page structure names. */
  fixed?: boolean;
  /** A numbered installment (`Part 2 of 3`), which holds no chapters. */
  installment?: boolean;
  span: Span;
  rule: string;
}

export type Piece = HeadingPiece | { type: 'block'; block: Block; rule: string };

export interface Assembled {
  pieces: Piece[];
  /** A printed book's title-page matter. */
  imprint: Block[];
  meta: MetaEntry[];
  trace: TraceEntry[];
  /** Lines where an epigraph's quotation had to be split from the paragraph before it. */
  glued: number[];
  /** What rules read but were not sure of, by line. */
  doubts: Array<{ line: number; message: string }>;
}

const short = (s: string): string => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

export function assemble(cls: readonly Classified[], layout: Layout, file: string, keepNoteLabels = false): Assembled {
  const span = (start: number, end = start): Span => ({ file, start, end });
  const out: Assembled = { pieces: [], imprint: [], meta: [], trace: [], glued: [], doubts: [] };
  const trace = (c: Classified, kind: string = c.kind, text = c.line.text, rule = c.rule) =>
    out.trace.push({ file: c.line.item.type === 'block' ? c.line.item.block.span.file : c.line.item.span.file, line: c.line.no, rule, kind, text: short(text) });
  const push = (block: Block, rule: string) => out.pieces.push({ type: 'block', block, rule });
  const paraBlocks = (paras: Para[]): Block[] =>
    paras.map((p) => {
      const s = span(p.lines[0]!.no, p.lines[p.lines.length - 1]!.no);
      if (p.verse) return { type: 'verse', lines: p.lines.map(lineInlines), span: s };
      return { type: 'paragraph', children: p.lines.length === 1 ? lineInlines(p.lines[0]!) : toInlines(joinLines(p.parts)), span: s };
    });

  let i = 0;
  while (i < cls.length) {
    const c = cls[i]!;
    if (c.data.doubt) out.doubts.push({ line: c.line.no, message: c.data.doubt });
    if (c.data.breakBefore) {
      const prev = cls[i - 1]!;
      const from = prev.line.no + 1;
      push({ type: 'sceneBreak', span: span(from, c.line.no - 1) }, c.data.breakBefore);
      out.trace.push({ file, line: from, rule: c.data.breakBefore, kind: 'sceneBreak', text: '' });
    }
    switch (c.kind) {
      case 'meta':
      case 'title': {
        const field = c.kind === 'title' ? 'top-title' : (c.data.field ?? 'unknown');
        const before = out.meta[out.meta.length - 1];
        if (field === 'continued' && before) before.value += ` ${c.data.value ?? ''}`;
        else {
          const e: MetaEntry = { field, value: c.data.value ?? '', line: c.line.no };
          if (c.data.title !== undefined) e.title = c.data.title;
          out.meta.push(e);
        }
        trace(c);
        i++;
        break;
      }
      case 'part':
      case 'chapter':
      case 'section':
      case 'heading': {
        const item = c.line.item;
        const piece: HeadingPiece = { type: 'heading', title: titleInlines(c.line, c.data.title ?? c.line.text), span: span(c.line.no), rule: c.rule };
        if (c.kind !== 'heading') piece.kind = c.kind;
        if (c.data.depth !== undefined) piece.depth = c.data.depth;
        if (c.data.label !== undefined) piece.label = c.data.label;
        if (c.data.installment) piece.installment = true;
        if (item.type === 'chapter') {
          piece.fixed = true;
          if (item.label !== undefined) piece.label = item.label;
        }
        if (c.data.workTitle !== undefined) out.meta.push({ field: 'work-title', value: c.data.workTitle, line: c.line.no });
        out.pieces.push(piece);
        trace(c);
        i++;
        break;
      }
      case 'chapterTitle': {
        const last = out.pieces[out.pieces.length - 1];
        if (last?.type === 'heading') {
          if (last.title.length > 0) last.label = inlineText(last.title);
          last.title = titleInlines(c.line, c.data.title ?? c.line.text);
        }
        trace(c);
        i++;
        break;
      }
      case 'pov':
        push({ type: 'pov', children: titleInlines(c.line, c.data.pov ?? c.line.text), span: span(c.line.no) }, c.rule);
        trace(c);
        i++;
        break;
      case 'sceneBreak':
        push({ type: 'sceneBreak', span: c.line.item.type === 'block' ? c.line.item.block.span : span(c.line.no) }, c.rule);
        trace(c);
        i++;
        break;
      case 'block':
        if (c.line.item.type === 'block') push(c.line.item.block, c.rule);
        trace(c);
        i++;
        break;
      case 'endMark':
        push({ type: 'endMark', children: lineInlines(c.line), span: span(c.line.no) }, c.rule);
        trace(c);
        i++;
        break;
      case 'note': {
        const group = take(cls, i, (x, k) => x.kind === 'note' && (k === i || !x.data.noteStart));
        group.forEach((x) => trace(x));
        // The label is kept apart (`note.label`): a bare label line goes, a labelled one keeps only its words;
        // unless notes are kept as story text (`notes: keep`), where everything the author wrote stays.
        const labelled = c.rule === 'note-label' && !keepNoteLabels;
        const lines = group.flatMap((x, k) => {
          if (k > 0 || !labelled || c.data.value === undefined) return [x.line];
          if (c.data.bare || !c.data.value) return [];
          return [
            {
              ...x.line,
              text: c.data.value,
              item: { type: 'text' as const, text: c.data.value, span: span(x.line.no), indent: x.line.indent, gapBefore: x.line.gapBefore, gapAfter: x.line.gapAfter },
            },
          ];
        });
        if (lines.length === 0) lines.push(group[0]!.line);
        const note: Block = { type: 'authorNote', children: paraBlocks(paragraphsOf(lines, layout)), span: span(group[0]!.line.no, group[group.length - 1]!.line.no) };
        if (c.data.label !== undefined) note.label = c.data.label;
        push(note, c.rule);
        i += group.length;
        break;
      }
      case 'epigraph':
      case 'cite': {
        const group = take(cls, i, (x) => x.kind === 'epigraph');
        const cite = cls[i + group.length];
        const lines: Line[] = [];
        for (const x of group) {
          const at = x.data.glueAt;
          if (at !== undefined) {
            // The paragraph the quotation was glued to keeps its own place.
            const head = x.line.text.slice(0, at);
            push({ type: 'paragraph', children: toInlines(head), span: span(x.line.no) }, 'paragraph');
            trace(x, 'paragraph', head, 'paragraph');
            trace(x, 'epigraph', x.line.text.slice(at));
            lines.push({ ...x.line, text: x.line.text.slice(at), item: { ...x.line.item, type: 'text', text: x.line.text.slice(at), span: span(x.line.no), indent: 0, gapBefore: 0, gapAfter: 0 } });
            out.glued.push(x.line.no);
          } else {
            trace(x);
            lines.push(x.line);
          }
        }
        const quote = paragraphsOf(lines, layout).map((p) => (p.lines.length === 1 ? lineInlines(p.lines[0]!) : toInlines(joinLines(p.parts))));
        const block: Block = { type: 'epigraph', quote, span: span(lines[0]?.no ?? c.line.no, c.line.no) };
        let rule = group[group.length - 1]?.rule ?? c.rule;
        if (cite?.kind === 'cite') {
          block.cite = titleInlines(cite.line, cite.data.cite ?? cite.line.text);
          block.span.end = cite.line.no;
          rule = cite.rule;
          trace(cite);
        }
        if (lines.length > 0 || cite?.kind === 'cite') push(block, rule);
        i += group.length + (cite?.kind === 'cite' ? 1 : 0);
        break;
      }
      case 'frontMatter': {
        const group = take(cls, i, (x) => x.kind === 'frontMatter');
        group.forEach((x) => trace(x));
        for (const b of paraBlocks(
          paragraphsOf(
            group.map((x) => x.line),
            layout,
          ),
        ))
          out.imprint.push(b);
        i += group.length;
        break;
      }
      case 'caption': {
        const group = take(cls, i, (x) => x.kind === 'caption');
        group.forEach((x) => trace(x));
        push({ type: 'illustration', caption: group.map((x) => toInlines(x.line.text)), span: span(group[0]!.line.no, group[group.length - 1]!.line.no) }, c.rule);
        i += group.length;
        break;
      }
      case 'boilerplate':
      case 'illustration':
      case 'artefact':
      case 'contents':
        // Left out of the book; the trace says which rule left it out.
        trace(c);
        i++;
        break;
      case 'paragraph': {
        const group = take(cls, i, (x, k) => x.kind === 'paragraph' && (k === i || !x.data.breakBefore));
        group.forEach((x) => trace(x));
        for (const b of paraBlocks(
          paragraphsOf(
            group.map((x) => x.line),
            layout,
          ),
        ))
          push(b, 'paragraph');
        i += group.length;
        break;
      }
    }
  }
  return out;
}

/**
 * The inlines of part of a line's text (a heading's title after its label, a
 * POV name): a marked-up line keeps its markup where the part is all of it.
 */
function titleInlines(line: Line, part: string): Inline[] {
  return part.trim() === line.text.trim() ? lineInlines(line) : toInlines(part);
}

/** The run of items from `start` that satisfy `ok`. */
function take<T>(items: readonly T[], start: number, ok: (x: T, k: number) => boolean): T[] {
  let end = start;
  while (end < items.length && ok(items[end]!, end)) end++;
  return items.slice(start, end);
}
