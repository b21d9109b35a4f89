/**
 * Files on a reader: the manifest that says which of them are quire's, and
 * the only ways quire writes there: a copy that is either all there or not
 * at all, and a removal of a file the manifest proves is quire's own.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { QuireError } from '../diagnostics.js';
import { ioReason, processAlive, systemCode } from '../ioerror.js';
import type { BookFormat } from './devices.js';

/** The manifest's name, in the folder quire sends books to. */
export const MANIFEST = '.quire-manifest.json';
const FORMAT = 1;

/** One file quire put on the reader. */
export interface ManifestEntry {
  /** The story file or folder work it was built from (absolute). */
  source: string;
  format: BookFormat;
  title: string;
  /** sha256 of the file on the reader, with its size and modification time as quire left them. */
  sha256: string;
  size: number;
  mtimeMs: number;
  /** sha256 of the built book it was made from (differs from `sha256` for an AZW3). */
  from: string;
  /** A Kindle cover thumbnail quire put in `system/thumbnails/`, relative to the reader's root. */
  thumbnail?: { path: string; sha256: string };
}

export interface Manifest {
  quire: number;
  /** By file name inside the folder. */
  books: Record<string, ManifestEntry>;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The manifest in `folder`, or an empty one when there is none. A damaged
 * manifest counts as empty, with a warning: then no file is taken for quire's,
 * so none is replaced or removed.
 */
export async function loadManifest(folder: string): Promise<{ manifest: Manifest; damaged: boolean }> {
  let raw: string;
  try {
    raw = await readFile(path.join(folder, MANIFEST), 'utf8');
  } catch (e) {
    if (systemCode(e) === 'ENOENT' || systemCode(e) === 'ENOTDIR') return { manifest: { quire: FORMAT, books: {} }, damaged: false };
    throw deviceError(e, folder);
  }
  try {
    const data = JSON.parse(raw) as Manifest;
    if (data && data.quire === FORMAT && typeof data.books === 'object' && data.books) return { manifest: data, damaged: false };
  } catch {
    // Read as damaged below.
  }
  return { manifest: { quire: FORMAT, books: {} }, damaged: true };
}

export async function saveManifest(folder: string, manifest: Manifest): Promise<void> {
  const sorted: Manifest = { quire: FORMAT, books: Object.fromEntries(Object.entries(manifest.books).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
  await copyInto(folder, MANIFEST, new TextEncoder().encode(`${JSON.stringify(sorted, null, 1)}\n`));
}

/** What stands at a path on the reader, as far as quire is concerned. */
export type Ownership = 'absent' | 'ours' | 'changed' | 'foreign';

/**
 * Whether `file` is the file the manifest entry describes. Size and time
 * decide when they match (reading every book back over USB is slow); the
 * bytes decide when they do not.
 */
export async function ownership(file: string, entry: { sha256: string; size?: number; mtimeMs?: number } | undefined): Promise<Ownership> {
  const info = await stat(file).catch((e: unknown) => (systemCode(e) === 'ENOENT' ? undefined : Promise.reject(deviceError(e, file))));
  if (!info) return 'absent';
  if (!entry || !info.isFile()) return 'foreign';
  if (info.size === entry.size && info.mtimeMs === entry.mtimeMs) return 'ours';
  const bytes = await readFile(file).catch((e: unknown) => Promise.reject(deviceError(e, file)));
  return sha256(bytes) === entry.sha256 ? 'ours' : 'changed';
}

let seq = 0;
// `.quire-<pid>-<n>.tmp`: no reader indexes it, and the pid says whose it is.
const TMP = /^\.quire-(\d+)-\d+\.tmp$/;

/**
 * Writes `bytes` as `folder/name` so that the name only ever holds a whole
 * file: into a temporary file beside it, flushed to the device, then renamed
 * over. Unplugged midway, the reader holds the old file or the new one.
 */
export async function copyInto(folder: string, name: string, bytes: Uint8Array): Promise<{ size: number; mtimeMs: number }> {
  const tmp = path.join(folder, `.quire-${process.pid}-${++seq}.tmp`);
  const target = path.join(folder, name);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
    await syncFolder(folder);
    const info = await stat(target);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw deviceError(e, target);
  }
}

/** Makes the rename itself durable where the system allows it (not on Windows, nor on some FAT drivers). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The copy is flushed; only the rename's durability is left to the file system.
  }
}

/** Removes a file quire put there; the caller has proved it is quire's. */
export async function removeOwn(file: string): Promise<void> {
  await rm(file).catch((e: unknown) => (systemCode(e) === 'ENOENT' ? undefined : Promise.reject(deviceError(e, file))));
}

/** Removes what a killed `send` left: only quire's own temporary names, only from processes that are gone. */
export async function clearLeftovers(folder: string): Promise<void> {
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const pid = TMP.exec(name)?.[1];
    if (pid !== undefined && !processAlive(Number(pid))) await rm(path.join(folder, name), { force: true }).catch(() => undefined);
  }
}

/** Creates `folder` under `root`, one level at a time, refusing to go through anything but folders. */
export async function makeFolder(root: string, relative: string): Promise<string> {
  let dir = root;
  for (const part of relative.split('/').filter(Boolean)) {
    dir = path.join(dir, part);
    try {
      await mkdir(dir);
    } catch (e) {
      if (systemCode(e) !== 'EEXIST') throw deviceError(e, dir);
      if (!(await stat(dir)).isDirectory()) throw new QuireError({ code: 'reader-unwritable', message: 'a file stands where quire needs a folder; move it away', file: dir });
    }
  }
  return dir;
}

/** Fails unless new files can be made in `folder` (or, when it does not exist yet, in the nearest folder above it). */
export async function checkWritable(folder: string): Promise<void> {
  let dir = folder;
  while (!(await stat(dir).catch(() => undefined))) {
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  try {
    await access(dir, constants.W_OK);
  } catch (e) {
    throw new QuireError({ code: 'reader-unwritable', message: `cannot write on the reader: ${ioReason(e)}; is it mounted read-only, or locked? Nothing was changed`, file: dir });
  }
}

/** Fails, before anything is written, unless `bytes` fit on the reader. */
export async function checkSpace(folder: string, bytes: number): Promise<void> {
  let free: number;
  try {
    const info = await statfs(folder);
    free = Number(info.bavail) * Number(info.bsize);
  } catch (e) {
    throw deviceError(e, folder);
  }
  if (bytes > free) {
    throw new QuireError({ code: 'reader-full', message: `not enough free space on the reader: ${megabytes(bytes)} needed, ${megabytes(free)} free; nothing was copied`, file: folder });
  }
}

export const megabytes = (n: number): string => (n < 1024 * 1024 ? `${n && Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** A file-system error on the reader in words: a vanished mount and a read-only one say so. */
export function deviceError(e: unknown, file: string): QuireError {
  if (e instanceof QuireError) return e;
  const code = systemCode(e);
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENODEV' || code === 'ENXIO') {
    return new QuireError({ code: 'reader-gone', message: `the reader went away: ${ioReason(e)}; was it unplugged? Plug it in and send again`, file });
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new QuireError({ code: 'reader-unwritable', message: `cannot write on the reader: ${ioReason(e)}`, file });
  }
  if (code === 'ENOSPC') return new QuireError({ code: 'reader-full', message: `the reader is full: ${ioReason(e)}`, file });
  return new QuireError({ code: 'system', message: ioReason(e), file });
}
