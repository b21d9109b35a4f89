import type { ConvertOptions } from '../convert.js';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { MetaLayer } from '../metadata/metadata.js';
import { readWork, sidecarNames, type SourceFile } from '../read/source.js';
import type { BatchOptions, TaskResult, WorkTask } from './types.js';

export const CACHE_FILE = '.quire-cache.json';
const FORMAT = 1;

/** What the last successful build of a work left behind: enough to skip it and still report it. */
export interface CacheEntry {
  key: string;
  /** The output's file name inside the output folder. */
  output: string;
  title: string;
  chapters: number;
  words: number;
  sources: string[];
  diagnostics: Diagnostic[];
  /** Whether EPUBCheck passed this very output. */
  checked: boolean;
  /** Files besides the sources that the book was made from (see `assetsKey`). */
  assets?: string[];
  /** The `.kepub.epub` this build wrote beside the book: quire's own, so a later build without kepubs removes it. */
  kepub?: string;
  /** The kept generated cover the book holds (see covers.ts): kept while an entry names it. */
  cover?: string;
  /** Size and modification time of each source file when it was last read and hashed (see `unchanged`). */
  stamps?: Stamp[];
  /** `keyBasis` of the build: the stamps stand only while it is the same. */
  basis?: string;
}

export interface Stamp {
  path: string;
  size: number;
  mtimeMs: number;
  /** When it was read (ms since the epoch). */
  readAt: number;
}

export interface Cache {
  format: number;
  works: Record<string, CacheEntry>;
}

export const cachePath = (out: string): string => path.join(out, CACHE_FILE);

/** The cache of the last build, or an empty one when it is missing, unreadable or from another format. */
export async function loadCache(out: string): Promise<Cache> {
  try {
    const data = JSON.parse(await readFile(cachePath(out), 'utf8')) as Cache;
    if (data && data.format === FORMAT && typeof data.works === 'object') return data;
  } catch {
    // A missing or damaged cache only costs a full rebuild.
  }
  return { format: FORMAT, works: {} };
}

export const emptyCache = (): Cache => ({ format: FORMAT, works: {} });

/** The cache's key for a work: its path from the output folder, so moving a checkout keeps the cache valid. */
export const cacheId = (out: string, source: string): string => path.relative(path.resolve(out), path.resolve(source)).split(path.sep).join('/');

/** The options that change a book's bytes, and only those: they go to the workers and into the cache key. */
export function conversionOptions(options: BatchOptions): Omit<ConvertOptions, 'css'> {
  const picked: Omit<ConvertOptions, 'css'> = {};
  for (const key of CONVERSION_KEYS) {
    if (options[key] !== undefined) (picked as Record<string, unknown>)[key] = options[key];
  }
  return picked;
}

// Written out so that a batch-only option (--verbose, --json …) can never
// change a cache key or reach a worker by accident.
const CONVERSION_KEYS = ['meta', 'detection', 'sourceDateEpoch', 'typography', 'dashStyle', 'allowRoots', 'kepub'] as const satisfies ReadonlyArray<keyof Omit<ConvertOptions, 'css'>>;

/**
 * Everything besides the sources that changes a book's bytes: quire's build
 * (see version.ts), the stylesheet and the conversion options. Batch-only
 * flags (jobs, check, strict, shard) do not change a book, so they are left out.
 */
export function optionsKey(build: string, css: string, options: BatchOptions): string {
  const relevant = { ...conversionOptions(options), epoch: options.sourceDateEpoch ?? null };
  const json = JSON.stringify(relevant, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v));
  return createHash('sha256').update(`quire ${build}\0`).update(css).update('\0').update(json).digest('hex');
}

/**
 * A work's key: the options key plus every source byte. Without
 * SOURCE_DATE_EPOCH a book's modified date may come from the files' mtimes,
 * so then they count too.
 */
export function sourceKey(basis: string, files: ReadonlyArray<{ path: string; bytes: Uint8Array; mtimeMs: number }>, withMtime: boolean): string {
  const h = createHash('sha256').update(basis);
  for (const f of files) {
    h.update(`\0${path.basename(f.path)}\0${f.bytes.length}\0`).update(f.bytes);
    if (withMtime) h.update(`\0${f.mtimeMs}`);
  }
  return h.digest('hex');
}

/**
 * A work's key with the files its book was made from besides its sources (a
 * named cover, packed images) folded in. The list comes from the last build:
 * which files a work needs is only known once it is converted, and naming a
 * different file means changing a source, which changes the key anyway. A
 * file that has gone missing counts as changed.
 */
export async function assetsKey(key: string, assets: readonly string[]): Promise<string> {
  if (!assets.length) return key;
  const h = createHash('sha256').update(key);
  for (const file of assets) {
    const bytes = await readFile(file).catch(() => undefined);
    h.update(`\0${file}\0`);
    if (bytes) h.update(`${bytes.length}\0`).update(bytes);
    else h.update('missing');
  }
  return h.digest('hex');
}

/**
 * Everything in a work's key but its own files: the options key (quire's
 * build, the stylesheet, the options) and what a `series.yaml` above the work
 * gives it (the series, its position, shared metadata), which makes the book
 * as much as its files do.
 */
export const keyBasis = (optionsKeyHex: string, inherited: MetaLayer | undefined): string =>
  createHash('sha256')
    .update(`${optionsKeyHex}\0${JSON.stringify(inherited ?? null)}`)
    .digest('hex');

/** A work's source files as its key counts them: the story or chapters, then the sidecar. */
export const keyedFiles = <F>(work: { files: readonly F[]; sidecar?: F }): F[] => [...work.files, ...(work.sidecar ? [work.sidecar] : [])];

/** Each file's stamp, as read at `readAt`. */
export const stampsOf = (files: readonly SourceFile[], readAt: number): Stamp[] => files.map((f) => ({ path: f.path, size: f.bytes.length, mtimeMs: f.mtimeMs, readAt }));

/**
 * A file changed within this long of being read may change again with the
 * same size and time on a coarse clock (FAT keeps two seconds): its stamp is
 * not trusted, and it is hashed again.
 */
const RACY_MS = 2000;

/**
 * Whether a story file's work is the files its stamps name, each the same
 * size with the same modification time, changed well before it was read:
 * then, built with the same basis (build, options, series), it is taken as
 * unchanged without reading it, as git and make do. A folder work, or one
 * whose book packs other files, is always read again.
 */
function stampsHold(source: string, stamps: readonly Stamp[]): boolean {
  const stat = (file: string) => ({ file, info: statSync(file, { throwIfNoEntry: false }) });
  // The story, then the first sidecar there is, as readWork reads them; a folder is no story file.
  const sidecar = sidecarNames(source)
    .map(stat)
    .find((f) => f.info);
  const now = sidecar ? [stat(source), sidecar] : [stat(source)];
  return (
    now.length === stamps.length &&
    now.every(({ file, info }, i) => {
      const s = stamps[i]!;
      return s.path === file && info?.isFile() === true && info.size === s.size && info.mtimeMs === s.mtimeMs && s.mtimeMs + RACY_MS < s.readAt;
    })
  );
}

/**
 * A work the cache has an entry for: the skipped result when nothing
 * changed, else undefined (and undefined when it can no longer be read:
 * converting it then says why). A story file whose stamps hold is not read;
 * any other work is read again and keyed as its build keyed it. The batch
 * asks this in its own thread before any conversion thread starts, so a
 * build with nothing changed starts none.
 */
export async function unchanged(task: WorkTask, entry: Pick<CacheEntry, 'key' | 'assets' | 'stamps' | 'basis'>): Promise<TaskResult | undefined> {
  const started = performance.now();
  const assets = entry.assets ?? [];
  const skipped = (sources: string[], stamps: Stamp[] | undefined): TaskResult => ({
    status: 'skipped',
    key: entry.key,
    sources,
    durationMs: Math.round(performance.now() - started),
    diagnostics: [],
    ...(assets.length ? { assets } : {}),
    ...(stamps ? { stamps } : {}),
  });
  try {
    if (!assets.length && entry.stamps?.length && entry.basis === task.basis && stampsHold(task.source, entry.stamps))
      return skipped(
        entry.stamps.map((s) => s.path),
        entry.stamps,
      );
    const readAt = Date.now();
    const files = keyedFiles(await readWork(task.source, task.root, task.inherited));
    if ((await assetsKey(sourceKey(task.basis, files, task.options.sourceDateEpoch === undefined), assets)) !== entry.key) return undefined;
    return skipped(
      files.map((f) => f.path),
      stampsOf(files, readAt),
    );
  } catch {
    return undefined;
  }
}
