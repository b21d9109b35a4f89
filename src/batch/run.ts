/**
 * The batch runner: finds the works, hands each to a worker thread, and
 * settles output names in input order, so names never depend on which
 * worker finished first.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { QuireError, type Diagnostic } from '../diagnostics.js';
import { findWorks, loadStylesheet } from '../read/source.js';
import { OutputNames, titleFromFileName } from '../outname.js';
import { writeAtomic } from './write.js';
import { ioReason, toDiagnostic } from '../ioerror.js';
import { cacheId, cachePath, conversionOptions, loadCache, optionsKey, type Cache, type CacheEntry } from './cache.js';
import type { Checker } from './check.js';
import { inShard } from './shard.js';
import { summarize } from './report.js';
import { quireBuild } from './version.js';
import { CoverThread, takeEarly } from './cover-thread.js';
import { kepubTmp, type TaskResult, type WorkTask } from './types.js';
import type { BatchEvents, BatchOptions, BatchReport, WorkResult } from './types.js';

// `.quire-<pid>-<run>-<work>.tmp`: the pid says whose it is, the run number
// keeps two builds in one process apart.
const TMP = /^\.quire-(\d+)-.*\.tmp$/;
let runs = 0;
const WORKER = new URL('./worker.js', import.meta.url);

/** Builds every work named by `inputs`; one bad work never stops the rest. */
export async function runBatch(inputs: readonly string[], options: BatchOptions, events: BatchEvents = {}): Promise<BatchReport> {
  const started = performance.now();
  const runId = ++runs;
  const works = (await findWorks(inputs)).filter((w) => inShard(w, options.shard));
  await prepareOut(options.out);
  const cache = await loadCache(options.out);
  const next: Cache = { format: cache.format, works: {} };
  const convert = conversionOptions(options);
  const optKey = optionsKey(quireBuild, await loadStylesheet(), options);
  const size = await batchSize(works);
  const threads = Math.max(1, Math.min(options.jobs, works.length, size.threads));
  // Too small a batch for a second conversion thread may still use a second core
  // for its covers: in the thread the CLI started early, or in a new one.
  const inThread = threads === 1 && options.jobs > 1;
  let covers = takeEarly();
  if (covers && !inThread) {
    // Converted in worker threads, which draw their own covers: its core is theirs.
    await covers.close();
    covers = undefined;
  }
  covers ??= inThread && works.length >= COVERS_ASIDE_FROM ? new CoverThread() : undefined;
  const pool = await taskRunner(threads, size.small, covers);
  // Loaded for --check only: it brings child_process and readline, a few ms of every start.
  const checker: Checker | undefined = options.check ? (await import('./check.js')).createChecker() : undefined;
  events.start?.(works.length, threads, covers !== undefined);

  const tasks = works.map((work, i): { task: WorkTask; entry: CacheEntry | undefined; id: string } => {
    const id = cacheId(options.out, work.path);
    const entry = cache.works[id];
    const usable = entry && !options.force && existsSync(path.join(options.out, entry.output)) && (!options.check || entry.checked);
    const task: WorkTask = { source: work.path, root: work.root, tmp: path.join(options.out, `.quire-${process.pid}-${runId}-${i}.tmp`), optionsKey: optKey, options: convert };
    if (work.inherited) task.inherited = work.inherited;
    if (usable) {
      task.cachedKey = entry.key;
      if (entry.assets?.length) task.cachedAssets = entry.assets;
    }
    return { task, entry, id };
  });
  const run = (task: WorkTask): Promise<TaskResult> =>
    pool.run(task).catch((e: unknown) => ({ status: 'failed' as const, sources: [task.source], durationMs: 0, diagnostics: [toDiagnostic(e, task.source)] }));
  // Everything is queued at once; the pool bounds how many books exist at a time.
  const pending = tasks.map(({ task }) => run(task).then((r) => withCheck(r, task.tmp, task.source, checker)));

  const names = new OutputNames();
  const results: WorkResult[] = [];
  try {
    for (const [i, { task, entry, id }] of tasks.entries()) {
      let r = await pending[i]!;
      const title = r.status === 'skipped' ? entry!.title : r.title;
      const name = title === undefined ? undefined : `${names.claim(title, titleFromFileName(task.source))}.epub`;
      // A skipped book whose name another work now holds is built again under its new name.
      if (r.status === 'skipped' && name !== entry!.output) {
        r = await withCheck(await run({ ...task, cachedKey: '' }), task.tmp, task.source, checker);
      }
      const result = await settle(r, name, entry, options, task.tmp);
      results.push(result);
      if (r.key && result.output && !result.diagnostics.some((d) => d.severity === 'error')) {
        next.works[id] = cacheEntry(r, result, entry, Boolean(options.check));
      }
      events.done?.(result, results.length, works.length);
    }
  } finally {
    await pool.destroy();
    checker?.close();
    await saveCache(options.out, next, new Set(tasks.map((t) => t.id)));
  }
  const summary = summarize(results, Math.round(performance.now() - started));
  return { ok: results.every((r) => r.ok), works: results, summary };
}

// A thread's start-up (loading the pipeline's modules) costs about as much as
// converting this many bytes; below that a second thread only slows a batch.
const BYTES_PER_THREAD = 512 * 1024;
// Every work also pays a fixed cost whatever its size, mostly drawing its
// generated cover: worth about this many bytes of text.
const BYTES_PER_WORK = 128 * 1024;

/**
 * How many threads the batch is worth, and whether its works are all small
 * (the first ones looked at, up to 64 threads' worth).
 */
async function batchSize(works: ReadonlyArray<{ path: string }>): Promise<{ threads: number; small: boolean }> {
  let bytes = 0;
  let small = true;
  for (const w of works) {
    const info = await stat(w.path).catch(() => undefined);
    // A folder work's size is unknown here: count it as worth a thread.
    const size = !info ? 0 : info.isDirectory() ? BYTES_PER_THREAD : info.size;
    small &&= size < BYTES_PER_THREAD;
    bytes += BYTES_PER_WORK + size;
    if (bytes >= BYTES_PER_THREAD * 64) break;
  }
  return { threads: Math.max(1, Math.floor(bytes / BYTES_PER_THREAD)), small };
}

/**
 * From this many works, a batch converted in this thread starts a thread of
 * its own for its generated covers, if the CLI has not started one already.
 * That thread loads only the drawing code, and the covers are a third or more
 * of a small work's time; with fewer works its start-up is not paid back.
 */
const COVERS_ASIDE_FROM = 3;

/**
 * Worker threads when there is more than one to run at once; otherwise the
 * same task in this thread, which spares a thread's start-up (about as long as
 * a small book takes), with its covers drawn in `covers` when given.
 */
async function taskRunner(threads: number, small: boolean, covers: CoverThread | undefined): Promise<{ run(task: WorkTask): Promise<TaskResult>; destroy(): Promise<void> }> {
  if (threads <= 1) {
    const { default: convertTask } = (await import(WORKER.href)) as typeof import('./worker.js');
    // Two in flight: one reads or writes its files while the other converts.
    // Never more, or queued tasks would all read their sources at once. With
    // covers drawn aside, every work at once: this thread parses them all
    // while the covers are drawn, instead of idling until the first comes
    // back. Such a batch is worth one thread (about 1 MB), so it is small.
    const IN_FLIGHT = covers ? Infinity : 2;
    let active = 0;
    const waiting: Array<() => void> = [];
    const run = async (task: WorkTask): Promise<TaskResult> => {
      // A finishing task hands its slot straight to the next in line.
      if (active >= IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        return await convertTask(task, covers ? (info) => covers.draw(info) : undefined);
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    };
    return { run, destroy: async () => covers?.close() };
  }
  // Loaded only when threads are used: a small batch should not pay for it.
  const { Piscina } = await import('piscina');
  // Small works give each thread two at a time: one reads or writes its files
  // while the other converts (8% faster on 1,000 works). Big ones go one at a
  // time, so a thread holds one big book, not two.
  const concurrentTasksPerWorker = small ? 2 : 1;
  const pool = new Piscina<WorkTask, TaskResult>({ filename: WORKER.href, minThreads: threads, maxThreads: threads, idleTimeout: 1000, concurrentTasksPerWorker });
  return { run: (task) => pool.run(task), destroy: () => pool.destroy() };
}

/**
 * Writes this run's entries, keeping those of works it did not build whose
 * books are still there: another shard, or another set of inputs, sharing the
 * output folder. The cache is read again first, so shards that finish one
 * after the other into one folder do not drop each other's entries.
 */
async function saveCache(out: string, next: Cache, ran: ReadonlySet<string>): Promise<void> {
  const latest = await loadCache(out);
  for (const [id, entry] of Object.entries(latest.works)) {
    if (!ran.has(id) && !(id in next.works) && existsSync(path.join(out, entry.output))) next.works[id] = entry;
  }
  const sorted: Cache = { format: next.format, works: Object.fromEntries(Object.entries(next.works).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
  await writeAtomic(cachePath(out), new TextEncoder().encode(`${JSON.stringify(sorted, null, 1)}\n`)).catch(() => undefined);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function prepareOut(out: string): Promise<void> {
  try {
    await mkdir(out, { recursive: true });
    // Leftovers of a killed run: never a finished book, safe to drop once the
    // process that wrote them is gone (another quire may be building here now).
    for (const name of await readdir(out)) {
      const pid = TMP.exec(name)?.[1];
      if (pid !== undefined && !alive(Number(pid))) await rm(path.join(out, name), { force: true });
    }
  } catch (e) {
    throw new QuireError({ code: 'unwritable-out', message: `cannot create output folder: ${ioReason(e)}`, file: out });
  }
}

async function withCheck(r: TaskResult, tmp: string, source: string, checker: Checker | undefined): Promise<TaskResult> {
  if (!checker || r.status !== 'built') return r;
  let found: Diagnostic[];
  try {
    found = await checker.check(tmp, source);
  } catch (e) {
    found = [{ severity: 'error', code: 'epubcheck', message: `EPUBCheck could not check this book: ${(e as Error)?.message ?? String(e)}`, file: source }];
  }
  return { ...r, diagnostics: [...r.diagnostics, ...found] };
}

async function settle(r: TaskResult, name: string | undefined, entry: CacheEntry | undefined, options: BatchOptions, tmp: string): Promise<WorkResult> {
  const base = { source: r.sources[0] ?? '', sources: r.sources, durationMs: r.durationMs, ...(r.assets?.length ? { assets: r.assets } : {}) };
  if (r.status === 'failed' || name === undefined) return { ...base, status: 'failed', ok: false, diagnostics: r.diagnostics };
  const output = path.join(options.out, name);
  const from = r.status === 'skipped' ? entry! : { title: r.title!, chapters: r.chapters!, words: r.words!, diagnostics: r.diagnostics };
  if (r.status === 'built') {
    try {
      await rename(tmp, output);
      if (r.kepub) await rename(kepubTmp(tmp), output.replace(/\.epub$/, '.kepub.epub'));
    } catch (e) {
      const unwritable: Diagnostic = { severity: 'error', code: 'unwritable-out', message: `cannot write the book: ${ioReason(e)}`, file: output };
      await rm(tmp, { force: true });
      return { ...base, status: 'failed', ok: false, diagnostics: [...from.diagnostics, unwritable] };
    }
  }
  const failing = (d: Diagnostic) => d.severity === 'error' || (options.strict === true && d.severity === 'warning');
  return { ...base, status: r.status, ok: !from.diagnostics.some(failing), output, title: from.title, chapters: from.chapters, words: from.words, diagnostics: from.diagnostics };
}

function cacheEntry(r: TaskResult, result: WorkResult, entry: CacheEntry | undefined, checked: boolean): CacheEntry {
  return {
    key: r.key!,
    output: path.basename(result.output!),
    title: result.title!,
    chapters: result.chapters!,
    words: result.words!,
    sources: result.sources,
    diagnostics: result.diagnostics,
    checked: r.status === 'skipped' ? (entry?.checked ?? false) : checked,
    ...(r.assets?.length ? { assets: r.assets } : {}),
  };
}

