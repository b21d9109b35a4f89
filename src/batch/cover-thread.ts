/**
 * One thread that draws generated covers for conversions running in the
 * CLI's thread (a batch too small for two conversion threads still has a
 * second core). A plain worker rather than a pool: requests queue on the
 * thread's own port, so it draws one cover after another without waiting for
 * this thread, busy converting, to hand it the next; and each answer comes
 * back as soon as its cover is drawn.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CoverInfo, DrawnCover } from '../cover/types.js';

const SCRIPT = new URL('./cover-worker.js', import.meta.url);

export interface CoverRequest { id: number; info: CoverInfo }
export type CoverReply = { id: number; cover: DrawnCover } | { id: number; error: string };

export class CoverThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(c: DrawnCover): void; reject(e: Error): void }>();
  private nextId = 0;
  private failure: Error | undefined;

  /** `warmUp`: draw one cover for nothing before the first request (see startEarly). */
  constructor(script: URL = SCRIPT, options: { warmUp?: boolean } = {}) {
    this.worker = new Worker(script, { workerData: { warmUp: options.warmUp ?? false } });
    this.worker.on('message', (reply: CoverReply) => {
      const w = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('cover' in reply) w?.resolve(reply.cover);
      else w?.reject(new Error(reply.error));
    });
    // A thread that dies takes its unanswered requests with it: each fails its work, none hangs.
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`the cover thread stopped (exit code ${code})`)));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
  }

  draw(info: CoverInfo): Promise<DrawnCover> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, info } satisfies CoverRequest);
    });
  }

  /** Whether the thread keeps this process running: not while it waits to be taken (see startEarly). */
  hold(held: boolean): void {
    if (held) this.worker.ref();
    else this.worker.unref();
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the cover thread was closed');
    await this.worker.terminate();
  }
}

let early: CoverThread | undefined;

/**
 * Starts the cover thread as the `quire` command starts, before the rest of
 * quire and yargs load. A thread takes longer to start (about 120 ms) than
 * this one takes to reach its first work, and a first cover drawn cold takes
 * four times as long as one drawn warm: started here, it warms up in time it
 * would otherwise spend waiting. Only for `build` on two cores or more, and
 * not with `--jobs 1`. The first batch takes it (takeEarly): it draws that
 * batch's covers if the batch converts in this thread, and is closed if not.
 */
export function startEarly(args: readonly string[]): void {
  if (!early && earlyHelps(args, availableParallelism())) {
    early = new CoverThread(SCRIPT, { warmUp: true });
    // Untaken, it does not keep the process alive: a run that never needs it (a usage error, nothing to build) just ends.
    early.hold(false);
  }
}

/** Whether a command line may build in this thread with a core to spare: `build`, not `--jobs 1`, not help. */
export function earlyHelps(args: readonly string[], cores: number): boolean {
  if (args[0] !== 'build' || cores < 2) return false;
  const oneJob = (a: string, i: number): boolean => /^(-j|--jobs)=?0*1$/.test(a) || (/^(-j|--jobs)$/.test(a) && /^0*1$/.test(args[i + 1] ?? ''));
  return !args.some((a, i) => /^(-h|--help|--version)$/.test(a) || oneJob(a, i));
}

/** The thread startEarly started, once; it keeps the process alive from now on, until closed. */
export function takeEarly(): CoverThread | undefined {
  const thread = early;
  early = undefined;
  thread?.hold(true);
  return thread;
}
