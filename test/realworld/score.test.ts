// The real-world scorer (scripts/realworld/score.mjs) on tiny hand-made EPUBs:
// a right book passes every check, and for each check a book wrong in just
// that way fails it.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseLabel, scoreBook, standsFor, type Check, type Truth } from '../../scripts/realworld/score.mjs';

interface Entry {
  title: string;
  doc: number;
  children?: Entry[];
}
interface Book {
  title: string;
  creators: string[];
  language: string;
  docs: string[];
  toc: Entry[];
  /** Index of the title page's document, listed as a landmark. */
  titlepage?: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const xhtml = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>x</title></head><body>${body}</body></html>`;
const href = (k: number) => `doc-${k}.xhtml`;
const list = (entries: Entry[]): string => `<ol>${entries.map((e) => `<li><a href="${href(e.doc)}">${esc(e.title)}</a>${e.children?.length ? list(e.children) : ''}</li>`).join('')}</ol>`;

/** A minimal EPUB 3: container, OPF, nav (TOC and landmarks) and one XHTML file per document. */
function epub(book: Book): Uint8Array {
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>${esc(book.title)}</dc:title>${book.creators.map((c) => `<dc:creator>${esc(c)}</dc:creator>`).join('')}<dc:language>${book.language}</dc:language>
</metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${book.docs.map((_, k) => `<item id="d${k}" href="${href(k)}" media-type="application/xhtml+xml"/>`).join('')}</manifest>
<spine>${book.docs.map((_, k) => `<itemref idref="d${k}"/>`).join('')}</spine></package>`;
  const landmarks = book.titlepage === undefined ? '' : `<nav epub:type="landmarks"><ol><li><a epub:type="titlepage" href="${href(book.titlepage)}">x</a></li></ol></nav>`;
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/content.opf': strToU8(opf),
    'OEBPS/nav.xhtml': strToU8(xhtml(`<nav epub:type="toc"><h2>Contents</h2>${list(book.toc)}</nav>${landmarks}`)),
  };
  book.docs.forEach((d, k) => (files[`OEBPS/${href(k)}`] = strToU8(xhtml(d))));
  return zipSync(files);
}

const truth: Truth = {
  id: 'test',
  path: 'orchard.txt',
  titles: ['The Winter Orchard'],
  authors: [{ name: 'Theodora Finch', match: [['theodora', 'finch']] }],
  contributors: ['Ada Lark'],
  language: 'en',
  parts: [
    { label: 'Part One', title: 'Frost', chapters: 2 },
    { label: 'Part Two', chapters: 1 },
  ],
  chapters: [{ label: 'Chapter I', title: 'The Orchard', sections: ['I.', 'II.'] }, { label: 'Chapter II', title: 'The Well' }, { label: 'Chapter III' }],
  optional: ['Preface'],
  notChapters: ['Heading to Chapter'],
  forbidden: ['[Illustration'],
  first: 'The orchard was old',
  last: 'and the frost went out.',
  paragraph: { start: 'The orchard was old', end: 'who had planted it.', lines: 2 },
  minMedianParagraph: 30,
  linesKept: ['Frost on the bough,', 'frost on the vane,'],
};

const opening = '<p>The orchard was old, older than anyone in the village, older than the man who had planted it.</p>';
const verse = '<p class="verse">Frost on the bough,<br/>frost on the vane,</p>';
function good(): Book {
  return {
    title: 'The Winter Orchard',
    creators: ['Theodora Finch'],
    language: 'en',
    titlepage: 0,
    docs: [
      '<h1>The Winter Orchard</h1><p>Theodora Finch</p>',
      '<h2>Preface</h2><p>This little book was written in a cold year, for those who keep orchards.</p>',
      '<h1>Part One: Frost</h1>',
      `<h2>Chapter I: The Orchard</h2><h3>I</h3>${opening}<h3>II</h3>${verse}`,
      '<h2>Chapter II: The Well</h2><p>The well was deep and the rope was long, and the bucket came up full of stars.</p>',
      '<h1>Part Two</h1>',
      '<h2>Chapter III</h2><p>Spring came late that year, and the sisters sat by the door and the frost went out.</p>',
    ],
    toc: [
      { title: 'Title Page', doc: 0 },
      { title: 'Preface', doc: 1 },
      {
        title: 'Part One: Frost',
        doc: 2,
        children: [
          {
            title: 'Chapter I: The Orchard',
            doc: 3,
            children: [
              { title: 'I', doc: 3 },
              { title: 'II', doc: 3 },
            ],
          },
          { title: 'Chapter II: The Well', doc: 4 },
        ],
      },
      { title: 'Part Two', doc: 5, children: [{ title: 'Chapter III', doc: 6 }] },
    ],
  };
}

const score = (book: Book, t: Truth = truth) => scoreBook(t, epub(book));
const failed = (checks: Check[]) => checks.filter((c) => !c.ok).map((c) => c.check);
const check = (checks: Check[], name: string) => checks.find((c) => c.check === name)!;

describe('the real-world scorer', () => {
  it('passes a right book on every check', () => {
    const checks = score(good());
    expect(failed(checks), JSON.stringify(checks.filter((c) => !c.ok))).toEqual([]);
    expect(checks).toHaveLength(14);
  });

  it('title: compared ignoring case, accents and punctuation; a different title fails; null is not scored', () => {
    expect(check(score({ ...good(), title: 'THE WINTER-ORCHARD!' }), 'title').ok).toBe(true);
    expect(check(score({ ...good(), title: 'The Wínter Orchard' }), 'title').ok).toBe(true);
    expect(check(score({ ...good(), title: 'The Winter Orchard Edition 3.0' }), 'title').ok).toBe(false);
    expect(check(score({ ...good(), title: 'Untitled' }, { ...truth, titles: null }), 'title')).toMatchObject({ ok: true, detail: expect.stringMatching(/^not scored/) });
  });

  it('authors: every author a creator, every creator an author or a contributor', () => {
    expect(check(score({ ...good(), creators: ['Theodora Finch', 'Ada Lark'] }), 'authors').ok).toBe(true);
    expect(check(score({ ...good(), creators: ['T. Finch'] }), 'authors').ok).toBe(false);
    expect(check(score({ ...good(), creators: ['Theodora Finch', 'Kurt Wolff Verlag'] }), 'authors').ok).toBe(false);
  });

  it('language: the primary subtag', () => {
    expect(check(score({ ...good(), language: 'en-GB' }), 'language').ok).toBe(true);
    expect(check(score({ ...good(), language: 'de' }), 'language').ok).toBe(false);
  });

  it('chapters: the count is exact', () => {
    const book = good();
    book.toc[2]!.children!.pop();
    expect(check(score(book), 'chapters')).toMatchObject({ ok: false, detail: '2 chapter-level entries, expected 3' });
  });

  it('chapter titles: an entry must name its division by title or by word and number', () => {
    const book = good();
    book.toc[2]!.children![0]!.title = 'The Beginning';
    book.toc[2]!.children![1]!.title = 'Chapter 2';
    book.toc[3]!.children![0]!.title = 'Three';
    const checks = score(book);
    expect(check(checks, 'chapter titles').ok).toBe(false);
    expect(check(checks, 'chapter titles').detail).toMatch(/^1\/3 .*not found: "Chapter I The Orchard", "Chapter III"/);
    expect(check(checks, 'chapters').ok).toBe(true);
  });

  it('nesting: parts hold their chapters', () => {
    const book = good();
    const [title, preface, one, two] = book.toc;
    book.toc = [title!, preface!, { ...one!, children: [] }, ...one!.children!, { ...two!, children: [] }, ...two!.children!];
    const checks = score(book);
    expect(check(checks, 'nesting').ok).toBe(false);
    expect(check(checks, 'nesting').detail).toMatch(/holds 0 chapters, expected 2/);
    expect(check(checks, 'chapter titles').ok).toBe(true);
  });

  it('nesting: a sub-entry that is none of its chapter’s sections is stray', () => {
    const book = good();
    book.toc[2]!.children![1]!.children = [{ title: 'II', doc: 4 }];
    expect(check(score(book), 'nesting')).toMatchObject({ ok: false, detail: 'stray sub-entries: "II"' });
    const more = good();
    more.toc[2]!.children![0]!.children!.push({ title: 'III', doc: 3 });
    expect(check(score(more), 'nesting').ok).toBe(false);
  });

  it('forbidden: boilerplate left in any XHTML fails', () => {
    const book = good();
    book.docs[4] += '<p>[Illustration: The well]</p>';
    expect(check(score(book), 'forbidden')).toMatchObject({ ok: false, detail: '"[Illustration" in OEBPS/doc-4.xhtml' });
  });

  it('not chapters: a listed line start as a TOC entry fails, the book’s own title page does not', () => {
    const book = good();
    book.toc.splice(2, 0, { title: 'Heading to Chapter I', doc: 1 });
    expect(check(score(book), 'not chapters').ok).toBe(false);
    const german = good();
    german.toc[0]!.title = 'Titelseite';
    const checks = score(german, { ...truth, notChapters: ['Titelseite', 'Title Page'] });
    expect(check(checks, 'not chapters').ok).toBe(true);
    expect(check(checks, 'chapters').ok).toBe(true);
  });

  it('no repeats: a contents list turned into entries lists divisions twice', () => {
    const book = good();
    book.toc[1] = {
      title: 'Preface',
      doc: 1,
      children: [
        { title: 'Chapter I. The Orchard', doc: 1 },
        { title: 'Chapter II. The Well', doc: 1 },
      ],
    };
    const checks = score(book);
    expect(check(checks, 'no repeats')).toMatchObject({ ok: false, detail: 'entries repeating a division: "Chapter I. The Orchard", "Chapter II. The Well"' });
    expect(check(checks, 'chapters').ok).toBe(true);
  });

  it('no repeats: two divisions with one title are two, not a repeat', () => {
    const book = good();
    book.toc[3]!.children![0]!.title = 'Chapter III: The Well';
    expect(check(score(book, { ...truth, chapters: [truth.chapters[0]!, truth.chapters[1]!, { label: 'Chapter III', title: 'The Well' }] }), 'no repeats').ok).toBe(true);
  });

  it('first words: in chapter 1, not swallowed by the title page or pushed into a later chapter', () => {
    const book = good();
    book.docs[0] += opening;
    book.docs[3] = `<h2>Chapter I: The Orchard</h2><h3>I</h3><h3>II</h3>${verse}`;
    expect(check(score(book), 'first words').ok).toBe(false);
    book.docs[0] = good().docs[0]!;
    book.docs[4] += opening;
    expect(check(score(book), 'first words').ok).toBe(false);
  });

  it('first words: a listed optional division just before chapter 1 may open the story (a prologue)', () => {
    const book = good();
    book.docs[1] = `<h2>Prologue</h2>${opening}`;
    book.toc[1]!.title = 'Prologue';
    book.docs[3] = `<h2>Chapter I: The Orchard</h2>${verse}`;
    expect(check(score(book, { ...truth, optional: ['Prologue'] }), 'first words').ok).toBe(true);
  });

  it('last words: in the last division', () => {
    const book = good();
    book.docs[6] = '<h2>Chapter III</h2><p>Spring came late that year.</p>';
    book.docs[4] += '<p>and the frost went out.</p>';
    expect(check(score(book), 'last words').ok).toBe(false);
  });

  it('paragraph: a hard-wrapped paragraph left in pieces fails', () => {
    const book = good();
    book.docs[3] = book.docs[3]!.replace(opening, '<p>The orchard was old, older than anyone in the village,</p><p>older than the man who had planted it.</p>');
    expect(check(score(book), 'paragraph').ok).toBe(false);
  });

  it('paragraph: typography and emphasis marks are no difference', () => {
    const book = good();
    book.docs[3] = book.docs[3]!.replace(opening, '<p>The orchard was <em>old</em>, older than anyone in the village—older than the man who had planted it.</p>');
    expect(check(score(book, { ...truth, paragraph: { start: 'The orchard was _old_, older', end: 'village--older than the man', lines: 2 } }), 'paragraph').ok).toBe(true);
  });

  it('median paragraph: a book left in short lines fails', () => {
    const book = good();
    book.docs[4] = '<h2>Chapter II: The Well</h2>' + '<p>The well was deep</p>'.repeat(9);
    expect(check(score(book), 'median paragraph')).toMatchObject({ ok: false, detail: expect.stringMatching(/^median 17 characters/) });
  });

  it('lines kept: two verse lines run into one line fail; a <br/> or two paragraphs keep them', () => {
    const book = good();
    book.docs[3] = book.docs[3]!.replace(verse, '<p>Frost on the bough, frost on the vane,</p>');
    expect(check(score(book), 'lines kept').ok).toBe(false);
    const two = good();
    two.docs[3] = two.docs[3]!.replace(verse, '<p>Frost on the bough,</p><p>frost on the vane,</p>');
    expect(check(score(two), 'lines kept').ok).toBe(true);
  });

  it('reads a division’s label as word and number in every written form', () => {
    expect(parseLabel('Chapter IV')).toEqual({ word: 'chapter', number: 4 });
    expect(parseLabel('Stave Three')).toEqual({ word: 'stave', number: 3 });
    expect(parseLabel('II.')).toEqual({ word: undefined, number: 2 });
    expect(parseLabel('第一○○回')).toMatchObject({ word: '回', number: 100 });
    expect(parseLabel('第一一回')).toMatchObject({ number: 11 });
    expect(parseLabel('第九○回')).toMatchObject({ number: 90 });
    expect(standsFor({ title: 'Chapter 4: The Well' }, { label: 'Chapter IV' })).toBe(true);
    expect(standsFor({ title: 'CHAPTER FOUR' }, { label: 'Chapter IV' })).toBe(true);
    expect(standsFor({ title: 'Chapter Twenty-One' }, { label: 'Chapter 21' })).toBe(true);
    expect(standsFor({ title: 'Letter 4' }, { label: 'Chapter IV' })).toBe(false);
    expect(standsFor({ title: 'Part Four' }, { label: 'Chapter IV' })).toBe(false);
    expect(standsFor({ title: 'IV: The Well' }, { label: 'IV.' })).toBe(true);
    expect(standsFor({ title: 'The Well, part IV' }, { label: 'IV.' })).toBe(false);
    expect(standsFor({ title: '第十一回 花果山' }, { label: '第一一回' })).toBe(true);
    expect(standsFor({ title: '第十二回' }, { label: '第一一回' })).toBe(false);
    expect(standsFor({ title: '第一回　靈根育孕源流出　心性修持大道生' }, { label: '第九回', title: '靈根育孕源流出 心性修持大道生' })).toBe(true);
  });
});
