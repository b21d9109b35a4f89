import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { QuireError } from '../../src/index.js';
import { buildFile, cliPath, repoRoot } from './build.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function quire(args: string[], cwd = repoRoot): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { cwd, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

export const tmpDir = (prefix = 'quire-harden-') => mkdtemp(path.join(os.tmpdir(), prefix));

/** The QuireError a build of `file` fails with; fails the test if it builds or throws anything else. */
export async function buildError(file: string): Promise<QuireError> {
  const error = await buildFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QuireError);
  return error as QuireError;
}

/** stderr of a failed CLI run: one line per problem, each naming a file, never a stack trace. */
export function expectCleanFailure(run: Run, file: string, message: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(/^\s{4}at /m);
  const lines = run.stderr.trim().split('\n');
  expect(lines.some((l) => l.startsWith(`${file}`) && message.test(l))).toBe(true);
}
