import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFile, storyFile } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';

describe('no network', () => {
  let server: Server;
  let requests = 0;
  let base = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests += 1;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
    expect(requests).toBe(0);
    if (built) expect(await validateEpub(built.epub)).toEqual([]);
  });
});
