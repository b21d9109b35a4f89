import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PARALLEL_FROM, deflateAll, deflateAllSync } from '../../src/package/deflate.js';
import { writeZip } from '../../src/package/zip.js';

const mtime = new Date(2023, 10, 14, 12, 0, 0);
const chapter = (i: number): Uint8Array => strToU8(`<p>Chapter ${i}: “Né,” she said — the ${'tide and the salt road '.repeat(20 + (i % 7))}</p>\n`.repeat(40));

describe('zip writer', () => {
  it('writes the bytes fflate zipSync writes for the same entries', () => {
    const files: Array<[string, Uint8Array, boolean]> = [
      ['mimetype', strToU8('application/epub+zip'), false],
      ['OEBPS/chapter-1.xhtml', chapter(1), true],
      ['OEBPS/été.xhtml', chapter(2), true],
      ['OEBPS/cover.png', new Uint8Array([137, 80, 78, 71, 1, 2, 3]), false],
    ];
    const expected = zipSync(Object.fromEntries(files.map(([name, data, deflate]) => [name, [data, { level: deflate ? 6 : 0, mtime }]])));
    const ours = writeZip(files.map(([name, data, deflate]) => (deflate ? { name, data, deflated: deflateAllSync([data], 6)[0] as Uint8Array, mtime } : { name, data, mtime })));
    expect(Buffer.from(ours).equals(Buffer.from(expected))).toBe(true);
    expect(Object.keys(unzipSync(ours))).toEqual(files.map(([name]) => name));
  });

  it('deflates a big book on two threads to the same bytes as on one', async () => {
    // Just past the size from which the worker takes a share.
    const files: Uint8Array[] = [];
    let size = 0;
    while (size <= PARALLEL_FROM) {
      const f = chapter(files.length);
      files.push(f);
      size += f.length;
    }
    const two = await deflateAll(files, 6);
    const one = deflateAllSync(files, 6);
    expect(two).toHaveLength(one.length);
    expect(two.every((d, i) => Buffer.from(d).equals(Buffer.from(one[i] as Uint8Array)))).toBe(true);
  });
});
