/**
 * One work per task, in a worker thread: read, convert, write the EPUB to a
 * temporary file, and send back only a small result. The book never crosses
 * threads, so a batch of any size holds at most two small books or one big
 * one per thread (see taskRunner in run.ts).
 */
import { writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { QuireError } from '../diagnostics.js';
import { convertWork, type ConvertOptions } from '../convert.js';
import { loadStylesheet, readWork } from '../read/source.js';
import { ioReason, toDiagnostic } from '../ioerror.js';
import { assetsKey, keyedFiles, sourceKey, stampsOf } from './cache.js';
import { coverCache } from './cover-cache.js';
import { quireBuild } from './version.js';
import { kepubTmp, type TaskResult, type WorkTask } from './types.js';

let css: Promise<string> | undefined;

/** `drawCover`, for a task run in the CLI's own thread: where its generated cover is drawn. */
export default async function convertTask(task: WorkTask, drawCover?: ConvertOptions['drawCover']): Promise<TaskResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let sources = [task.source];
  try {
    css ??= loadStylesheet();
    const readAt = Date.now();
    const work = await readWork(task.source, task.root, task.inherited);
    const files = keyedFiles(work);
    sources = files.map((f) => f.path);
    const ownKey = sourceKey(task.basis, files, task.options.sourceDateEpoch === undefined);
    // The drawing code (HarfBuzz, resvg, the fonts) loads only for a cover that is not kept.
    const draw = drawCover ?? (async (info) => (await import('../cover/generate.js')).drawCover(info));
    const covers = task.covers ? coverCache(task.covers, quireBuild, draw) : undefined;
    const result = await convertWork(work, { ...task.options, css: await css, drawCover: covers?.draw ?? draw });
    const key = await assetsKey(ownKey, result.assets);
    await write(task.tmp, result.epub);
    if (result.kepub) await write(kepubTmp(task.tmp), result.kepub);
    return {
      status: 'built',
      key,
      sources,
      title: result.book.meta.title,
      chapters: result.book.chapters.length,
      words: result.words,
      durationMs: elapsed(),
      diagnostics: result.diagnostics,
      ...(result.kepub ? { kepub: true } : {}),
      ...(result.assets.length ? { assets: result.assets } : {}),
      ...(covers?.used ? { cover: covers.used } : {}),
      stamps: stampsOf(files, readAt),
    };
  } catch (e) {
    await rm(task.tmp, { force: true });
    await rm(kepubTmp(task.tmp), { force: true });
    return { status: 'failed', sources, durationMs: elapsed(), diagnostics: [toDiagnostic(e, task.source)] };
  }
}

// A book that cannot be written (a full disk, a folder made read-only since the build began) fails its work in words.
const write = (file: string, data: Uint8Array): Promise<void> =>
  writeFile(file, data).catch((e: unknown) => {
    throw new QuireError({ code: 'unwritable-out', message: `cannot write the book: ${ioReason(e)}`, file: path.dirname(file) });
  });
