import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEpub } from '../support/epubcheck.js';
import { planBatch } from '../../src/batch/plan.js';
import { readerUrls, startServe, type ServeHandle } from '../../src/deliver/serve-session.js';
import { contentDisposition, parseRange } from '../../src/deliver/serve/http.js';
import { fakeLibrary } from '../send/fake.js';

const NS = { a: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/terms/', os: 'http://a9.com/-/spec/opensearch/1.1/' };
const ACQ = 'application/atom+xml;profile=opds-catalog;kind=acquisition';
const NAV = 'application/atom+xml;profile=opds-catalog;kind=navigation';

const quiet = () => new Writable({ write: (_c, _e, done) => done() });

let lib: Awaited<ReturnType<typeof fakeLibrary>>;
let serve: ServeHandle;
let base: string;

beforeAll(async () => {
  lib = await fakeLibrary();
  const plan = await planBatch({ inputs: [lib.stories], options: { out: lib.out, jobs: 1, sourceDateEpoch: 1_700_000_000, kepub: true } });
  serve = await startServe(plan, { host: '127.0.0.1', port: 0 }, { stdout: quiet(), stderr: quiet(), env: { CI: 'true' } });
  base = serve.server.url;
});
afterAll(() => serve?.close());

/** A feed, parsed by libxml2: a document that is not well-formed XML throws. */
async function feed(url: string): Promise<{ doc: XmlDocument; type: string }> {
  const res = await fetch(new URL(url, base));
  expect(res.status, url).toBe(200);
  return { doc: XmlDocument.fromString(await res.text()), type: res.headers.get('content-type') ?? '' };
}

const attr = (n: unknown, name: string) => (n as XmlElement).attr(name)?.value ?? '';

/** What RFC 4287 requires of a feed and of each entry (atom:id, atom:title, atom:updated; an author somewhere). */
function checkAtom(doc: XmlDocument, url: string): void {
  expect(doc.root.name, url).toBe('feed');
  expect(doc.root.namespaceUri, url).toBe(NS.a);
  for (const el of ['a:id', 'a:title', 'a:updated']) expect(doc.find(`/a:feed/${el}`, NS), `${url} ${el}`).toHaveLength(1);
  expect(doc.get('/a:feed/a:updated', NS)!.content).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(doc.find('/a:feed/a:link[@rel="self"]', NS)).toHaveLength(1);
  for (const entry of doc.find('/a:feed/a:entry', NS)) {
    for (const el of ['a:id', 'a:title', 'a:updated']) expect(entry.find(el, NS), `${url} entry ${el}`).toHaveLength(1);
    expect(entry.find('a:link', NS).length, url).toBeGreaterThan(0);
  }
}

describe('quire serve', () => {
  it('binds 127.0.0.1 unless told otherwise, and prints addresses a reader can type for the network', () => {
    expect(serve.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(readerUrls('127.0.0.1', 8080)).toEqual(['http://127.0.0.1:8080']);
    for (const url of readerUrls('0.0.0.0', 8080)) expect(url).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:8080$/);
  });

  it('answers with well-formed OPDS 1.2 feeds whose every link resolves', async () => {
    const nav = await feed('/opds');
    expect(nav.type).toBe(`${NAV}; charset=utf-8`);
    const seen = new Set<string>();
    const queue = ['/opds'];
    const resources: Array<{ href: string; rel: string; type: string }> = [];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const { doc, type } = await feed(url);
      checkAtom(doc, url);
      expect(type.startsWith('application/atom+xml;profile=opds-catalog;kind=')).toBe(true);
      for (const l of doc.find('//a:link', NS)) {
        const href = attr(l, 'href');
        const linkType = attr(l, 'type');
        if (linkType === ACQ || linkType === NAV) queue.push(href);
        else resources.push({ href, rel: attr(l, 'rel'), type: linkType });
      }
      doc.dispose();
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['/opds', '/opds/all', '/opds/new', '/opds/authors', '/opds/series', '/opds/tags']));
    expect(seen.size).toBeGreaterThan(8); // each author, series and tag has its feed
    for (const r of new Map(resources.map((x) => [x.href, x])).values()) {
      const res = await fetch(new URL(r.href, base));
      expect(res.status, r.href).toBe(200);
      expect(res.headers.get('content-type')?.split(';')[0], r.href).toBe(r.type);
      await res.arrayBuffer();
    }
    const rels = new Set(resources.map((r) => r.rel));
    expect(rels).toEqual(new Set(['search', 'http://opds-spec.org/image', 'http://opds-spec.org/image/thumbnail', 'http://opds-spec.org/acquisition']));
  });

  it('offers each format with its MIME type, a content hash in its link, and the AZW3 once one is made', async () => {
    const before = await feed('/opds/all');
    const types = before.doc.find('//a:entry[a:title="The Harbour Light"]/a:link[@rel="http://opds-spec.org/acquisition"]', NS).map((l) => attr(l, 'type'));
    expect(types).toEqual(['application/epub+zip', 'application/kepub+zip']);
    const href = attr(before.doc.get('//a:entry[a:title="The Harbour Light"]/a:link[@type="application/epub+zip"]', NS), 'href');
    expect(href).toMatch(/^\/file\/the-harbour-light\/epub\/[0-9a-f]{16}\/the-harbour-light\.epub$/);
    const epub = new Uint8Array(await (await fetch(new URL(href, base))).arrayBuffer());
    expect(epub).toEqual(new Uint8Array(await readFile(path.join(lib.out, 'the-harbour-light.epub'))));
    expect(await validateEpub(epub, 'the-harbour-light.epub')).toEqual([]);
    const entry = before.doc.get('//a:entry[a:title="A Hard Frost"]', NS)!;
    expect(entry.get('a:author/a:name', NS)?.content).toBe('Ben Tallow');
    expect(entry.get('a:summary', NS)?.content).toBe('Two sisters and an orchard.');
    expect(entry.get('a:content', NS)?.content).toBe('Winter Tales, book 1');
    expect(attr(entry.get('a:category', NS), 'term')).toBe('winter');
    expect(entry.get('dc:language', NS)?.content).toBe('en');
    before.doc.dispose();

    // What `quire send` leaves beside a book for a Kindle is offered too while it is newer than the
    // book, once the library is indexed again (here: after another story changes and is rebuilt).
    const azw3 = path.join(lib.out, 'a-hard-frost.azw3');
    await writeFile(azw3, 'AZW3 bytes');
    const later = new Date(Date.now() + 60_000);
    await utimes(azw3, later, later);
    const touched = path.join(lib.stories, 'harbour.txt');
    await writeFile(touched, `${await readFile(touched, 'utf8')}\nA last line.\n`);
    await waitFor(async () => (await (await fetch(new URL('/opds/all', base))).text()).includes('application/x-mobi8-ebook'));
    const { doc } = await feed('/opds/all');
    const link = doc.get('//a:link[@type="application/x-mobi8-ebook"]', NS)!;
    expect(link.get('../a:title', NS)?.content).toBe('A Hard Frost');
    const res = await fetch(new URL(attr(link, 'href'), base));
    expect(res.headers.get('content-type')).toBe('application/x-mobi8-ebook');
    expect(await res.text()).toBe('AZW3 bytes');
    doc.dispose();
  });

  it('rebuilds when a story changes and serves the new book under a new link', async () => {
    const story = path.join(lib.stories, 'frost.md');
    await writeFile(story, (await readFile(story, 'utf8')).replace('title: A Hard Frost', 'title: A Harder Frost'));
    await waitFor(async () => (await (await fetch(new URL('/opds/all', base))).text()).includes('A Harder Frost'));
    const page = await (await fetch(new URL('/', base))).text();
    expect(page).toContain('A Harder Frost');
  });

  it('finds books through OpenSearch', async () => {
    const { doc } = await feed('/opds/search.xml');
    const template = attr(doc.get('/os:OpenSearchDescription/os:Url', NS), 'template');
    expect(template).toBe(`${base}/opds/search?q={searchTerms}`);
    const found = await feed(template.replace('{searchTerms}', encodeURIComponent('harbour ada')).replace(base, ''));
    expect(found.doc.find('//a:entry/a:title', NS).map((t) => t.content)).toEqual(['The Harbour Light']);
  });

  it('answers HEAD and Range requests, with the book’s file name', async () => {
    const href = await firstEpub();
    const whole = new Uint8Array(await (await fetch(new URL(href, base))).arrayBuffer());
    const head = await fetch(new URL(href, base), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(whole.length));
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    expect(head.headers.get('content-disposition')).toBe(`attachment; filename="the-harbour-light.epub"; filename*=UTF-8''The%20Harbour%20Light.epub`);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const part = await fetch(new URL(href, base), { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${whole.length}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(whole.subarray(10, 20));
    const tail = await fetch(new URL(href, base), { headers: { Range: 'bytes=-5' } });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(whole.subarray(whole.length - 5));
    const beyond = await fetch(new URL(href, base), { headers: { Range: `bytes=${whole.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${whole.length}`);
  });

  it('is read-only and serves nothing but its books and covers: other methods 405, any other path 404', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await fetch(new URL('/', base), { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
    const href = await firstEpub();
    const attempts = [
      '/../../../../etc/passwd',
      '/file/../../etc/passwd',
      '/file/%2e%2e/%2e%2e/etc/passwd',
      '/file/..%2f..%2fetc%2fpasswd',
      `${href.replace(/[^/]+$/, '')}..%2f..%2f.quire-cache.json`,
      `${href.replace(/[^/]+$/, '')}%2e%2e%2fharbour.txt`,
      '/file/the-harbour-light/epub/0000000000000000/the-harbour-light.epub',
      '/.quire-cache.json',
      '/the-harbour-light.epub',
      '/out/the-harbour-light.epub',
      '/cover/../../stories/harbour.txt',
      '/opds/authors/..%2f..',
      '/%ZZ',
      '//etc/passwd',
    ];
    for (const a of attempts) {
      const res = await rawGet(a);
      expect(res.status, a).toBe(404);
      expect(res.body, a).not.toMatch(/root:|Title: The Harbour/);
    }
  });

  it('writes Content-Disposition and reads Range as the RFCs say', () => {
    expect(contentDisposition('Der Frühling “Nr. 1”.epub', 'der-fruhling-nr-1.epub')).toBe(
      `attachment; filename="der-fruhling-nr-1.epub"; filename*=UTF-8''Der%20Fr%C3%BChling%20%E2%80%9CNr.%201%E2%80%9D.epub`,
    );
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange('bytes=0-0', 100)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=90-200', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-200', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-4', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(parseRange('items=0-1', 100)).toBeUndefined();
  });
});

async function firstEpub(): Promise<string> {
  const text = await (await fetch(new URL('/opds/all', base))).text();
  return /href="(\/file\/the-harbour-light\/epub\/[^"]+)"/.exec(text)![1]!;
}

/** A GET with the path sent exactly as written: fetch would tidy `..` away before sending. */
async function rawGet(p: string): Promise<{ status: number; body: string }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: serve.server.port, path: p, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += String(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitFor(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out waiting for the rebuild');
}
