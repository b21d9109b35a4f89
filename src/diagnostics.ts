/**
 * Messages about a work, collected rather than printed: every stage returns
 * them beside its result, and only the CLI decides how to show them.
 */

import type { ErrorCode, UsageErrorCode } from './errors.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** A stable id such as `no-title` or `mojibake-repaired`. */
  code: string;
  /** What is wrong and, where it helps, what to do about it. */
  message: string;
  file?: string;
  line?: number;
}

/** An error that stops one work. It carries a diagnostic people can act on, with a code from errors.ts. */
export class QuireError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Omit<Diagnostic, 'severity' | 'code'> & { code: ErrorCode }) {
    super(diagnostic.message);
    this.name = 'QuireError';
    this.diagnostic = { severity: 'error', ...diagnostic };
  }
}

/**
 * A request quire cannot carry out as asked: an unknown flag, a bad option
 * value, a config file it cannot use. Nothing is built; the command exits 2.
 */
export class UsageError extends QuireError {
  constructor(message: string, options: { code?: UsageErrorCode; file?: string; line?: number } = {}) {
    const { code = 'bad-usage', ...where } = options;
    super({ code, message, ...where });
    this.name = 'UsageError';
  }
}

/** `file:line: message`, the form editors and CI logs link to. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : '';
  const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note';
  return `${where}${level}: ${d.message} [${d.code}]`;
}

/** A collector that stages push to; keeps the file name in one place. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  constructor(readonly file?: string) {}
  add(severity: Severity, code: string, message: string, line?: number): void {
    const d: Diagnostic = { severity, code, message };
    if (this.file !== undefined) d.file = this.file;
    if (line !== undefined) d.line = line;
    this.list.push(d);
  }
  warn(code: string, message: string, line?: number): void {
    this.add('warning', code, message, line);
  }
  info(code: string, message: string, line?: number): void {
    this.add('info', code, message, line);
  }
}
