import { strToU8 } from 'fflate';
import type { RenderedBook } from '../render/index.js';
import { deflateAll, deflateAllSync, type Level } from './deflate.js';
import { writeZip, type ZipEntry } from './zip.js';

const CONTAINER = `<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/**
 * Deflate level 6, zlib's default: on a 20 MB story level 9 took a third
 * longer for a book 52 bytes smaller. fflate is plain JavaScript, so the
 * bytes are the same on every machine and Node version.
 */
const LEVEL: Level = 6;

interface Planned {
  name: string;
  data: Uint8Array;
  deflate: boolean;
}

/**
 * The OCF zip: the only place that knows about zips.
 *
 * `date` (the work's modified date) stamps every entry. Zip times are local
 * DOS times read with local getters, so the entry time is built from the UTC
 * fields at noon: the bytes are the same in every time zone, and noon is
 * never skipped by a daylight-saving change.
 */
function plan(book: RenderedBook): Planned[] {
  const data = (d: string | Uint8Array): Uint8Array => (typeof d === 'string' ? strToU8(d) : d);
  // Archive order: `mimetype` first and stored, as OCF requires.
  const entries: Planned[] = [
    { name: 'mimetype', data: strToU8('application/epub+zip'), deflate: false },
    { name: 'META-INF/container.xml', data: strToU8(CONTAINER), deflate: true },
    { name: 'OEBPS/content.opf', data: strToU8(book.opf), deflate: true },
  ];
  for (const f of book.files) {
    // Images are already compressed; deflating them again only costs time.
    const deflate = !f.mediaType.startsWith('image/') || f.mediaType === 'image/svg+xml';
    entries.push({ name: `OEBPS/${f.href}`, data: data(f.data), deflate });
  }
  return entries;
}

function zip(entries: readonly Planned[], deflated: readonly Uint8Array[], date: Date): Uint8Array {
  const mtime = new Date(Math.max(1980, date.getUTCFullYear()), date.getUTCMonth(), date.getUTCDate(), 12, 0, 0);
  let k = 0;
  const out: ZipEntry[] = entries.map((e) => (e.deflate ? { name: e.name, data: e.data, deflated: deflated[k++] as Uint8Array, mtime } : { name: e.name, data: e.data, mtime }));
  return writeZip(out);
}

const toDeflate = (entries: readonly Planned[]): Uint8Array[] => entries.filter((e) => e.deflate).map((e) => e.data);

export function packageEpub(book: RenderedBook, date: Date): Uint8Array {
  const entries = plan(book);
  return zip(entries, deflateAllSync(toDeflate(entries), LEVEL), date);
}

/** The same bytes as `packageEpub`; a big book is compressed on two threads. */
export async function packageEpubAsync(book: RenderedBook, date: Date): Promise<Uint8Array> {
  const entries = plan(book);
  return zip(entries, await deflateAll(toDeflate(entries), LEVEL), date);
}
