/**
 * How a batch shows itself while it runs: a progress bar on a terminal, one
 * plain line per work in CI logs, or nothing but errors with `--quiet`.
 * The CLI picks the mode and the streams; the runner only emits events.
 */
import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { groupThousands } from '../stats.js';
import type { BatchEvents, WorkResult } from './types.js';

export type ProgressMode = 'bar' | 'lines' | 'quiet';

export interface ProgressOptions {
  mode: ProgressMode;
  verbose: boolean;
  color: boolean;
  /** Where per-work lines go (stderr when stdout carries the JSON report). */
  out: Writable;
  /** Where diagnostics and the bar go. */
  err: Writable;
}

/** A bar only for a person at a terminal; CI logs get lines they can search. */
export function progressMode(env: NodeJS.ProcessEnv, isTTY: boolean, quiet: boolean): ProgressMode {
  if (quiet) return 'quiet';
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return isTTY && !ci ? 'bar' : 'lines';
}

/** NO_COLOR (https://no-color.org) wins; otherwise colour only a terminal. */
export const useColor = (env: NodeJS.ProcessEnv, isTTY: boolean): boolean => isTTY && !env.NO_COLOR && env.TERM !== 'dumb';

const paint = (on: boolean, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[39m` : s);

export function workLine(w: WorkResult, verbose: boolean, color: boolean): string {
  const time = verbose ? ` in ${w.durationMs} ms` : '';
  const state = w.ok ? w.status : 'failed';
  const word = paint(color, state === 'failed' ? 31 : state === 'built' ? 32 : 36, state);
  if (!w.output) return `${word} ${w.source}${time}`;
  const books = w.kepub ? `${w.output} and ${w.kepub}` : w.output;
  return `${word} ${books} (${plural(w.chapters ?? 0, 'chapter')}, ${plural(w.words ?? 0, 'word')})${time}`;
}

const shown = (d: Diagnostic, verbose: boolean) => d.severity !== 'info' || verbose;

export interface Progress extends BatchEvents {
  /** Stops the bar and prints what it held back. */
  finish(): void;
}

export function createProgress(o: ProgressOptions): Progress {
  const write = (s: Writable, line: string) => s.write(`${line}\n`);
  if (o.mode !== 'bar') {
    return {
      start(total, threads, coverThread) {
        if (o.verbose) write(o.out, `building ${plural(total, 'work')}, ${threads} at a time${coverThread ? ', covers in a second thread' : ''}`);
      },
      done(w) {
        const diags = w.diagnostics.filter((d) => (o.mode === 'quiet' ? d.severity === 'error' : shown(d, o.verbose)));
        diags.forEach((d) => write(o.err, formatDiagnostic(d)));
        if (o.mode === 'lines') write(o.out, workLine(w, o.verbose, o.color));
      },
      finish: () => undefined,
    };
  }
  // Writing beside a live bar garbles it, so diagnostics wait until it stops.
  const held: string[] = [];
  const bar = new cliProgress.SingleBar(
    { stream: o.err, format: '{bar} {value}/{total} works | ETA {eta_formatted} | {work}', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { work: '' }),
    done(w, finished) {
      bar.update(finished, { work: w.title ?? w.source });
      w.diagnostics.filter((d) => shown(d, o.verbose)).forEach((d) => held.push(formatDiagnostic(d)));
      if (o.verbose || !w.ok) held.push(workLine(w, o.verbose, o.color));
    },
    finish() {
      bar.stop();
      held.forEach((line) => write(o.err, line));
    },
  };
}

const plural = (n: number, noun: string): string => `${groupThousands(n)} ${noun}${n === 1 ? '' : 's'}`;
