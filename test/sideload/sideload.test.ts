/**
 * Sideloading, proven: every sample book and corpus file (and a showcase book
 * with every kind of block) is built once, validated once, and then opened in
 * each real client. One file, so one EPUBCheck JVM serves every suite.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validateEpub } from '../support/epubcheck.js';
import { buildSideloadBooks, type SideloadBooks } from '../support/context.js';
import { calibreSuite } from './calibre.suite.js';
import { epubjsSuite } from './epubjs.suite.js';
import { kepubSuite } from './kepub.suite.js';
import { kindleSuite } from './kindle.suite.js';
import { pandocSuite } from './pandoc.suite.js';

// Filled in before any test runs; the suites read it only inside hooks and tests.
const books = { samples: [], showcase: {} } as unknown as SideloadBooks;

beforeAll(async () => {
  Object.assign(books, await buildSideloadBooks());
});

describe('the books the clients open', () => {
  it('are valid EPUBs and kepubs', async () => {
    const all: Array<[string, Uint8Array]> = [
      ['showcase.epub', books.showcase.epub],
      ['showcase.kepub.epub', books.showcase.kepub],
      ['bare-showcase.epub', books.showcase.bare],
      ...books.samples.flatMap(
        (b): Array<[string, Uint8Array]> => [
          [`${b.name}.epub`, b.built.epub],
          [`${b.name}.kepub.epub`, b.built.kepub!],
        ],
      ),
    ];
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const [name, epub] of all) expect(await validateEpub(epub, name), name).toEqual([]);
  });
});

kindleSuite(books);
kepubSuite(books);
epubjsSuite(books);
calibreSuite(books);
pandocSuite(books);
