/**
 * The web page at `/`, for a reader's own browser (Kobo, Kindle, PocketBook)
 * and anything else: plain HTML, no JavaScript, no cookies, black on white in
 * large type with large tap targets, since e-ink browsers are slow, small and
 * grey. Covers are thumbnails with their size given, so nothing jumps as they load.
 */
import { esc } from '../../render/xml.js';
import { megabytes } from '../device-files.js';
import { FORMAT_TYPES, newest, search, type Library, type LibraryBook } from './library.js';
import { seriesLine } from './opds.js';
import { fileUrl, thumbUrl } from './urls.js';

const STYLE = `
html { background: #fff; color: #000; }
body { margin: 0 auto; padding: 0.5em 1em 2em; max-width: 46em; font: 1.15em/1.45 Georgia, "Times New Roman", serif; }
header { border-bottom: 2px solid #000; margin-bottom: 0.5em; }
h1 { font-size: 1.5em; margin: 0.3em 0; }
header p { margin: 0.3em 0 0.6em; }
form { margin: 0.4em 0 0.6em; }
input { font: inherit; padding: 0.35em; border: 2px solid #000; background: #fff; color: #000; }
input[type=search] { width: 60%; }
button { font: inherit; padding: 0.35em 0.9em; border: 2px solid #000; background: #fff; color: #000; }
a { color: #000; }
article { border-bottom: 1px solid #000; padding: 1em 0; overflow: hidden; }
article img { float: left; width: 100px; height: 160px; margin: 0.2em 1em 0.5em 0; border: 1px solid #000; }
h2 { font-size: 1.25em; margin: 0 0 0.2em; }
.by, .series { margin: 0 0 0.2em; }
.series { font-style: italic; }
.summary { margin: 0.4em 0; }
.tags { font-size: 0.85em; margin: 0.2em 0; }
.get { clear: left; margin: 0.6em 0 0; }
.get a { display: inline-block; margin: 0.3em 0.6em 0.3em 0; padding: 0.45em 0.9em; border: 2px solid #000; text-decoration: none; font-weight: bold; }
.empty { margin: 2em 0; }
footer { margin-top: 1.5em; font-size: 0.85em; }
code { font-size: 0.95em; word-break: break-all; }
`;

export interface PageQuery {
  q?: string;
  sort?: 'title' | 'new';
}

/** The page for one request: every book, or what a search found. */
export function libraryPage(library: Library, query: PageQuery, origin: string): string {
  const q = (query.q ?? '').trim();
  const books = q ? search(library, q) : query.sort === 'new' ? newest(library) : library.books;
  const count = `${library.books.length} book${library.books.length === 1 ? '' : 's'}`;
  const heading = q ? `${books.length} found for “${esc(q)}”` : count;
  const list = books.length ? books.map(bookHtml).join('\n') : `<p class="empty">${q ? 'No book holds all those words.' : 'No books yet: quire builds them from the stories it was given.'}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>quire library</title>
<link rel="alternate" type="application/atom+xml;profile=opds-catalog;kind=navigation" href="/opds" title="OPDS catalog">
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>quire library</h1>
<p>${heading}</p>
<form action="/" method="get"><input type="search" name="q" value="${esc(q)}" placeholder="Title, author, series or tag" aria-label="Search by title, author, series or tag"> <button type="submit">Search</button></form>
<nav>${q ? '<a href="/">All books</a>' : query.sort === 'new' ? 'Sort: <a href="/">by title</a> · <b>newest first</b>' : 'Sort: <b>by title</b> · <a href="/?sort=new">newest first</a>'}</nav>
</header>
<main>
${list}
</main>
<footer><p>Reading apps (KOReader, Moon+ Reader, Thorium…) can add this library as an OPDS catalog: <code>${esc(origin)}/opds</code></p></footer>
</body>
</html>
`;
}

function bookHtml(b: LibraryBook): string {
  const i = b.info;
  const authors = i.authors.map((a) => a.name).join(', ');
  const img = b.cover ? `<img src="${esc(thumbUrl(b))}" alt="" width="100" height="160">` : '';
  const links = b.files.map(
    (f) => `<a href="${esc(fileUrl(b, f))}" type="${FORMAT_TYPES[f.kind].mime}" download="${esc(f.downloadName)}">${esc(FORMAT_TYPES[f.kind].label)} <small>(${megabytes(f.size)})</small></a>`,
  );
  return `<article>
${img}<h2>${esc(i.title)}</h2>
${authors ? `<p class="by">by ${esc(authors)}</p>` : ''}
${i.series ? `<p class="series">${esc(seriesLine(b))}</p>` : ''}
${(i.summary ?? '')
  .split(/\n\s*\n/)
  .filter((p) => p.trim())
  .map((p) => `<p class="summary">${esc(p.trim())}</p>`)
  .join('\n')}
${i.subjects.length ? `<p class="tags">Tags: ${esc(i.subjects.join(' · '))}</p>` : ''}
<p class="get">${links.join(' ')}</p>
</article>`;
}

/** A small page for 404 and the like, in the same plain style. */
export function messagePage(title: string, text: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body><h1>${esc(title)}</h1><p>${esc(text)}</p><p><a href="/">Back to the library</a></p></body></html>
`;
}
