/**
 * Every EPUB a test builds goes through here: the npm port of EPUBCheck
 * always, and Debian's Java EPUBCheck whenever it is installed (in CI it must be).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EpubCheck } from '@likecoin/epubcheck-ts';
import { createChecker, EPUBCHECK_JAR, javaEpubcheckAvailable, type Checker } from '../../src/batch/check.js';

// The same long-lived JVM client `quire build --check` uses, one per test worker.
let java: Checker | undefined;

let tmpDir: string | undefined;

/** Warnings and errors from every validator we have; `[]` means the book is valid. */
export async function validateEpub(epub: Uint8Array, name = 'book.epub'): Promise<string[]> {
  const result = await EpubCheck.validate(epub);
  const problems = result.messages
    .filter((m) => m.severity === 'fatal' || m.severity === 'error' || m.severity === 'warning')
    .map((m) => `epubcheck-ts ${m.severity} ${m.id}: ${m.message}${m.location ? ` at ${m.location.path}:${m.location.line ?? ''}` : ''}`);
  // `npm run test:fast` (QUIRE_FAST) checks with the npm port alone: the JVM's start-up is most of a fast run.
  if (javaEpubcheckAvailable() && !process.env.QUIRE_FAST) {
    tmpDir ??= await mkdtemp(path.join(os.tmpdir(), 'quire-check-'));
    const file = path.join(tmpDir, `${process.pid}-${Math.random().toString(36).slice(2)}-${path.basename(name)}`);
    await writeFile(file, epub);
    java ??= createChecker('best', { background: true });
    problems.push(...(await java.check(file, name)).map((d) => `EPUBCheck ${d.message}`));
  } else if (process.env.CI && !process.env.QUIRE_FAST) {
    problems.push(`EPUBCheck (java and ${EPUBCHECK_JAR}) is not installed; CI must validate with it (apt-get install -y epubcheck)`);
  }
  return problems;
}
