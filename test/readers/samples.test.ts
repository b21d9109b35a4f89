import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineText } from '../../src/model.js';
import { repoRoot } from '../support/build.js';
import { buildValid } from './support.js';

describe('the Markdown and folder samples in stories/', () => {
  it('builds the Markdown sample with its footnote, scene break and epigraph-like quote', async () => {
    const work = await buildValid(path.join(repoRoot, 'stories', 'the-cartographers-daughter.md'));
    expect(work.book.meta.title).toBe('The Cartographer’s Daughter');
    expect(work.book.chapters.map((c) => inlineText(c.title))).toEqual(['The Bequest', 'The Road']);
    expect(work.book.notes).toHaveLength(1);
    const text = work.book.chapters[0]!.blocks.flatMap((b) => (b.type === 'paragraph' ? [inlineText(b.children)] : []));
    expect(text.every((t) => !t.includes('\n'))).toBe(true);
  });

  it('builds the folder sample as one book, chapters in number-word order', async () => {
    const work = await buildValid(path.join(repoRoot, 'stories', 'tidewater'));
    expect(work.book.meta.title).toBe('Tidewater');
    expect(work.book.chapters.map((c) => inlineText(c.title))).toEqual(['The First Letter', 'The Reply', 'The Last Letter']);
  });
});
