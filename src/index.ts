/**
 * quire's public API. Every function here is typed and documented; the CLI
 * (src/cli/) is a thin layer over it.
 */
import { convertWork, parseWork, type ConvertOptions, type ParsedWork } from './convert.js';
import { readWork } from './read/source.js';

export { build, type BuildOptions } from './build.js';
export { runBatch } from './batch/run.js';
export type { BatchOptions, BatchReport, BatchSummary, BatchEvents, WorkResult, Shard } from './batch/types.js';
export { jsonReport, type JsonReport } from './batch/report.js';
export { convertWork, parseWork, type ConvertOptions, type ConvertedWork, type ParsedWork } from './convert.js';
export { readWork, findWorks, loadStylesheet, type WorkSource, type SourceFile } from './read/source.js';
export type { Book, Chapter, Section, Block, Inline, Metadata, Span } from './model.js';
export { toKepub } from './kepub/index.js';
export { formatDiagnostic, QuireError, type Diagnostic } from './diagnostics.js';

/** Reads one story and returns the tree quire would render, with how each line was read. */
export async function inspect(file: string, options: Omit<ConvertOptions, 'css'> = {}): Promise<ParsedWork> {
  return parseWork(await readWork(file), options);
}

export { convertWork as convert };
