import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithClient } from '../support/clients.js';
import { startReader, type Reader } from '../support/reader/index.js';
import { sampleSources, storyTexts, type SampleBook } from '../support/samples.js';
import { unzipText } from '../support/build.js';
import type { SideloadBooks } from '../support/context.js';
import { chapterTocTitle } from '../../src/render/chapter.js';

// Screenshots are kept for a person to look at: QUIRE_SCREENSHOTS names the folder.
const SHOTS = process.env.QUIRE_SCREENSHOTS ?? path.join(os.tmpdir(), 'quire-screenshots');
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const names = sampleSources().map((f) => path.basename(f, path.extname(f)));

/** The TOC labels our nav.xhtml declares, in order. */
function navLabels(epub: Uint8Array): string[] {
  const nav = unzipText(epub).get('OEBPS/nav.xhtml') ?? '';
  const toc = nav.slice(0, nav.indexOf('</nav>'));
  return [...toc.matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)].map((m) =>
    m[1]!
      .replace(/&amp;/g, '&')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"'),
  );
}

/** epub.js in Chromium opens every book (validated by sideload.test.ts). */
export const epubjsSuite = (all: SideloadBooks) =>
  describeWithClient('chromium', 'epub.js in headless Chromium', () => {
    let books: Map<string, SampleBook>;
    let reader: Reader;
    beforeAll(async () => {
      await rm(SHOTS, { recursive: true, force: true });
      await mkdir(SHOTS, { recursive: true });
      books = new Map(all.samples.map((b) => [b.name, b]));
      const served = new Map<string, Uint8Array>([
        ['showcase.epub', all.showcase.epub],
        ['showcase.kepub.epub', all.showcase.kepub],
        ['bare-showcase.epub', all.showcase.bare],
      ]);
      for (const b of books.values()) served.set(`${b.name}.epub`, b.built.epub);
      reader = await startReader(served);
    });
    afterAll(async () => reader?.close());

    it.each(names)('%s: opens at the cover, lists the TOC and renders a chapter', async (name) => {
      const book = books.get(name)!;
      const opened = await reader.open(`${name}.epub`);
      expect(opened.spine[0]).toBe('cover.xhtml');
      expect(opened.toc.map((t) => t.label)).toEqual(navLabels(book.built.epub));

      const cover = await reader.show(opened.spine[0]!);
      await reader.screenshot(path.join(SHOTS, `${name}-1-cover.png`));
      // The cover image fills the page's height (800px less epub.js's margins) in its own proportions.
      expect(cover.imgs).toHaveLength(1);
      expect(cover.imgs[0]!.height).toBeGreaterThan(600);
      expect(cover.imgs[0]!.width / cover.imgs[0]!.height).toBeCloseTo(300 / 450, 1);

      const toc = await reader.showToc(book.built.book.meta.title);
      await reader.screenshot(path.join(SHOTS, `${name}-2-toc.png`));
      for (const c of book.built.book.chapters) expect(toc).toContain(chapterTocTitle(c));

      const firstChapter = opened.toc.find((t) => /chapter-001\.xhtml$/.test(t.href))!;
      const chapter = await reader.show(firstChapter.href);
      await reader.screenshot(path.join(SHOTS, `${name}-3-chapter.png`));
      const shown = squash(chapter.text);
      const story = storyTexts(book.built);
      const chapterOne = book.built.book.chapters[0]!;
      const firstTexts = story.slice(0, 1 + chapterOne.blocks.length).map(squash);
      // The heading and the opening paragraphs are on the page, in order.
      let at = 0;
      for (const t of firstTexts.slice(0, 4)) {
        const found = shown.indexOf(t, at);
        expect(found, t).toBeGreaterThanOrEqual(at);
        at = found + t.length;
      }
      expect(reader.outside).toEqual([]);
    });

    it('renders every block of the showcase book, sections nested in the TOC', async () => {
      const opened = await reader.open('showcase.epub');
      expect(opened.toc.map((t) => [t.depth, t.label])).toEqual([
        [0, 'Title Page'],
        [0, 'Author’s Notes'],
        [0, 'Chapter 1: The Ford'],
        [0, 'Chapter 2: The Inn at Greyhead'],
        [1, 'Evening'],
        [1, 'Morning'],
        [0, 'End Notes'],
      ]);
      await reader.show('cover.xhtml');
      await reader.screenshot(path.join(SHOTS, 'showcase-1-cover.png'));
      const title = await reader.show('titlepage.xhtml');
      await reader.screenshot(path.join(SHOTS, 'showcase-2-titlepage.png'));
      expect(squash(title.text)).toMatch(/The Salt Road.*by Wren Hollis.*Roads of the North, book 2/);
      await reader.showToc('The Salt Road');
      await reader.screenshot(path.join(SHOTS, 'showcase-3-toc.png'));
      const one = await reader.show('chapter-001.xhtml');
      await reader.screenshot(path.join(SHOTS, 'showcase-4-chapter.png'));
      expect(squash(one.text)).toMatch(/Chapter 1 The Ford.*A road is a promise.*Old carters’ saying.*Three,” she said/);
      const two = await reader.show('chapter-002.xhtml');
      await reader.screenshot(path.join(SHOTS, 'showcase-5-sections.png'));
      expect(squash(two.text)).toMatch(/The Inn at Greyhead Evening Maud The inn had one lamp.*Morning Ossian Snow had come.*The End/i);
      expect(reader.outside).toEqual([]);
    });

    it('renders the kepub exactly as the EPUB: Kobo spans change nothing a reader sees', async () => {
      await reader.open('showcase.epub');
      const plain = await reader.show('chapter-001.xhtml');
      await reader.open('showcase.kepub.epub');
      const kepub = await reader.show('chapter-001.xhtml');
      await reader.screenshot(path.join(SHOTS, 'showcase-9-kepub-chapter.png'));
      expect(kepub.text).toBe(plain.text);
      expect(kepub.hrs).toEqual(plain.hrs);
    });

    it('shows scene breaks even where a reader hides the borders of <hr>', async () => {
      await reader.open('showcase.epub', { hr: { 'border-style': 'none !important', 'border-width': '0 !important' } });
      const chapter = await reader.show('chapter-001.xhtml');
      expect(chapter.hrs).toHaveLength(2);
      for (const hr of chapter.hrs) {
        expect(hr.borderTop).toBe('none');
        expect(hr.after).not.toMatch(/^(none|normal|"")$/);
        expect(hr.height).toBeGreaterThan(8);
      }
      expect(await reader.showSceneBreak()).toBe(true);
      await reader.screenshot(path.join(SHOTS, 'showcase-6-scene-break-no-borders.png'));
    });

    it('reads without the stylesheet: text, headings and visible scene breaks', async () => {
      await reader.open('bare-showcase.epub');
      const chapter = await reader.show('chapter-001.xhtml');
      expect(squash(chapter.text)).toMatch(/The Ford.*Three,” she said/);
      expect(chapter.hrs).toHaveLength(2);
      for (const hr of chapter.hrs) expect(hr.height).toBeGreaterThan(0);
      await reader.screenshot(path.join(SHOTS, 'showcase-7-no-stylesheet.png'));
      await reader.show('chapter-002.xhtml');
      await reader.screenshot(path.join(SHOTS, 'showcase-8-no-stylesheet-sections.png'));
    });
  });
