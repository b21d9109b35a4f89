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

/**
 * Calls `rebuild` after changes to the inputs' story files, one rebuild at a
 * time, until `signal` aborts. `files` are the files the last build read (every
 * work's sources and images): their folders are watched too, so a chapter of a
 * folder work or a cover beside a sidecar counts, and each rebuild says which
 * files the next change may touch.
 */
export async function watchInputs(inputs: readonly string[], files: readonly string[], rebuild: () => Promise<readonly string[]>, options: WatchOptions = {}): Promise<void> {
  const watchers = new Map<string, FSWatcher>();
  let known = new Set(files.map((f) => path.resolve(f)));
  // Folders that hold a work's files, kept with `known` rather than searched on every event.
  let workDirs = new Set([...known].map((f) => path.dirname(f)));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const fire = () => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild()
      .then((used) => {
        known = new Set(used.map((f) => path.resolve(f)));
        workDirs = new Set([...known].map((f) => path.dirname(f)));
        follow();
      })
      .finally(() => {
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

  // A file input is watched through its folder: editors replace files, which ends a watch on the file itself.
  const fileInputs = new Set<string>();
  const inputDirs = new Set<string>();
  for (const input of inputs) {
    const full = path.resolve(input);
    if ((await stat(full)).isDirectory()) inputDirs.add(full);
    else fileInputs.add(full);
  }
  const relevant = (dir: string, name: string): boolean => {
    const full = path.join(dir, name);
    if (known.has(full) || fileInputs.has(full)) return true;
    // A new story or sidecar in a folder that holds works may be a new work or chapter.
    const holdsWorks = inputDirs.has(dir) || workDirs.has(dir);
    return holdsWorks && (isStoryFile(name) || SIDECAR.test(name));
  };
  const follow = () => {
    const wanted = new Set([...inputDirs, ...workDirs, ...[...fileInputs].map((f) => path.dirname(f))]);
    for (const [dir, w] of watchers) {
      if (!wanted.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (watchers.has(dir)) continue;
      try {
        // One watch per folder, not recursive: Node 20's recursive watch on Linux misses early events.
        watchers.set(
          dir,
          watch(dir, (_event, name) => name && relevant(dir, path.basename(String(name))) && changed()),
        );
      } catch {
        // A folder that vanished since the build: the next rebuild reports the work.
      }
    }
  };
  follow();
  options.onReady?.();
  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) return resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  watchers.forEach((w) => w.close());
  await running;
}
