/**
 * `--check`: EPUBCheck on every output. Debian's Java EPUBCheck when Java and
 * its jar are installed (the reference), in one long-lived JVM because a JVM
 * per book costs seconds; the npm port otherwise.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Diagnostic, Severity } from '../diagnostics.js';

export interface Checker {
  readonly name: string;
  check(file: string, shownAs: string): Promise<Diagnostic[]>;
  close(): void;
}

const JAR = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';
const SERVER = new URL('../../java/EpubCheckServer.java', import.meta.url).pathname;

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, cmd)));
}

const severityOf = (s: string): Severity => (s === 'WARNING' || s === 'warning' ? 'warning' : 'error');
const diag = (severity: Severity, message: string, file: string): Diagnostic => ({ severity, code: 'epubcheck', message, file });

/** Whether Debian's Java EPUBCheck can run here. */
export const javaEpubcheckAvailable = (): boolean => existsSync(JAR) && onPath('java');

export interface CheckerOptions {
  /** The JVM must not keep this process alive (a test worker that never calls close()). */
  background?: boolean;
}

function javaChecker(options: CheckerOptions): Checker {
  const child = spawn('java', ['-Xss1024k', '-cp', JAR, SERVER], { stdio: ['pipe', 'pipe', 'ignore'] });
  if (options.background) {
    child.unref();
    for (const stream of [child.stdin, child.stdout]) (stream as unknown as { unref?: () => void }).unref?.();
  }
  const waiting: Array<(line: string | undefined) => void> = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  child.on('exit', () => waiting.splice(0).forEach((w) => w(undefined)));
  child.on('error', () => undefined);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    name: 'EPUBCheck (Java)',
    check(file, shownAs) {
      const result = queue.then(
        () =>
          new Promise<Diagnostic[]>((resolve) => {
            waiting.push((line) => {
              if (line === undefined) return resolve([diag('error', 'EPUBCheck stopped before it checked this book', shownAs)]);
              resolve(line ? line.split('\t').map((m) => diag(severityOf(m.split(' ')[0] ?? ''), m, shownAs)) : []);
            });
            child.stdin.write(`${file}\n`);
          }),
      );
      queue = result.catch(() => undefined);
      return result;
    },
    close: () => child.stdin.end(),
  };
}

function npmChecker(): Checker {
  return {
    name: 'epubcheck-ts',
    async check(file, shownAs) {
      const { EpubCheck } = await import('@likecoin/epubcheck-ts');
      const result = await EpubCheck.validate(await readFile(file));
      return result.messages
        .filter((m) => m.severity === 'fatal' || m.severity === 'error' || m.severity === 'warning')
        .map((m) => diag(severityOf(m.severity), `${m.severity.toUpperCase()} ${m.id} ${m.location?.path ?? ''}${m.location?.line ? `:${m.location.line}` : ''} ${m.message}`, shownAs));
    },
    close: () => undefined,
  };
}

/** The best validator this machine has, or the npm port when asked for it. */
export function createChecker(kind: 'best' | 'npm' = 'best', options: CheckerOptions = {}): Checker {
  return kind === 'best' && javaEpubcheckAvailable() ? javaChecker(options) : npmChecker();
}

export const EPUBCHECK_JAR = JAR;
