import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { QuireError } from '../diagnostics.js';
import { readGuarded } from './guard.js';

export interface SourceFile {
  path: string;
  bytes: Uint8Array;
  mtimeMs: number;
}

/** Everything one work is made from, read into memory before any stage runs. */
export interface WorkSource {
  /** The story file (or folder) as the user named it. */
  path: string;
  files: SourceFile[];
  /** `NAME.yaml` beside the story, if any. */
  sidecar?: SourceFile;
  /** Folders a cover or image path may point into. */
  roots: string[];
}

export const STORY_EXTENSIONS = ['.txt', '.text'];

export const isStoryFile = (name: string): boolean => STORY_EXTENSIONS.includes(path.extname(name).toLowerCase());

async function readSource(file: string): Promise<SourceFile> {
  return { path: file, ...(await readGuarded(file)) };
}

async function readOptional(file: string): Promise<SourceFile | undefined> {
  try {
    return await readSource(file);
  } catch (e) {
    // A sidecar that is missing is normal; one that is there but unreadable is an error.
    if (e instanceof QuireError && e.diagnostic.code === 'not-found') return undefined;
    throw e;
  }
}

/** Reads a story file and its sidecar YAML. */
export async function readWork(file: string, root = path.dirname(file)): Promise<WorkSource> {
  const main = await readSource(file);
  const base = file.slice(0, file.length - path.extname(file).length);
  const sidecar = (await readOptional(`${base}.yaml`)) ?? (await readOptional(`${base}.yml`));
  const roots = [...new Set([path.resolve(path.dirname(file)), path.resolve(root)])];
  return { path: file, files: [main], ...(sidecar ? { sidecar } : {}), roots };
}

/**
 * Expands the user's inputs into works: a file is a work; a folder's story
 * files are each a work, in name order so batches are reproducible.
 */
export async function findWorks(inputs: readonly string[]): Promise<Array<{ path: string; root: string }>> {
  const works: Array<{ path: string; root: string }> = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new QuireError({ code: 'no-input', message: 'no such file or folder', file: input });
    }
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter(isStoryFile).sort();
      for (const name of names) works.push({ path: path.join(input, name), root: input });
    } else {
      works.push({ path: input, root: path.dirname(input) });
    }
  }
  return works;
}

/** The stylesheet that goes into every book. */
export function loadStylesheet(): Promise<string> {
  return readFile(new URL('../../styles/book.css', import.meta.url), 'utf8');
}
