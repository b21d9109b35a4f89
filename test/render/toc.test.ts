import { describe, expect, it } from 'vitest';
import type { Chapter } from '../../src/model.js';
import { storyToc, type TocEntry } from '../../src/render/chapter.js';

const chapter = (title: string, more: Partial<Chapter> = {}): Chapter => ({ title: [{ type: 'text', value: title }], blocks: [], sections: [], span: { file: 'x', start: 1, end: 1 }, ...more });
const shape = (toc: readonly TocEntry[]): unknown[] => toc.map((e) => (e.children.length ? { [e.title]: shape(e.children) } : e.title));

describe('the story’s table of contents', () => {
  it('nests each part’s chapters under it, and puts back matter after a part beside the parts', () => {
    const chapters = [
      chapter('Prologue'),
      chapter('Part One', { part: true }),
      chapter('Chapter 1'),
      chapter('Interlude'),
      chapter('Chapter 2'),
      chapter('Part Two', { part: true }),
      chapter('Chapter 3'),
      chapter('Epilogue', { outside: true }),
      chapter('Footnotes'),
    ];
    expect(shape(storyToc(chapters))).toEqual(['Prologue', { 'Part One': ['Chapter 1', 'Interlude', 'Chapter 2'] }, { 'Part Two': ['Chapter 3'] }, 'Epilogue', 'Footnotes']);
  });

  it('gives each chapter its own page, in order, wherever its entry sits', () => {
    const toc = storyToc([chapter('Part One', { part: true }), chapter('Chapter 1'), chapter('Notes', { outside: true })]);
    expect(toc.map((e) => e.href)).toEqual(['chapter-001.xhtml', 'chapter-003.xhtml']);
    expect(toc[0]!.children.map((e) => e.href)).toEqual(['chapter-002.xhtml']);
  });
});
