/**
 * epub.js in Debian's headless Chromium, driven by playwright-core. Nothing is
 * downloaded: the browser is the system's, epub.js and JSZip come from
 * node_modules, and the page and books are served on 127.0.0.1.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../build.js';
import { CHROMIUM } from '../clients.js';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const STATIC: Record<string, [string, string]> = {
  '/': [path.join(HERE, 'harness.html'), 'text/html; charset=utf-8'],
  '/epub.js': [path.join(repoRoot, 'node_modules', 'epubjs', 'dist', 'epub.min.js'), 'text/javascript'],
  '/jszip.js': [path.join(repoRoot, 'node_modules', 'jszip', 'dist', 'jszip.min.js'), 'text/javascript'],
};

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface PageView {
  text: string;
  hrs: Array<{ height: number; after: string; afterHeight: string; borderTop: string }>;
  imgs: Array<{ width: number; height: number }>;
  location?: string;
}

/** What harness.html puts on `window` for the tests to call. */
interface Harness {
  openBook(url: string, css: Record<string, Record<string, string>> | undefined): ReturnType<Reader['open']>;
  showPage(target: string): Promise<PageView>;
  showSceneBreak(): Promise<boolean>;
  showToc(title: string): Promise<string[]>;
}

export interface Reader {
  /** Opens a book served at `/books/<name>`; returns its TOC labels (with depth) and spine hrefs. */
  open(name: string, extraCss?: Record<string, Record<string, string>>): Promise<{ toc: Array<{ depth: number; label: string; href: string }>; spine: string[] }>;
  show(target: string): Promise<PageView>;
  showToc(title: string): Promise<string[]>;
  /** Pages to the first `<hr/>` of the chapter on screen; false if it has none. */
  showSceneBreak(): Promise<boolean>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
  /** Requests the page made to anywhere but the local server. */
  outside: string[];
}

/** Serves `books` (name → EPUB bytes) and opens a fresh reader page on them. */
export async function startReader(books: Map<string, Uint8Array>): Promise<Reader> {
  const server: Server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    const book = url.startsWith('/books/') ? books.get(decodeURIComponent(url.slice('/books/'.length))) : undefined;
    if (book) {
      res.writeHead(200, { 'content-type': 'application/epub+zip' }).end(book);
      return;
    }
    const file = STATIC[url];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    readFile(file[0]).then(
      (body) => res.writeHead(200, { 'content-type': file[1] }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const page: Page = await browser.newPage({ viewport: { width: 600, height: 800 } });
  const outside: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:') && !u.startsWith('about:')) outside.push(u);
  });
  return {
    outside,
    async open(name, extraCss) {
      await page.goto(`${base}/`);
      return page.evaluate(([url, css]) => (window as unknown as Harness).openBook(url, css), [`${base}/books/${encodeURIComponent(name)}`, extraCss] as const);
    },
    async show(target) {
      const view = await page.evaluate((t) => (window as unknown as Harness).showPage(t), target);
      // Let fonts and images settle before a screenshot is taken.
      await page.waitForTimeout(150);
      return view as PageView;
    },
    async showSceneBreak() {
      const found = await page.evaluate(() => (window as unknown as Harness).showSceneBreak());
      await page.waitForTimeout(150);
      return found as boolean;
    },
    showToc: (title) => page.evaluate((t) => (window as unknown as Harness).showToc(t), title),
    async screenshot(file) {
      await page.screenshot({ path: file });
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
