/**
 * The web page as a reader's browser shows it: Debian's Chromium with
 * JavaScript off, at an e-reader's size. The screenshot goes to
 * out/serve-page.png (not committed) for a person to look at.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repoRoot } from '../support/build.js';
import { CHROMIUM, describeWithClient } from '../support/clients.js';
import { validateEpub } from '../support/epubcheck.js';
import { CHROMIUM_ARGS } from '../support/reader/index.js';
import { planBatch } from '../../src/batch/plan.js';
import { startServe, type ServeHandle } from '../../src/deliver/serve-session.js';
import { fakeLibrary, tmp } from '../send/fake.js';

describeWithClient('chromium', 'the library page in a browser', () => {
  let serve: ServeHandle;
  let browser: Browser;
  beforeAll(async () => {
    const lib = await fakeLibrary();
    const plan = await planBatch({ inputs: [lib.stories], options: { out: lib.out, jobs: 1, sourceDateEpoch: 1_700_000_000, kepub: true } });
    const quiet = () => new Writable({ write: (_c, _e, done) => done() });
    serve = await startServe(plan, { host: '127.0.0.1', port: 0 }, { stdout: quiet(), stderr: quiet(), env: { CI: 'true' } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.close();
  });

  it('shows covers, titles, authors, series, summaries and download links with JavaScript off, and downloads a valid EPUB', async () => {
    // A Kobo Clara's screen in CSS pixels, with no JavaScript, as many e-reader browsers have it.
    const context = await browser.newContext({ viewport: { width: 536, height: 724 }, deviceScaleFactor: 2, javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(serve.server.url)) outside.push(r.url());
    });
    await page.goto(`${serve.server.url}/`);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('h2').allTextContents()).toEqual(['A Hard Frost', 'The Harbour Light']);
    const frost = page.locator('article', { hasText: 'A Hard Frost' });
    await expect(frost.locator('.by').textContent()).resolves.toBe('by Ben Tallow');
    await expect(frost.locator('.series').textContent()).resolves.toBe('Winter Tales, book 1');
    await expect(frost.locator('.summary').textContent()).resolves.toBe('Two sisters and an orchard.');
    await expect(frost.locator('.tags').textContent()).resolves.toBe('Tags: winter');
    expect(await frost.locator('.get a').allTextContents()).toEqual([expect.stringMatching(/^EPUB \(\d+ KB\)$/), expect.stringMatching(/^Kobo kepub \(\d+ KB\)$/)]);
    // Every cover thumbnail loaded.
    const loaded = await page.locator('article img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0));
    expect(loaded).toEqual([true, true]);
    const shots = path.join(repoRoot, 'out');
    await mkdir(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'serve-page.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('article', { hasText: 'The Harbour Light' }).getByText(/^EPUB/).click()]);
    expect(download.suggestedFilename()).toBe('The Harbour Light.epub');
    const saved = path.join(await tmp('quire-download-'), 'book.epub');
    await download.saveAs(saved);
    expect(await validateEpub(await readFile(saved), 'The Harbour Light.epub')).toEqual([]);

    // A search is a plain form: no script needed.
    await page.goto(`${serve.server.url}/`);
    await page.fill('input[name=q]', 'frost');
    await page.click('button[type=submit]');
    expect(page.url()).toBe(`${serve.server.url}/?q=frost`);
    expect(await page.locator('h2').allTextContents()).toEqual(['A Hard Frost']);
    expect(outside).toEqual([]);
    await context.close();
  });
});
