/**
 * zlib-wrapped deflate and CRC-32 for a generated cover's PNG, written here so
 * that a cover's bytes are the same under every Node version. Node's zlib is
 * Chromium's fork, whose output depends on its version and on the CPU it runs
 * on (it hashes with SIMD where there is SIMD); a book must not.
 *
 * The encoder is made for cover scanlines, not for text: one block with the
 * fixed Huffman codes of RFC 1951, and three kinds of match, tried in order:
 *  - a whole row like the one above it (a frame or a plain band), copied from
 *    one row up;
 *  - a run of one palette index, copied from one byte back;
 *  - the last place the next four bytes were seen (a one-slot hash table, no
 *    chains), which finds a repeating pattern and the text's antialiased edges.
 * That is a quarter to a third larger than zlib at level 3 on a cover and
 * still a few tens of kilobytes; every choice is made by this code alone.
 */

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577, 32769];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const WINDOW = 32768;
const END_OF_BLOCK = 256;

/** `n` bits of `v`, last bit first: Huffman codes are sent most significant bit first. */
function reversed(v: number, n: number): number {
  let r = 0;
  for (let i = 0; i < n; i++, v >>= 1) r = (r << 1) | (v & 1);
  return r;
}

/** The fixed literal/length code (RFC 1951, 3.2.6), bit-reversed, and its length in bits. */
const LIT_CODE = new Uint16Array(288);
const LIT_BITS = new Uint8Array(288);
for (let s = 0; s < 288; s++) {
  const [base, first, bits] = s < 144 ? [0x30, 0, 8] : s < 256 ? [0x190, 144, 9] : s < 280 ? [0, 256, 7] : [0xc0, 280, 8];
  LIT_CODE[s] = reversed(base + s - first, bits);
  LIT_BITS[s] = bits;
}

/** For each match length: its symbol's code with the extra bits above it, and the bit count. */
const LEN_CODE = new Uint32Array(MAX_MATCH + 1);
const LEN_BITS = new Uint8Array(MAX_MATCH + 1);
for (let i = 0; i < LENGTH_BASE.length; i++) {
  const symbol = 257 + i;
  const last = i + 1 < LENGTH_BASE.length ? LENGTH_BASE[i + 1]! - 1 : MAX_MATCH;
  for (let len = LENGTH_BASE[i]!; len <= last; len++) {
    LEN_CODE[len] = LIT_CODE[symbol]! | ((len - LENGTH_BASE[i]!) << LIT_BITS[symbol]!);
    LEN_BITS[len] = LIT_BITS[symbol]! + LENGTH_EXTRA[i]!;
  }
}

/** For each distance: its five-bit code with the extra bits above it, and the bit count. */
const DIST_CODE = new Uint32Array(WINDOW + 1);
const DIST_BITS = new Uint8Array(WINDOW + 1);
for (let i = 0; i < DIST_EXTRA.length; i++) {
  for (let d = DIST_BASE[i]!; d < DIST_BASE[i + 1]!; d++) {
    DIST_CODE[d] = reversed(i, 5) | ((d - DIST_BASE[i]!) << 5);
    DIST_BITS[d] = 5 + DIST_EXTRA[i]!;
  }
}

const HASH_BITS = 15;

/** The hash-table slot of the four bytes at `i`. */
const slot = (d: Uint8Array, i: number): number => Math.imul(d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24), 0x9e3779b1) >>> (32 - HASH_BITS);

/**
 * `data` as a zlib stream (RFC 1950). `row` is the scanline length when the
 * data is an image's rows (for the row-above match), else 0.
 */
export function zlibDeflate(data: Uint8Array, row = 0): Uint8Array {
  const n = data.length;
  // Worst case: every byte a nine-bit literal.
  const out = new Uint8Array(8 + Math.ceil((n * 9 + 10) / 8));
  out[0] = 0x78; // deflate, 32 KB window
  out[1] = 0x01; // check bits for 0x7801; no dictionary
  let pos = 2;
  let bits = 0b011; // BFINAL, then BTYPE 01: fixed codes
  let count = 3;
  const put = (code: number, width: number): void => {
    bits |= code << count;
    count += width;
    while (count >= 8) {
      out[pos++] = bits & 0xff;
      bits >>>= 8;
      count -= 8;
    }
  };
  const copy = (length: number, distance: number): void => {
    put(LEN_CODE[length]!, LEN_BITS[length]!);
    put(DIST_CODE[distance]!, DIST_BITS[distance]!);
  };

  const rows = row >= MIN_MATCH && row <= WINDOW ? Buffer.from(data.buffer, data.byteOffset, n) : undefined;
  const seen = new Int32Array(1 << HASH_BITS).fill(-1);
  let i = 0;
  while (i < n) {
    if (rows && i % row === 0 && i >= row && i + row <= n && rows.compare(rows, i - row, i, i, i + row) === 0) {
      for (let left = row; left > 0; ) {
        // Never leave a tail shorter than a match can be.
        const take = left > MAX_MATCH ? (left - MAX_MATCH < MIN_MATCH ? left - MIN_MATCH : MAX_MATCH) : left;
        copy(take, row);
        left -= take;
      }
      i += row;
      continue;
    }
    const most = Math.min(MAX_MATCH, n - i);
    let length = 0;
    let distance = 0;
    if (i > 0) {
      let l = 0;
      while (l < most && data[i + l] === data[i + l - 1]) l++;
      if (l >= MIN_MATCH) {
        length = l;
        distance = 1;
      }
    }
    if (i + 4 <= n) {
      const h = slot(data, i);
      const at = seen[h]!;
      seen[h] = i;
      if (length < most && at >= 0 && i - at <= WINDOW && i - at > 1) {
        let l = 0;
        while (l < most && data[i + l] === data[at + l]) l++;
        if (l > length && l >= 4) {
          length = l;
          distance = i - at;
        }
      }
    }
    if (length) {
      copy(length, distance);
      i += length;
    } else {
      put(LIT_CODE[data[i]!]!, LIT_BITS[data[i]!]!);
      i++;
    }
  }
  put(LIT_CODE[END_OF_BLOCK]!, LIT_BITS[END_OF_BLOCK]!);
  if (count > 0) out[pos++] = bits & 0xff;
  const check = adler32(data, rows ? row : 0);
  out[pos++] = check >>> 24;
  out[pos++] = (check >>> 16) & 0xff;
  out[pos++] = (check >>> 8) & 0xff;
  out[pos++] = check & 0xff;
  return out.slice(0, pos);
}

/**
 * Adler-32 of `data`. With `row` given, a row equal to the one before it is
 * added from that row's sums rather than byte by byte: over a row of L bytes
 * x1..xL, a grows by their sum and b by L times the old a plus the sum of
 * (L - j + 1) xj, both the same for equal rows.
 */
function adler32(data: Uint8Array, row = 0): number {
  const MOD = 65521;
  let a = 1;
  let b = 0;
  if (row > 0 && data.length % row === 0) {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.length);
    let sum = 0;
    let weighted = 0;
    for (let start = 0; start < data.length; start += row) {
      if (start === 0 || bytes.compare(bytes, start - row, start, start, start + row) !== 0) {
        sum = 0;
        weighted = 0;
        for (let j = 0; j < row; j++) {
          sum += data[start + j]!;
          weighted += (row - j) * data[start + j]!;
        }
        sum %= MOD;
        weighted %= MOD;
      }
      b = (b + row * a + weighted) % MOD;
      a = (a + sum) % MOD;
    }
    return ((b << 16) | a) >>> 0;
  }
  // 5552 bytes is the most that can be summed before b could pass 2^32.
  for (let k = 0; k < data.length; ) {
    const end = Math.min(data.length, k + 5552);
    for (; k < end; k++) {
      a += data[k]!;
      b += a;
    }
    a %= MOD;
    b %= MOD;
  }
  return ((b << 16) | a) >>> 0;
}

const CRC_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c >>> 0;
}

/** CRC-32 (ISO 3309, as PNG chunks use it). */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
