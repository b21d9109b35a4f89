// The three real story files in ../shared/corpus must come out exactly as the
// corpus README describes them (read from there, never copied into the repo).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../support/build.js';
import { chapterBlocks, inlineText, type Block, type Inline } from '../../src/model.js';
import { parsePlainText, type ParseResult } from '../../src/structure/index.js';

function parse(name: string): { text: string; result: ParseResult } {
  const text = readFileSync(path.join(corpusDir, name), 'utf8');
  return { text, result: parsePlainText(text, { file: name }) };
}

const paragraphs = (blocks: Block[]) => blocks.filter((b) => b.type === 'paragraph');
const txt = (i: Inline[] | undefined) => inlineText(i ?? []);
const of = <T extends Block['type']>(blocks: Block[], type: T) => blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);
const allBlocks = (r: ParseResult) => [...r.front, ...r.chapters.flatMap(chapterBlocks), ...r.back];

/** Paragraph counts of the scenes a block list is split into by scene breaks. */
function scenes(blocks: Block[]): number[] {
  const out = [0];
  for (const b of blocks) {
    if (b.type === 'sceneBreak') out.push(0);
    else if (b.type === 'paragraph') out[out.length - 1]!++;
  }
  return out;
}

function tracesEveryLine(text: string, r: ParseResult): void {
  const traced = new Set(r.trace.map((t) => t.line));
  text.split('\n').forEach((l, i) => {
    if (l.trim() !== '') expect(traced.has(i + 1), `line ${i + 1} traced`).toBe(true);
  });
}

describe('losing-battles-ch12.txt', () => {
  const { text, result: r } = parse('losing-battles-ch12.txt');

  it('takes the work title from `Losing Battles Ch. 12` and the chapter title from the next line', () => {
    expect(r.meta.title).toBe('Losing Battles');
    expect(r.chapters).toHaveLength(1);
    const ch = r.chapters[0]!;
    expect(txt(ch.title)).toBe('Second Chances');
    expect(ch.label).toBe('Chapter 12');
    expect(ch.span.start).toBe(3);
  });

  it("puts the opening thanks (lines 1–2) in the front as one author's note", () => {
    expect(r.front).toHaveLength(1);
    const note = r.front[0]!;
    expect(note.type).toBe('authorNote');
    expect(note.span).toMatchObject({ start: 1, end: 2 });
    if (note.type === 'authorNote') expect(note.children).toHaveLength(2);
    expect(r.back).toEqual([]);
  });

  it('reads the epigraph before the first section (lines 5–6)', () => {
    const ch = r.chapters[0]!;
    expect(ch.blocks).toHaveLength(1);
    const ep = ch.blocks[0]!;
    expect(ep.type).toBe('epigraph');
    if (ep.type !== 'epigraph') return;
    expect(ep.span).toMatchObject({ start: 5, end: 6 });
    expect(txt(ep.cite)).toBe('Marian Wright Edelman');
    expect(txt(ep.quote[0])).toMatch(/^"You're not obligated to win\./);
  });

  it('has two titled sections with their POV lines and 99 and 50 paragraphs', () => {
    const [s28, s29] = r.chapters[0]!.sections;
    expect(r.chapters[0]!.sections).toHaveLength(2);
    expect(txt(s28!.title)).toBe('Battle 28');
    expect(s28!.span.start).toBe(7);
    expect(s28!.blocks[0]).toMatchObject({ type: 'pov', span: { start: 8 } });
    expect(txt((s28!.blocks[0] as { children: Inline[] }).children)).toBe('Kankuro');
    const p28 = paragraphs(s28!.blocks);
    expect(p28).toHaveLength(99);
    expect(p28[0]!.span.start).toBe(9);
    expect(p28[98]!.span.start).toBe(107);

    expect(txt(s29!.title)).toBe('Battle 29');
    expect(s29!.span.start).toBe(109);
    expect(s29!.blocks[0]).toMatchObject({ type: 'pov', span: { start: 110 } });
    expect(txt((s29!.blocks[0] as { children: Inline[] }).children)).toBe('Gaara');
    const p29 = paragraphs(s29!.blocks);
    expect(p29).toHaveLength(50);
    expect(p29[0]!.span.start).toBe(111);
    expect(p29[49]!.span.start).toBe(160);
  });

  it('splits the epigraph glued to line 107 off the last paragraph, and says so', () => {
    const s28 = r.chapters[0]!.sections[0]!;
    const last = paragraphs(s28.blocks)[98]!;
    expect(txt(last.type === 'paragraph' ? last.children : [])).toBe('"Everything will be okay."');
    const ep = s28.blocks[s28.blocks.length - 1]!;
    expect(ep.type).toBe('epigraph');
    if (ep.type !== 'epigraph') return;
    expect(txt(ep.cite)).toBe('Richard Bach');
    expect(txt(ep.quote[0])).toMatch(/^"That's what learning is, after all;.*is winning\."$/);
    expect(ep.span).toMatchObject({ start: 107, end: 108 });
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'glued-epigraph', line: 107, file: 'losing-battles-ch12.txt' })]);
  });

  it('has two epigraphs, no scene breaks, and ends with the end mark on line 161', () => {
    const blocks = allBlocks(r);
    expect(of(blocks, 'epigraph').map((e) => txt(e.cite))).toEqual(['Marian Wright Edelman', 'Richard Bach']);
    expect(of(blocks, 'sceneBreak')).toHaveLength(0);
    const s29 = r.chapters[0]!.sections[1]!;
    const end = s29.blocks[s29.blocks.length - 1]!;
    expect(end).toMatchObject({ type: 'endMark', span: { start: 161 } });
    expect(txt(end.type === 'endMark' ? end.children : [])).toBe('~*~*~ THE END ~*~*~');
    expect(of(blocks, 'authorNote')).toHaveLength(1);
  });

  it('explains every line', () => tracesEveryLine(text, r));
});

describe('chapter-twenty-seven.txt', () => {
  const { text, result: r } = parse('chapter-twenty-seven.txt');

  it('is one chapter headed `Chapter Twenty Seven`, with no work title', () => {
    expect(r.meta.title).toBeUndefined();
    expect(r.chapters).toHaveLength(1);
    expect(txt(r.chapters[0]!.title)).toBe('Chapter Twenty Seven');
    expect(r.chapters[0]!.span.start).toBe(1);
    expect(r.chapters[0]!.sections).toEqual([]);
  });

  it('finds the two scene breaks left as double blank lines: scenes of 7, 64 and 116 paragraphs', () => {
    const blocks = r.chapters[0]!.blocks;
    expect(scenes(blocks)).toEqual([7, 64, 116]);
    const breaks = blocks.flatMap((b, i) => (b.type === 'sceneBreak' ? [i] : []));
    expect(breaks.map((i) => blocks[i + 1]!.span.start)).toEqual([18, 147]);
    expect(breaks.map((i) => blocks[i]!.span)).toEqual([
      { file: 'chapter-twenty-seven.txt', start: 16, end: 17 },
      { file: 'chapter-twenty-seven.txt', start: 145, end: 146 },
    ]);
  });

  it('has no notes, epigraphs, end marks, front or back matter, and no doubts', () => {
    const blocks = allBlocks(r);
    expect(of(blocks, 'authorNote')).toHaveLength(0);
    expect(of(blocks, 'epigraph')).toHaveLength(0);
    expect(of(blocks, 'endMark')).toHaveLength(0);
    expect(r.front).toEqual([]);
    expect(r.back).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  it('explains every line', () => tracesEveryLine(text, r));
});

describe('deux-of-deux.txt', () => {
  const { text, result: r } = parse('deux-of-deux.txt');

  it('keeps the disclaimer in the front, out of the story', () => {
    expect(r.front).toHaveLength(1);
    const d = r.front[0]!;
    expect(d).toMatchObject({ type: 'authorNote', label: 'Disclaimer', span: { start: 1, end: 1 } });
    if (d.type === 'authorNote') expect(txt((d.children[0] as { children: Inline[] }).children)).toBe('Disclaimer: I do not own Naruto.');
  });

  it('makes the summary the description and its closing `SasuSaku.` the pairing', () => {
    expect(r.meta.summary?.map(txt)).toEqual([
      "Two years ago, he walked out the door and away from her life. Now, when she's finally ready to let him go, he's back, demanding entrance into her life – and her heart.",
    ]);
    expect(r.meta.pairings).toEqual(['SasuSaku']);
    expect(r.meta.title).toBeUndefined();
  });

  it('is one chapter `Deux of Deux` of 76 paragraphs (lines 8–158), no breaks', () => {
    expect(r.chapters).toHaveLength(1);
    const ch = r.chapters[0]!;
    expect(txt(ch.title)).toBe('Deux of Deux');
    expect(ch.span.start).toBe(6);
    const ps = paragraphs(chapterBlocks(ch));
    expect(ps).toHaveLength(76);
    expect(ps[0]!.span.start).toBe(8);
    expect(ps[75]!.span.start).toBe(158);
    expect(chapterBlocks(ch).every((b) => b.type === 'paragraph')).toBe(true);
  });

  it("puts Rosie's two notes (lines 161 and 163) in the back", () => {
    expect(r.back.map((b) => (b.type === 'authorNote' ? [b.label, b.span.start] : b.type))).toEqual([
      ["Rosie's Notes", 161],
      ["Rosie's Notes II", 163],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('explains every line', () => tracesEveryLine(text, r));
});
