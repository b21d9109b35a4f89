import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeWithClient } from '../support/clients.js';
import { words } from '../support/build.js';
import { mapLimit, run } from '../support/run.js';
import { sampleSources, storyTexts, type SampleBook } from '../support/samples.js';
import type { SideloadBooks } from '../support/context.js';

const names = sampleSources().map((f) => path.basename(f, path.extname(f)));

/** Each text's words must appear, contiguous, after the previous text's: nothing lost, nothing reordered. */
function firstOutOfOrder(texts: readonly string[], plain: string): string | undefined {
  const haystack = ` ${words(plain).join(' ')} `;
  let at = 0;
  for (const t of texts) {
    const needle = ` ${words(t).join(' ')} `;
    if (needle.trim() === '') continue;
    const found = haystack.indexOf(needle, at);
    if (found < 0) return t;
    at = found + needle.length - 1;
  }
  return undefined;
}

/** pandoc reads the story of every book (validated by sideload.test.ts) back as plain text. */
export const pandocSuite = (all: SideloadBooks) =>
  describeWithClient('pandoc', 'pandoc reads the story back from the EPUB', () => {
    let books: Map<string, SampleBook>;
    let plain: Map<string, string>;
    beforeAll(async () => {
      books = new Map(all.samples.map((b) => [b.name, b]));
      const outs = await mapLimit([...books.values()], 2, async (b) => [b.name, await run('pandoc', ['-f', 'epub', '-t', 'plain', '--wrap=none', b.epubPath])] as const);
      plain = new Map(
        outs.map(([name, r]) => {
          expect(r.code, r.stderr).toBe(0);
          return [name, r.stdout];
        }),
      );
    });

    it.each(names)('%s: every paragraph survives intact and in order', (name) => {
      const book = books.get(name)!;
      const texts = storyTexts(book.built);
      expect(texts.length).toBeGreaterThan(3);
      expect(firstOutOfOrder(texts, plain.get(name)!)).toBeUndefined();
      // And the check can fail: the same texts reversed are out of order.
      expect(firstOutOfOrder([...texts].reverse(), plain.get(name)!)).toBeDefined();
    });
  });
