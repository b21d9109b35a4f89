/** Where a batch's works are converted: a pool of worker threads, or this thread when one is all the batch is worth. */
import { existsSync } from 'node:fs';
import type { CoverThread } from './cover-thread.js';
import type { TaskResult, WorkTask } from './types.js';

const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Threads run the compiled scripts beside this module. Run from the
 * TypeScript sources (a test runner, tsx) there are none: every work is then
 * converted, and its cover drawn, in this thread.
 */
export const THREADS_RUN = ['./worker.js', './cover-worker.js'].every((f) => existsSync(new URL(f, import.meta.url)));

export interface TaskRunner {
  run(task: WorkTask): Promise<TaskResult>;
  destroy(): Promise<void>;
}

/**
 * Worker threads when there is more than one to run at once; otherwise the
 * same task in this thread, which spares a thread's start-up (about as long as
 * a small book takes), with its covers drawn in `covers` when given.
 */
export async function taskRunner(threads: number, small: boolean, covers: CoverThread | undefined): Promise<TaskRunner> {
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
