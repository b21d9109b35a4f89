/**
 * The batch runner: finds the works, hands each to a worker thread, and
 * settles output names in input order, so names never depend on which
 * worker finished first.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { QuireError, type Diagnostic } from '../diagnostics.js';
import { findWorks, loadStylesheet, STORY_EXTENSIONS, type WorkEntry } from '../read/source.js';
import { OutputNames, titleFromFileName } from '../outname.js';
import { ioReason, toDiagnostic } from '../ioerror.js';
import { cacheId, cachePath, conversionOptions, keyBasis, loadCache, optionsKey, unchanged, type Cache, type CacheEntry } from './cache.js';
import type { Checker } from './check.js';
import { CoverThread } from './cover-thread.js';
import { coversDir, pruneCovers } from './covers.js';
import { prepareOut } from './outdir.js';
import { planThreads, type BatchPlan } from './plan.js';
import { summarize } from './report.js';
import { inShard } from './shard.js';
import { taskRunner, THREADS_RUN, type TaskRunner } from './tasks.js';
import { quireBuild, quireVersion } from './version.js';
import { writeAtomic } from './write.js';
import { kepubTmp, type TaskResult, type WorkTask } from './types.js';
import type { BatchEvents, BatchOptions, BatchReport, WorkResult } from './types.js';

let runs = 0;

export interface RunContext {
  events?: BatchEvents;
  /** The inputs are the default `stories`, which nobody named: a missing one says so. */
  defaultInputs?: boolean;
}

/** One input's works, or why it has none: either way, in input order. */
type Entry = { work: WorkEntry } | { failed: WorkResult };

/** Builds every work named by `inputs`; one bad work (or input) never stops the rest. */
export async function runBatch(inputs: readonly string[], options: BatchOptions, context: RunContext = {}): Promise<BatchReport> {
  const { events = {} } = context;
  const started = performance.now();
  const runId = ++runs;
  await prepareOut(options.out);
  const entries = await expand(inputs, options, context.defaultInputs === true);
  const works = entries.flatMap((e) => ('work' in e ? [e.work] : []));
  const cache = await loadCache(options.out);
  const convert = conversionOptions(options);
  const optKey = optionsKey(quireBuild, await loadStylesheet(), options);
  const tasks = works.map((work, i): Prepared => {
    const id = cacheId(options.out, work.path);
    const task: WorkTask = {
      source: work.path,
      root: work.root,
      tmp: path.join(options.out, `.quire-${process.pid}-${runId}-${i}.tmp`),
      basis: keyBasis(optKey, work.inherited),
      options: convert,
      covers: coversDir(options.out),
    };
    if (work.inherited) task.inherited = work.inherited;
    return { task, entry: cache.works[id], id };
  });
  const fresh = await cachedResults(tasks, options);
  const changed = works.filter((_, i) => !fresh[i]);

  const plan = await planThreads(THREADS_RUN ? options.jobs : 1, changed);
  // It warms up while this thread reads and converts the first work: a first cover drawn cold takes four times as long.
  const covers = plan.coversAside ? new CoverThread(undefined, { warmUp: true }) : undefined;
  // Made when the first work needs converting: none may.
  let pool: Promise<TaskRunner> | undefined;
  const runner = () => (pool ??= taskRunner(plan.threads, plan.small, covers));
  // Loaded for --check only: it brings child_process and readline, a few ms of every start.
  const checker: Checker | undefined = options.check ? (await import('./check.js')).createChecker() : undefined;
  events.start?.(entries.length, plan.threads, covers !== undefined);

  const run = (task: WorkTask): Promise<TaskResult> =>
    runner()
      .then((p) => p.run(task))
      .catch((e: unknown) => ({ status: 'failed' as const, sources: [task.source], durationMs: 0, diagnostics: [toDiagnostic(e, task.source)] }));
  // Everything is queued at once; the pool bounds how many books exist at a time.
  const rebuild = async (task: WorkTask) => withCheck(await run(task), task.tmp, task.source, checker);
  const pending = tasks.map(({ task }, i) => fresh[i] ?? rebuild(task));

  const settled: Settled = { results: [], next: { format: cache.format, works: {} }, dirty: false };
  try {
    await settleAll(entries, tasks, pending, rebuild, options, settled, events);
  } finally {
    if (pool) await (await pool).destroy();
    else await covers?.close();
    checker?.close();
    if (settled.dirty) await saveCache(options.out, settled.next, new Set(tasks.map((t) => t.id)));
  }
  const { results } = settled;
  const summary = summarize(results, Math.round(performance.now() - started));
  return { quire: quireVersion, ok: results.every((r) => r.ok), summary, works: results };
}

interface Prepared {
  task: WorkTask;
  entry: CacheEntry | undefined;
  id: string;
}

/*
 * The loops over every work live in small functions of their own, out of
 * runBatch: V8 optimises a long-running loop together with the function
 * around it, and optimising all of runBatch took 52 ms on a background
 * thread that the process then waited for before it could exit (1,000 works,
 * nothing changed).
 */

/**
 * Works the cache holds, checked in this thread before any other starts:
 * only the changed ones go to the threads, and a batch with nothing changed
 * starts none. Each is its result as it stands, or undefined to convert.
 */
async function cachedResults(tasks: readonly Prepared[], options: BatchOptions): Promise<Array<TaskResult | undefined>> {
  const present = (name: string | undefined) => name === undefined || existsSync(path.join(options.out, name));
  const usable = (entry: CacheEntry | undefined): entry is CacheEntry => entry !== undefined && !options.force && present(entry.output) && present(entry.kepub) && (!options.check || entry.checked);
  const fresh: Array<TaskResult | undefined> = [];
  for (const { task, entry } of tasks) fresh.push(usable(entry) ? await unchanged(task, entry) : undefined);
  return fresh;
}

interface Settled {
  results: WorkResult[];
  /** The cache as this run leaves it. */
  next: Cache;
  /** False while every work was skipped on its entry as it stands: the cache is already right, and is not written again. */
  dirty: boolean;
}

/** Settles each work's book under its name, in input order, and makes its cache entry. */
async function settleAll(
  entries: readonly Entry[],
  tasks: readonly Prepared[],
  pending: ReadonlyArray<TaskResult | Promise<TaskResult>>,
  rebuild: (task: WorkTask) => Promise<TaskResult>,
  options: BatchOptions,
  into: Settled,
  events: BatchEvents,
): Promise<void> {
  const { results, next } = into;
  const names = new OutputNames();
  let w = 0;
  for (const e of entries) {
    if ('failed' in e) {
      results.push(e.failed);
      events.done?.(e.failed, results.length, entries.length);
      continue;
    }
    const i = w++;
    const { task, entry, id } = tasks[i]!;
    let r = await pending[i]!;
    const title = r.status === 'skipped' ? entry!.title : r.title;
    const name = title === undefined ? undefined : names.claim(title, titleFromFileName(task.source));
    // A skipped book whose name another work now holds is built again under its new name.
    if (r.status === 'skipped' && `${name}.epub` !== entry!.output) r = await rebuild(task);
    const result = await settle(r, task.source, name, entry, options, task.tmp);
    results.push(result);
    if (r.key && result.output && !result.diagnostics.some((d) => d.severity === 'error')) {
      next.works[id] = cacheEntry(r, result, entry, Boolean(options.check), task.basis);
      into.dirty ||= r.status !== 'skipped' || r.stamps !== entry?.stamps;
    } else into.dirty = true;
    events.done?.(result, results.length, entries.length);
  }
}

/**
 * Each input's works, each work once (`stories stories/a.txt` builds a.txt
 * once), only this shard's. An input that is missing or holds no story is a
 * failed entry of its own: the other inputs are still built.
 */
async function expand(inputs: readonly string[], options: BatchOptions, defaultInputs: boolean): Promise<Entry[]> {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    let found: WorkEntry[];
    try {
      found = await findWorks([input]);
      if (!found.length) throw new QuireError({ code: 'empty-folder', message: `no story files (${STORY_EXTENSIONS.join(', ')}) in this folder`, file: input });
    } catch (e) {
      const d = toDiagnostic(e, input);
      if (defaultInputs && d.code === 'not-found') {
        d.message += `; with no input named, quire builds the folder ${input}/: name story files or folders (quire build story.txt), or create ${input}/`;
      }
      entries.push({ failed: failedResult(input, [d]) });
      continue;
    }
    for (const work of found) {
      const key = path.resolve(work.path);
      if (seen.has(key)) continue;
      seen.add(key);
      if (inShard(work, options.shard)) entries.push({ work });
    }
  }
  return entries;
}

const failedResult = (source: string, diagnostics: Diagnostic[], sources = [source], durationMs = 0): WorkResult => ({
  source,
  sources,
  status: 'failed',
  ok: false,
  output: null,
  kepub: null,
  title: null,
  chapters: null,
  words: null,
  durationMs,
  diagnostics,
  assets: [],
});

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
  await pruneCovers(out, new Set(Object.values(sorted.works).flatMap((e) => (e.cover ? [e.cover] : []))));
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

/** Puts a built book (and its kepub) in place under its settled name, and says how the work went. */
async function settle(r: TaskResult, source: string, name: string | undefined, entry: CacheEntry | undefined, options: BatchOptions, tmp: string): Promise<WorkResult> {
  const assets = r.assets ?? [];
  if (r.status === 'failed' || name === undefined) return { ...failedResult(source, r.diagnostics, r.sources, r.durationMs), assets };
  const output = path.join(options.out, `${name}.epub`);
  const kepub = r.status === 'skipped' ? (entry!.kepub ? path.join(options.out, entry!.kepub) : null) : r.kepub ? path.join(options.out, `${name}.kepub.epub`) : null;
  const from = r.status === 'skipped' ? entry! : { title: r.title!, chapters: r.chapters!, words: r.words!, diagnostics: r.diagnostics };
  const diagnostics = [...from.diagnostics];
  if (r.status === 'built') {
    try {
      await rename(tmp, output);
      if (kepub) await rename(kepubTmp(tmp), kepub);
    } catch (e) {
      await rm(tmp, { force: true });
      await rm(kepubTmp(tmp), { force: true });
      const unwritable: Diagnostic = { severity: 'error', code: 'unwritable-out', message: `cannot write the book: ${ioReason(e)}`, file: output };
      return { ...failedResult(source, [...diagnostics, unwritable], r.sources, r.durationMs), assets };
    }
    // A kepub an earlier build wrote (the cache says it is quire's own) would be left behind, stale: built without kepubs now, or under another name.
    const stale = entry?.kepub && path.join(options.out, entry.kepub);
    if (stale && stale !== kepub) {
      await rm(stale, { force: true }).catch((e: unknown) => {
        diagnostics.push({ severity: 'warning', code: 'stale-kepub', message: `cannot remove ${stale}, left from an earlier build with kepubs: ${ioReason(e)}`, file: source });
      });
    }
  }
  const failing = (d: Diagnostic) => d.severity === 'error' || (options.strict === true && d.severity === 'warning');
  return {
    source,
    sources: r.sources,
    status: r.status,
    ok: !diagnostics.some(failing),
    output,
    kepub,
    title: from.title,
    chapters: from.chapters,
    words: from.words,
    durationMs: r.durationMs,
    diagnostics,
    assets,
  };
}

function cacheEntry(r: TaskResult, result: WorkResult, entry: CacheEntry | undefined, checked: boolean, basis: string): CacheEntry {
  const cover = r.status === 'skipped' ? entry?.cover : r.cover;
  return {
    key: r.key!,
    output: path.basename(result.output!),
    title: result.title!,
    chapters: result.chapters!,
    words: result.words!,
    sources: result.sources,
    diagnostics: result.diagnostics,
    checked: r.status === 'skipped' ? (entry?.checked ?? false) : checked,
    ...(result.assets.length ? { assets: result.assets } : {}),
    ...(result.kepub ? { kepub: path.basename(result.kepub) } : {}),
    ...(cover ? { cover } : {}),
    ...(r.stamps ? { stamps: r.stamps } : {}),
    basis,
  };
}

/** Runs a planned batch. */
export function runPlan(plan: BatchPlan, events?: BatchEvents): Promise<BatchReport> {
  return runBatch(plan.inputs, plan.options, { ...(events ? { events } : {}), defaultInputs: plan.defaultInputs });
}
