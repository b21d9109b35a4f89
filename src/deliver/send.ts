/**
 * `quire send`'s work once the books are built: decide, book by book, what the
 * reader needs (a plan that `--dry-run` stops at), then carry it out, copying
 * only what changed and touching only files the manifest proves are quire's.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { toDiagnostic } from '../ioerror.js';
import type { WorkResult } from '../batch/types.js';
import { quireVersion } from '../batch/version.js';
import type { BookFormat, Reader } from './devices.js';
import {
  checkSpace,
  checkWritable,
  clearLeftovers,
  copyInto,
  deviceError,
  loadManifest,
  makeFolder,
  MANIFEST,
  ownership,
  removeOwn,
  saveManifest,
  sha256,
  type Manifest,
  type ManifestEntry,
} from './device-files.js';
import { readBookInfo, type BookInfo } from './epub-info.js';
import { asinFor, findEbookConvert, freshAzw3, kindleThumbnail, NO_CALIBRE, thumbnailPath, toAzw3 } from './kindle.js';

/**
 * What happened to a book (with `--dry-run`, what would): `copied` new to the
 * reader, `updated` replaced quire's older copy, `unchanged` already there,
 * `failed` not sent, `pruned` removed with `--prune`, `kept` left there
 * though its story is gone (no `--prune`).
 */
export type SendStatus = 'copied' | 'updated' | 'unchanged' | 'failed' | 'pruned' | 'kept';

export interface SentBook {
  /** The story file or folder work. */
  source: string;
  title: string | null;
  status: SendStatus;
  ok: boolean;
  /** The file on the reader, relative to its root. */
  file: string | null;
  format: BookFormat | null;
  /** Bytes written (or to be written), when a copy is made. */
  bytes: number | null;
  /** A Kindle cover thumbnail written with it, relative to the reader's root. */
  thumbnail: string | null;
  diagnostics: Diagnostic[];
}

export interface SendSummary {
  total: number;
  copied: number;
  updated: number;
  unchanged: number;
  failed: number;
  pruned: number;
  kept: number;
  bytes: number;
}

export interface SendResult {
  quire: string;
  ok: boolean;
  dryRun: boolean;
  reader: { root: string; kind: string; name: string; koreader: boolean; folder: string };
  summary: SendSummary;
  books: SentBook[];
  /** Problems with the reader as a whole (a damaged manifest). */
  diagnostics: Diagnostic[];
}

export interface SendRequest {
  reader: Reader;
  /** The subfolder inside the reader's own book folder (`quire` by default). */
  folder: string;
  /** The build's works, in input order. */
  works: readonly WorkResult[];
  /** The inputs of this run: `--prune` removes only books whose source lay inside one of them. */
  inputs: readonly string[];
  dryRun?: boolean;
  prune?: boolean;
  /** Where `ebook-convert` is looked for (PATH). */
  env: NodeJS.ProcessEnv;
}

/** One thing to do on the reader. */
interface Step {
  book: SentBook;
  name?: string;
  /** The built file to send (the EPUB for an AZW3). */
  local?: string;
  from?: string;
  info?: BookInfo;
  /** A Kindle thumbnail to (re)write. */
  thumb?: boolean;
  /** A manifest entry to remove (and its file, when `remove`). */
  drop?: string;
  remove?: boolean;
}

const fail = (book: SentBook, d: Diagnostic): Step => {
  book.status = 'failed';
  book.ok = false;
  book.diagnostics.push(d);
  return { book };
};

const inside = (file: string, dir: string): boolean => {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export async function sendBooks(request: SendRequest): Promise<SendResult> {
  const { reader } = request;
  const type = reader.type;
  const folderRel = [type.base, request.folder].filter((p) => p && p !== '.').join('/');
  const folder = path.join(reader.root, folderRel);
  const rootInfo = await stat(reader.root).catch(() => undefined);
  if (!rootInfo?.isDirectory()) throw deviceError(Object.assign(new Error('gone'), { code: 'ENOENT' }), reader.root);
  const { manifest, damaged } = await loadManifest(folder);
  const diagnostics: Diagnostic[] = [];
  if (damaged) {
    diagnostics.push({
      severity: 'warning',
      code: 'changed-on-reader',
      message: `${MANIFEST} is damaged, so quire takes no file here for its own: books whose names are taken are refused, nothing is replaced or removed`,
      file: path.join(folder, MANIFEST),
    });
  }
  const steps: Step[] = [];
  const claimed = new Set<string>();
  for (const work of request.works) steps.push(await planBook(work, request, manifest, folder, claimed));
  steps.push(...(await planGone(request, manifest, folder, claimed)));

  const result: SendResult = {
    quire: quireVersion,
    ok: true,
    dryRun: Boolean(request.dryRun),
    reader: { root: reader.root, kind: type.kind, name: type.name, koreader: reader.koreader, folder: folderRel },
    summary: { total: 0, copied: 0, updated: 0, unchanged: 0, failed: 0, pruned: 0, kept: 0, bytes: 0 },
    books: steps.map((s) => s.book),
    diagnostics,
  };
  const writes = steps.filter((s) => s.name && s.local && (s.book.status === 'copied' || s.book.status === 'updated'));
  const thumbs = steps.filter((s) => s.thumb);
  const removals = steps.filter((s) => s.drop !== undefined);
  if (writes.length || thumbs.length || removals.length) {
    await checkWritable(folder);
    if (thumbs.length) await checkWritable(path.join(reader.root, 'system', 'thumbnails'));
  }
  await preparePayloads(writes, thumbs, request);
  const payloads = new Map<Step, Uint8Array>();
  let needed = 0;
  for (const s of writes) {
    if (s.book.status === 'failed') continue;
    const bytes = request.dryRun && type.format === 'azw3' ? undefined : await payload(s, type.format, request);
    // payload() fails the book when calibre cannot convert it.
    if ((s.book.status as SendStatus) === 'failed') continue;
    if (bytes) payloads.set(s, bytes);
    s.book.bytes = bytes?.length ?? (await stat(s.local!)).size;
    needed += s.book.bytes;
  }
  const thumbnails = new Map<Step, Uint8Array>();
  for (const s of thumbs) {
    if (s.book.status === 'failed' || !s.info?.cover) continue;
    thumbnails.set(s, await kindleThumbnail(s.info.cover.bytes));
    needed += thumbnails.get(s)!.length;
  }
  if (needed) await checkSpace(existingFolder(folder, reader.root), needed + 64 * 1024);

  if (!request.dryRun) await carryOut({ writes, payloads, thumbnails, removals, manifest, folder, folderRel, root: reader.root });
  finish(result);
  return result;
}

/** What one built work needs on the reader. */
async function planBook(work: WorkResult, request: SendRequest, manifest: Manifest, folder: string, claimed: Set<string>): Promise<Step> {
  const format = request.reader.type.format;
  const book: SentBook = { source: work.source, title: work.title, status: 'unchanged', ok: true, file: null, format, bytes: null, thumbnail: null, diagnostics: [] };
  if (!work.ok || !work.output) {
    return fail(book, { severity: 'error', code: 'not-built', message: 'not sent: the book did not build (see the errors above)', file: work.source });
  }
  const local = format === 'kepub' ? work.kepub : work.output;
  if (!local) return fail(book, { severity: 'error', code: 'internal', message: 'internal error (a bug in quire; please report it): the build made no kepub', file: work.source });
  const source = path.resolve(work.source);
  const bytes = await readFile(local);
  const from = sha256(bytes);
  let own = Object.entries(manifest.books).find(([, e]) => e.source === source && e.format === format);
  // Deleted on the reader: sent again as new, under the name its title gives now.
  if (own && (await ownership(path.join(folder, own[0]), own[1])) === 'absent') {
    delete manifest.books[own[0]];
    own = undefined;
  }
  const wanted = format === 'azw3' ? path.basename(local).replace(/\.epub$/, '.azw3') : path.basename(local);
  // A book already there keeps its file name even if its title changed: readers key a reading position by path.
  let name = own?.[0] ?? wanted;
  if (!own) {
    const stem = name.replace(/(\.kepub)?\.(epub|azw3)$/, '');
    const ext = name.slice(stem.length);
    for (let n = 2; claimed.has(name) || (name in manifest.books && manifest.books[name]!.source !== source); n++) name = `${stem}-${n}${ext}`;
  }
  claimed.add(name);
  book.file = path.posix.join(path.relative(request.reader.root, folder).split(path.sep).join('/'), name);
  const entry = manifest.books[name];
  const state = await ownership(path.join(folder, name), own ? entry : undefined);
  const step: Step = { book, name, local, from };
  if (format === 'azw3') step.info = readBookInfo(bytes);
  if (state === 'foreign') {
    return fail(book, {
      severity: 'error',
      code: 'not-quires',
      message: `${book.file} is on the reader already and quire did not put it there; it is left alone: rename or move it to send this book`,
      file: work.source,
    });
  }
  if (state === 'changed') {
    return fail(book, {
      severity: 'error',
      code: 'changed-on-reader',
      message: `${book.file} changed on the reader since quire copied it; it is left alone: move it away to send this book again`,
      file: work.source,
    });
  }
  book.status = state === 'absent' ? 'copied' : entry!.from === from ? 'unchanged' : 'updated';
  if (format === 'azw3' && step.info?.cover) {
    const thumb = thumbnailPath(asinFor(step.info.identifier));
    book.thumbnail = thumb;
    const thumbState = await thumbnailState(request.reader.root, thumb, entry);
    // A Kindle may delete sideloaded books' thumbnails (calibre's "Amazon cover bug"): one of quire's that is missing is written again.
    if (book.status !== 'unchanged' ? thumbState !== 'foreign' : thumbState === 'absent') step.thumb = thumbState !== 'no-folder';
    if (thumbState === 'foreign') {
      book.diagnostics.push({ severity: 'warning', code: 'not-quires', message: `${thumb} is on the reader and quire did not put it there; the cover thumbnail is left as it is`, file: work.source });
    }
    if (thumbState === 'no-folder' && book.status !== 'unchanged') {
      book.diagnostics.push({
        severity: 'info',
        code: 'no-thumbnails',
        message: 'no system/thumbnails/ folder on this Kindle (it makes one itself), so no cover thumbnail was written',
        file: work.source,
      });
      book.thumbnail = null;
    }
  }
  return step;
}

async function thumbnailState(root: string, thumb: string, entry: ManifestEntry | undefined): Promise<'absent' | 'ours' | 'foreign' | 'no-folder'> {
  if (!(await stat(path.join(root, path.dirname(thumb))).catch(() => undefined))?.isDirectory()) return 'no-folder';
  const state = await ownership(path.join(root, thumb), entry?.thumbnail?.path === thumb ? { sha256: entry.thumbnail.sha256 } : undefined);
  return state === 'changed' ? 'foreign' : state;
}

/** quire's books whose story is gone: removed with `--prune`, else kept and named. */
async function planGone(request: SendRequest, manifest: Manifest, folder: string, claimed: Set<string>): Promise<Step[]> {
  const steps: Step[] = [];
  const rel = path.relative(request.reader.root, folder).split(path.sep).join('/');
  for (const [name, entry] of Object.entries(manifest.books)) {
    if (claimed.has(name)) continue;
    if (existsSync(entry.source) || !request.inputs.some((i) => inside(entry.source, i))) continue;
    const book: SentBook = {
      source: entry.source,
      title: entry.title,
      status: 'kept',
      ok: true,
      file: path.posix.join(rel, name),
      format: entry.format,
      bytes: null,
      thumbnail: entry.thumbnail?.path ?? null,
      diagnostics: [],
    };
    if (!request.prune) {
      book.diagnostics.push({ severity: 'info', code: 'source-gone', message: `its story is gone; --prune removes ${book.file} from the reader`, file: entry.source });
      steps.push({ book });
      continue;
    }
    const state = await ownership(path.join(folder, name), entry);
    book.status = 'pruned';
    if (state === 'changed') {
      book.status = 'kept';
      book.diagnostics.push({
        severity: 'warning',
        code: 'changed-on-reader',
        message: `${book.file} changed on the reader since quire copied it, so it is no longer quire's and is left there`,
        file: entry.source,
      });
    }
    steps.push({ book, drop: name, remove: state === 'ours' });
  }
  return steps;
}

async function preparePayloads(writes: Step[], thumbs: Step[], request: SendRequest): Promise<void> {
  if (request.reader.type.format !== 'azw3') return;
  const converter = await findEbookConvert(request.env);
  if (converter) return;
  for (const s of [...writes, ...thumbs]) {
    // Without calibre no AZW3 can be made; one that is fresh beside the EPUB can still go.
    if (s.book.status === 'failed' || (s.local && (await freshAzw3(s.local)))) continue;
    if (s.book.status === 'unchanged') continue;
    // No file: the advice is about this machine, not the story, and is printed once for all the books.
    fail(s.book, { severity: 'error', code: 'no-ebook-convert', message: NO_CALIBRE });
  }
}

async function payload(s: Step, format: BookFormat, request: SendRequest): Promise<Uint8Array | undefined> {
  if (format !== 'azw3') return readFile(s.local!);
  try {
    const converter = (await findEbookConvert(request.env)) ?? '';
    return await toAzw3(s.local!, s.info!, converter);
  } catch (e) {
    fail(s.book, toDiagnostic(e, s.book.source));
    return undefined;
  }
}

interface Execution {
  writes: Step[];
  payloads: Map<Step, Uint8Array>;
  thumbnails: Map<Step, Uint8Array>;
  removals: Step[];
  manifest: Manifest;
  folder: string;
  folderRel: string;
  root: string;
}

/** Writes the plan onto the reader; the manifest is saved after every file, so a run cut short leaves it true. */
async function carryOut(x: Execution): Promise<void> {
  // A killed send's temporary files are quire's own: cleared whenever the folder is there.
  await clearLeftovers(x.folder);
  if (!x.payloads.size && !x.thumbnails.size && !x.removals.length) return;
  await makeFolder(x.root, x.folderRel);
  const thumbDir = path.join(x.root, 'system', 'thumbnails');
  if (x.thumbnails.size) await clearLeftovers(thumbDir);
  for (const s of x.writes) {
    const bytes = x.payloads.get(s);
    if (!bytes || s.book.status === 'failed') continue;
    const written = await copyInto(x.folder, s.name!, bytes);
    const entry: ManifestEntry = { source: path.resolve(s.book.source), format: s.book.format!, title: s.book.title ?? '', sha256: sha256(bytes), ...written, from: s.from! };
    const old = x.manifest.books[s.name!];
    if (old?.thumbnail) entry.thumbnail = old.thumbnail;
    x.manifest.books[s.name!] = entry;
    await saveManifest(x.folder, x.manifest);
  }
  for (const [s, bytes] of x.thumbnails) {
    if (s.book.status === 'failed' || !s.book.thumbnail) continue;
    await copyInto(thumbDir, path.basename(s.book.thumbnail), bytes);
    const entry = x.manifest.books[s.name!];
    if (entry) {
      entry.thumbnail = { path: s.book.thumbnail, sha256: sha256(bytes) };
      await saveManifest(x.folder, x.manifest);
    }
  }
  for (const s of x.removals) {
    const entry = x.manifest.books[s.drop!];
    if (s.remove) await removeOwn(path.join(x.folder, s.drop!));
    if (entry?.thumbnail && (await ownership(path.join(x.root, entry.thumbnail.path), { sha256: entry.thumbnail.sha256 })) === 'ours') {
      await removeOwn(path.join(x.root, entry.thumbnail.path));
    }
    delete x.manifest.books[s.drop!];
    await saveManifest(x.folder, x.manifest);
  }
}

/** The nearest folder that exists at or above `folder`, for asking its file system how much room it has. */
function existingFolder(folder: string, root: string): string {
  for (let d = folder; ; d = path.dirname(d)) {
    if (existsSync(d) || d === root || path.dirname(d) === d) return d;
  }
}

function finish(result: SendResult): void {
  const s = result.summary;
  for (const b of result.books) {
    s.total += 1;
    s[b.status] += 1;
    if (b.status === 'copied' || b.status === 'updated') s.bytes += b.bytes ?? 0;
  }
  result.ok = result.books.every((b) => b.ok) && !result.diagnostics.some((d) => d.severity === 'error');
}
