import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { buildFile, storyFile } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';
import { describeWithClient } from '../support/clients.js';

const run = promisify(execFile);

// calibre is how many readers manage their library: it must read back what we wrote.
describeWithClient('calibre', 'calibre ebook-meta', () => {
  it('reads back title, authors, series, tags, language and the cover', async () => {
    const file = await storyFile(
      '---\ntitle: A Shelf of Stars\nauthor:\n  - name: Ada Quill\n    file-as: Quill, Ada\n  - Bo Reed\nlanguage: fr\nseries: { name: Night Skies, position: 2 }\ntags: [astronomy, slow burn]\n---\n\nChapitre 1\n\nIl faisait nuit.\n',
    );
    const built = await buildFile(file);
    expect(await validateEpub(built.epub)).toEqual([]);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-calibre-'));
    const epub = path.join(dir, 'book.epub');
    await writeFile(epub, built.epub);
    const cover = path.join(dir, 'cover.png');
    const { stdout } = await run('ebook-meta', [epub, '--get-cover', cover], { env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
    const field = (name: string) => stdout.match(new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm'))?.[1]?.trim();
    expect(field('Title')).toBe('A Shelf of Stars');
    expect(field('Author\\(s\\)')).toMatch(/^Ada Quill & Bo Reed \[Quill, Ada\]/);
    expect(field('Series')).toBe('Night Skies #2');
    expect(field('Tags')).toBe('astronomy, slow burn');
    expect(field('Languages')).toBe('fra');
    const png = await readFile(cover);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1600);
    expect(png.readUInt32BE(20)).toBe(2560);
  });
});
