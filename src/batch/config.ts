/**
 * `quire.config.json` / `.yaml`: every CLI option, found upward from the
 * working directory so a CI job and a person in a subfolder get the same
 * settings. Paths in it are relative to the file, not to the cwd.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { QuireError } from '../diagnostics.js';
import { parseYaml } from '../read/frontmatter.js';

export const CONFIG_NAMES = ['quire.config.json', 'quire.config.yaml', 'quire.config.yml'];
const PATH_KEYS = ['out', 'report'];

/** The nearest config file at or above `dir`, if any. */
export function findConfig(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const found = CONFIG_NAMES.map((n) => path.join(d, n)).find((f) => existsSync(f));
    if (found) return found;
    if (path.dirname(d) === d) return undefined;
  }
}

/** Reads a config file into option values, with its paths made absolute. */
export async function loadConfig(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8');
  let data: unknown;
  if (file.endsWith('.json')) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new QuireError({ code: 'bad-config', message: `invalid JSON: ${(e as Error).message}`, file });
    }
  } else {
    data = await parseYaml(text, file);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new QuireError({ code: 'bad-config', message: 'a config file must be a mapping of option names to values', file });
  }
  const dir = path.dirname(file);
  const config: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const key of PATH_KEYS) if (typeof config[key] === 'string') config[key] = path.resolve(dir, config[key] as string);
  if (config.inputs !== undefined) {
    const list = Array.isArray(config.inputs) ? config.inputs : [config.inputs];
    config.inputs = list.map((p) => path.resolve(dir, String(p)));
  }
  return config;
}
