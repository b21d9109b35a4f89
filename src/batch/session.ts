/**
 * One `quire build` from the CLI's point of view: run the batch (again and
 * again with `--watch`), show progress, write the report, and decide the
 * exit code. The CLI passes the streams, so this prints nowhere else.
 */
import type { Writable } from 'node:stream';
import { writeAtomic } from './write.js';
import { runBatch } from './run.js';
import { createProgress, progressMode, useColor } from './progress.js';
import { jsonReport, summaryLine } from './report.js';
import { quireVersion } from './version.js';
import { watchInputs } from './watch.js';
import type { BatchOptions, BatchReport } from './types.js';

export interface SessionOptions extends BatchOptions {
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  report?: string;
  watch?: boolean;
}

export interface Terminal {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Ends `--watch`. */
  signal?: AbortSignal;
}

/** Runs the build and returns the exit code: 0 all built, 1 any failed. */
export async function buildSession(inputs: readonly string[], options: SessionOptions, term: Terminal): Promise<number> {
  let last: BatchReport | undefined;
  // The files a build read, so --watch can follow folder works and images.
  const once = async (): Promise<string[]> => {
    last = await buildOnce(inputs, options, term);
    return last.works.flatMap((w) => [...w.sources, ...(w.assets ?? [])]);
  };
  const files = await once();
  if (options.watch) {
    const onReady = () => {
      if (!options.quiet) term.stderr.write(`watching ${inputs.join(', ')} for changes; Ctrl-C to stop\n`);
    };
    await watchInputs(inputs, files, once, { onReady, ...(term.signal ? { signal: term.signal } : {}) });
  }
  return last?.ok ? 0 : 1;
}

async function buildOnce(inputs: readonly string[], options: SessionOptions, term: Terminal): Promise<BatchReport> {
  const progressTTY = Boolean(term.stderr.isTTY);
  const progress = createProgress({
    mode: progressMode(term.env, progressTTY, Boolean(options.quiet)),
    verbose: Boolean(options.verbose),
    color: useColor(term.env, progressTTY),
    // stdout belongs to the JSON document when there is one.
    out: options.json ? term.stderr : term.stdout,
    err: term.stderr,
  });
  let report: BatchReport;
  try {
    report = await runBatch(inputs, options, progress);
  } finally {
    progress.finish();
  }
  const doc = jsonReport(report, quireVersion);
  if (options.report) await writeAtomic(options.report, new TextEncoder().encode(`${JSON.stringify(doc, null, 2)}\n`));
  if (options.json) term.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  if (!options.quiet) (options.json ? term.stderr : term.stdout).write(`${summaryLine(report.summary)}\n`);
  return report;
}
