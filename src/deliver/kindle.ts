/**
 * A Kindle reads AZW3, which only calibre's `ebook-convert` makes here, and
 * shows a sideloaded book's cover only from a thumbnail in
 * `system/thumbnails/` named after the book's ASIN and content type:
 * `thumbnail_<ASIN>_EBOK_portrait.jpg` (calibre devices/kindle/driver.py).
 * calibre writes a book's UUID identifier as its ASIN (EXTH 113, mobi
 * writer8/exth.py) and makes up a random one otherwise; an OPF 2 with
 * `opf:scheme="uuid"` pins it to the book's own identifier, so the name is
 * known before the conversion and is the same every time.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { v5 as uuidv5 } from 'uuid';
import { QuireError } from '../diagnostics.js';
import { esc } from '../render/xml.js';
import { writeAtomic } from '../batch/write.js';
import { uuidOf, type BookInfo } from './epub-info.js';

/** One line for a Kindle with no calibre: what to do instead. */
export const NO_CALIBRE =
  "a Kindle reads AZW3, which quire makes with calibre's ebook-convert, and ebook-convert is not on PATH: install calibre, or send the EPUB with Amazon's Send to Kindle (https://www.amazon.com/sendtokindle), or run `quire serve` and download it in the Kindle's browser";

// A namespace of quire's own for identifiers that are not UUIDs (an ISBN, a URL): the same identifier, the same ASIN.
const ASIN_NAMESPACE = 'f0a36a4c-5d0e-4a57-9a55-2b1c63f7e0d1';

/** The ASIN calibre will write for this book: its UUID, or a UUID made from whatever identifier it has. */
export const asinFor = (identifier: string): string => uuidOf(identifier) ?? uuidv5(identifier, ASIN_NAMESPACE);

/** Where the Kindle looks for the cover of the book with this ASIN, relative to its root. */
export const thumbnailPath = (asin: string): string => `system/thumbnails/thumbnail_${asin}_EBOK_portrait.jpg`;

/** calibre's `ebook-convert` on PATH, or undefined. */
export async function findEbookConvert(env: NodeJS.ProcessEnv, platform = process.platform): Promise<string | undefined> {
  const names = platform === 'win32' ? ['ebook-convert.exe', 'ebook-convert.bat', 'ebook-convert.cmd'] : ['ebook-convert'];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const file = path.join(dir, name);
      const ok = await access(file, constants.X_OK).then(
        () => true,
        () => false,
      );
      if (ok && (await stat(file)).isFile()) return file;
    }
  }
  return undefined;
}

/** An OPF 2 holding only what calibre should take from it: the identifier as a UUID (the ASIN), and the date. */
export function metadataOpf(info: BookInfo, asin: string): string {
  const date = info.published ?? info.modified;
  const lines = [
    `    <dc:identifier opf:scheme="uuid" id="uuid_id">${esc(asin)}</dc:identifier>`,
    `    <dc:title>${esc(info.title)}</dc:title>`,
    ...info.authors.map((a) => `    <dc:creator opf:role="aut"${a.fileAs ? ` opf:file-as="${esc(a.fileAs)}"` : ''}>${esc(a.name)}</dc:creator>`),
    `    <dc:language>${esc(info.language)}</dc:language>`,
    ...(date ? [`    <dc:date>${esc(date)}</dc:date>`] : []),
    ...(info.summary ? [`    <dc:description>${esc(info.summary)}</dc:description>`] : []),
    ...info.subjects.map((s) => `    <dc:subject>${esc(s)}</dc:subject>`),
    ...(info.series ? [`    <meta name="calibre:series" content="${esc(info.series.name)}"/>`] : []),
    ...(info.series?.position !== undefined ? [`    <meta name="calibre:series_index" content="${info.series.position}"/>`] : []),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uuid_id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
${lines.join('\n')}
  </metadata>
</package>
`;
}

/** `out/NAME.azw3` beside `out/NAME.epub`: what `serve` offers Kindles too, once `send` has made it. */
export const azw3Beside = (epub: string): string => epub.replace(/\.epub$/, '.azw3');

/** The AZW3 beside a book, if one was made from this very build of it (it is newer than the EPUB). */
export async function freshAzw3(epub: string): Promise<string | undefined> {
  const [book, azw3] = await Promise.all([stat(epub).catch(() => undefined), stat(azw3Beside(epub)).catch(() => undefined)]);
  return book && azw3 && azw3.mtimeMs >= book.mtimeMs ? azw3Beside(epub) : undefined;
}

/**
 * The AZW3 of a built book: the one beside it when it is fresh, else made now
 * with `ebook-convert` and kept beside it.
 */
export async function toAzw3(epub: string, info: BookInfo, converter: string): Promise<Uint8Array> {
  const fresh = await freshAzw3(epub);
  if (fresh) return readFile(fresh);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-azw3-'));
  try {
    const opf = path.join(dir, 'metadata.opf');
    const out = path.join(dir, 'book.azw3');
    await writeFile(opf, metadataOpf(info, asinFor(info.identifier)));
    await new Promise<void>((resolve, reject) => {
      execFile(converter, [epub, out, '--read-metadata-from-opf', opf], { timeout: 300_000, maxBuffer: 16 << 20 }, (error, _stdout, stderr) => {
        if (!error) return resolve();
        const last = String(stderr).trim().split('\n').filter(Boolean).pop() ?? error.message;
        reject(new QuireError({ code: 'convert-failed', message: `ebook-convert could not make the AZW3: ${last}`, file: epub }));
      });
    });
    const bytes = await readFile(out).catch(() => {
      throw new QuireError({ code: 'convert-failed', message: 'ebook-convert finished but wrote no AZW3', file: epub });
    });
    await writeAtomic(azw3Beside(epub), bytes, 'the AZW3');
    return bytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** calibre's Kindle driver makes thumbnails 500 px high (THUMBNAIL_HEIGHT, "x500 on the Oasis 2017"). */
const THUMBNAIL_HEIGHT = 500;

/** The cover as the Kindle's thumbnail: a JPEG 500 px high. */
export async function kindleThumbnail(cover: Uint8Array): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  return sharp(cover).resize({ height: THUMBNAIL_HEIGHT, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 85 }).toBuffer();
}
