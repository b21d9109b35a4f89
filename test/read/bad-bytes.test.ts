import { execFileSync } from 'node:child_process';
import { mkdir, open, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MAX_STORY_BYTES } from '../../src/read/guard.js';
import { buildFile, missingWords, storyFile, unzipText } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';
import { assertSafeEpub } from '../support/safe.js';
import { buildError, expectCleanFailure, quire, tmpDir } from '../support/hostile.js';

const bookText = (epub: Uint8Array): string =>
  [...unzipText(epub)]
    .filter(([n]) => n.endsWith('.xhtml'))
    .map(([, t]) => t)
    .join('\n');

async function expectValidBook(file: string): Promise<Uint8Array> {
  const built = await buildFile(file);
  expect(await validateEpub(built.epub)).toEqual([]);
  assertSafeEpub(built.epub);
  return built.epub;
}

const MAGIC: Array<[string, number[]]> = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
  ['PDF', [...Buffer.from('%PDF-1.7\n%\xe2\xe3\n', 'latin1')]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]],
  ['GIF', [...Buffer.from('GIF89a\x01\x00', 'latin1')]],
  ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10]],
  ['gzip', [0x1f, 0x8b, 0x08, 0]],
];

describe('bad bytes give a valid book or one clear error', () => {
  it('refuses an empty file, a whitespace-only file and one of only metadata: "no story text", no book', async () => {
    for (const text of ['', '  \n\n\t \r\n\n', '---\ntitle: Nothing Here\n---\n\n', 'Title: Nothing Here\nAuthor: Nobody\n']) {
      const file = await storyFile(text);
      const error = await buildError(file);
      expect(error.diagnostic).toMatchObject({ code: 'no-story', file, message: 'no story text' });
    }
  });

  it('quire build on a blank file says "FILE: error: no story text", exits 1 and writes no book', async () => {
    const dir = await tmpDir();
    const file = path.join(dir, 'blank.txt');
    await writeFile(file, ' \n\n  \n');
    const out = path.join(dir, 'out');
    const run = await quire(['build', file, '--out', out]);
    expectCleanFailure(run, file, /error: no story text \[no-story\]/);
    expect((await readdir(out)).filter((f) => f.endsWith('.epub'))).toEqual([]);
  });

  for (const [kind, bytes] of MAGIC) {
    it(`refuses a ${kind} file with a .txt name: "not a text file (looks like ${kind})"`, async () => {
      const file = await storyFile(new Uint8Array([...bytes, ...Buffer.from('some text after the header\n')]));
      const error = await buildError(file);
      expect(error.diagnostic).toMatchObject({ code: 'not-text', file });
      expect(error.message).toBe(`not a text file (looks like ${kind}); quire reads plain text stories`);
    });
  }

  it(`refuses a file over the ${MAX_STORY_BYTES / 1024 / 1024} MiB limit before reading it`, async () => {
    const file = await storyFile('');
    // A sparse 100 MB file: stat says 100 MB, no memory or disk is spent.
    const handle = await open(file, 'r+');
    await handle.truncate(100 * 1024 * 1024);
    await handle.close();
    const before = process.memoryUsage().rss;
    const error = await buildError(file);
    expect(error.diagnostic).toMatchObject({ code: 'too-large', file });
    expect(error.message).toMatch(/^file is 100 MiB, over the 32 MiB limit/);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  // Regression: the curly-quote pass read `out.slice(-1)` of a growing string on
  // every character, flattening it each time: a 10 MB paragraph took hours.
  it('builds a file that is one 10 MB line in seconds (quadratic curly quotes)', async () => {
    const line = 'He said "no" and she didn\'t care. '.repeat(Math.ceil(10e6 / 35));
    const file = await storyFile(`Title: Long Line\n\n${line}\n`);
    const started = Date.now();
    const built = await buildFile(file);
    expect(Date.now() - started).toBeLessThan(60_000);
    const doc = unzipText(built.epub).get('OEBPS/chapter-001.xhtml') ?? '';
    expect(line.length).toBeGreaterThan(9_500_000);
    expect(doc.length).toBeGreaterThan(line.length);
    expect(doc).toContain('He said “no” and she didn’t care.');
  });

  it('reads invalid UTF-8 sequences as text and keeps every word', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Title: Broken\n\nChapter 1\n\nHello '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from(' world caf'),
      Buffer.from([0xe9]),
      Buffer.from(' ok '),
      Buffer.from([0xe2, 0x82]),
      Buffer.from('\n\nMore text.\n'),
    ]);
    const epub = await expectValidBook(await storyFile(bytes));
    expect(missingWords('Hello world ok More text', bookText(epub))).toEqual([]);
  });

  it('drops NUL bytes in a UTF-8 file with a warning naming the line', async () => {
    const file = await storyFile('Title: Nul\n\nChapter 1\n\nHello\u0000 world\u0000\u0000 again.\n');
    const built = await buildFile(file);
    expect(built.diagnostics).toContainEqual(expect.objectContaining({ code: 'forbidden-character', file, line: 5 }));
    expect(await validateEpub(built.epub)).toEqual([]);
    expect(missingWords('Hello world again', bookText(built.epub))).toEqual([]);
  });

  it('reads UTF-16 with a BOM, whose NUL bytes are part of the encoding', async () => {
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const file = await storyFile(iconv.encode('Title: Wide\n\nChapter 1\n\nHello wide world, café.\n', enc, { addBOM: true }));
      const epub = await expectValidBook(file);
      expect(bookText(epub)).toContain('Hello wide world, café.');
    }
  });

  it('refuses a folder, a symlink loop and a device named like a story, in one line each', async () => {
    const dir = await tmpDir();
    await mkdir(path.join(dir, 'folder.txt'));
    await symlink('loop.txt', path.join(dir, 'loop.txt'));
    // A folder is a folder work, whatever its name; one with no chapters is refused.
    expect((await buildError(path.join(dir, 'folder.txt'))).diagnostic.code).toBe('empty-folder');
    expect((await buildError(path.join(dir, 'loop.txt'))).message).toMatch(/ELOOP/);
    expect((await buildError('/dev/zero')).diagnostic.code).toBe('not-a-file');
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe at once instead of waiting for something to write into it', async () => {
    const fifo = path.join(await tmpDir(), 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    // Opened for reading the usual way, a pipe with no writer would block the read forever.
    expect((await buildError(fifo)).diagnostic.code).toBe('not-a-file');
  });

  it('refuses a binary sidecar instead of silently ignoring it', async () => {
    const file = await storyFile('Title: Side\n\nText.\n');
    await writeFile(file.replace(/\.txt$/, '.yaml'), new Uint8Array(MAGIC[0]![1]));
    const error = await buildError(file);
    expect(error.diagnostic).toMatchObject({ code: 'not-text', file: file.replace(/\.txt$/, '.yaml') });
  });

  it('through the CLI: every bad file is one line naming it, the good one is built, exit 1', async () => {
    const dir = await tmpDir();
    await writeFile(path.join(dir, 'a-good.txt'), 'Title: Good\n\nChapter 1\n\nFine.\n');
    await writeFile(path.join(dir, 'b-picture.txt'), new Uint8Array(MAGIC[0]![1]));
    await writeFile(path.join(dir, 'c-document.txt'), new Uint8Array(MAGIC[1]![1]));
    const big = await open(path.join(dir, 'd-huge.txt'), 'w');
    await big.truncate(MAX_STORY_BYTES + 1);
    await big.close();
    // A sub-folder is a folder work; with no chapter files in it, it is not a work at all.
    await mkdir(path.join(dir, 'e-folder.txt'));
    await writeFile(path.join(dir, 'f-empty.txt'), '');
    const out = path.join(dir, 'out');
    const run = await quire(['build', dir, '--out', out]);
    expectCleanFailure(run, path.join(dir, 'b-picture.txt'), /error: not a text file \(looks like PNG\)/);
    expectCleanFailure(run, path.join(dir, 'c-document.txt'), /error: not a text file \(looks like PDF\)/);
    expectCleanFailure(run, path.join(dir, 'd-huge.txt'), /error: file is 32 MiB, over the 32 MiB limit/);
    expectCleanFailure(run, path.join(dir, 'f-empty.txt'), /error: no story text/);
    expect(run.stdout).not.toMatch(/e-folder/);
    expect(run.stdout).toMatch(/1 built, 0 skipped, 4 failed/);
    expect(await validateEpub(await readFile(path.join(out, 'good.epub')))).toEqual([]);
    expect((await readdir(out)).filter((f) => f.endsWith('.epub'))).toEqual(['good.epub']);
  });
});
