/**
 * The HTTP side of `quire serve`, on Node's own `http`: read-only (GET and
 * HEAD; anything else is 405), and every answer comes from the in-memory
 * library, looked up by key: a URL is never turned into a path, so there is
 * nothing to traverse. Books are sent with Range support (readers resume
 * downloads) and a Content-Disposition naming the file (RFC 6266).
 */
import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FORMAT_TYPES, newest, search, thumbnailOf, type Library, type LibraryBook } from './library.js';
import { acquisitionFeed, ACQ_TYPE, groupsFeed, navigationFeed, NAV_TYPE, newLink, openSearch, OPENSEARCH_TYPE } from './opds.js';
import { libraryPage, messagePage } from './page.js';

type Answer = { status: number; type: string; body: string | Uint8Array; headers?: Record<string, string> };

const HTML = 'text/html; charset=utf-8';
const SECURITY: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The page needs its own inline style and its own images, nothing else, and never runs a script.
  'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

const notFound = (text = 'Nothing is served at this address.'): Answer => ({ status: 404, type: HTML, body: messagePage('Not found', text) });

/** `Content-Disposition` for a download: an ASCII name for old clients, the real one in `filename*` (RFC 6266, RFC 8187). */
export function contentDisposition(name: string, ascii: string): string {
  const star = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii.replace(/["\\]/g, '_')}"; filename*=UTF-8''${star}`;
}

/**
 * A single byte range from a `Range` header, as RFC 9110 reads it: undefined
 * to send the whole file (no header, another unit, several ranges),
 * `unsatisfiable` for 416.
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return undefined;
  if (a === '') {
    const n = Number(b);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || (b !== '' && Number(b) < start)) return 'unsatisfiable';
  return { start, end };
}

/** The address a client used, for the one place an absolute URL is required (OpenSearch); anything odd falls back. */
function originOf(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  return host && /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? `http://${host}` : fallback;
}

export interface LibraryServer {
  server: Server;
  /** `http://127.0.0.1:8080` as bound. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts serving whatever `library()` returns at each request, so a rebuild can swap it. */
export async function startServer(library: () => Library, options: { host: string; port: number }): Promise<LibraryServer> {
  let origin = '';
  const server = createServer((req, res) => {
    handle(req, res, library(), origin).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY });
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;
  return {
    server,
    url: origin,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, library: Library, fallbackOrigin: string): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY });
    res.end('quire serve is read-only: only GET and HEAD are answered.\n');
    return;
  }
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://quire.invalid');
  } catch {
    return send(req, res, notFound());
  }
  const parts = url.pathname.split('/').slice(1);
  if (parts[0] === 'file') return sendFile(req, res, library, parts);
  send(req, res, await route(library, parts, url.searchParams, originOf(req, fallbackOrigin)));
}

async function route(library: Library, parts: string[], params: URLSearchParams, origin: string): Promise<Answer> {
  const path = `/${parts.join('/')}`;
  const atom = (body: string, type: string): Answer => ({ status: 200, type: `${type}; charset=utf-8`, body });
  if (path === '/') {
    const q = params.get('q') ?? undefined;
    const sort = params.get('sort') === 'new' ? 'new' : 'title';
    return { status: 200, type: HTML, body: libraryPage(library, { ...(q !== undefined ? { q } : {}), sort }, origin) };
  }
  switch (path) {
    case '/opds':
      return atom(navigationFeed(library), NAV_TYPE);
    case '/opds/all':
      return atom(acquisitionFeed(library, path, 'All books', library.books, [newLink]), ACQ_TYPE);
    case '/opds/new':
      return atom(acquisitionFeed(library, path, 'Newest', newest(library)), ACQ_TYPE);
    case '/opds/authors':
      return atom(groupsFeed(library, path, 'By author', library.authors), NAV_TYPE);
    case '/opds/series':
      return atom(groupsFeed(library, path, 'By series', library.series), NAV_TYPE);
    case '/opds/tags':
      return atom(groupsFeed(library, path, 'By tag', library.tags), NAV_TYPE);
    case '/opds/search.xml':
      return { status: 200, type: `${OPENSEARCH_TYPE}; charset=utf-8`, body: openSearch(origin) };
    case '/opds/search': {
      const q = params.get('q') ?? '';
      return atom(acquisitionFeed(library, `/opds/search?q=${encodeURIComponent(q)}`, `Search: ${q}`, search(library, q)), ACQ_TYPE);
    }
  }
  if (parts.length === 3 && parts[0] === 'opds') {
    const groups = parts[1] === 'authors' ? library.authors : parts[1] === 'series' ? library.series : parts[1] === 'tags' ? library.tags : undefined;
    const group = groups?.find((g) => g.key === parts[2]);
    if (group) return atom(acquisitionFeed(library, path, group.name, group.books), ACQ_TYPE);
  }
  if (parts.length === 3 && (parts[0] === 'cover' || parts[0] === 'thumb')) {
    const book = library.byId.get(parts[1]!);
    if (!book?.cover || book.cover.hash !== parts[2]) return notFound('No such cover: the library may have been rebuilt since this page was loaded.');
    const image = parts[0] === 'cover' ? book.cover : await thumbnailOf(book)!;
    return { status: 200, type: image.mime, body: image.bytes, headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } };
  }
  return notFound();
}

function send(req: IncomingMessage, res: ServerResponse, a: Answer): void {
  const body = typeof a.body === 'string' ? Buffer.from(a.body) : a.body;
  res.writeHead(a.status, { 'Content-Type': a.type, 'Content-Length': body.length, 'Cache-Control': 'no-cache', ...SECURITY, ...a.headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const safeDecode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

/** `/file/<book>/<format>/<hash>/<name>`: a book file, whole or by range. */
async function sendFile(req: IncomingMessage, res: ServerResponse, library: Library, parts: string[]): Promise<void> {
  const book: LibraryBook | undefined = parts.length === 5 ? library.byId.get(parts[1]!) : undefined;
  const name = safeDecode(parts[4] ?? '');
  const file = book?.files.find((f) => f.kind === parts[2] && f.hash === parts[3] && f.asciiName === name);
  if (!book || !file) return send(req, res, notFound('No such book: the library may have been rebuilt since this page was loaded; go back and reload it.'));
  // One open file for the whole answer: its size and bytes agree even if a rebuild replaces the book meanwhile.
  const handle = await open(file.path, 'r').catch(() => undefined);
  if (!handle) return send(req, res, notFound('That book is being rebuilt; try again in a moment.'));
  try {
    const size = (await handle.stat()).size;
    const headers: Record<string, string | number> = {
      'Content-Type': FORMAT_TYPES[file.kind].mime,
      'Content-Disposition': contentDisposition(file.downloadName, file.asciiName),
      'Accept-Ranges': 'bytes',
      ETag: `"${file.hash}"`,
      'Cache-Control': 'no-cache',
      ...SECURITY,
    };
    const range = parseRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
      res.end();
      return;
    }
    if (req.headers['if-none-match'] === `"${file.hash}"` && !range) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const status = range ? 206 : 200;
    res.writeHead(status, { ...headers, 'Content-Length': Math.max(0, end - start + 1), ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}) });
    if (req.method === 'HEAD' || size === 0) {
      res.end();
      return;
    }
    await new Promise<void>((resolve) => {
      const stream = handle.createReadStream({ start, end, autoClose: false });
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      res.on('close', resolve);
      stream.pipe(res);
    });
  } finally {
    await handle.close();
  }
}
