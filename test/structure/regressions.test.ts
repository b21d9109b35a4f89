/** Bugs the fuzz test found, each named after what went wrong. */
import { describe, expect, it } from 'vitest';
import { buildFile, missingWords, storyFile, unzipText } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';
import { assertSafeEpub } from '../support/safe.js';

async function bookOf(text: string | Uint8Array): Promise<string> {
  const built = await buildFile(await storyFile(text));
  expect(await validateEpub(built.epub)).toEqual([]);
  assertSafeEpub(built.epub);
  return [...unzipText(built.epub)]
    .filter(([n]) => n.endsWith('.xhtml'))
    .map(([, t]) => t.replace(/<[^>]*>/g, ' '))
    .join('\n');
}

describe('fuzz regressions', () => {
  it('keeps a one-letter line like "O!" or "- o!" as prose, not a scene-break ornament (lost word o)', async () => {
    const text = 'Title: T\n\nShe looked up.\n\nO!\n\nThe rain fell, he said\n- o!\n\nx.\n\n~o~\n\nThe end came.\n';
    const book = await bookOf(text);
    expect(missingWords('She looked up O The rain fell he said o x The end came', book)).toEqual([]);
    const wrapped = await bookOf('Title: T\n\nChapter 1\n\nShe said nothing and\n_o_, (o) -\nthen left.\n');
    expect(missingWords('She said nothing and o o then left', wrapped)).toEqual([]);
  });
});
