// One story written three ways (plain text, Markdown, HTML): the same headings,
// breaks, notes and metadata lines must give the same book, byte for byte in
// every document, because one structure step reads every format.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineText } from '../../src/model.js';
import { buildValid, entries } from '../readers/support.js';
import { repoRoot } from '../support/build.js';

const dir = path.join(repoRoot, 'test', 'fixtures', 'formats', 'three-ways');
const formats = ['txt', 'md', 'html'] as const;

describe('the same story as plain text, Markdown and HTML', async () => {
  const built = new Map(await Promise.all(formats.map(async (f) => [f, await buildValid(path.join(dir, `story.${f}`))] as const)));
  const text = built.get('txt')!;

  it('reads the same parts, chapters, labels, titles, metadata and notes from each', () => {
    for (const f of formats) {
      const { book } = built.get(f)!;
      expect(book.meta.title, f).toBe('The Salt Road');
      expect(book.meta.authors, f).toEqual([{ name: 'Mara Quill' }]);
      expect(
        book.chapters.map((c) => [c.part === true, c.label ?? '', inlineText(c.title)]),
        f,
      ).toEqual([
        [true, '', 'Part One'],
        [false, 'Chapter 1', 'Low Tide'],
        [false, 'Chapter 2', 'High Water'],
        [true, '', 'Part Two'],
        [false, '', 'Chapter 3'],
      ]);
      expect(
        book.chapters[1]!.blocks.map((b) => b.type),
        f,
      ).toEqual(['paragraph', 'paragraph', 'sceneBreak', 'paragraph']);
      expect(
        book.back.map((b) => b.type),
        f,
      ).toEqual(['authorNote']);
    }
  });

  it('writes identical documents, table of contents and package for each', () => {
    const want = new Map(entries(text.epub));
    expect(want.get('OEBPS/nav.xhtml')).toMatch(/Part One<\/a>\s*<ol>\s*<li><a href="chapter-002.xhtml">Chapter 1: Low Tide<\/a>/);
    for (const f of ['md', 'html'] as const) {
      const got = new Map(entries(built.get(f)!.epub));
      expect([...got.keys()], f).toEqual([...want.keys()]);
      for (const [name, body] of want) expect(got.get(name), `${f}: ${name}`).toBe(body);
    }
  });
});
