import { describe, expect, it } from 'vitest';
import { useCountingServer } from '../support/server.js';
import { buildFile, storyFile } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';

describe('no network', () => {
  const server = useCountingServer();

  it('never fetches a URL named in a story, its front matter or its text', async () => {
    const file = await storyFile(
      `---\ntitle: Remote Things\ncover: ${server.base}/cover.png\n---\n\nChapter 1\n\n<img src="${server.base}/inline.png">\n\n![pic](${server.base}/md.png)\n\nSee ${server.base}/page for more.\n`,
    );
    let built;
    try {
      built = await buildFile(file);
    } catch {
      built = undefined; // refusing the remote cover is fine; fetching it is not
    }
    expect(server.requests).toBe(0);
    if (built) expect(await validateEpub(built.epub)).toEqual([]);
  });
});
