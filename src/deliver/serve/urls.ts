/**
 * The server's URLs for a book's files and images. Each carries the content's
 * hash: KOReader's catalog sync stops at the first link it has downloaded
 * before, so a rebuilt book must get a new link. The file name at the end is
 * only for people and for clients that name downloads after the URL.
 */
import type { BookFile, LibraryBook } from './library.js';

export const fileUrl = (b: LibraryBook, f: BookFile): string => `/file/${b.id}/${f.kind}/${f.hash}/${encodeURIComponent(f.asciiName)}`;
export const coverUrl = (b: LibraryBook): string => `/cover/${b.id}/${b.cover?.hash ?? 'none'}`;
export const thumbUrl = (b: LibraryBook): string => `/thumb/${b.id}/${b.cover?.hash ?? 'none'}`;
