/**
 * One thread that draws generated covers for conversions running in the
 * CLI's thread (a batch too small for two conversion threads still has a
 * second core). A plain worker rather than a pool: requests queue on the
 * thread's own port, so it draws one cover after another without waiting for
 * this thread, busy converting, to hand it the next; and each answer comes
 * back as soon as its cover is drawn.
 */
import { Worker } from 'node:worker_threads';
import type { CoverInfo, DrawnCover } from '../cover/types.js';

const SCRIPT = new URL('./cover-worker.js', import.meta.url);

export interface CoverRequest {
  id: number;
  info: CoverInfo;
}
export type CoverReply = { id: number; cover: DrawnCover } | { id: number; error: string };

export class CoverThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(c: DrawnCover): void; reject(e: Error): void }>();
  private nextId = 0;
  private failure: Error | undefined;

  /**
   * `warmUp`: draw one cover for nothing before the first request. A thread
   * takes longer to start (about 120 ms) than a batch takes to reach its
   * first work, and a first cover drawn cold takes four times as long as one
   * drawn warm: a thread started as the batch plans its threads (run.ts)
   * warms up while the first work is read and converted.
   */
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

  async close(): Promise<void> {
    this.failure ??= new Error('the cover thread was closed');
    await this.worker.terminate();
  }
}
