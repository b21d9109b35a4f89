import type { Block, Chapter, Metadata, Span } from '../model.js';
import { text } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';

export interface ParseOptions {
  file: string;
  /** Source line number of the text's first line (after a removed YAML block). */
  firstLine?: number;
  chapterPattern?: RegExp;
  sceneBreakPattern?: RegExp;
  notes?: 'separate' | 'keep' | 'drop';
}
export interface TraceEntry { line: number; rule: string; kind: string; text: string }
export interface ParseResult {
  meta: Partial<Metadata>;
  front: Block[];
  chapters: Chapter[];
  back: Block[];
  trace: TraceEntry[];
  diagnostics: Diagnostic[];
}

const CHAPTER = /^\s*chapter\s+\S.*$/i;
const TITLE = /^\s*title\s*:\s*(\S.*)$/i;

/** A first, plain reading: `Title:` lines, `Chapter …` headings and paragraphs. */
export function parsePlainText(source: string, options: ParseOptions): ParseResult {
  const first = options.firstLine ?? 1;
  const lines = source.split('\n');
  const nonBlank = lines.filter((l) => l.trim()).length;
  const blank = lines.length - nonBlank;
  // Where most lines are followed by a blank one, a paragraph may wrap over several lines.
  const blankSeparated = blank >= nonBlank * 0.5;
  const meta: Partial<Metadata> = {};
  const trace: TraceEntry[] = [];
  const chapters: Chapter[] = [];
  const span = (start: number, end: number): Span => ({ file: options.file, start, end });
  let chapter: Chapter | undefined;
  let para: { lines: string[]; start: number; end: number } | undefined;
  const current = (line: number): Chapter => {
    chapter ??= { title: [], blocks: [], sections: [], span: span(line, line) };
    if (!chapters.includes(chapter)) chapters.push(chapter);
    return chapter;
  };
  const flush = () => {
    if (!para) return;
    current(para.start).blocks.push({ type: 'paragraph', children: [text(para.lines.join(' '))], span: span(para.start, para.end) });
    para = undefined;
  };
  lines.forEach((raw, i) => {
    const line = first + i;
    const value = raw.trim();
    if (!value) return flush();
    const title = TITLE.exec(value);
    if (title && meta.title === undefined && chapters.length === 0) {
      flush();
      meta.title = title[1]!.trim();
      trace.push({ line, rule: 'title-line', kind: 'meta', text: value });
      return;
    }
    if ((options.chapterPattern ?? CHAPTER).test(value)) {
      flush();
      chapter = { title: [text(value.replace(/[:.]\s*$/, ''))], blocks: [], sections: [], span: span(line, line) };
      chapters.push(chapter);
      trace.push({ line, rule: 'chapter-heading', kind: 'chapter', text: value });
      return;
    }
    trace.push({ line, rule: 'paragraph', kind: 'paragraph', text: value });
    if (para && blankSeparated) {
      para.lines.push(value);
      para.end = line;
    } else {
      flush();
      para = { lines: [value], start: line, end: line };
    }
  });
  flush();
  if (chapters.length === 0) current(first);
  for (const c of chapters) c.span.end = c.blocks.at(-1)?.span.end ?? c.span.start;
  return { meta, front: [], chapters, back: [], trace, diagnostics: [] };
}
