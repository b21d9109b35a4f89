/**
 * One `quire build` from the CLI's point of view: run the planned batch (again
 * and again with `--watch`), show progress, write the report, and decide the
 * exit code. The CLI passes the streams, so this prints nowhere else.
 */
import type { Writable } from 'node:stream';
import { runPlan } from './run.js';
import type { BatchPlan } from './plan.js';
import { createProgress, progressMode, useColor } from './progress.js';
import { reportJson, summaryLine } from './report.js';
import { watchInputs } from './watch.js';
import { writeAtomic } from './write.js';
import type { BatchReport } from './types.js';

export interface Terminal {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Ends `--watch`. */
  signal?: AbortSignal;
}

/** Runs the build and returns the exit code: 0 all built, 1 any failed. */
export async function buildSession(plan: BatchPlan, term: Terminal): Promise<number> {
  let last: BatchReport | undefined;
  // The files a build read, so --watch can follow folder works and images.
  const once = async (): Promise<string[]> => {
    last = await buildOnce(plan, term);
    return last.works.flatMap((w) => [...w.sources, ...w.assets]);
  };
  const files = await once();
  if (plan.options.watch) {
    const onReady = () => {
      if (!plan.options.quiet) term.stderr.write(`watching ${plan.inputs.join(', ')} for changes; Ctrl-C to stop\n`);
    };
    await watchInputs(plan.inputs, files, once, { onReady, ...(term.signal ? { signal: term.signal } : {}) });
  }
  return last?.ok ? 0 : 1;
}

async function buildOnce(plan: BatchPlan, term: Terminal): Promise<BatchReport> {
  const { options } = plan;
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
    report = await runPlan(plan, progress);
  } finally {
    progress.finish();
  }
  const doc = reportJson(report);
  if (options.report) await writeAtomic(options.report, new TextEncoder().encode(doc), 'the report');
  if (options.json) term.stdout.write(doc);
  if (!options.quiet) (options.json ? term.stderr : term.stdout).write(`${summaryLine(report.summary)}\n`);
  return report;
}
