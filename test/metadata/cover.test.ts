import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { QuireError } from '../../src/index.js';
import { buildFile, storyFile, unzipText } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';

const story = (cover: string) => `---\ntitle: Covered\ncover: ${cover}\n---\n\nChapter 1\n\nText.\n`;

describe('a cover the work names', () => {
  it('is packed as the cover image when it is a real image inside the work folder', async () => {
    const file = await storyFile(story('art/front.jpg'));
    await mkdir(path.join(path.dirname(file), 'art'));
    const jpeg = await sharp({ create: { width: 600, height: 900, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    await writeFile(path.join(path.dirname(file), 'art', 'front.jpg'), jpeg);
    const built = await buildFile(file);
    expect(await validateEpub(built.epub)).toEqual([]);
    const opf = unzipText(built.epub).get('OEBPS/content.opf') ?? '';
    expect(opf).toContain('href="cover.jpg" media-type="image/jpeg" properties="cover-image"');
  });

  it('gives a clear error naming the story when the path is missing', async () => {
    const file = await storyFile(story('nowhere.png'));
    const error = await buildFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuireError);
    expect((error as QuireError).diagnostic).toMatchObject({ file, code: 'cover-not-found' });
  });

  it('refuses a file that is not an image, never packing a 0-byte or broken cover', async () => {
    const file = await storyFile(story('cover.png'));
    await writeFile(path.join(path.dirname(file), 'cover.png'), 'this is text, not a picture');
    const error = await buildFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuireError);
    expect((error as QuireError).message).toMatch(/cover\.png/);
  });

  it('refuses a path outside the allowed folders', async () => {
    const file = await storyFile(story('../../../../etc/passwd'));
    const error = await buildFile(file).catch((e: unknown) => e);
    expect((error as QuireError).diagnostic?.code).toBe('cover-outside-roots');
  });
});
