/**
 * What a built book says about itself, read back from its package document:
 * `send` and `serve` work from the books in the output folder, the same bytes
 * a reader gets, never from a second idea of the work.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { parseDocument } from 'htmlparser2';
import { findAll, findOne, getAttributeValue, textContent } from 'domutils';
import type { Element } from 'domhandler';
import path from 'node:path';

export interface BookInfo {
  /** The package's unique identifier (`urn:uuid:…` for quire's books). */
  identifier: string;
  title: string;
  authors: Array<{ name: string; fileAs?: string }>;
  language: string;
  summary?: string;
  subjects: string[];
  series?: { name: string; position?: number };
  /** `dcterms:modified`. */
  modified: string;
  published?: string;
  cover?: { bytes: Uint8Array; mediaType: string };
}

const text = (e: Element | null): string => (e ? textContent(e).trim() : '');

/** Reads a book's metadata and cover from its EPUB bytes; throws when the package cannot be read. */
export function readBookInfo(epub: Uint8Array): BookInfo {
  const container = unzipSync(epub, { filter: (f) => f.name === 'META-INF/container.xml' })['META-INF/container.xml'];
  if (!container) throw new Error('no META-INF/container.xml: not an EPUB');
  const rootfile = findOne((e) => e.name === 'rootfile', parseDocument(strFromU8(container), { xmlMode: true }).children);
  const opfPath = rootfile && getAttributeValue(rootfile, 'full-path');
  if (!opfPath) throw new Error('the container names no package document');
  const opfBytes = unzipSync(epub, { filter: (f) => f.name === opfPath })[opfPath];
  if (!opfBytes) throw new Error(`no ${opfPath} in the book`);
  const doc = parseDocument(strFromU8(opfBytes), { xmlMode: true }).children;
  const all = (name: string) => findAll((e) => e.name === name, doc);
  const one = (name: string) => findOne((e) => e.name === name, doc);
  const refines = (id: string | undefined, property: string) =>
    id ? text(findOne((e) => e.name === 'meta' && getAttributeValue(e, 'refines') === `#${id}` && getAttributeValue(e, 'property') === property, doc)) : '';

  const uniqueId = getAttributeValue(one('package') ?? ({ attribs: {} } as Element), 'unique-identifier');
  const idElement = all('dc:identifier').find((e) => getAttributeValue(e, 'id') === uniqueId) ?? one('dc:identifier');
  const info: BookInfo = {
    identifier: text(idElement),
    title: text(all('dc:title').find((e) => getAttributeValue(e, 'id') !== 'subtitle') ?? null),
    authors: all('dc:creator').map((e) => {
      const fileAs = refines(getAttributeValue(e, 'id'), 'file-as');
      return { name: text(e), ...(fileAs ? { fileAs } : {}) };
    }),
    language: text(one('dc:language')) || 'en',
    subjects: all('dc:subject').map(text).filter(Boolean),
    modified: text(findOne((e) => e.name === 'meta' && getAttributeValue(e, 'property') === 'dcterms:modified', doc)),
  };
  const summary = text(one('dc:description'));
  if (summary) info.summary = summary;
  const published = text(one('dc:date'));
  if (published) info.published = published;
  const collection = findOne((e) => e.name === 'meta' && getAttributeValue(e, 'property') === 'belongs-to-collection', doc);
  if (collection) {
    const position = refines(getAttributeValue(collection, 'id'), 'group-position');
    info.series = { name: text(collection), ...(position && Number.isFinite(Number(position)) ? { position: Number(position) } : {}) };
  }
  const coverItem = findOne((e) => e.name === 'item' && (getAttributeValue(e, 'properties') ?? '').split(/\s+/).includes('cover-image'), doc);
  const coverHref = coverItem && getAttributeValue(coverItem, 'href');
  if (coverHref) {
    const name = path.posix.join(path.posix.dirname(opfPath), decodeURIComponent(coverHref));
    const bytes = unzipSync(epub, { filter: (f) => f.name === name })[name];
    if (bytes) info.cover = { bytes, mediaType: getAttributeValue(coverItem, 'media-type') ?? 'image/png' };
  }
  return info;
}

/** The UUID in a `urn:uuid:` identifier, lower-cased; undefined for any other kind. */
export function uuidOf(identifier: string): string | undefined {
  const m = /^(?:urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(identifier.trim());
  return m?.[1]?.toLowerCase();
}
