import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { QuireError } from '../diagnostics.js';
import { FORMAT_EXTENSIONS } from './extensions.js';
import type { MetaLayer } from '../metadata/metadata.js';
import { folderFiles, isFolderWork, seriesWorks } from './works.js';
import { readGuarded, readGuardedIfPresent } from './guard.js';

export interface SourceFile {
  path: string;
  bytes: Uint8Array;
  mtimeMs: number;
}

/**
 * A work's own files (its story files and sidecar), read into memory before
 * any stage runs. Images it names are read later, from inside its roots: a
 * cover by `cover/load.ts`, pictures by `read/resources.ts`.
 */
export interface WorkSource {
  /** The story file (or folder) as the user named it. */
  path: string;
  files: SourceFile[];
  /** `NAME.yaml` beside the story, if any; `book.yaml` of a folder work. */
  sidecar?: SourceFile;
  /** Folders a cover or image path may point into. */
  roots: string[];
  /** A folder work: each file holds chapters, in `files` order. */
  kind?: 'file' | 'folder';
  /** Metadata the work inherits, e.g. series name and position from a `series.yaml` above it. */
  inherited?: MetaLayer;
}

/** What `findWorks` finds: a story file or a folder work, and what it inherits. */
export interface WorkEntry {
  path: string;
  root: string;
  inherited?: MetaLayer;
}

export const STORY_EXTENSIONS: readonly string[] = Object.values(FORMAT_EXTENSIONS).flat();

export const isStoryFile = (name: string): boolean => STORY_EXTENSIONS.includes(path.extname(name).toLowerCase());

export async function readSource(file: string): Promise<SourceFile> {
  return { path: file, ...(await readGuarded(file)) };
}

/** A sidecar's file, or undefined when there is none; one that is there but unreadable is an error. */
export async function readOptional(file: string): Promise<SourceFile | undefined> {
  const read = await readGuardedIfPresent(file);
  return read && { path: file, ...read };
}

/** Reads a story file and its sidecar YAML, or a folder work's chapter files and `book.yaml`. */
export async function readWork(file: string, root = path.dirname(file), inherited?: MetaLayer): Promise<WorkSource> {
  const extra = inherited ? { inherited } : {};
  if (isFolder(file)) {
    const sidecar = (await readOptional(path.join(file, 'book.yaml'))) ?? (await readOptional(path.join(file, 'book.yml')));
    const names = await folderFiles(file, sidecar);
    if (!names.length) throw new QuireError({ code: 'empty-folder', message: `no story files (${STORY_EXTENSIONS.join(', ')}) in this folder`, file });
    const files = await Promise.all(names.map((n) => readSource(path.join(file, n))));
    const roots = [...new Set([path.resolve(file), path.resolve(root)])];
    return { path: file, files, ...(sidecar ? { sidecar } : {}), roots, kind: 'folder', ...extra };
  }
  const main = await readSource(file);
  const [yaml, yml] = sidecarNames(file);
  const sidecar = (await readOptional(yaml)) ?? (await readOptional(yml));
  const roots = [...new Set([path.resolve(path.dirname(file)), path.resolve(root)])];
  return { path: file, files: [main], ...(sidecar ? { sidecar } : {}), roots, kind: 'file', ...extra };
}

/** Where a story file's sidecar may be, in the order looked for: `NAME.yaml`, then `NAME.yml`. */
export function sidecarNames(file: string): [string, string] {
  const base = file.slice(0, file.length - path.extname(file).length);
  return [`${base}.yaml`, `${base}.yml`];
}

const statOrUndefined = (p: string) => stat(p).catch(() => undefined);
// Synchronous for the reason readGuarded gives.
function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false; // reading it as a file then says what is wrong
  }
}

/**
 * Expands the user's inputs into works: a file is a work; in a folder, every
 * story file at the top is a work and every sub-folder is one work (its files
 * are chapters). A folder with a `book.yaml` is itself one work; one with a
 * `series.yaml` holds the works of a series, in natural or stated order.
 */
export async function findWorks(inputs: readonly string[]): Promise<WorkEntry[]> {
  const works: WorkEntry[] = [];
  for (const input of inputs) {
    const info = await statOrUndefined(input);
    if (!info) throw new QuireError({ code: 'not-found', message: 'no such file or folder', file: input });
    if (!info.isDirectory()) works.push({ path: input, root: path.dirname(input) });
    else if (await isFolderWork(input)) works.push({ path: input, root: path.dirname(input) });
    else works.push(...(await seriesWorks(input)));
  }
  return works;
}

/** The stylesheet that goes into every book. */
export function loadStylesheet(): Promise<string> {
  return readFile(new URL('../../styles/book.css', import.meta.url), 'utf8');
}
