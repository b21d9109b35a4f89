import { mkdir, writeFile } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { library, problemsIn, spawnQuire, story, tmp, waitForOutput } from './helpers.js';

/**
 * Runs `quire build DIR --out DIR/out --watch`, waits for the first build's
 * summary and the watch, hands the process to `during`, then stops it with
 * Ctrl-C: it must exit 0 and leave only valid books.
 */
async function watching(dir: string, firstSummary: RegExp, during: (child: ChildProcess) => Promise<void>): Promise<void> {
  const out = path.join(dir, 'out');
  const child = spawnQuire(['build', dir, '--out', out, '--watch']);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    const ready = waitForOutput(child, /watching/, 20_000, 'stderr');
    await waitForOutput(child, firstSummary, 20_000);
    await ready;
    await during(child);
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
  expect(await problemsIn(out)).toEqual({});
}

describe('--watch', () => {
  it('rebuilds a work when its file changes, and only that work', async () => {
    const dir = await tmp();
    await library(dir, 2);
    await watching(dir, /2 built, 0 skipped/, async (child) => {
      const next = waitForOutput(child, /1 built, 1 skipped/, 20_000);
      await writeFile(path.join(dir, 's001.txt'), story('Story One Revised'));
      const seen = await next;
      expect(seen).toMatch(/^built .*story-one-revised\.epub/m);
      expect(seen).toMatch(/^skipped .*story-0\.epub/m);
    });
  }, 60_000);

  it("follows a folder work's chapters and a named cover image, in folders below the input", async () => {
    const dir = await tmp();
    const book = path.join(dir, 'harbour');
    await mkdir(path.join(book, 'art'), { recursive: true });
    await writeFile(path.join(book, 'book.yaml'), 'title: The Harbour\nauthor: A. Writer\ncover: art/cover.png\n');
    await writeFile(path.join(book, '01.txt'), 'Chapter 1\n\nBoats came in at dusk.\n');
    await writeFile(path.join(book, '02.txt'), 'Chapter 2\n\nThe lamps were lit.\n');
    const png = (g: number) =>
      sharp({ create: { width: 400, height: 640, channels: 3, background: { r: 30, g, b: 90 } } })
        .png()
        .toBuffer();
    await writeFile(path.join(book, 'art', 'cover.png'), await png(60));
    await watching(dir, /1 built, 0 skipped/, async (child) => {
      let next = waitForOutput(child, /1 built, 0 skipped/, 20_000);
      await writeFile(path.join(book, '02.txt'), 'Chapter 2\n\nThe lamps were lit, one by one.\n');
      expect(await next).toMatch(/^built .*the-harbour\.epub/m);
      next = waitForOutput(child, /1 built, 0 skipped/, 20_000);
      await writeFile(path.join(book, 'art', 'cover.png'), await png(160));
      expect(await next).toMatch(/^built .*the-harbour\.epub/m);
    });
  }, 90_000);
});
