// The real-world books of ../shared/realworld (QUIRE_SHARED names another
// place), built with the built command line as a user would and scored
// against their hand-checked truth by scripts/realworld/score.mjs: every check
// must pass. `npm run realworld` prints the same scores as a scorecard.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBook } from '../../scripts/realworld.mjs';
import { scoreBook, type Truth } from '../../scripts/realworld/score.mjs';
import { cliPath, sharedDir } from '../support/build.js';

const truthFile = path.join(sharedDir, 'realworld', 'truth.json');
const books: Truth[] = existsSync(truthFile) ? (JSON.parse(readFileSync(truthFile, 'utf8')) as { books: Truth[] }).books : [];
if (!books.length) console.warn(`realworld: skipped, no ${truthFile} (set QUIRE_SHARED to the shared folder)`);

describe.skipIf(!books.length)('real-world books against their truth', () => {
  const tmp = mkdtemp(path.join(os.tmpdir(), 'quire-realworld-'));
  afterAll(async () => rm(await tmp, { recursive: true, force: true }));

  it('has the built command line to build them with', () => {
    expect(existsSync(cliPath), `${cliPath} is missing: run npm run build`).toBe(true);
  });

  for (const book of books) {
    it(`${book.id} ${book.titles?.[0] ?? book.path}`, async () => {
      const epub = await buildBook(cliPath, path.join(sharedDir, 'realworld', 'texts', book.path), await tmp);
      const failed = scoreBook(book, epub).filter((c) => !c.ok);
      expect(failed.map((c) => `${c.check}: ${c.detail}`)).toEqual([]);
    });
  }
});
