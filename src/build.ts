import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { QuireError, type Diagnostic } from './diagnostics.js';
import { convertWork, titleFromFileName, type ConvertOptions } from './convert.js';
import { findWorks, loadStylesheet, readWork } from './read/source.js';
import { OutputNames } from './outname.js';
import { countWords } from './stats.js';
import { ioReason } from './ioerror.js';

export interface BuildOptions extends Omit<ConvertOptions, 'css'> {
  /** Output folder; created if missing. */
  out: string;
}

export interface WorkReport {
  source: string;
  output?: string;
  title?: string;
  chapters?: number;
  words?: number;
  ok: boolean;
  diagnostics: Diagnostic[];
}

export interface BuildReport {
  works: WorkReport[];
  ok: boolean;
}

/** A failure a user can act on becomes a diagnostic; anything else is a bug and keeps its message. */
export function toDiagnostic(e: unknown, file: string): Diagnostic {
  if (e instanceof QuireError) return e.diagnostic;
  return { severity: 'error', code: 'internal', message: `internal error: ${(e as Error)?.message ?? String(e)}`, file };
}

let tmpSeq = 0;

// Write beside the target, then rename: a reader never sees half an EPUB. The
// pid and a counter keep two processes, or two builds in one process, from
// sharing a temporary file.
async function writeAtomic(file: string, data: Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}-${++tmpSeq}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new QuireError({ code: 'unwritable-out', message: `cannot write the book: ${ioReason(e)}`, file });
  }
}

/** Builds every work named by `inputs` into `options.out`; one bad work never stops the rest. */
export async function build(inputs: readonly string[], options: BuildOptions): Promise<BuildReport> {
  const css = await loadStylesheet();
  const works = await findWorks(inputs);
  const names = new OutputNames();
  const reports: WorkReport[] = [];
  try {
    await mkdir(options.out, { recursive: true });
  } catch (e) {
    throw new QuireError({ code: 'unwritable-out', message: `cannot create output folder: ${ioReason(e)}`, file: options.out });
  }
  for (const work of works) {
    try {
      const source = await readWork(work.path, work.root);
      const result = await convertWork(source, { ...options, css });
      const output = path.join(options.out, `${names.claim(result.book.meta.title, titleFromFileName(work.path))}.epub`);
      await writeAtomic(output, result.epub);
      reports.push({
        source: work.path,
        output,
        title: result.book.meta.title,
        chapters: result.book.chapters.length,
        words: countWords(result.book),
        ok: true,
        diagnostics: result.diagnostics,
      });
    } catch (e) {
      reports.push({ source: work.path, ok: false, diagnostics: [toDiagnostic(e, work.path)] });
    }
  }
  return { works: reports, ok: reports.every((r) => r.ok) };
}
