/**
 * The OPDS 1.2 catalog (https://specs.opds.io/opds-1.2): Atom feeds a reader's
 * catalog browser (KOReader, Thorium, Moon+ Reader, PocketBook's network
 * library) opens. A navigation feed at /opds leads to acquisition feeds of all
 * books, the newest, and books by author, series and tag; OpenSearch finds
 * books by their words.
 */
import { esc } from '../../render/xml.js';
import { FORMAT_TYPES, type Group, type Library, type LibraryBook } from './library.js';
import { coverUrl, fileUrl, thumbUrl } from './urls.js';

export const NAV_TYPE = 'application/atom+xml;profile=opds-catalog;kind=navigation';
export const ACQ_TYPE = 'application/atom+xml;profile=opds-catalog;kind=acquisition';
export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';

const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';

interface FeedInput {
  /** The feed's own path, for `self` and its id. */
  path: string;
  title: string;
  kind: 'navigation' | 'acquisition';
  updated: string;
  /** The feed's extra links (`http://opds-spec.org/sort/new` …). */
  links?: string[];
  entries: string[];
  up?: string;
}

const link = (rel: string, href: string, type: string, extra = ''): string => `<link rel="${rel}" href="${esc(href)}" type="${type}"${extra}/>`;

function feed(f: FeedInput): string {
  const type = f.kind === 'navigation' ? NAV_TYPE : ACQ_TYPE;
  return `${HEAD}<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/terms/" xmlns:opds="http://opds-spec.org/2010/catalog">
  <id>urn:quire:catalog:${esc(f.path)}</id>
  <title>${esc(f.title)}</title>
  <updated>${esc(f.updated)}</updated>
  <author><name>quire</name></author>
${[link('self', f.path, type), link('start', '/opds', NAV_TYPE), ...(f.up ? [link('up', f.up, NAV_TYPE)] : []), link('search', '/opds/search.xml', OPENSEARCH_TYPE), ...(f.links ?? [])].map((l) => `  ${l}`).join('\n')}
${f.entries.join('\n')}
</feed>
`;
}

function navEntry(id: string, title: string, href: string, updated: string, content: string, type = ACQ_TYPE, rel = 'subsection'): string {
  return `  <entry>
    <title>${esc(title)}</title>
    <id>urn:quire:catalog:${esc(id)}</id>
    <updated>${esc(updated)}</updated>
    <content type="text">${esc(content)}</content>
    ${link(rel, href, type)}
  </entry>`;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The root: where everything else is found. */
export function navigationFeed(library: Library): string {
  const u = library.updated;
  const n = library.books.length;
  return feed({
    path: '/opds',
    title: 'quire library',
    kind: 'navigation',
    updated: u,
    entries: [
      navEntry('/opds/new', 'Newest', '/opds/new', u, `${plural(n, 'book')}, newest first`, ACQ_TYPE, 'http://opds-spec.org/sort/new'),
      navEntry('/opds/all', 'All books', '/opds/all', u, `${plural(n, 'book')} by title`),
      navEntry('/opds/authors', 'By author', '/opds/authors', u, plural(library.authors.length, 'author'), NAV_TYPE),
      navEntry('/opds/series', 'By series', '/opds/series', u, plural(library.series.length, 'series'), NAV_TYPE),
      navEntry('/opds/tags', 'By tag', '/opds/tags', u, plural(library.tags.length, 'tag'), NAV_TYPE),
    ],
  });
}

/** A list of authors, series or tags, each leading to its books. */
export function groupsFeed(library: Library, path: string, title: string, groups: readonly Group[]): string {
  return feed({
    path,
    title,
    kind: 'navigation',
    updated: library.updated,
    up: '/opds',
    entries: groups.map((g) => navEntry(`${path}/${g.key}`, g.name, `${path}/${g.key}`, latest(g.books, library), plural(g.books.length, 'book'))),
  });
}

const latest = (books: readonly LibraryBook[], library: Library): string =>
  books
    .map((b) => b.info.modified)
    .filter(Boolean)
    .sort()
    .at(-1) ?? library.updated;

/** Books, each with its formats, cover and thumbnail. */
export function acquisitionFeed(library: Library, path: string, title: string, books: readonly LibraryBook[], links: string[] = []): string {
  return feed({ path, title, kind: 'acquisition', updated: latest(books, library), up: '/opds', links, entries: books.map(bookEntry) });
}

export const newLink = link('http://opds-spec.org/sort/new', '/opds/new', ACQ_TYPE);

function bookEntry(b: LibraryBook): string {
  const i = b.info;
  const lines = [
    `<title>${esc(i.title)}</title>`,
    `<id>${esc(i.identifier || `urn:quire:book:${b.id}`)}</id>`,
    `<updated>${esc(i.modified)}</updated>`,
    ...i.authors.map((a) => `<author><name>${esc(a.name)}</name></author>`),
    `<dc:language>${esc(i.language)}</dc:language>`,
    ...(i.published ? [`<dc:issued>${esc(i.published)}</dc:issued>`] : []),
    ...i.subjects.map((s) => `<category term="${esc(s)}" label="${esc(s)}"/>`),
    ...(i.summary ? [`<summary type="text">${esc(i.summary)}</summary>`] : []),
    ...(i.series ? [`<content type="text">${esc(seriesLine(b))}</content>`] : []),
  ];
  if (b.cover) {
    lines.push(link('http://opds-spec.org/image', coverUrl(b), b.cover.mime), link('http://opds-spec.org/image/thumbnail', thumbUrl(b), 'image/jpeg'));
  }
  for (const f of b.files) lines.push(link('http://opds-spec.org/acquisition', fileUrl(b, f), FORMAT_TYPES[f.kind].mime, ` title="${esc(FORMAT_TYPES[f.kind].label)}" length="${f.size}"`));
  return `  <entry>\n    ${lines.join('\n    ')}\n  </entry>`;
}

/** `Tales of the Marches, book 2` */
export function seriesLine(b: LibraryBook): string {
  const s = b.info.series;
  if (!s) return '';
  return s.position !== undefined ? `${s.name}, book ${s.position}` : s.name;
}

/** OpenSearch 1.1 description; its template must be absolute, so it is made from the address the client used. */
export function openSearch(origin: string): string {
  return `${HEAD}<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>quire</ShortName>
  <Description>Search the books quire serves</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <OutputEncoding>UTF-8</OutputEncoding>
  <Url type="${ACQ_TYPE}" template="${esc(origin)}/opds/search?q={searchTerms}"/>
</OpenSearchDescription>
`;
}
