/**
 * The cover's compressor is quire's own, so a cover's bytes cannot change with
 * Node's zlib. Node's inflate is the independent reader here: whatever goes
 * in must come back out, byte for byte, and the checksums must be right.
 */
import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateCover } from '../../src/cover/index.js';
import { crc32, zlibDeflate } from '../../src/cover/deflate.js';

/** A deterministic pseudo-random byte source (xorshift), for inputs with little to match. */
function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Rows of `width` bytes: bands of one index, a repeating pattern, and a few noisy rows. */
function scanlines(width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      out[y * width + x] = y % 50 < 20 ? 3 : y % 50 < 40 ? ((x >> 3) + (y >> 2)) % 7 : x === 0 ? 0 : ((x * 2654435761) >>> 24) % 40;
    }
  }
  return out;
}

const cases: Array<[string, Uint8Array, number]> = [
  ['nothing', new Uint8Array(0), 0],
  ['one byte', Uint8Array.of(7), 0],
  ['two equal bytes', Uint8Array.of(7, 7), 0],
  ['a run of every length around the longest match', new Uint8Array(258 * 3 + 5).fill(9), 0],
  ['every byte value', Uint8Array.from({ length: 256 }, (_, i) => i), 0],
  ['noise, nothing to match', noise(70_000), 0],
  ['rows, with the row-above match', scanlines(1601, 120), 1601],
  ['rows whose length is a match plus one or two', scanlines(259, 40), 259],
  ['rows of three bytes, the shortest match', scanlines(3, 30), 3],
  ['rows wider than the window (no row matches)', scanlines(40_000, 3), 40_000],
];

describe('the cover deflate', () => {
  it.each(cases)('gives back %s, byte for byte, through zlib', (_, data, row) => {
    const packed = zlibDeflate(data, row);
    expect(Buffer.compare(inflateSync(packed), Buffer.from(data))).toBe(0);
  });

  it('compresses what repeats: a band of one colour to a sliver', () => {
    expect(zlibDeflate(new Uint8Array(1601 * 100).fill(4), 1601).length).toBeLessThan((1601 * 100) / 100);
    expect(zlibDeflate(scanlines(1601, 120), 1601).length).toBeLessThan((1601 * 120) / 5);
  });

  it("computes PNG's CRC-32 as zlib does", () => {
    for (const [, data] of cases) expect(crc32(data)).toBe(zlibCrc32(data));
  });

  it('gives a cover the same bytes under every Node and zlib version', async () => {
    // A change to the compressor, or a return to Node's zlib, changes this hash.
    const png = (await generateCover({ title: 'Paper Boats', authors: ['Ann Example'] })).data;
    expect(createHash('sha256').update(png).digest('hex')).toBe(STORED);
  });
});

const STORED = 'd18d63d5e98286a1a0697ec3893c3ee5baac5e7f0388d03dcc91c288a384888f';
