import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, findWorks } from '../../src/index.js';
import { inlineText } from '../../src/model.js';
import { validateEpub } from '../support/epubcheck.js';
import { buildValid, entries, PNG, tree } from './support.js';

// Twelve chapter files in three formats, named so that plain sorting puts ch10 after ch1.
function twelveChapters(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {
    'book.yaml': 'title: Twelve Doors\nauthor: Test Author\nsummary: A house with more doors than rooms.\n',
    'ch1.txt': 'Chapter 1: The Key\n\nThe key was heavier than it looked.\n',
    'ch2.md': '---\ntitle: The Second Door\nnotes: Written on a train.\nend-notes: More soon.\n---\n\nIt opened onto a staircase.[^a]\n\n[^a]: The staircase went down.\n',
    'ch3.html': '<html><body><h1>The Third Door</h1><p>A garden, <i>indoors</i>.</p><script>alert(3)</script></body></html>',
    'ch4.txt': 'No heading in this one, only a corridor.\n',
    'ch5.md': '# Maps\n\n![the house plan](img/plan.png)\n\nThe plan was wrong.[^a]\n\n[^a]: Wrong in two places.\n',
    'img/plan.png': PNG,
  };
  for (let i = 6; i <= 12; i++) {
    const ext = ['txt', 'md', 'html'][i % 3]!;
    const body = `Door number ${i} was painted ${['red', 'blue', 'green'][i % 3]}.`;
    files[`ch${i}.${ext}`] = ext === 'html' ? `<p>Chapter ${i}</p><p>${body}</p>` : ext === 'md' ? `## Door ${i}\n\n${body}\n` : `Chapter ${i}\n\n${body}\n`;
  }
  return files;
}

describe('a folder of chapter files', () => {
  it('is one work, its chapters in natural order, each file in its own chapter', async () => {
    const dir = await tree(twelveChapters());
    const work = await buildValid(dir);
    const { meta, chapters, notes } = work.book;
    expect(meta.title).toBe('Twelve Doors');
    expect(meta.authors).toEqual([{ name: 'Test Author' }]);
    expect(chapters.map((c) => (c.label ? `${c.label}: ` : '') + inlineText(c.title))).toEqual([
      'Chapter 1: The Key',
      'The Second Door',
      'The Third Door',
      'Chapter 4',
      'Maps',
      'Chapter 6',
      'Door 7',
      'Chapter 8',
      'Chapter 9',
      'Door 10',
      'Chapter 11',
      'Chapter 12',
    ]);
    const second = chapters[1]!.blocks;
    expect(second[0]).toMatchObject({ type: 'authorNote', label: 'Notes' });
    expect(second.at(-1)).toMatchObject({ type: 'authorNote', label: 'End Notes' });
    // Both files call their note [^a]; in the book they are notes 1 and 2, each pointing home.
    expect(notes.map((n) => [n.id, n.label])).toEqual([
      ['f2-a', '1'],
      ['f5-a', '2'],
    ]);
    const files = new Map(entries(work.epub));
    expect(files.get('OEBPS/notes.xhtml')).toContain('href="chapter-002.xhtml#ref-f2-a"');
    expect(files.get('OEBPS/notes.xhtml')).toContain('href="chapter-005.xhtml#ref-f5-a"');
    expect(files.get('OEBPS/chapter-005.xhtml')).toContain('src="images/image-1.png"');
    for (const [name, body] of files) expect(body, name).not.toMatch(/<script|alert\(3\)/);
  });

  it('gives the same bytes on every build', async () => {
    const dir = await tree(twelveChapters());
    const [a, b] = [await buildValid(dir), await buildValid(dir)];
    expect(Buffer.from(a.epub).equals(Buffer.from(b.epub))).toBe(true);
  });

  it('follows book.yaml order, and reads number words in names', async () => {
    const ordered = await tree({
      'book.yaml': 'title: Out of Order\norder: [epilogue, chapter-two.md, chapter-one.md]\n',
      'chapter-one.md': '# One\n\nFirst.\n',
      'chapter-two.md': '# Two\n\nSecond.\n',
      'epilogue.md': '# Epilogue\n\nLast, but first.\n',
      'appendix.md': '# Appendix\n\nNot listed, so it comes last.\n',
    });
    const work = await buildValid(ordered);
    expect(work.book.chapters.map((c) => inlineText(c.title))).toEqual(['Epilogue', 'Two', 'One', 'Appendix']);

    const words = await tree({ 'book.yaml': 'title: Words\n', 'Chapter Ten.md': 'Ten.\n', 'Chapter Two.md': 'Two.\n', 'Chapter One.md': 'One.\n' });
    const byWords = await buildValid(words);
    expect(byWords.book.chapters.map((c) => inlineText(chapterText(c)))).toEqual(['One.', 'Two.', 'Ten.']);
  });
});

const chapterText = (c: { blocks: Array<{ type: string; children?: unknown }> }) => (c.blocks[0] as { children: Parameters<typeof inlineText>[0] }).children;

describe('quire build on a folder of works', () => {
  it('builds top-level files and folders as works, and series.yaml sets series and positions', async () => {
    const stories = await tree({
      'standalone.md': '# Alone\n\nOne file, one book.\n',
      'notes.yaml': 'title: Not a story\n',
      'winter/ch1.txt': 'Chapter 1\n\nSnow.\n',
      'winter/ch2.txt': 'Chapter 2\n\nMore snow.\n',
      'saga/series.yaml': 'name: The Tide Saga\nauthor: Saga Writer\norder: [book-b, book-a.md]\n',
      'saga/book-a.md': '# Book A\n\nThe second book.\n',
      'saga/book-b/book.yaml': 'title: Book B\n',
      'saga/book-b/01.md': '# Start\n\nThe first book.\n',
      'saga/book-b/02.md': '# End\n\nStill the first book.\n',
    });
    const found = await findWorks([stories]);
    expect(found.map((w) => path.relative(stories, w.path))).toEqual(['standalone.md', 'saga/book-b', 'saga/book-a.md', 'winter']);
    const out = path.join(stories, 'out');
    const report = await build([stories], { out, jobs: 1, sourceDateEpoch: 1_700_000_000 });
    expect(report.ok).toBe(true);
    const byTitle = new Map(report.works.map((w) => [w.title, w]));
    expect([...byTitle.keys()].sort()).toEqual(['Alone', 'Book A', 'Book B', 'Winter']);
    expect(byTitle.get('Winter')?.chapters).toBe(2);
    for (const w of report.works) {
      const epub = new Uint8Array(await readFile(w.output!));
      expect(await validateEpub(epub, path.basename(w.output!))).toEqual([]);
      const opf = new Map(entries(epub)).get('OEBPS/content.opf')!;
      if (w.title === 'Book B') expect(opf).toContain('<meta name="calibre:series_index" content="1"/>');
      if (w.title === 'Book A') {
        expect(opf).toContain('<meta property="belongs-to-collection" id="series">The Tide Saga</meta>');
        expect(opf).toContain('<meta refines="#series" property="group-position">2</meta>');
        expect(opf).toContain('>Saga Writer</dc:creator>');
      }
    }
  });
});
