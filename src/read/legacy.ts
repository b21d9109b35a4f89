/**
 * Reading bytes that are not plain UTF-8: a byte-order mark, a declared or
 * guessed legacy encoding, or UTF-8 with Windows-1252 bytes pasted in. Its own
 * module, loaded only for such files, because chardet and iconv-lite's tables
 * cost a UTF-8 batch about 20 ms of start-up for nothing.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { strictUtf8 } from './utf8.js';

/** Length of the UTF-8 sequence starting at `i`, or 0 if none is valid there. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const a = bytes[i] ?? 0;
  const n = a >= 0xc2 && a <= 0xdf ? 2 : a >= 0xe0 && a <= 0xef ? 3 : a >= 0xf0 && a <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > bytes.length) return 0;
  try {
    strictUtf8.decode(bytes.subarray(i, i + n));
    return n;
  } catch {
    return 0;
  }
}

/**
 * A file mostly in UTF-8 with a few Windows-1252 bytes pasted in (a common
 * result of editing in two programs): decode each valid UTF-8 sequence as
 * UTF-8 and each stray byte as Windows-1252. Returns undefined when the file
 * does not look like that.
 */
function decodeMixed(bytes: Uint8Array): { text: string; strayLines: Map<number, number> } | undefined {
  let valid = 0;
  let stray = 0;
  for (let i = 0; i < bytes.length; ) {
    if ((bytes[i] ?? 0) < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i);
    if (n > 0) valid++;
    else stray++;
    i += n || 1;
  }
  if (valid < 2 || valid < stray) return undefined;
  let text = '';
  let line = 1;
  const strayLines = new Map<number, number>();
  let plainFrom = 0;
  const flush = (to: number): void => {
    text += iconv.decode(Buffer.from(bytes.subarray(plainFrom, to)), 'utf-8');
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b === 0x0a) line++;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    flush(i);
    text += iconv.decode(Buffer.from([b]), 'windows-1252');
    strayLines.set(line, (strayLines.get(line) ?? 0) + 1);
    i++;
    plainFrom = i;
  }
  flush(bytes.length);
  return { text, strayLines };
}

/** Scripts where chardet's own pick should stand over Windows-1252. */
const NON_LATIN = /^(windows-125[13569]|iso-8859-[5678]|koi8|shift_jis|euc|big5|gb|iso-2022)/i;

/**
 * Picks a single-byte (or East Asian) encoding for bytes that are not UTF-8.
 * Western text wins ties: chardet ranks windows-1252 and its Latin cousins
 * close together, and picking a cousin (Windows-1258, say) mangles every
 * curly quote.
 */
function guessLegacy(bytes: Uint8Array): string {
  const ranked = chardet.analyse(bytes).filter((m) => iconv.encodingExists(m.name));
  const top = ranked[0];
  if (!top || /^(utf|ascii)/i.test(top.name)) return 'windows-1252';
  if (NON_LATIN.test(top.name)) {
    const western = ranked.find((m) => /^(windows-1252|iso-8859-1)$/i.test(m.name));
    if (!western || top.confidence > western.confidence + 10) return top.name.toLowerCase();
    return 'windows-1252';
  }
  return 'windows-1252';
}

// Browsers read Latin-1 and ASCII labels as Windows-1252, and so do the files that carry them.
const WINDOWS_1252 = /^(windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|us-ascii|ascii)$/;

/** A declared encoding iconv-lite can read, else undefined. UTF-16/32 cannot be declared by bytes read as ASCII. */
function usableDeclared(label: string | undefined): string | undefined {
  const name = label?.trim().toLowerCase();
  if (!name || /^utf-?(16|32)/.test(name)) return undefined;
  if (WINDOWS_1252.test(name)) return 'windows-1252';
  return iconv.encodingExists(name) ? name : undefined;
}

export interface LegacyText {
  text: string;
  encoding: string;
  /** Lines that held bytes read as Windows-1252 inside UTF-8, with how many. */
  strayLines?: Map<number, number>;
}

/**
 * Decodes bytes that are not BOM-less valid UTF-8: `bom` is the encoding and
 * length of the byte-order mark the file starts with, if any.
 */
export function decodeLegacy(bytes: Uint8Array, bom: { encoding: string; skip: number } | undefined, declared?: string): LegacyText {
  const encoding = bom?.encoding ?? usableDeclared(declared) ?? guessLegacy(bytes);
  const body = bytes.subarray(bom?.skip ?? 0);
  const mixed = encoding === 'windows-1252' ? decodeMixed(body) : undefined;
  if (mixed) return { text: mixed.text, encoding: 'utf-8+windows-1252', strayLines: mixed.strayLines };
  return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), encoding), encoding };
}
