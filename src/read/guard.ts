/**
 * The first thing that touches a story file: it must be a regular file, no
 * larger than the limit, and not a well-known binary format with a text name.
 * The size is checked on the open handle before any byte is read, so memory
 * stays bounded whatever the file claims to be.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { QuireError } from '../diagnostics.js';
import type { ErrorCode } from '../errors.js';
import { ioReason } from '../ioerror.js';

/**
 * The largest story file quire reads: 32 MiB, about six million words, far
 * beyond the longest stories people post. A build needs roughly 60 times the
 * file's size in memory, so larger files would risk exhausting Node's heap.
 */
export const MAX_STORY_BYTES = 32 * 1024 * 1024;

export interface GuardedFile {
  bytes: Uint8Array;
  mtimeMs: number;
}

// Magic numbers of formats people save by mistake under a `.txt` name.
const SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['ZIP', [0x50, 0x4b, 0x05, 0x06]],
  ['gzip', [0x1f, 0x8b]],
  ['RIFF (WebP, WAV or AVI)', [0x52, 0x49, 0x46, 0x46]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
  ['SQLite', [...'SQLite format 3\0'].map((c) => c.charCodeAt(0))],
  ['Word', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];

/** The binary format the bytes start with (`PNG`, `PDF`, …), or undefined for anything else. */
export function sniffBinary(bytes: Uint8Array): string | undefined {
  for (const [name, magic] of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return name;
  }
  return undefined;
}

const mib = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;

/**
 * Reads a story or sidecar file, read-only, refusing what is not a text file
 * quire can hold in memory. Every refusal is a QuireError naming the file.
 *
 * The calls are synchronous: a story is a local file of a few kilobytes to a
 * few megabytes, and each asynchronous call costs a hop to libuv's threads
 * and back, twice what the read itself costs (a batch with nothing to build
 * reads every story to check it). It is opened non-blocking, so a named pipe
 * is refused instead of waiting for a writer.
 */
export async function readGuarded(file: string, limit = MAX_STORY_BYTES): Promise<GuardedFile> {
  const read = readIfPresent(file, limit);
  // Worded as findWorks words a missing input, so build and inspect say the same.
  return read ?? refuse(file, 'not-found', 'no such file or folder');
}

/** `readGuarded`, but a missing file is undefined: a sidecar that is not there costs no error. */
export async function readGuardedIfPresent(file: string, limit = MAX_STORY_BYTES): Promise<GuardedFile | undefined> {
  return readIfPresent(file, limit);
}

const refuse = (file: string, code: ErrorCode, message: string): never => {
  throw new QuireError({ code, message, file });
};

function readIfPresent(file: string, limit: number): GuardedFile | undefined {
  const fail = (code: ErrorCode, message: string): never => refuse(file, code, message);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return fail('unreadable', `cannot read file: ${ioReason(e)}`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) fail('not-a-file', 'not a regular file (a folder, device or pipe); name a story file');
    if (info.size > limit) fail('too-large', `file is ${mib(info.size)}, over the ${mib(limit)} limit for one story file; split it into parts`);
    // One byte more than the size said: filling it means the file grew while we read.
    // Not zeroed: only the bytes read are ever looked at.
    const buffer = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > info.size) fail('changed', 'file grew while it was read; build again once it is written');
    const bytes = buffer.subarray(0, length);
    const kind = sniffBinary(bytes);
    if (kind) fail('not-text', `not a text file (looks like ${kind}); quire reads plain text stories`);
    return { bytes, mtimeMs: info.mtimeMs };
  } catch (e) {
    if (e instanceof QuireError) throw e;
    return fail('unreadable', `cannot read file: ${ioReason(e)}`);
  } finally {
    closeSync(fd);
  }
}
