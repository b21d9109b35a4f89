import { rename, rm, writeFile } from 'node:fs/promises';
import { QuireError, type Diagnostic } from './diagnostics.js';
import { runBatch } from './batch/run.js';
import type { BatchOptions, BatchReport } from './batch/types.js';
import { ioReason } from './ioerror.js';

export type BuildOptions = Omit<BatchOptions, 'jobs'> & { jobs?: number };

/** A failure a user can act on becomes a diagnostic; anything else is a bug and keeps its message. */
export function toDiagnostic(e: unknown, file: string): Diagnostic {
  if (e instanceof QuireError) return e.diagnostic;
  return { severity: 'error', code: 'internal', message: `internal error: ${(e as Error)?.message ?? String(e)}`, file };
}

let tmpSeq = 0;

// Write beside the target, then rename: a reader never sees half an EPUB. The
// pid and a counter keep two processes, or two builds in one process, from
// sharing a temporary file.
export async function writeAtomic(file: string, data: Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}-${++tmpSeq}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new QuireError({ code: 'unwritable-out', message: `cannot write the book: ${ioReason(e)}`, file });
  }
}

/**
 * Builds every work named by `inputs` into `options.out`; one bad work never
 * stops the rest. The library's entry point to the batch runner, one work at a
 * time unless `jobs` says otherwise.
 */
export function build(inputs: readonly string[], options: BuildOptions): Promise<BatchReport> {
  return runBatch(inputs, { ...options, jobs: options.jobs ?? 1 });
}
