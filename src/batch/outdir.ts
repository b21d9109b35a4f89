/**
 * Makes the output folder ready before any work is read: created one level at
 * a time, proved writable, cleared of a killed run's leftovers. A folder that
 * cannot be used fails the whole build once, with the reason in words,
 * instead of every work failing the same way.
 */
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { QuireError } from '../diagnostics.js';
import { ioReason, processAlive, systemCode } from '../ioerror.js';

// `.quire-<pid>-<run>-<work>.tmp`: the pid says whose it is, the run number
// keeps two builds in one process apart.
export const TMP = /^\.quire-(\d+)-.*\.tmp$/;

export async function prepareOut(out: string): Promise<void> {
  const fail = (message: string): never => {
    throw new QuireError({ code: 'unwritable-out', message, file: out });
  };
  await makeFolders(out).catch((e: unknown) => fail(systemCode(e) ? `cannot create the output folder: ${ioReason(e)}` : (e as Error).message));
  // A folder that exists may still refuse files (permissions, a read-only mount): find out once, here.
  const probe = path.join(out, `.quire-${process.pid}-probe.tmp`);
  try {
    await (await open(probe, 'w')).close();
    await rm(probe, { force: true });
  } catch (e) {
    fail(`cannot write in the output folder: ${ioReason(e)}`);
  }
  // Leftovers of a killed run: never a finished book, safe to drop once the
  // process that wrote them is gone (another quire may be building here now).
  for (const name of await readdir(out).catch(() => [])) {
    const pid = TMP.exec(name)?.[1];
    if (pid !== undefined && !processAlive(Number(pid))) await rm(path.join(out, name), { force: true }).catch(() => undefined);
  }
}

/**
 * `mkdir -p`, one level at a time. Node's recursive mkdir retries forever
 * where a file system refuses a new folder with ENOENT although its parent
 * exists (`/proc`); here each level is made once, and a refusal names it.
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const info = await stat(d).catch((e: unknown) => (systemCode(e) === 'ENOENT' ? undefined : Promise.reject(e)));
    if (info) {
      if (!info.isDirectory())
        throw new Error(d === path.resolve(dir) ? 'cannot create the output folder: a file of that name is in the way' : `cannot create the output folder: ${d} is a file, not a folder`);
      break;
    }
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (e) {
      const code = systemCode(e);
      // Made meanwhile by another build: fine if it is a folder.
      if (code === 'EEXIST' && (await stat(d)).isDirectory()) continue;
      const why = code === 'ENOENT' ? `${path.dirname(d)} does not take new folders (ENOENT)` : ioReason(e);
      throw new Error(`cannot create ${d === path.resolve(dir) ? 'the output folder' : d}: ${why}`, { cause: e });
    }
  }
}
