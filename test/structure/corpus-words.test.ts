import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFile, corpusFiles, missingWords, outline } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';

// Front-matter labels are read as metadata keys, so their own words need not
// reappear; `Ch.` in `Title Ch. 12` comes out spelled in full as `Chapter 12`.
const LABEL_WORDS = /^(title|author|summary|disclaimer|rating|warnings?|pairings?|characters|genre|fandom|tags|status|words|ch)$/i;

describe.each(corpusFiles.map((f) => [path.basename(f), f]))('corpus file %s', (_name, file) => {
  it('builds a valid EPUB that keeps every word of the source', async () => {
    const result = await buildFile(file);
    expect(await validateEpub(result.epub, path.basename(file))).toEqual([]);
    const o = await outline(result.epub);
    const bookText = [...o.title, ...o.creator, ...o.description, ...o.docs.map((d) => d.text)].join(' ');
    const source = await readFile(file, 'utf8');
    expect(missingWords(source, bookText).filter((w) => !LABEL_WORDS.test(w))).toEqual([]);
  });
});
