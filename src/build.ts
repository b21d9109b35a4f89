import { runBatch } from './batch/run.js';
import type { BatchOptions, BatchReport } from './batch/types.js';

export type BuildOptions = Omit<BatchOptions, 'jobs'> & { jobs?: number };

/**
 * Builds every work named by `inputs` into `options.out`; one bad work never
 * stops the rest. The library's entry point to the batch runner, one work at a
 * time unless `jobs` says otherwise.
 */
export function build(inputs: readonly string[], options: BuildOptions): Promise<BatchReport> {
  return runBatch(inputs, { ...options, jobs: options.jobs ?? 1 });
}
