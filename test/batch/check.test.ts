import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/batch/check.js';
import { tmp } from './helpers.js';

describe('--check validator', () => {
  it.each(['best', 'npm'] as const)('reports errors, with the story as their file, for a book EPUBCheck rejects (%s)', async (kind) => {
    const dir = await tmp();
    const file = path.join(dir, 'broken.epub');
    // A mimetype and nothing else: no container, no package document.
    await writeFile(file, zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }] }));
    const checker = createChecker(kind);
    try {
      const found = await checker.check(file, 'stories/broken.txt');
      expect(found.length).toBeGreaterThan(0);
      expect(found.some((d) => d.severity === 'error')).toBe(true);
      for (const d of found) expect(d).toMatchObject({ code: 'epubcheck', file: 'stories/broken.txt' });
    } finally {
      checker.close();
    }
  });
});
