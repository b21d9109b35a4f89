import { QuireError, type Diagnostic } from './diagnostics.js';

/** An operating-system error in words a user can act on, with its code for searching. */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    EEXIST: 'a file of that name is in the way',
    ENOTDIR: 'a file stands where a folder is needed',
    EISDIR: 'a folder stands where a file is needed',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'too many symbolic links (a symlink loop?)',
    ENOENT: 'no such file or folder',
  };
  if (code && words[code]) return `${words[code]} (${code})`;
  return code ?? (e as Error)?.message ?? String(e);
}

/** A failure a user can act on becomes a diagnostic; anything else is a bug and keeps its message. */
export function toDiagnostic(e: unknown, file: string): Diagnostic {
  if (e instanceof QuireError) return e.diagnostic;
  return { severity: 'error', code: 'internal', message: `internal error: ${(e as Error)?.message ?? String(e)}`, file };
}
