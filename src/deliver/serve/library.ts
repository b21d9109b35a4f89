/**
 * What `quire serve` serves: an index, in memory, of the books the last build
 * made, read back from the books themselves. Every URL the server answers is
 * a key into this index; no URL is ever turned into a path.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { WorkResult } from '../../batch/types.js';
import { readBookInfo, type BookInfo } from '../epub-info.js';
import { freshAzw3 } from '../kindle.js';

export type FormatKind = 'epub' | 'kepub' | 'azw3';

export const FORMAT_TYPES: Readonly<Record<FormatKind, { mime: string; label: string; ext: string }>> = {
  epub: { mime: 'application/epub+zip', label: 'EPUB', ext: '.epub' },
  kepub: { mime: 'application/kepub+zip', label: 'Kobo kepub', ext: '.kepub.epub' },
  azw3: { mime: 'application/x-mobi8-ebook', label: 'Kindle AZW3', ext: '.azw3' },
};

export interface BookFile {
  kind: FormatKind;
  /** Where the file is in the output folder. */
  path: string;
  size: number;
  /** The start of its sha256: in its URL, so a client that keeps links sees a rebuilt book as new. */
  hash: string;
  /** The name a download is saved under: the title, as Send to Kindle and people read it. */
  downloadName: string;
  /** The same, ASCII only, for clients that do not read RFC 6266's `filename*`. */
  asciiName: string;
}

export interface Image {
  bytes: Uint8Array;
  mime: string;
  hash: string;
}

export interface LibraryBook {
  /** The book's file name without extension, unique in the library: the URL key. */
  id: string;
  source: string;
  info: Omit<BookInfo, 'cover'>;
  files: BookFile[];
  cover?: Image;
  /** Made on first request; the promise is kept so it is made once. */
  thumbnail?: Promise<Image>;
}

export interface Group {
  key: string;
  name: string;
  books: LibraryBook[];
}

export interface Library {
  books: LibraryBook[];
  byId: ReadonlyMap<string, LibraryBook>;
  authors: Group[];
  series: Group[];
  tags: Group[];
  /** The newest book's date, for the feeds' `updated`: the same library gives the same feeds. */
  updated: string;
}

const shortHash = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** A group's URL key: short, stable, and free of anything a path could make use of. */
export const groupKey = (name: string): string => createHash('sha1').update(name.normalize('NFC').toLowerCase()).digest('hex').slice(0, 12);

// Characters Windows, macOS or a FAT card refuse in a file name, and controls.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/** `The Winter Orchard.epub`: the title made safe as a file name anywhere. */
export function downloadName(title: string, fallback: string, ext: string): string {
  const clean = title
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[ .]+|[ .]+$/g, '')
    .slice(0, 120);
  return `${clean || fallback}${ext}`;
}

/** Indexes the built books of a build's report; a book that cannot be read back is left out, with its reason. */
export async function loadLibrary(works: readonly WorkResult[]): Promise<{ library: Library; skipped: Array<{ source: string; reason: string }> }> {
  const books: LibraryBook[] = [];
  const skipped: Array<{ source: string; reason: string }> = [];
  for (const work of works) {
    if (!work.ok || !work.output) continue;
    try {
      books.push(await indexBook(work));
    } catch (e) {
      skipped.push({ source: work.source, reason: (e as Error)?.message ?? String(e) });
    }
  }
  books.sort((a, b) => a.info.title.localeCompare(b.info.title, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
  return { library: makeLibrary(books), skipped };
}

async function indexBook(work: WorkResult): Promise<LibraryBook> {
  const epub = await readFile(work.output!);
  const { cover, ...info } = readBookInfo(epub);
  const id = path.basename(work.output!, '.epub');
  const title = info.title || id;
  const file = async (kind: FormatKind, p: string, bytes?: Uint8Array): Promise<BookFile> => {
    const data = bytes ?? (await readFile(p));
    const ext = FORMAT_TYPES[kind].ext;
    return { kind, path: p, size: data.length, hash: shortHash(data), downloadName: downloadName(title, id, ext), asciiName: `${id}${ext}` };
  };
  const files = [await file('epub', work.output!, epub)];
  if (work.kepub && (await stat(work.kepub).catch(() => undefined))) files.push(await file('kepub', work.kepub));
  const azw3 = await freshAzw3(work.output!);
  if (azw3) files.push(await file('azw3', azw3));
  const book: LibraryBook = { id, source: work.source, info, files };
  if (cover) book.cover = { bytes: cover.bytes, mime: cover.mediaType, hash: shortHash(cover.bytes) };
  return book;
}

function makeLibrary(books: LibraryBook[]): Library {
  const groups = (names: (b: LibraryBook) => string[]): Group[] => {
    const map = new Map<string, Group>();
    for (const b of books) {
      for (const name of new Set(names(b))) {
        const key = groupKey(name);
        const g = map.get(key) ?? { key, name, books: [] };
        g.books.push(b);
        map.set(key, g);
      }
    }
    return [...map.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  };
  const series = groups((b) => (b.info.series ? [b.info.series.name] : []));
  for (const g of series) g.books.sort((a, b) => (a.info.series?.position ?? Infinity) - (b.info.series?.position ?? Infinity) || a.info.title.localeCompare(b.info.title));
  return {
    books,
    byId: new Map(books.map((b) => [b.id, b])),
    authors: groups((b) => b.info.authors.map((a) => a.name)),
    series,
    tags: groups((b) => b.info.subjects),
    updated:
      books
        .map((b) => b.info.modified)
        .filter(Boolean)
        .sort()
        .at(-1) ?? '1970-01-01T00:00:00Z',
  };
}

/** The books newest first, by their modified date. */
export const newest = (library: Library): LibraryBook[] => [...library.books].sort((a, b) => (a.info.modified < b.info.modified ? 1 : a.info.modified > b.info.modified ? -1 : 0));

/** Books whose title, authors, series, tags or summary hold every word of `query`, case and accents aside. */
export function search(library: Library, query: string): LibraryBook[] {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  return library.books.filter((b) => {
    const hay = fold([b.info.title, ...b.info.authors.map((a) => a.name), b.info.series?.name ?? '', ...b.info.subjects, b.info.summary ?? ''].join('\n'));
    return words.every((w) => hay.includes(w));
  });
}

/** A JPEG thumbnail of the cover, 300 px high: e-ink browsers and OPDS lists load dozens at once. */
export function thumbnailOf(book: LibraryBook): Promise<Image> | undefined {
  if (!book.cover) return undefined;
  const cover = book.cover;
  book.thumbnail ??= import('sharp').then(async ({ default: sharp }) => {
    const bytes = await sharp(cover.bytes).resize({ height: 300, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 80 }).toBuffer();
    return { bytes, mime: 'image/jpeg', hash: shortHash(bytes) };
  });
  return book.thumbnail;
}
