import { execFile } from 'node:child_process';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a client program; never throws, so a test can assert on its exit code and output. */
export function run(cmd: string, args: string[], options: { cwd?: string; timeout?: number } = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { maxBuffer: 64 * 1024 * 1024, timeout: options.timeout ?? 120_000, ...(options.cwd ? { cwd: options.cwd } : {}), env: { ...process.env, LANG: 'C.UTF-8' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code?: number }).code ?? 1) || 1 : 0, stdout, stderr, ms: performance.now() - started });
      },
    );
  });
}

/** Runs `fn` over `items`, at most `limit` at a time (CI has two cores). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
