import type { Book } from '../model.js';
import { chapterCount } from '../model.js';
import { countWords } from '../stats.js';
import { chapterHref, renderChapter, storyToc, type TocEntry } from './chapter.js';
import { renderNav, renderNcx, type Landmark } from './nav.js';
import { renderOpf, type ManifestItem } from './opf.js';
import { renderNotesPage, renderTitlePage } from './titlepage.js';
import { bookLabels } from './labels.js';
import { noteCitations, renderFootnotes, uniqueRefIds } from './footnotes.js';
import { esc, xhtml } from './xml.js';

import type { CoverImage } from '../cover/types.js';
import type { ResourceFile } from '../read/resources.js';

export type { ResourceFile } from '../read/resources.js';

export interface RenderOptions {
  /** `urn:uuid:…`, stable for the same work. */
  identifier: string;
  /** `CCYY-MM-DDThh:mm:ssZ`, never the clock. */
  modified: string;
  /** The book stylesheet. */
  css: string;
  cover?: CoverImage;
  /** The story's word count, when the caller has it already. */
  words?: number;
  /** Images and other files the chapters refer to, already read and checked. */
  resources?: readonly ResourceFile[];
  /** Whether the book's text went through typography, so quire's own words do too (default true). */
  typography?: boolean;
}

export interface RenderedFile extends ManifestItem {
  data: string | Uint8Array;
}

/** Every file of the publication except the OCF container, plus the package document. */
export interface RenderedBook {
  files: RenderedFile[];
  opf: string;
}

const XHTML = 'application/xhtml+xml';

export function renderBook(book: Book, options: RenderOptions): RenderedBook {
  const { meta } = book;
  const lang = meta.language;
  const files: RenderedFile[] = [];
  const landmarks: Landmark[] = [];
  const toc: TocEntry[] = [];
  const stats = { chapters: chapterCount(book), words: options.words ?? countWords(book) };
  const labels = bookLabels(lang, options.typography !== false);

  if (options.cover) {
    const c = options.cover;
    const href = `cover.${c.extension}`;
    files.push({ id: 'cover-image', href, mediaType: c.mediaType, properties: 'cover-image', data: c.data });
    files.push({
      id: 'cover',
      href: 'cover.xhtml',
      mediaType: XHTML,
      properties: 'svg',
      spine: 'linear',
      guide: { type: 'cover', title: labels.cover },
      data: renderCoverPage(meta.title, lang, href, c, labels.cover),
    });
    landmarks.push({ type: 'cover', title: labels.cover, href: 'cover.xhtml' });
  }
  files.push({ id: 'titlepage', href: 'titlepage.xhtml', mediaType: XHTML, spine: 'linear', guide: { type: 'title-page', title: labels.titlePage }, data: renderTitlePage(book, stats, labels) });
  landmarks.push({ type: 'titlepage', title: labels.titlePage, href: 'titlepage.xhtml' });
  toc.push({ title: labels.titlePage, href: 'titlepage.xhtml', children: [] });

  if (book.front.length) {
    files.push({ id: 'front', href: 'front.xhtml', mediaType: XHTML, spine: 'linear', data: uniqueRefIds(renderNotesPage(labels.authorsNotes, book.front, lang, 'frontmatter')) });
    toc.push({ title: labels.authorsNotes, href: 'front.xhtml', children: [] });
  }
  book.chapters.forEach((chapter, i) => {
    const href = chapterHref(i);
    const start = i === 0 ? { guide: { type: 'text', title: labels.start } } : {};
    files.push({ id: `chapter-${i + 1}`, href, mediaType: XHTML, spine: 'linear', ...start, data: uniqueRefIds(renderChapter(chapter, i, lang, labels.labelAndTitle)) });
  });
  toc.push(...storyToc(book.chapters, labels.labelAndTitle));
  landmarks.push({ type: 'bodymatter', title: labels.startOfStory, href: chapterHref(0) });
  if (book.back.length) {
    files.push({ id: 'back', href: 'back.xhtml', mediaType: XHTML, spine: 'linear', data: uniqueRefIds(renderNotesPage(labels.endNotes, book.back, lang, 'backmatter')) });
    toc.push({ title: labels.endNotes, href: 'back.xhtml', children: [] });
  }
  if (book.notes.length) {
    files.push({ id: 'notes', href: 'notes.xhtml', mediaType: XHTML, spine: 'linear', data: uniqueRefIds(renderFootnotes(book.notes, lang, noteCitations(book, chapterHref), labels.notes)) });
    toc.push({ title: labels.notes, href: 'notes.xhtml', children: [] });
  }
  for (const [i, r] of (options.resources ?? []).entries()) {
    files.push({ id: `res-${i + 1}`, href: r.href, mediaType: r.mediaType, data: r.data });
  }
  files.push({ id: 'nav', href: 'nav.xhtml', mediaType: XHTML, properties: 'nav', data: renderNav(meta.title, lang, toc, landmarks, labels.contents) });
  files.push({ id: 'ncx', href: 'toc.ncx', mediaType: 'application/x-dtbncx+xml', data: renderNcx(options.identifier, meta.title, toc) });
  files.push({ id: 'style', href: 'style.css', mediaType: 'text/css', data: options.css });

  const opf = renderOpf({ meta, identifier: options.identifier, modified: options.modified, items: files, ...(options.cover ? { coverId: 'cover-image' } : {}) });
  return { files, opf };
}

// An SVG wrapper scales the cover to the page on every reader without CSS tricks.
function renderCoverPage(title: string, lang: string, href: string, c: CoverImage, label: string): string {
  return xhtml({
    title: label,
    lang,
    css: 'style.css',
    bodyType: 'cover',
    body: `<section epub:type="cover" class="cover">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" viewBox="0 0 ${c.width} ${c.height}" preserveAspectRatio="xMidYMid meet" width="100%" height="100%">
<title>${esc(title)}</title>
<image width="${c.width}" height="${c.height}" xlink:href="${esc(href)}"/>
</svg>
</section>`,
  });
}
