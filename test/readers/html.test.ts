import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { inlineText } from '../../src/model.js';
import { buildValid, entries, expectNothingActive, fixtures, tree } from './support.js';

const storyText = (epub: Uint8Array) =>
  entries(epub)
    .filter(([n]) => /chapter-\d+\.xhtml$/.test(n))
    .map(([, b]) => b)
    .join('\n');

describe('an AO3 "Download → HTML" file', () => {
  it('gives its preface as metadata, its chapters with their notes, and its end notes', async () => {
    const work = await buildValid(path.join(fixtures, 'ao3-download.html'));
    const { meta, chapters, front, back } = work.book;
    expect(meta).toMatchObject({
      title: 'The Salt Road',
      authors: [{ name: 'quillwright' }],
      rating: 'Teen And Up Audiences',
      warnings: ['No Archive Warnings Apply'],
      genres: ['F/F'],
      fandoms: ['Original Work'],
      pairings: ['Ines/Maro'],
      characters: ['Ines', 'Maro', 'The Ferryman'],
      tags: ['Road Trip', 'Slow Burn', 'Salt Marshes'],
      language: 'en',
      series: { name: 'Coastlines', position: 2 },
      published: '2022-04-02',
      updated: '2022-06-18',
      status: 'complete',
      source: 'https://archiveofourown.org/works/00000001',
    });
    expect(meta.summary?.map(inlineText)).toEqual(['Two cartographers, one wagon, and a road that the tide keeps rewriting.']);
    expect(chapters.map((c) => [c.label, inlineText(c.title)])).toEqual([
      ['Chapter 1', 'Low Tide'],
      ['Chapter 2', 'The Ferryman'],
      [undefined, 'Chapter 3'],
    ]);
    const notes = (i: number) => chapters[i]!.blocks.flatMap((b) => (b.type === 'authorNote' ? [b.label] : []));
    expect(notes(0)).toEqual(['Chapter Notes', 'Chapter End Notes']);
    expect(notes(1)).toEqual(['Chapter Summary']);
    expect(chapters[0]!.blocks.at(-1)?.type).toBe('authorNote');
    expect(chapters[0]!.blocks.filter((b) => b.type === 'sceneBreak')).toHaveLength(1);
    expect(front.map((b) => b.type === 'authorNote' && b.label)).toEqual(['Notes']);
    expect(back.map((b) => b.type === 'authorNote' && b.label)).toEqual(['End Notes']);
    const text = storyText(work.epub);
    expect(text).toContain('<em>disagreed</em>');
    expect(text).toContain('<strong>old map</strong>');
    expect(text).not.toContain('drop by the Archive');
    expectNothingActive(work.epub, ['trackReader', 'injected', 'tracker.invalid', 'ads.invalid']);
  });
});

describe('a saved fanfiction.net chapter page', () => {
  it('gives the profile as metadata and the story text as the selected chapter', async () => {
    const work = await buildValid(path.join(fixtures, 'ffnet-chapter.html'));
    const { meta, chapters } = work.book;
    expect(meta).toMatchObject({
      title: 'Lantern Season',
      authors: [{ name: 'tallowmoth' }],
      rating: 'T',
      language: 'en',
      genres: ['Mystery', 'Hurt/Comfort'],
      pairings: ['Wren/Ash'],
      characters: ['Wren', 'Ash', 'Old Tamsin'],
      fandoms: ['Lantern Tales'],
      published: '2022-10-01',
      updated: '2022-11-20',
      status: 'complete',
      source: 'https://www.fanfiction.net/s/0000003/2/Lantern-Season',
    });
    expect(meta.summary?.map(inlineText)[0]).toMatch(/^Every autumn the village/);
    expect(chapters).toHaveLength(1);
    expect([chapters[0]!.label, inlineText(chapters[0]!.title)]).toEqual(['Chapter 2', 'The Bell Tower']);
    // `~~~` and two empty paragraphs are both scene breaks; the repeated heading is gone.
    expect(chapters[0]!.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'sceneBreak', 'paragraph', 'paragraph', 'sceneBreak', 'paragraph']);
    const text = storyText(work.epub);
    expect(text).not.toMatch(/Type your review|Terms of Service|Follow\/Fav|Just In/);
    expectNothingActive(work.epub, ['storyid', 'oncopy', 'static.invalid']);
  });
});

describe('a plain HTML story', () => {
  it('strips chrome, maps breaks and reads short "Chapter" paragraphs as headings', async () => {
    const dir = await tree({
      'plain.html': `<html lang="en-GB"><head><title>Ferns</title><meta name="author" content="A. Writer"><style>p{color:red}</style></head>
<body onload="boot()">
<nav class="site-nav"><a href="/">Home</a> <a href="/stories">Stories</a></nav>
<div class="content">
<p>Chapter 1</p>
<p>The ferns grew <b>overnight</b>, <i>everywhere</i>.</p>
<p>Nobody minded.<br><br>Then somebody did.</p>
<center>* * *</center>
<p>The council met.</p>
<p><strong>Chapter 2: Spores</strong></p>
Loose text in the page<br><br>a second loose paragraph<br><br><br>after two blank lines
<form action="/subscribe"><input name="email"><button>Subscribe</button></form>
<object data="movie.swf"></object>
</div>
<div id="comments"><h3>Comments</h3><p>Great story!!</p></div>
<footer>© some site</footer>
</body></html>`,
    });
    const work = await buildValid(path.join(dir, 'plain.html'));
    const { meta, chapters } = work.book;
    expect(meta.title).toBe('Ferns');
    expect(meta.authors).toEqual([{ name: 'A. Writer' }]);
    expect(meta.language).toBe('en-GB');
    // `<p>Chapter 2: Spores</p>` splits into label and title as the same line does in plain text.
    expect(chapters.map((c) => [c.label, inlineText(c.title)])).toEqual([
      [undefined, 'Chapter 1'],
      ['Chapter 2', 'Spores'],
    ]);
    expect(chapters[0]!.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'sceneBreak', 'paragraph']);
    expect(chapters[1]!.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'sceneBreak', 'paragraph']);
    const text = storyText(work.epub);
    expect(text).not.toMatch(/Great story|Subscribe|Home|some site/);
    expectNothingActive(work.epub, ['boot()', 'movie.swf', 'color:red']);
  });
});

describe('site pages in other shapes', () => {
  it('reads a one-shot AO3 download, whose text stands right in #chapters', async () => {
    const dir = await tree({
      'oneshot.html': `<html><body><div id="preface"><p class="message">Posted originally on the Archive of Our Own.</p>
<div class="meta"><dl class="tags"><dt>Rating:</dt><dd>General Audiences</dd><dt>Stats:</dt><dd>Published: 2020-01-02 Words: 30 Chapters: 1/1</dd></dl>
<h1>Small Hours</h1><div class="byline">by <a rel="author" href="/users/x">nightjar</a></div></div></div>
<div id="chapters" class="userstuff"><div class="userstuff"><p>The kettle clicked off at three in the morning.</p><p>Nobody had switched it on.</p></div></div>
<div id="afterword"><div id="endnotes"><p>Please drop by the Archive and comment.</p></div></div></body></html>`,
    });
    const work = await buildValid(path.join(dir, 'oneshot.html'));
    expect(work.book.meta).toMatchObject({ title: 'Small Hours', authors: [{ name: 'nightjar' }], rating: 'General Audiences', status: 'complete', published: '2020-01-02' });
    expect(work.book.chapters).toHaveLength(1);
    expect(inlineText(work.book.chapters[0]!.title)).toBe('Small Hours');
    expect(work.book.chapters[0]!.blocks).toHaveLength(2);
    expect(work.book.back).toEqual([]);
  });

  it('makes a folder of saved fanfiction.net chapter pages one book, each page a titled chapter', async () => {
    const { readFile } = await import('node:fs/promises');
    const page = await readFile(path.join(fixtures, 'ffnet-chapter.html'), 'utf8');
    const other = page.replace('<option value="2" selected>', '<option value="2">').replace('<option value="1">', '<option value="1" selected>');
    const dir = await tree({ 'book.yaml': 'title: Lantern Season\n', 'Lantern Season ch2.html': page, 'Lantern Season ch1.html': other });
    const work = await buildValid(dir);
    expect(work.book.chapters.map((c) => `${c.label}: ${inlineText(c.title)}`)).toEqual(['Chapter 1: Hanging Day', 'Chapter 2: The Bell Tower']);
  });
});

describe('an HTML file in a legacy encoding', () => {
  const page = (charsetMeta: string, body: string) => `<!DOCTYPE html><html><head>${charsetMeta}<title>Зимний сад</title></head><body><h1>Зимний сад</h1><h2>Глава 1</h2><p>${body}</p></body></html>`;
  const russian = 'Снег лёг на сад ещё до рассвета, и яблони стояли белые и тихие.';
  // entries() reads every file as Latin-1; the chapters are UTF-8.
  const chapters = (epub: Uint8Array) => Buffer.from(storyText(epub), 'latin1').toString('utf8');

  it('is read in the encoding its <meta charset> declares', async () => {
    for (const meta of ['<meta charset="windows-1251">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">']) {
      const dir = await tree({ 'sad.html': iconv.encode(page(meta, russian), 'windows-1251') });
      const work = await buildValid(path.join(dir, 'sad.html'));
      expect(work.book.meta.title).toBe('Зимний сад');
      expect(chapters(work.epub)).toContain(russian);
    }
  });

  it('stays UTF-8 when its bytes are UTF-8, whatever the meta says', async () => {
    const dir = await tree({ 'sad.html': page('<meta charset="iso-8859-1">', russian) });
    const work = await buildValid(path.join(dir, 'sad.html'));
    expect(chapters(work.epub)).toContain(russian);
  });
});
