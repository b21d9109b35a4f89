import { execFile } from 'node:child_process';
import { cliPath, repoRoot } from './build.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The env a CI job has: no TTY, CI=true, a fixed build date. */
export const ciEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '', ...extra });

/** Runs the built CLI (or another copy of it, `cli`) as a user would and collects its exit code and output. */
export function quire(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; cli?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [opts.cli ?? cliPath, ...args], { cwd: opts.cwd ?? repoRoot, env: opts.env ?? ciEnv(), maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
