/**
 * One `quire serve` from the CLI's point of view: build the library, index the
 * books, serve them, and rebuild (through `--watch`'s machinery) when a story
 * changes, swapping the index only once a rebuild is done. The CLI passes the
 * streams, so this prints nowhere else.
 */
import { networkInterfaces } from 'node:os';
import { QuireError } from '../diagnostics.js';
import { ioReason } from '../ioerror.js';
import type { BatchPlan } from '../batch/plan.js';
import { createProgress, progressMode, useColor } from '../batch/progress.js';
import { summaryLine } from '../batch/report.js';
import { runPlan } from '../batch/run.js';
import type { Terminal } from '../batch/session.js';
import type { BatchReport } from '../batch/types.js';
import { watchInputs } from '../batch/watch.js';
import { startServer, type LibraryServer } from './serve/http.js';
import { loadLibrary, type Library } from './serve/library.js';

export interface ServeOptions {
  host: string;
  port: number;
}

export interface ServeHandle {
  server: LibraryServer;
  /** The library being served now. */
  library(): Library;
  /** The addresses to type on a reader. */
  urls: string[];
  /** Stops watching and serving. */
  close(): Promise<void>;
  /** Settles when the handle is closed. */
  closed: Promise<void>;
}

/** The URLs a reader on the network can use: every IPv4 address of this machine when listening on all of them. */
export function readerUrls(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => `http://${a!.address}:${port}`);
  return addresses.length ? addresses : [`http://127.0.0.1:${port}`];
}

/**
 * Builds, indexes and serves; keeps rebuilding as sources change until
 * `term.signal` aborts or the handle is closed. What it prints goes to the
 * terminal's streams.
 */
export async function startServe(plan: BatchPlan, options: ServeOptions, term: Terminal): Promise<ServeHandle> {
  const opts = plan.options;
  const color = useColor(term.env, Boolean(term.stderr.isTTY));
  const build = async (): Promise<BatchReport> => {
    const progress = createProgress({ mode: progressMode(term.env, Boolean(term.stderr.isTTY), Boolean(opts.quiet)), verbose: Boolean(opts.verbose), color, out: term.stderr, err: term.stderr });
    try {
      return await runPlan(plan, progress);
    } finally {
      progress.finish();
    }
  };
  const index = async (report: BatchReport): Promise<Library> => {
    const { library, skipped } = await loadLibrary(report.works);
    for (const s of skipped) term.stderr.write(`${s.source}: warning: not served: the built book cannot be read back: ${s.reason}\n`);
    if (!opts.quiet) term.stderr.write(`${summaryLine(report.summary)}; serving ${library.books.length} book${library.books.length === 1 ? '' : 's'}\n`);
    return library;
  };
  let report = await build();
  let current = await index(report);
  let server: LibraryServer;
  try {
    server = await startServer(() => current, options);
  } catch (e) {
    throw new QuireError({
      code: 'cannot-serve',
      message: `cannot listen on ${options.host}:${options.port}: ${ioReason(e)}${(e as NodeJS.ErrnoException).code === 'EADDRINUSE' ? '; another program uses that port: choose another with --port' : ''}`,
    });
  }
  const urls = readerUrls(options.host, server.port);
  const stop = new AbortController();
  term.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  const files = (r: BatchReport) => r.works.flatMap((w) => [...w.sources, ...w.assets]);
  const rebuild = async (): Promise<string[]> => {
    report = await build();
    current = await index(report);
    return files(report);
  };
  const watching = watchInputs(plan.inputs, files(report), rebuild, { signal: stop.signal }).catch((e: unknown) => {
    term.stderr.write(`quire: warning: not watching for changes: ${ioReason(e)}\n`);
  });
  const closed = watching.then(() => server.close());
  return {
    server,
    library: () => current,
    urls,
    close: async () => {
      stop.abort();
      await closed;
    },
    closed,
  };
}

/** Runs `quire serve` until Ctrl-C; returns the exit code. */
export async function serveSession(plan: BatchPlan, options: ServeOptions, term: Terminal): Promise<number> {
  const handle = await startServe(plan, options, term);
  const [first] = handle.urls;
  const local = options.host === '127.0.0.1' || options.host === 'localhost' || options.host === '::1';
  term.stdout.write(`serving the library at ${first}/ (web page) and ${first}/opds (OPDS catalog)\n`);
  if (handle.urls.length > 1) term.stdout.write(`also at ${handle.urls.slice(1).join(', ')}\n`);
  if (local) term.stdout.write('only this computer can reach it; to open it on a reader on your network, add --host 0.0.0.0\n');
  else term.stdout.write(`on the reader, type ${first}/ in its browser, or add ${first}/opds as an OPDS catalog; anyone on this network can download these books\n`);
  term.stdout.write('Ctrl-C stops\n');
  await handle.closed;
  return 0;
}
