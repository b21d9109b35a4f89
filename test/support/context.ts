import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadStylesheet, toKepub } from '../../src/index.js';
import { packageEpub } from '../../src/package/epub.js';
import { buildSamples, type SampleBook } from './samples.js';
import { renderShowcase } from './showcase.js';

/**
 * Every book the sideload suites open, built once per run and validated once
 * (test/sideload/sideload.test.ts): one EPUBCheck JVM instead of one per client.
 */
export interface SideloadBooks {
  samples: SampleBook[];
  showcase: { epub: Uint8Array; kepub: Uint8Array; bare: Uint8Array; epubPath: string };
}

export async function buildSideloadBooks(): Promise<SideloadBooks> {
  const samples = await buildSamples();
  const css = await loadStylesheet();
  const date = new Date(Date.UTC(2023, 10, 14));
  const rendered = renderShowcase(css);
  const epub = packageEpub(rendered, date);
  const epubPath = path.join(path.dirname(samples[0]!.epubPath), 'showcase.epub');
  await writeFile(epubPath, epub);
  // The bare book has no stylesheet at all: what a reader that ignores publisher CSS shows.
  return { samples, showcase: { epub, kepub: packageEpub(toKepub(rendered), date), bare: packageEpub(renderShowcase(''), date), epubPath } };
}
