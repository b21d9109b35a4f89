import type { Stamp } from './cache.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ConvertOptions } from '../convert.js';
import type { MetaLayer } from '../metadata/metadata.js';

/** What a batch is asked to do; every field has a CLI flag and a config-file key. */
export interface BatchOptions extends Omit<ConvertOptions, 'css'> {
  /** Output folder; created if missing. */
  out: string;
  /** Worker threads; at least 1. */
  jobs: number;
  /** Rebuild even when the cache says a work is unchanged. */
  force?: boolean;
  /** Warnings fail a work. */
  strict?: boolean;
  /** Validate each output with EPUBCheck and fail a work on any error. */
  check?: boolean;
  /** Build only this 1-based part of N. */
  shard?: Shard;
}

/** What `quire build` adds to a batch: how it reports, and whether it keeps watching. */
export interface SessionOptions extends BatchOptions {
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  /** Also write the JSON report to this file. */
  report?: string;
  watch?: boolean;
}

export interface Shard {
  index: number;
  count: number;
}

export type WorkStatus = 'built' | 'skipped' | 'failed';

/**
 * One work's outcome, the same for the library and the JSON report (which is
 * this, serialised): small and plain, so it crosses threads. A field that
 * does not apply is `null`, never missing.
 */
export interface WorkResult {
  /** The work as found: a story file, or a folder work's folder; for an input that gave no work, the input. */
  source: string;
  /** Every file the work was read from, the sidecar included. */
  sources: string[];
  status: WorkStatus;
  /** False when it failed, or had warnings under `strict`. */
  ok: boolean;
  /** The EPUB, or null when none was written. */
  output: string | null;
  /** The Kobo `.kepub.epub` beside it, when `kepub` asked for one. */
  kepub: string | null;
  title: string | null;
  chapters: number | null;
  words: number | null;
  durationMs: number;
  /** Errors, warnings and notes (`severity`), each with its code and, where known, file and line. */
  diagnostics: Diagnostic[];
  /** Files besides the sources that the book was made from (a named cover, packed images). */
  assets: string[];
}

export interface BatchSummary {
  total: number;
  built: number;
  skipped: number;
  failed: number;
  warnings: number;
  durationMs: number;
}

export interface BatchReport {
  /** quire's version. */
  quire: string;
  ok: boolean;
  works: WorkResult[];
  summary: BatchSummary;
}

/** What the runner tells whoever shows progress. */
export interface BatchEvents {
  /** `threads` is how many works are converted at once; `coverThread`, whether their covers are drawn in a thread of their own. */
  start?(total: number, threads: number, coverThread: boolean): void;
  done?(result: WorkResult, finished: number, total: number): void;
}

/** One work as the main thread hands it to a worker. */
export interface WorkTask {
  source: string;
  root: string;
  /** Where to write the EPUB; the main thread renames it once the name is settled. */
  tmp: string;
  /** Everything in the work's cache key but its files (see `keyBasis`). */
  basis: string;
  options: Omit<ConvertOptions, 'css'>;
  /** Metadata a parent folder's `series.yaml` gives the work. */
  inherited?: MetaLayer;
  /** The folder of generated covers kept between builds (see covers.ts). */
  covers?: string;
}

/** Where a work's kepub waits beside its EPUB until the name is settled. */
export const kepubTmp = (tmp: string): string => tmp.replace(/\.tmp$/, '.kepub.tmp');

export interface TaskResult {
  status: 'built' | 'skipped' | 'failed';
  key?: string;
  sources: string[];
  title?: string;
  chapters?: number;
  words?: number;
  durationMs: number;
  diagnostics: Diagnostic[];
  /** A kepub was written beside the EPUB. */
  kepub?: boolean;
  /** Files besides the sources that the book was made from. */
  assets?: string[];
  /** The key of the kept generated cover the book holds (see covers.ts). */
  cover?: string;
  /** The sources' sizes and times as read (see `unchanged` in cache.ts). */
  stamps?: Stamp[];
}
