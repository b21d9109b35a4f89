import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The full path of a program on PATH, or undefined when it is not installed. */
export function which(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
