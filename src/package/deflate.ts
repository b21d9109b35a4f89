/**
 * Raw deflate of many files. A big book's files are split between this
 * thread and one short-lived worker thread, so the second core shares the
 * single most expensive step of a large build; each file is still deflated
 * alone by the same fflate call, so the bytes do not depend on the split.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { deflateSync, type DeflateOptions } from 'fflate';

export type Level = NonNullable<DeflateOptions['level']>;

/**
 * Below this many bytes one thread is as quick, and the worker's thread and
 * copies would only add to the peak memory (about 30 MB). Measured on whole
 * builds with 2 cores: 4.7 MB of XHTML took the same time either way and 10 MB
 * too; at 16 MB the second thread saved 7%, at 23 MB 25%. On less, it starts
 * too late and too cold (fflate runs slowly until V8 has optimised it) to take
 * much off this thread's share.
 */
export const PARALLEL_FROM = 12_000_000;

/** The worker's whole program; it loads fflate from the path this module resolved. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { deflateSync } = require(workerData.fflate);
parentPort.once('message', ({ files, level }) => {
  parentPort.postMessage(files.map((f) => deflateSync(f, { level })));
});
`;

export function deflateAllSync(files: readonly Uint8Array[], level: Level): Uint8Array[] {
  return files.map((f) => deflateSync(f, { level }));
}

/** Deflates every file; the result is the same as `deflateAllSync`'s. */
export async function deflateAll(files: readonly Uint8Array[], level: Level): Promise<Uint8Array[]> {
  const total = files.reduce((n, f) => n + f.length, 0);
  if (total < PARALLEL_FROM) return deflateAllSync(files, level);
  // The worker takes the tail; this thread keeps a little more, since the
  // worker starts later.
  let split = 0;
  for (let mine = 0; split < files.length && mine < total * 0.52; split++) mine += files[split]?.length ?? 0;
  const theirs = files.slice(split);
  const remote = inWorker(theirs, level).catch(() => deflateAllSync(theirs, level));
  const local = deflateAllSync(files.slice(0, split), level);
  return [...local, ...(await remote)];
}

function inWorker(files: readonly Uint8Array[], level: Level): Promise<Uint8Array[]> {
  const fflate = createRequire(import.meta.url).resolve('fflate');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fflate } });
  return new Promise<Uint8Array[]>((resolve, reject) => {
    worker.once('message', (out: Uint8Array[]) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`deflate worker exited with code ${code}`)));
    worker.postMessage({ files, level });
  }).finally(() => void worker.terminate());
}
