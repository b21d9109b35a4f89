/**
 * `quire.config.json` / `.yaml`: every build setting, found upward from the
 * working directory so a CI job and a person in a subfolder get the same
 * settings. Paths in it are relative to the file, not to the cwd. Anything
 * wrong with it is a usage error naming the file: nothing is built.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { QuireError, UsageError } from '../diagnostics.js';
import { ioReason } from '../ioerror.js';
import { parseYaml } from '../read/frontmatter.js';
import { readSettings, type Requested } from './settings.js';

export const CONFIG_NAMES = ['quire.config.json', 'quire.config.yaml', 'quire.config.yml'];

/** The nearest config file at or above `dir`, if any. */
export function findConfig(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const found = CONFIG_NAMES.map((n) => path.join(d, n)).find((f) => existsSync(f));
    if (found) return found;
    if (path.dirname(d) === d) return undefined;
  }
}

/** Reads a config file into what it asks for, its paths made absolute. */
export async function loadConfig(file: string): Promise<Requested> {
  const bad = (message: string, line?: number): never => {
    throw new UsageError(message, { code: 'bad-config', file, ...(line ? { line } : {}) });
  };
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    bad(`cannot read the config file: ${ioReason(e)}`);
  }
  let data: unknown;
  if (file.endsWith('.json')) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      bad(`invalid JSON: ${(e as Error).message}`);
    }
  } else {
    try {
      data = await parseYaml(text, file);
    } catch (e) {
      if (!(e instanceof QuireError)) throw e;
      bad(e.diagnostic.message, e.diagnostic.line);
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) bad('a config file must be a mapping of option names to values, such as "out: books"');
  const { config: _nested, ...settings } = data as Record<string, unknown>;
  if (_nested !== undefined) bad('"config" names a config file; a config file cannot name another');
  return readSettings(settings, { config: file });
}
