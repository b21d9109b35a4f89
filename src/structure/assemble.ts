/**
 * Classified lines → the Book's front, chapters and back, with a trace of how
 * each line was read. Blocks are built here; where they end up (front, story,
 * back) and which scene breaks survive is settled in `place.ts`.
 */
import { inlineText, type Block, type Chapter, type Section, type Span } from '../model.js';
import { toInlines } from './inline.js';
import type { Layout } from '../readers/text/layout.js';
import type { Line } from '../readers/text/lines.js';
import type { MetaEntry } from './text-meta.js';
import { paragraphsOf, type Para } from './paragraphs.js';
import type { Classified } from './rules.js';

export interface TraceEntry { line: number; rule: string; kind: string; text: string }

export interface Assembled {
  /** Blocks before the first chapter heading. */
  preamble: Block[];
  chapters: Chapter[];
  meta: MetaEntry[];
  trace: TraceEntry[];
  /** Lines where an epigraph's quotation had to be split from the paragraph before it. */
  glued: number[];
}

const short = (s: string): string => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

export function assemble(cls: readonly Classified[], layout: Layout, file: string): Assembled {
  const span = (start: number, end = start): Span => ({ file, start, end });
  const out: Assembled = { preamble: [], chapters: [], meta: [], trace: [], glued: [] };
  let target: Block[] = out.preamble;
  let chapter: Chapter | undefined;
  let section: Section | undefined;
  const trace = (c: Classified, kind: string = c.kind, text = c.line.text, rule = c.rule) =>
    out.trace.push({ line: c.line.no, rule, kind, text: short(text) });
  const paraBlocks = (paras: Para[]): Block[] =>
    paras.map((p) => {
      const s = span(p.lines[0]!.no, p.lines[p.lines.length - 1]!.no);
      return p.verse ? { type: 'verse', lines: p.parts.map(toInlines), span: s } : { type: 'paragraph', children: toInlines(p.parts.join(' ')), span: s };
    });
  const close = (end: number) => {
    if (section) section.span.end = end;
    if (chapter) chapter.span.end = end;
  };

  let i = 0;
  while (i < cls.length) {
    const c = cls[i]!;
    const prev = cls[i - 1];
    // FF.net strips `<hr>`, so a scene break often survives only as extra blank lines.
    if (layout.gapBreaks && prev && c.kind === 'paragraph' && prev.kind === 'paragraph' && c.line.gapBefore > layout.normalGap) {
      const from = prev.line.no + 1;
      target.push({ type: 'sceneBreak', span: span(from, c.line.no - 1) });
      out.trace.push({ line: from, rule: 'blank-lines-break', kind: 'sceneBreak', text: '' });
    }
    switch (c.kind) {
      case 'meta':
      case 'title': {
        const field = c.kind === 'title' ? 'top-title' : c.data.field ?? 'unknown';
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
      case 'chapter': {
        close(c.line.no - 1);
        const title = c.data.title ?? c.line.text;
        chapter = { title: toInlines(title), blocks: [], sections: [], span: span(c.line.no) };
        if (c.data.label !== undefined) chapter.label = c.data.label;
        if (c.data.workTitle !== undefined) out.meta.push({ field: 'work-title', value: c.data.workTitle, line: c.line.no });
        out.chapters.push(chapter);
        section = undefined;
        target = chapter.blocks;
        trace(c);
        i++;
        break;
      }
      case 'chapterTitle': {
        if (chapter) {
          if (chapter.title.length > 0) chapter.label = inlineText(chapter.title);
          chapter.title = toInlines(c.line.text);
        }
        trace(c);
        i++;
        break;
      }
      case 'section': {
        if (section) section.span.end = c.line.no - 1;
        section = { title: toInlines(c.data.title ?? c.line.text), blocks: [], span: span(c.line.no) };
        chapter?.sections.push(section);
        target = section.blocks;
        trace(c);
        i++;
        break;
      }
      case 'pov':
        target.push({ type: 'pov', children: toInlines(c.data.pov ?? c.line.text), span: span(c.line.no) });
        trace(c);
        i++;
        break;
      case 'sceneBreak':
        target.push({ type: 'sceneBreak', span: span(c.line.no) });
        trace(c);
        i++;
        break;
      case 'endMark':
        target.push({ type: 'endMark', children: toInlines(c.line.text), span: span(c.line.no) });
        trace(c);
        i++;
        break;
      case 'note': {
        const group = take(cls, i, (x, k) => x.kind === 'note' && (k === i || !x.data.noteStart));
        group.forEach((x) => trace(x));
        const lines = group.map((x) => x.line);
        const note: Block = { type: 'authorNote', children: paraBlocks(paragraphsOf(lines, layout)), span: span(lines[0]!.no, lines[lines.length - 1]!.no) };
        if (c.data.label !== undefined) note.label = c.data.label;
        target.push(note);
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
            target.push({ type: 'paragraph', children: toInlines(head), span: span(x.line.no) });
            trace(x, 'paragraph', head, 'paragraph');
            trace(x, 'epigraph', x.line.text.slice(at));
            lines.push({ ...x.line, text: x.line.text.slice(at) });
            out.glued.push(x.line.no);
          } else {
            trace(x);
            lines.push(x.line);
          }
        }
        const quote = paragraphsOf(lines, layout).map((p) => toInlines(p.parts.join(' ')));
        const block: Block = { type: 'epigraph', quote, span: span(lines[0]?.no ?? c.line.no, c.line.no) };
        if (cite?.kind === 'cite') {
          block.cite = toInlines(cite.data.cite ?? cite.line.text);
          block.span.end = cite.line.no;
          trace(cite);
        }
        if (lines.length > 0 || cite?.kind === 'cite') target.push(block);
        i += group.length + (cite?.kind === 'cite' ? 1 : 0);
        break;
      }
      case 'paragraph': {
        const group = take(cls, i, (x, k) => x.kind === 'paragraph' && (k === i || !(layout.gapBreaks && x.line.gapBefore > layout.normalGap)));
        group.forEach((x) => trace(x));
        for (const b of paraBlocks(paragraphsOf(group.map((x) => x.line), layout))) target.push(b);
        i += group.length;
        break;
      }
    }
  }
  const last = cls[cls.length - 1];
  if (last) close(last.line.no + last.line.gapAfter);
  return out;
}

/** The run of items from `start` that satisfy `ok`. */
function take<T>(items: readonly T[], start: number, ok: (x: T, k: number) => boolean): T[] {
  let end = start;
  while (end < items.length && ok(items[end]!, end)) end++;
  return items.slice(start, end);
}

