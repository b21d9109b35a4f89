/**
 * What the `quire` command sets for its whole process before its threads
 * start (src/batch/tune.ts). Both settings are read once, as a thread or a
 * native library starts: these tests check they arrive there.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keepDrawingMemory } from '../../src/batch/tune.js';
import { repoRoot } from '../support/build.js';
import { ciEnv, quire, tmp } from './helpers.js';

describe("the cover renderer's memory", () => {
  it('is kept a second before it goes back to the system, unless the user chose otherwise', () => {
    const env: NodeJS.ProcessEnv = {};
    keepDrawingMemory(env);
    expect(env.MIMALLOC_PURGE_DELAY).toBe('1000');
    const chosen: NodeJS.ProcessEnv = { MIMALLOC_PURGE_DELAY: '0' };
    keepDrawingMemory(chosen);
    expect(chosen.MIMALLOC_PURGE_DELAY).toBe('0');
  });

  // mimalloc reads its settings once, as resvg-js loads: set later, they would be ignored.
  it.each([
    ["the command's setting", {}, '1000'],
    ["the user's own", { MIMALLOC_PURGE_DELAY: '25' }, '25'],
  ])("reaches resvg-js's allocator: %s", async (_, env, expected) => {
    const story = path.join(repoRoot, 'stories', 'paper-boats.txt');
    for (const jobs of ['1', '2']) {
      // A fresh folder each time: a cover kept from the last build would spare resvg-js its loading.
      const out = await tmp('quire-allocator-');
      const run = await quire(['build', story, '--out', out, '--jobs', jobs], { env: ciEnv({ MIMALLOC_VERBOSE: '1', ...env }) });
      expect(run.code).toBe(0);
      const linked = run.stderr.includes('mimalloc:');
      // resvg-js's build for Linux on x64, the one CI runs, links mimalloc; elsewhere there may be nothing to tune.
      if (process.platform === 'linux' && process.arch === 'x64') expect(linked).toBe(true);
      if (linked) expect(run.stderr, `--jobs ${jobs}`).toContain(`option 'purge_delay': ${expected}`);
    }
  });
});

describe("a thread's heap", () => {
  /**
   * Full collections in a new thread that keeps ~30 MB of small objects alive,
   * as a conversion thread's old space fills between collections; the heap
   * set up by roomyHeaps first when `tuned`.
   */
  const majorCollections = (tuned: boolean): Promise<number> => {
    const tune = pathToFileURL(path.join(repoRoot, 'dist', 'batch', 'tune.js')).href;
    const thread = [
      "import { parentPort } from 'node:worker_threads';",
      "import { PerformanceObserver, constants } from 'node:perf_hooks';",
      'let majors = 0;',
      "new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++; }).observe({ entryTypes: ['gc'] });",
      'const kept = [];',
      'for (let i = 0; i < 100; i++) kept.push(Array.from({ length: 10000 }, (_, j) => ({ i, j })));',
      // Still holding every object when it counts; the count of full collections arrives a little after each.
      'setTimeout(() => parentPort.postMessage({ majors, kept: kept.length }), 100);',
    ].join('\n');
    const main = [
      "import { Worker } from 'node:worker_threads';",
      tuned ? `(await import(${JSON.stringify(tune)})).roomyHeaps();` : '',
      `new Worker(${JSON.stringify(thread)}, { eval: true }).on('message', ({ majors }) => console.log(majors));`,
    ].join('\n');
    // Both run as modules: --input-type reaches the thread's code too.
    return new Promise((resolve, reject) => {
      execFile(process.execPath, ['--input-type=module', '-e', main], (error, stdout) => (error ? reject(error) : resolve(Number(stdout.trim()))));
    });
  };

  it('starts roomy in threads started after the command sets it up: no full collection for 30 MB kept', async () => {
    expect(await majorCollections(true)).toBe(0);
  });

  it('would otherwise be collected in full', async () => {
    // Guards the guard: the same thread with V8's default start does collect.
    expect(await majorCollections(false)).toBeGreaterThan(0);
  });
});
