/**
 * One plan for a batch, made once before anything is read: which inputs, which
 * config file, the merged options (the caller's over the config file's over
 * the defaults) and how many threads may convert. The command and the library
 * both build through it, so they cannot disagree on a default.
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../diagnostics.js';
import { findConfig, loadConfig } from './config.js';
import type { Requested } from './settings.js';
import type { SessionOptions } from './types.js';

/** What `quire build` reads when no input is named. */
export const DEFAULT_INPUTS: readonly string[] = ['stories'];
/** Where books go unless told otherwise. */
export const DEFAULT_OUT = 'out';

export interface PlanRequest {
  /** The inputs named by the caller; none means the config file's, else `stories`. */
  inputs?: readonly string[];
  /** The caller's options (the command's flags, the library's options): they win over a config file. */
  options?: Partial<SessionOptions>;
  /** A config file to read, or `{ search: dir }` for the nearest one at or above `dir`; none by default. */
  config?: string | { search: string };
}

export interface BatchPlan {
  /** Each input once, in the order first named. */
  inputs: string[];
  /** True when nobody named an input and `stories` was taken: a missing one then says so. */
  defaultInputs: boolean;
  /** The config file read, if any. */
  config?: string;
  /** Every option decided; `jobs` is the most threads that may convert at once. */
  options: SessionOptions;
}

export async function planBatch(request: PlanRequest = {}, cores = availableParallelism()): Promise<BatchPlan> {
  const file = typeof request.config === 'string' ? request.config : request.config ? findConfig(request.config.search) : undefined;
  const config: Requested = file ? await loadConfig(file) : { options: {} };
  const given = request.options ?? {};
  const meta = { ...config.options.meta, ...given.meta };
  const options: SessionOptions = {
    ...config.options,
    ...definedOnly(given),
    ...(Object.keys(meta).length ? { meta } : {}),
    out: given.out ?? config.options.out ?? DEFAULT_OUT,
    jobs: given.jobs ?? config.options.jobs ?? cores,
  };
  if (!Number.isInteger(options.jobs) || options.jobs < 1) throw new UsageError(`jobs must be a whole number of at least 1, not ${options.jobs}`);
  if (typeof options.out !== 'string' || !options.out.trim()) throw new UsageError('out must name a folder');
  if (options.quiet && options.verbose) throw new UsageError('quiet and verbose contradict each other; ask for one');
  const named = request.inputs?.length ? request.inputs : config.inputs?.length ? config.inputs : undefined;
  const plan: BatchPlan = {
    inputs: once(named ?? DEFAULT_INPUTS),
    defaultInputs: named === undefined,
    options,
  };
  if (file) plan.config = file;
  return plan;
}

// `exactOptionalPropertyTypes`: a library caller's `{ jobs: undefined }` must not wipe out the config's.
const definedOnly = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The same input named twice (`a.txt ./a.txt`) is built once. */
function once(inputs: readonly string[]): string[] {
  const seen = new Set<string>();
  return inputs.filter((i) => {
    const key = path.resolve(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// A thread's start-up (loading the pipeline's modules) costs about as much as
// converting this many bytes; below that a second thread only slows a batch.
const BYTES_PER_THREAD = 512 * 1024;
// Every work also pays a fixed cost whatever its size, mostly drawing its
// generated cover: worth about this many bytes of text.
const BYTES_PER_WORK = 128 * 1024;

export interface Threads {
  /** Threads converting works; 1 means this thread, with no pool. */
  threads: number;
  /** All works are small: a thread may take two at a time. */
  small: boolean;
  /** Covers are drawn in a thread of their own. */
  coversAside: boolean;
}

/**
 * How many threads the works are worth, at most `jobs`. Sizes are looked at
 * up to 64 threads' worth of works; a folder work counts as worth a thread.
 */
export async function planThreads(jobs: number, works: ReadonlyArray<{ path: string }>, cores = availableParallelism()): Promise<Threads> {
  let bytes = 0;
  let small = true;
  for (const w of works) {
    const info = await stat(w.path).catch(() => undefined);
    const size = !info ? 0 : info.isDirectory() ? BYTES_PER_THREAD : info.size;
    small &&= size < BYTES_PER_THREAD;
    bytes += BYTES_PER_WORK + size;
    if (bytes >= BYTES_PER_THREAD * 64) break;
  }
  const threads = Math.max(1, Math.min(jobs, works.length, Math.floor(bytes / BYTES_PER_THREAD)));
  // Too small a batch for a second conversion thread may still use a second
  // core for its covers (the thread loads only the drawing code, and a cover
  // is a third or more of a small work's time); one work draws its own sooner
  // than a thread starts.
  const coversAside = threads === 1 && jobs > 1 && cores > 1 && works.length > 1;
  return { threads, small, coversAside };
}
