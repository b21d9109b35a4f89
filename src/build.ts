/**
 * The library's entry points: `build` writes books into a folder as
 * `quire build` does; `convert` and `inspect` work on one story in memory.
 */
import { convertWork, parseWork, type ConvertOptions, type ConvertedWork, type ParsedWork } from './convert.js';
import { loadStylesheet, readWork, type WorkSource } from './read/source.js';
import { planBatch } from './batch/plan.js';
import { runPlan } from './batch/run.js';
import type { BatchOptions, BatchReport } from './batch/types.js';

/**
 * What `build` may be told; all optional. `out` defaults to `out`, `jobs` to
 * the number of cores (a small batch uses fewer). No config file is read
 * unless `config` names one.
 */
export interface BuildOptions extends Partial<BatchOptions> {
  /** A `quire.config.json` / `.yaml` to read; the options given here win over it. */
  config?: string;
}

/**
 * Builds every work named by `inputs` (story files and folders, by path) into
 * `options.out`, as `quire build` does. One bad work or missing input never
 * stops the rest: each is in the report, with `ok: false`.
 */
export async function build(inputs: string | readonly string[], options: BuildOptions = {}): Promise<BatchReport> {
  const { config, ...rest } = options;
  const plan = await planBatch({ inputs: typeof inputs === 'string' ? [inputs] : inputs, options: rest, ...(config ? { config } : {}) });
  return runPlan(plan);
}

/**
 * Story text held in memory. `name` gives its format by its extension
 * (`story.md` is read as Markdown; the default `story.txt`, as plain text)
 * and names it in diagnostics.
 */
export interface StoryText {
  text: string | Uint8Array;
  name?: string;
}

/**
 * A story to read: a **string is always a path** (a story file or a folder
 * work, as on the command line); story text goes in a `{ text }` object; a
 * Buffer or Uint8Array is a story file's bytes (plain text, any encoding).
 * No guessing: a one-line story and a file name look alike.
 */
export type StoryInput = string | StoryText | Uint8Array;

/** `convert`'s options: ConvertOptions with the stylesheet optional (quire's own by default). */
export type ConvertInputOptions = Omit<ConvertOptions, 'css'> & { css?: string };

/**
 * One story to EPUB bytes, in memory; nothing is written. Text in memory has
 * no file date: the book's date is its front matter's, else `sourceDateEpoch`,
 * else 1970-01-01.
 */
export async function convert(input: StoryInput, options: ConvertInputOptions = {}): Promise<ConvertedWork> {
  const { css, ...rest } = options;
  return convertWork(await sourceOf(input), { ...rest, css: css ?? (await loadStylesheet()) });
}

/** Reads one story and returns the tree quire would render, with how each line was read. */
export async function inspect(input: StoryInput, options: Omit<ConvertOptions, 'css'> = {}): Promise<ParsedWork> {
  return parseWork(await sourceOf(input), options);
}

async function sourceOf(input: StoryInput): Promise<WorkSource> {
  if (typeof input === 'string') return readWork(input);
  const { text, name = 'story.txt' } = input instanceof Uint8Array ? { text: input } : input;
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  // No folder of its own: a cover or image it names is found only inside `allowRoots`.
  return { path: name, files: [{ path: name, bytes, mtimeMs: 0 }], roots: [], kind: 'file' };
}
