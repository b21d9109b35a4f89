import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { expect } from 'vitest';
import { convertWork, loadStylesheet, readWork, type ConvertedWork } from '../../src/index.js';
import type { MetaLayer } from '../../src/metadata/metadata.js';
import { validateEpub } from '../support/epubcheck.js';
import { safetyProblems } from '../support/safe.js';

export const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

/** Builds a file or folder work as `quire build` would, and insists EPUBCheck finds nothing. */
export async function buildValid(file: string, inherited?: MetaLayer): Promise<ConvertedWork> {
  const work = await convertWork(await readWork(file, path.dirname(file), inherited), { css: await loadStylesheet(), sourceDateEpoch: 1_700_000_000 });
  expect(await validateEpub(work.epub, `${path.basename(file)}.epub`)).toEqual([]);
  expect(safetyProblems(work.epub)).toEqual([]);
  return work;
}

/** Writes files (path → text or bytes) under a fresh temporary folder and returns it. */
export async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-formats-'));
  for (const [name, data] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), data);
  }
  return dir;
}

/** Every entry of the EPUB, decoded as text (images come out as noise, which is fine for grepping). */
export const entries = (epub: Uint8Array): Array<[string, string]> => Object.entries(unzipSync(epub)).map(([n, d]) => [n, strFromU8(d, true)]);

/** Nothing active survives: no script, handler, frame, form, object, CSS import or url(). */
export function expectNothingActive(epub: Uint8Array, words: readonly string[] = []): void {
  for (const [name, body] of entries(epub)) {
    if (!/\.(xhtml|opf|ncx|css)$/.test(name)) continue;
    expect(body, name).not.toMatch(/<script|<iframe|<object|<embed|<form|<style|\son\w+\s*=|javascript:|@import|url\(/i);
    for (const w of words) expect(body, `${name} contains ${w}`).not.toContain(w);
  }
}

/** A minimal valid 1×1 PNG. */
export const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
