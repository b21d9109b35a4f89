/**
 * The cover thread (see cover-thread.ts): draws each generated cover it is
 * asked for, in the order asked, and answers as soon as each one is drawn.
 * It loads only the drawing code: HarfBuzz, resvg and the fonts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { drawCover } from '../cover/generate.js';
import type { CoverRequest, CoverReply } from './cover-thread.js';

const port = parentPort;
if (!port) throw new Error('cover-worker.js runs as a worker thread');

port.on('message', async ({ id, info }: CoverRequest) => {
  let reply: CoverReply;
  try {
    reply = { id, cover: await drawCover(info) };
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});

// Requests wait on the port meanwhile: one that comes during the warm-up is
// drawn warm after it. A warm-up that fails says nothing: each real request
// then fails with its own reason, for its own work.
if ((workerData as { warmUp?: boolean } | null)?.warmUp) await drawCover({ title: 'Quire', authors: ['Quire'] }).catch(() => undefined);
