import { QuireError, type Diagnostic } from './diagnostics.js';

// What the operating system said, in the words people use for it.
const WORDS: Readonly<Record<string, string>> = {
  EEXIST: 'a file of that name is in the way',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands where a file is needed',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota used up',
  EFBIG: 'file too large for this file system',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links (a symlink loop?)',
  ENOENT: 'no such file or folder',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error (a failing disk or a lost network drive?)',
  EBUSY: 'the file is busy',
  ENOMEM: 'out of memory',
  ETXTBSY: 'the file is busy',
};

/** The operating system's error code (`ENOSPC` …), if `e` is a system error. */
export const systemCode = (e: unknown): string | undefined => {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
};

/** An operating-system error in words a user can act on, with its code for searching. */
export function ioReason(e: unknown): string {
  const code = systemCode(e);
  if (code) return `${WORDS[code] ?? 'system error'} (${code})`;
  return (e as Error)?.message ?? String(e);
}

/**
 * Any failure as a diagnostic: a QuireError keeps its own; a system error
 * (a full disk, a permission) is named for people, since it is theirs to fix;
 * anything else is a bug in quire and says so.
 */
export function toDiagnostic(e: unknown, file: string): Diagnostic {
  if (e instanceof QuireError) return e.diagnostic;
  if (systemCode(e)) {
    const where = (e as NodeJS.ErrnoException).path;
    return { severity: 'error', code: 'system', message: `${ioReason(e)}${where && where !== file ? ` at ${where}` : ''}`, file };
  }
  return { severity: 'error', code: 'internal', message: `internal error (a bug in quire; please report it): ${(e as Error)?.message ?? String(e)}`, file };
}

/** Whether process `pid` is running (whoever's it is): a temporary file it names is still being written. */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return systemCode(e) === 'EPERM';
  }
}
