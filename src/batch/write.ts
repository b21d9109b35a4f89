/** How the batch writes files: never half a file where a reader could see it. */
import { rename, rm, writeFile } from 'node:fs/promises';
import { QuireError } from '../diagnostics.js';
import { ioReason } from '../ioerror.js';

let tmpSeq = 0;

// Write beside the target, then rename: a reader never sees half an EPUB. The
// pid and a counter keep two processes, or two builds in one process, from
// sharing a temporary file.
export async function writeAtomic(file: string, data: Uint8Array, what = 'the book'): Promise<void> {
  const tmp = `${file}.${process.pid}-${++tmpSeq}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new QuireError({ code: 'unwritable-out', message: `cannot write ${what}: ${ioReason(e)}`, file });
  }
}
