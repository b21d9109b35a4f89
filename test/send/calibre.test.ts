/**
 * With the real calibre: the AZW3 quire sends a Kindle carries, as its ASIN
 * (EXTH 113) and content type (EXTH 501), exactly the names in the cover
 * thumbnail's file name, so the Kindle finds the cover; and the same book
 * gets the same ASIN on every conversion.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithClient } from '../support/clients.js';
import { fakeLibrary, fakeReader, send, tmp } from './fake.js';

/** EXTH records of a MOBI/AZW3 file, by type. */
function exth(bytes: Uint8Array): Map<number, string> {
  const buf = Buffer.from(bytes);
  const at = buf.indexOf('EXTH');
  const records = new Map<number, string>();
  let p = at + 12;
  for (let n = buf.readUInt32BE(at + 8); n > 0; n--) {
    const type = buf.readUInt32BE(p);
    const length = buf.readUInt32BE(p + 4);
    records.set(type, buf.subarray(p + 8, p + length).toString('latin1'));
    p += length;
  }
  return records;
}

describeWithClient('calibre', 'quire send to a Kindle with calibre', () => {
  it('pins the ASIN to the book, so the thumbnail name matches it every time', async () => {
    const lib = await fakeLibrary();
    const kindle = await fakeReader(await tmp(), 'Kindle', 'kindle');
    // The machine's own PATH, where calibre is.
    const bin = process.env.PATH ?? '';
    const run = await send([lib.stories], lib.out, { to: kindle, bin });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    const azw3 = await readFile(path.join(kindle, 'documents/quire/the-harbour-light.azw3'));
    const records = exth(azw3);
    const asin = records.get(113)!;
    expect(asin).toMatch(/^[0-9a-f-]{36}$/);
    expect(records.get(501)).toBe('EBOK');
    expect(await readdir(path.join(kindle, 'system/thumbnails'))).toContain(`thumbnail_${asin}_EBOK_portrait.jpg`);
    // Converted again from scratch: the same ASIN.
    await rm(path.join(lib.out, 'the-harbour-light.azw3'));
    await send([lib.stories], lib.out, { to: await fakeReader(await tmp(), 'Kindle', 'kindle'), bin });
    expect(exth(await readFile(path.join(lib.out, 'the-harbour-light.azw3'))).get(113)).toBe(asin);
  });
});
