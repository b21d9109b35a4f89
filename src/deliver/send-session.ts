/**
 * One `quire send` from the CLI's point of view: find the reader, build what
 * changed (the incremental batch, its progress on stderr), put the books on
 * the reader, and print the report. The CLI passes the streams and the
 * environment, so this prints nowhere else and reads no global state.
 */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { formatDiagnostic, QuireError, UsageError } from '../diagnostics.js';
import type { BatchPlan } from '../batch/plan.js';
import { createProgress, progressMode, useColor } from '../batch/progress.js';
import { summaryLine } from '../batch/report.js';
import { loadCache } from '../batch/cache.js';
import { runPlan } from '../batch/run.js';
import type { Terminal } from '../batch/session.js';
import type { BatchReport } from '../batch/types.js';
import { describeReader, DEVICE_TYPES, findReaders, identify, mountParents, type DeviceKind, type MountPlaces, type Reader } from './devices.js';
import { megabytes } from './device-files.js';
import { sendBooks, type SendResult, type SentBook } from './send.js';

export interface SendOptions {
  /** A mount point or any folder; without it the mounted reader is found by its markers. */
  to?: string;
  /** What the reader is, over what its markers say. */
  device?: DeviceKind;
  /** The subfolder for quire's books (default `quire`). */
  folder: string;
  dryRun: boolean;
  prune: boolean;
  mounts: MountPlaces;
}

/** The reader to send to: the one `--to` names, or the only one mounted. */
export async function chooseReader(options: Pick<SendOptions, 'to' | 'device' | 'mounts'>): Promise<Reader> {
  let reader: Reader | undefined;
  if (options.to !== undefined) {
    const root = path.resolve(options.to);
    const info = await stat(root).catch(() => undefined);
    if (!info) throw new QuireError({ code: 'reader-gone', message: 'there is no such folder: is the reader plugged in and mounted?', file: options.to });
    if (!info.isDirectory()) throw new UsageError(`--to must name a reader's folder, and ${options.to} is a file`);
    reader = (await identify(root)) ?? { root, type: DEVICE_TYPES.generic, koreader: false };
  } else {
    const found = await findReaders(options.mounts);
    if (!found.length) {
      const where = options.mounts.platform === 'win32' && !options.mounts.override?.length ? 'the drive letters' : mountParents(options.mounts).join(', ');
      throw new UsageError(
        `no e-reader is mounted (looked in ${where}): plug it in and let it mount, or name its folder with --to; a Kindle from 2024 on or a Scribe connects by MTP only and never mounts, so use Send to Kindle or quire serve`,
        { code: 'no-reader' },
      );
    }
    if (found.length > 1) {
      throw new UsageError(`${found.length} readers are mounted: ${found.map(describeReader).join('; ')}; choose one with --to`, { code: 'several-readers' });
    }
    reader = found[0]!;
  }
  if (options.device) reader = { ...reader, type: DEVICE_TYPES[options.device] };
  return reader;
}

/** Runs the send and returns the exit code: 0 all sent, 1 any failed. */
export async function sendSession(plan: BatchPlan, options: SendOptions, term: Terminal): Promise<number> {
  const started = performance.now();
  const reader = await chooseReader(options);
  const opts = plan.options;
  // A Kobo gets kepubs, built as `quire build --kepub` builds them. Once an output folder has kepubs
  // they are kept, so sending to a Kobo and then to another reader does not rebuild every book twice.
  const hasKepubs = Object.values((await loadCache(opts.out)).works).some((w) => w.kepub);
  const kepub = reader.type.format === 'kepub' || (opts.kepub ?? hasKepubs);
  const build: BatchPlan = { ...plan, options: { ...opts, watch: false, ...(kepub ? { kepub: true } : {}) } };
  const progressTTY = Boolean(term.stderr.isTTY);
  const color = useColor(term.env, progressTTY);
  // stdout carries the send report (or its JSON), so the build's lines go to stderr.
  const progress = createProgress({ mode: progressMode(term.env, progressTTY, Boolean(opts.quiet)), verbose: Boolean(opts.verbose), color, out: term.stderr, err: term.stderr });
  let report: BatchReport;
  try {
    report = await runPlan(build, progress);
  } finally {
    progress.finish();
  }
  if (!opts.quiet) term.stderr.write(`${summaryLine(report.summary)}\n`);
  const result = await sendBooks({ reader, folder: options.folder, works: report.works, inputs: plan.inputs, dryRun: options.dryRun, prune: options.prune, env: term.env });
  const out = opts.json ? term.stderr : term.stdout;
  for (const d of result.diagnostics) term.stderr.write(`${formatDiagnostic(d)}\n`);
  if (!opts.quiet) out.write(`${result.dryRun ? 'would send to' : 'sending to'} ${describeReader(reader)}, into ${result.reader.folder || 'its root'}/\n`);
  const seen = new Set<string>();
  for (const b of result.books) {
    for (const d of b.diagnostics) {
      // The calibre advice is the same for every book: said once.
      if (d.code === 'no-ebook-convert' && seen.has(d.code)) continue;
      seen.add(d.code);
      if (d.severity !== 'info' || opts.verbose || b.status === 'kept') term.stderr.write(`${d.file ? formatDiagnostic(d) : `quire: ${formatDiagnostic(d)}`}\n`);
    }
    if (!opts.quiet && (b.status !== 'unchanged' || opts.verbose)) out.write(`${bookLine(b, result.dryRun)}\n`);
  }
  const durationMs = Math.round(performance.now() - started);
  if (opts.json) term.stdout.write(`${JSON.stringify({ ...result, summary: { ...result.summary, durationMs }, build: report }, null, 2)}\n`);
  if (!opts.quiet) out.write(`${sendSummaryLine(result, durationMs)}\n`);
  return result.ok && report.ok ? 0 : 1;
}

const WOULD: Readonly<Record<SentBook['status'], string>> = {
  copied: 'would copy',
  updated: 'would update',
  unchanged: 'unchanged',
  failed: 'would fail',
  pruned: 'would prune',
  kept: 'kept',
};

/** `copied  quire/paper-boats.kepub.epub (51 KB)  ← stories/paper-boats.txt` */
export function bookLine(b: SentBook, dryRun: boolean): string {
  const word = (dryRun ? WOULD[b.status] : b.status).padEnd(dryRun ? 12 : 9);
  const size = b.bytes !== null && (b.status === 'copied' || b.status === 'updated') ? ` (${megabytes(b.bytes)})` : '';
  const thumb = b.thumbnail && (b.status === 'copied' || b.status === 'updated') ? `, cover ${b.thumbnail}` : '';
  return `${word} ${b.file ?? '-'}${size}${thumb}  ← ${b.source}`;
}

/** `3 copied, 1 updated, 5 unchanged, 0 failed, 0 pruned (1.2 MB) in 2.0 s` */
export function sendSummaryLine(r: SendResult, durationMs: number): string {
  const s = r.summary;
  const kept = s.kept ? `, ${s.kept} kept` : '';
  const bytes = s.bytes ? ` (${megabytes(s.bytes)})` : '';
  return `${s.copied} ${r.dryRun ? 'to copy' : 'copied'}, ${s.updated} ${r.dryRun ? 'to update' : 'updated'}, ${s.unchanged} unchanged, ${s.failed} failed, ${s.pruned} ${r.dryRun ? 'to prune' : 'pruned'}${kept}${bytes} in ${(durationMs / 1000).toFixed(1)} s${r.dryRun ? '; nothing was written on the reader' : ''}`;
}
