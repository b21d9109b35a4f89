import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { convertWork, loadStylesheet, readWork, type ConvertOptions, type ConvertedWork } from '../../src/index.js';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
/** The shared test data, `../shared` beside the checkout (`QUIRE_SHARED` names another place). */
export const sharedDir = process.env.QUIRE_SHARED ?? path.resolve(repoRoot, '..', 'shared');
export const corpusDir = path.join(sharedDir, 'corpus');
export const corpusFiles = ['losing-battles-ch12.txt', 'chapter-twenty-seven.txt', 'deux-of-deux.txt'].map((f) => path.join(corpusDir, f));
export const cliPath = path.join(repoRoot, 'dist', 'bundle', 'cli.js');

/** Builds one story file in memory, as `quire build` would. */
export async function buildFile(file: string, options: Partial<ConvertOptions> = {}): Promise<ConvertedWork> {
  const css = await loadStylesheet();
  return convertWork(await readWork(file), { css, sourceDateEpoch: 1_700_000_000, ...options });
}

/** Writes `text` to a fresh temporary story file and returns its path. */
export async function storyFile(text: string | Uint8Array, name = 'story.txt'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-story-'));
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

/** The EPUB's entries as text, by path. */
export function unzipText(epub: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(epub)).map(([name, data]) => [name, strFromU8(data)]));
}

export interface OutlineDoc {
  href: string;
  storyParagraphs: number;
  storyText: string;
  headings: string[];
  paragraphs: number;
  breaks: number;
  authorNotes: number;
  authorNoteFull: string[];
  pov: number;
  endMarks: number;
  epigraphs: number;
  epubTypes: string[];
  text: string;
  rawBody: string;
}
export interface Outline {
  mimetypeOk: boolean;
  version: string;
  title: string[];
  creator: string[];
  language: string[];
  identifier: string[];
  description: string[];
  subject: string[];
  cover: { href: string; type: string; bytes: number } | null;
  hasNcx: boolean;
  toc: Array<{ depth: number; title: string }>;
  landmarks: string[];
  docs: OutlineDoc[];
}

/** What a reader's TOC and chapters contain, by the shared outline tool. */
export async function outline(epub: Uint8Array): Promise<Outline> {
  const tool = (await import(path.join(sharedDir, 'tools', 'epub-outline.mjs'))) as { outline: (f: string) => Outline };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-outline-'));
  const file = path.join(dir, 'book.epub');
  await writeFile(file, epub);
  return tool.outline(file);
}

/** Words as a reader would search for them: letters and digits, case folded. */
export const words = (s: string): string[] =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** Source words missing from the book (a multiset difference): `[]` when no text was lost. */
export function missingWords(source: string, book: string): string[] {
  const have = new Map<string, number>();
  for (const w of words(book)) have.set(w, (have.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of words(source)) {
    const n = have.get(w) ?? 0;
    if (n === 0) missing.push(w);
    else have.set(w, n - 1);
  }
  return missing;
}
