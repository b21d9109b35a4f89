/**
 * `--watch`: rebuild when a story changes. The batch is incremental, so a
 * rebuild of everything costs only the works whose files changed.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isStoryFile } from '../read/source.js';

const SIDECAR = /\.ya?ml$/i;

export interface WatchOptions {
  /** Quiet time after the last change before a rebuild: editors write a file in several steps. */
  debounceMs?: number;
  signal?: AbortSignal;
  /** Called once every watch is in place. */
  onReady?: () => void;
}

/** Calls `rebuild` after changes to the inputs' story files, one rebuild at a time, until `signal` aborts. */
export async function watchInputs(inputs: readonly string[], rebuild: () => Promise<void>, options: WatchOptions = {}): Promise<void> {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const fire = () => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        fire();
      }
    });
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(fire, options.debounceMs ?? 200);
  };
  for (const input of inputs) {
    const isDir = (await stat(input)).isDirectory();
    // A file input is watched through its folder: editors replace files, which ends a watch on the file itself.
    const dir = isDir ? input : path.dirname(input);
    const stem = path.basename(input, path.extname(input));
    const relevant = (name: string) =>
      isDir ? isStoryFile(name) || SIDECAR.test(name) : name === path.basename(input) || (SIDECAR.test(name) && path.basename(name, path.extname(name)) === stem);
    // Not recursive: a folder's works are its own files, and Node 20's recursive watch on Linux misses early events.
    const w = watch(dir, (_event, name) => {
      if (name && relevant(path.basename(String(name)))) changed();
    });
    watchers.push(w);
  }
  options.onReady?.();
  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) return resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  watchers.forEach((w) => w.close());
  await running;
}
