import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingServer } from '../support/server.js';
import { buildFile, storyFile } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';

describe('no network', () => {
  let server: Awaited<ReturnType<typeof countingServer>>;
  let base = '';
  beforeAll(async () => {
    server = await countingServer();
    base = server.base;
  });
  afterAll(() => server.close());

  it('never fetches a URL named in a story, its front matter or its text', async () => {
    const file = await storyFile(
      `---\ntitle: Remote Things\ncover: ${base}/cover.png\n---\n\nChapter 1\n\n<img src="${base}/inline.png">\n\n![pic](${base}/md.png)\n\nSee ${base}/page for more.\n`,
    );
    let built;
    try {
      built = await buildFile(file);
    } catch {
      built = undefined; // refusing the remote cover is fine; fetching it is not
    }
    expect(server.requests()).toBe(0);
    if (built) expect(await validateEpub(built.epub)).toEqual([]);
  });
});
