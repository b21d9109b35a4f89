/**
 * Every EPUB a test builds goes through here: the npm port of EPUBCheck
 * always, and Debian's Java EPUBCheck whenever it is installed (in CI it must be).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { EpubCheck } from '@likecoin/epubcheck-ts';

export const JAVA_EPUBCHECK = process.env.EPUBCHECK_JAR ?? '/usr/share/java/epubcheck.jar';
const SERVER = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'java', 'EpubCheckServer.java');

let server: { child: ChildProcessWithoutNullStreams; waiting: Array<(line: string) => void>; queue: Promise<unknown> } | undefined;

export function javaEpubcheckAvailable(): boolean {
  return existsSync(JAVA_EPUBCHECK);
}

function startServer() {
  const child = spawn('java', ['-Xss1024k', '-cp', JAVA_EPUBCHECK, SERVER], { stdio: ['pipe', 'pipe', 'pipe'] });
  const waiting: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  child.stderr.resume();
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  return { child, waiting, queue: Promise.resolve() as Promise<unknown> };
}

/** Java EPUBCheck's warnings and errors for one file, through one long-lived JVM per test worker. */
function javaCheck(file: string): Promise<string[]> {
  server ??= startServer();
  const s = server;
  const result = s.queue.then(
    () =>
      new Promise<string[]>((resolve) => {
        s.waiting.push((line) => resolve(line ? line.split('\t') : []));
        s.child.stdin.write(`${file}\n`);
      }),
  );
  s.queue = result.catch(() => undefined);
  return result;
}

let tmpDir: string | undefined;

/** Warnings and errors from every validator we have; `[]` means the book is valid. */
export async function validateEpub(epub: Uint8Array, name = 'book.epub'): Promise<string[]> {
  const result = await EpubCheck.validate(epub);
  const problems = result.messages
    .filter((m) => m.severity === 'fatal' || m.severity === 'error' || m.severity === 'warning')
    .map((m) => `epubcheck-ts ${m.severity} ${m.id}: ${m.message}${m.location ? ` at ${m.location.path}:${m.location.line ?? ''}` : ''}`);
  if (javaEpubcheckAvailable()) {
    tmpDir ??= await mkdtemp(path.join(os.tmpdir(), 'quire-check-'));
    const file = path.join(tmpDir, `${process.pid}-${Math.random().toString(36).slice(2)}-${path.basename(name)}`);
    await writeFile(file, epub);
    problems.push(...(await javaCheck(file)).map((m) => `EPUBCheck ${m}`));
  } else if (process.env.CI) {
    problems.push(`EPUBCheck is not installed at ${JAVA_EPUBCHECK}; CI must validate with it (apt-get install -y epubcheck)`);
  }
  return problems;
}
