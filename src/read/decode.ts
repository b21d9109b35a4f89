/**
 * Bytes → clean text. The encoding is judged from the whole file (calibre
 * guesses from the first 4 KB and gets real files wrong), then the text is
 * repaired line by line and every repair is reported with its line.
 */
import type { Diagnostic, Severity } from '../diagnostics.js';
import { fixNbsp, mapC1Controls, removeForbidden, removeReplacementChars, removeStrayBoms } from './clean.js';
import { hasStrongMojibake, repairMojibake } from './mojibake.js';
import { strictUtf8 } from './utf8.js';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string;
  diagnostics: Diagnostic[];
}
function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether `bytes` are a whole number of little-endian UTF-32 code points, each a Unicode scalar value. */
function wholeUtf32le(bytes: Uint8Array): boolean {
  if (bytes.length % 4 !== 0) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 4; i < bytes.length; i += 4) {
    const c = view.getUint32(i, true);
    if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** The encoding and length of the byte-order mark `bytes` start with, if any. */
function byteOrderMark(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  // FF FE 00 00 is also UTF-16LE's mark followed by a NUL: UTF-32 only if the rest is whole UTF-32 code points.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0 && wholeUtf32le(bytes)) return { encoding: 'utf-32le', skip: 4 };
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}
interface Tally {
  severity: Severity;
  message: (count: number) => string;
  lines: Map<number, number>;
}

/** Collects repairs as (code, line) → count and turns them into one diagnostic each. */
class Repairs {
  private readonly byCode = new Map<string, Tally>();
  constructor(private readonly file: string) {}
  add(code: string, severity: Severity, message: (n: number) => string, line: number, count: number): void {
    if (count === 0) return;
    let tally = this.byCode.get(code);
    if (!tally) {
      tally = { severity, message, lines: new Map() };
      this.byCode.set(code, tally);
    }
    tally.lines.set(line, (tally.lines.get(line) ?? 0) + count);
  }
  list(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const [code, t] of this.byCode) {
      for (const [line, n] of t.lines) {
        out.push({ severity: t.severity, code, message: t.message(n), file: this.file, line });
      }
    }
    return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
}

/** Anything but printable ASCII, tab and newline. */
const ODD = /[^\t\n\x20-\x7e]/g;

/**
 * Rewrites each line of `text` that holds anything but printable ASCII and
 * tabs with `fix` (given the line and its 1-based number); other lines cannot
 * need a repair and most lines are like that, so they are neither split out
 * nor looked at twice.
 */
function mapOddLines(text: string, fix: (line: string, no: number) => string): string {
  const pieces: string[] = [];
  let copied = 0;
  let no = 1;
  let counted = 0;
  ODD.lastIndex = 0;
  for (let m = ODD.exec(text); m !== null; m = ODD.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    const newline = text.indexOf('\n', m.index);
    const end = newline < 0 ? text.length : newline;
    for (let k = text.indexOf('\n', counted); k >= 0 && k < start; k = text.indexOf('\n', k + 1)) no++;
    counted = start;
    const line = text.slice(start, end);
    const fixed = fix(line, no);
    if (fixed !== line) {
      pieces.push(text.slice(copied, start), fixed);
      copied = end;
    }
    ODD.lastIndex = end;
  }
  if (pieces.length === 0) return text;
  pieces.push(text.slice(copied));
  return pieces.join('');
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export interface DecodeOptions {
  /** The encoding the file declares (an HTML `<meta charset>`): trusted over a guess when the bytes are not UTF-8. */
  declared?: string | undefined;
}

export async function decodeText(bytes: Uint8Array, file: string, options: DecodeOptions = {}): Promise<DecodedText> {
  const repairs = new Repairs(file);
  const bom = byteOrderMark(bytes);
  // Most files are BOM-less UTF-8: checking that decodes them already, and
  // only the others load the legacy readers.
  const utf8 = bom ? undefined : utf8Text(bytes);
  const read = utf8 !== undefined ? { text: utf8, encoding: 'utf-8' } : (await import('./legacy.js')).decodeLegacy(bytes, bom, options.declared);
  const { text: raw, encoding } = read;
  for (const [line, n] of read.strayLines ?? []) {
    repairs.add('mixed-encoding', 'warning', (k) => `read ${plural(k, 'byte')} that are not UTF-8 as Windows-1252`, line, n);
  }
  const legacy = !/^utf-(8|16le|16be|32le|32be)$/.test(encoding);

  const hasCr = raw.includes('\r');
  const crlf = hasCr ? (raw.match(/\r\n?/g) ?? []).length : 0;
  const unmarked = raw.replace(/^\ufeff/, '');
  const lf = hasCr ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  const trusted = hasStrongMojibake(raw);

  const text = mapOddLines(lf, (original, no) => {
    let line = original;
    const step = (fix: { text: string; count: number }, code: string, severity: Severity, msg: (n: number) => string): void => {
      line = fix.text;
      repairs.add(code, severity, msg, no, fix.count);
    };
    step(repairMojibake(line, trusted), 'mojibake-repaired', 'warning', (n) => `repaired ${plural(n, 'mojibake sequence')} (UTF-8 that was read as Windows-1252 upstream)`);
    step(mapC1Controls(line), 'c1-control-mapped', 'warning', (n) => `read ${plural(n, 'C1 control character')} as Windows-1252 punctuation`);
    if (legacy) {
      step(removeReplacementChars(line), 'undefined-byte', 'warning', (n) => `removed ${plural(n, 'byte')} that ${encoding} does not define`);
    } else {
      repairs.add(
        'replacement-character',
        'warning',
        (n) => `the text has ${plural(n, 'replacement character')} (\uFFFD) where characters were lost before quire; fix the source`,
        no,
        (line.match(/\ufffd/g) ?? []).length,
      );
    }
    step(removeForbidden(line), 'forbidden-character', 'warning', (n) => `removed ${plural(n, 'character')} that XML forbids (control characters, lone surrogates, U+FFFE/U+FFFF)`);
    step(removeStrayBoms(line), 'stray-bom', 'info', (n) => `removed ${plural(n, 'stray byte-order mark')}`);
    const nbsp = fixNbsp(line);
    line = nbsp.text;
    repairs.add('nbsp-removed', 'info', (n) => `removed ${plural(n, 'non-breaking space')} at the line's start or end`, no, nbsp.removed);
    repairs.add('nbsp-replaced', 'info', (n) => `turned ${plural(n, 'non-breaking space')} into ordinary spaces`, no, nbsp.replaced);
    const nfc = line.normalize('NFC');
    repairs.add('normalized-nfc', 'info', () => 'normalized the line to Unicode NFC', no, nfc === line ? 0 : 1);
    return nfc;
  });

  const diagnostics: Diagnostic[] = [];
  if (legacy) {
    diagnostics.push({ severity: 'info', code: 'legacy-encoding', message: `read the file as ${encoding}, not UTF-8`, file });
  }
  if (crlf > 0) {
    diagnostics.push({ severity: 'info', code: 'line-endings-normalized', message: `normalized ${plural(crlf, 'CR or CRLF line ending')} to LF`, file });
  }
  return { text, encoding, diagnostics: [...diagnostics, ...repairs.list()] };
}
