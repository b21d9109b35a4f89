/**
 * PNG for a generated cover. A cover is a few dozen colours (background,
 * pattern, accent, text and the antialiased edges between them), so it is
 * written as a palette image: one byte a pixel instead of three, so the
 * compressor has a third of the bytes to read, and the file is half the size
 * of an RGB one. Rows are left unfiltered: a palette index does not predict
 * its neighbour. The compressor is quire's own (deflate.ts), so a cover's
 * bytes do not depend on the Node version.
 */
import { crc32, zlibDeflate } from './deflate.js';

/** An image as PNG scanlines: each row a filter byte (0, none) then its pixels. */
export interface Scanlines {
  width: number;
  height: number;
  /** Bytes a pixel: 1 (an index into `palette`) or 3 (RGB). */
  depth: 1 | 3;
  /** RGB triples, when `depth` is 1. */
  palette?: Uint8Array;
  /** height × (1 + width × depth) bytes. */
  data: Uint8Array;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  out.set(body, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image as a PNG file: 8-bit palette or RGB, not interlaced. */
export function encodePng(s: Scanlines): Uint8Array {
  const stride = 1 + s.width * s.depth;
  if (s.data.length !== s.height * stride) throw new RangeError(`${s.width}×${s.height} scanlines of ${s.depth} bytes a pixel take ${s.height * stride} bytes, not ${s.data.length}`);
  if (s.depth === 1 && !s.palette?.length) throw new RangeError('a palette image needs its palette');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(s.width, 0);
  header.writeUInt32BE(s.height, 4);
  header[8] = 8; // bits a sample
  header[9] = s.depth === 1 ? 3 : 2; // colour type: palette, or RGB
  const chunks = [SIGNATURE, chunk('IHDR', header)];
  if (s.depth === 1 && s.palette) chunks.push(chunk('PLTE', s.palette));
  chunks.push(chunk('IDAT', zlibDeflate(s.data, stride)), chunk('IEND', new Uint8Array(0)));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Whether `data` is a whole PNG of this size: the signature, then chunks each
 * with its CRC right, up to IEND at the very end. A file cut short or changed
 * in any byte fails.
 */
export function isWholePng(data: Uint8Array, width: number, height: number): boolean {
  const b = Buffer.from(data.buffer, data.byteOffset, data.length);
  if (b.length < 8 + 25 + 12 || !b.subarray(0, 8).equals(SIGNATURE)) return false;
  if (b.toString('latin1', 12, 16) !== 'IHDR' || b.readUInt32BE(16) !== width || b.readUInt32BE(20) !== height) return false;
  for (let at = 8; at + 12 <= b.length; ) {
    const length = b.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > b.length || crc32(b.subarray(at + 4, at + 8 + length)) !== b.readUInt32BE(at + 8 + length)) return false;
    if (b.toString('latin1', at + 4, at + 8) === 'IEND') return end === b.length;
    at = end;
  }
  return false;
}
