import { readdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { convertWork, loadStylesheet, readWork, type ConvertedWork } from '../../src/index.js';
import { inlineText, type Block } from '../../src/model.js';
import { corpusFiles, repoRoot } from './build.js';

export interface SampleBook {
  /** The source file's stem, e.g. `paper-boats`. */
  name: string;
  source: string;
  built: ConvertedWork;
  /** Where the EPUB (and, beside it, the kepub) was written. */
  epubPath: string;
  kepubPath: string;
}

/** Every sample story and every corpus file: the books the issue says must pass every client. */
export const sampleSources = (): string[] => [
  ...readdirSync(path.join(repoRoot, 'stories'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(repoRoot, 'stories', f)),
  ...corpusFiles,
];

/** Builds every sample with a cover and as a kepub too, and writes both to a fresh temporary folder. */
export async function buildSamples(options: { css?: string } = {}): Promise<SampleBook[]> {
  const css = options.css ?? (await loadStylesheet());
  const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-samples-'));
  const books: SampleBook[] = [];
  for (const source of sampleSources()) {
    const name = path.basename(source, path.extname(source));
    const built = await convertWork(await readWork(source), { css, sourceDateEpoch: 1_700_000_000, kepub: true });
    const epubPath = path.join(dir, `${name}.epub`);
    const kepubPath = path.join(dir, `${name}.kepub.epub`);
    await writeFile(epubPath, built.epub);
    await writeFile(kepubPath, built.kepub!);
    books.push({ name, source, built, epubPath, kepubPath });
  }
  return books;
}

/** The text of a block as a reader sees it, for "did the story survive" checks. */
export function blockTexts(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'pov':
    case 'endMark':
      return [inlineText(block.children)];
    case 'epigraph':
      return [...block.quote.map((q) => inlineText(q)), ...(block.cite ? [inlineText(block.cite)] : [])];
    case 'authorNote':
      return [...(block.label ? [block.label] : []), ...block.children.flatMap(blockTexts)];
    case 'blockquote':
      return block.children.flatMap(blockTexts);
    case 'list':
      return block.items.flatMap((item) => item.flatMap(blockTexts));
    case 'verse':
      return block.lines.map((l) => inlineText(l));
    case 'illustration':
      return block.caption.map((l) => inlineText(l));
    case 'sceneBreak':
    case 'image':
      return [];
  }
}

/** Every paragraph-like text of the story, in reading order. */
export function storyTexts(built: ConvertedWork): string[] {
  return built.book.chapters
    .flatMap((c) => [inlineText(c.title), ...c.blocks.flatMap(blockTexts), ...c.sections.flatMap((s) => [inlineText(s.title), ...s.blocks.flatMap(blockTexts)])])
    .filter((t) => t.trim() !== '');
}
