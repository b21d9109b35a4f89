import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { beforeAll, expect, it } from 'vitest';
import { describeWithClient } from '../support/clients.js';
import { unzipSync } from 'fflate';
import { testCover } from '../support/cover.js';
import { mapLimit, run, type Run } from '../support/run.js';
import type { SideloadBooks } from '../support/context.js';
import type { SampleBook } from '../support/samples.js';
import { unzipText } from '../support/build.js';

/** `ebook-meta`'s "Key : value" lines as a map. */
function fields(out: string): Map<string, string> {
  return new Map(
    out
      .split('\n')
      .map((l) => /^([^:]+?)\s*: (.*)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

// calibre logs problems as "ERROR:"/"Error:" lines or Python tracebacks even when it exits 0.
const problems = (r: Run): string[] => `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /\b(error|traceback)\b/i.test(l));

/** calibre reads every book (validated by sideload.test.ts) and converts it to AZW3. */
export const calibreSuite = (all: SideloadBooks) =>
  describeWithClient('calibre', 'calibre reads the books and converts them for Kindle', () => {
    let books: SampleBook[];
    let showcasePath: string;
    beforeAll(() => {
      books = all.samples;
      showcasePath = all.showcase.epubPath;
    });

    it('ebook-meta reads back every metadata field quire writes, and the cover', async () => {
      const meta = await run('ebook-meta', [showcasePath, `--get-cover=${showcasePath}.cover.png`]);
      expect(meta.code, meta.stderr).toBe(0);
      const f = fields(meta.stdout);
      expect(f.get('Title')).toBe('The Salt Road');
      expect(f.get('Author(s)')).toBe('Wren Hollis [Hollis, Wren]');
      expect(f.get('Tags')).toBe('Adventure, winter, travel');
      expect(f.get('Series')).toBe('Roads of the North #2');
      expect(f.get('Languages')).toBe('eng');
      expect(f.get('Published')).toMatch(/^2023-01-05/);
      expect(f.get('Comments')).toBe('Two carters, one mule and a winter that will not end.');
      expect(new Uint8Array(await readFile(`${showcasePath}.cover.png`))).toEqual(testCover().data);
    });

    it('ebook-meta reads title, language and cover of every sample book', async () => {
      const metas = await mapLimit(books, 2, (book) => run('ebook-meta', [book.epubPath, `--get-cover=${book.epubPath}.cover.png`]));
      for (const [i, book] of books.entries()) {
        const meta = metas[i]!;
        expect(meta.code, meta.stderr).toBe(0);
        const f = fields(meta.stdout);
        expect(f.get('Title'), book.name).toBe(book.built.book.meta.title);
        expect(f.get('Languages'), book.name).toBe('eng');
        expect(new Uint8Array(await readFile(`${book.epubPath}.cover.png`)), book.name).toEqual(unzipSync(book.built.epub)['OEBPS/cover.png']);
      }
    });

    it('ebook-convert turns every book into AZW3 with no errors, and the AZW3 keeps title and author', async () => {
      const inputs = [showcasePath, ...books.map((b) => b.epubPath)];
      const results = await mapLimit(inputs, 2, async (input) => {
        const azw3 = input.replace(/\.epub$/, '.azw3');
        const convert = await run('ebook-convert', [input, azw3]);
        return { input, azw3, convert, meta: convert.code === 0 ? await run('ebook-meta', [azw3]) : undefined };
      });
      for (const r of results) {
        expect(r.convert.code, `${r.input}: ${r.convert.stderr}`).toBe(0);
        expect(problems(r.convert), r.input).toEqual([]);
        const head = await readFile(r.azw3);
        expect(head.subarray(60, 68).toString('latin1'), r.input).toBe('BOOKMOBI');
        expect(fields(r.meta!.stdout).get('Title')).toBeTruthy();
      }
      expect(fields(results[0]!.meta!.stdout).get('Author(s)')).toBe('Wren Hollis');
    });

    it('keeps the scene-break ornament through AZW3 (read back by converting it to EPUB again)', async () => {
      const azw3 = showcasePath.replace(/\.epub$/, '.azw3');
      // The conversion test above made it; run alone, this test makes its own.
      if (!existsSync(azw3)) expect((await run('ebook-convert', [showcasePath, azw3])).code).toBe(0);
      const back = `${showcasePath}.back.epub`;
      const r = await run('ebook-convert', [azw3, back]);
      expect(r.code, r.stderr).toBe(0);
      const files = unzipText(await readFile(back));
      const css = [...files]
        .filter(([n]) => n.endsWith('.css'))
        .map(([, t]) => t)
        .join('\n');
      const hrs = [...files].flatMap(([, t]) => [...t.matchAll(/<hr class="([^"]+)"/g)].map((m) => m[1]!));
      expect(hrs).toHaveLength(2);
      const hrClasses = hrs.flatMap((c) => c.split(' '));
      const ornament = hrClasses.some((c) => new RegExp(`\\.${c}:after\\s*\\{[^}]*content:\\s*"\\*\\s+\\*\\s+\\*"`).test(css));
      expect(ornament).toBe(true);
    });
  });
