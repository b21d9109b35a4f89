/**
 * quire's public API. Every function here is typed and documented; the CLI
 * (src/cli/) is a thin layer over it.
 */
export { build, convert, inspect, type BuildOptions, type ConvertInputOptions, type StoryInput, type StoryText } from './build.js';
export type { BatchOptions, BatchReport, BatchSummary, WorkResult, WorkStatus, Shard } from './batch/types.js';
export { convertWork, parseWork, type ConvertOptions, type ConvertedWork, type ParsedWork } from './convert.js';
export { readWork, findWorks, loadStylesheet, type WorkSource, type SourceFile } from './read/source.js';
export type { Book, Chapter, Section, Block, Inline, Metadata, Span } from './model.js';
export type { MetaLayer } from './metadata/metadata.js';
export { toKepub } from './kepub/index.js';
export { formatDiagnostic, QuireError, UsageError, type Diagnostic, type Severity } from './diagnostics.js';
export type { ErrorCode } from './errors.js';
