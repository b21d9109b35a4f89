/**
 * The build's settings by the names people write: a flag's long name and a
 * config file's key are the same word. Both the command line and a config
 * file are read here, into the options the batch runs on, so the two agree on
 * every name, type and path.
 */
import path from 'node:path';
import { UsageError } from '../diagnostics.js';
import type { MetaLayer } from '../metadata/metadata.js';
import { closest } from '../suggest.js';
import { parseShard } from './shard.js';
import type { SessionOptions } from './types.js';

type Kind = 'flag' | 'count' | 'text' | 'texts' | 'path' | 'paths' | readonly string[];

/** Every setting of `quire build`, and what kind of value it takes. */
export const SETTINGS = {
  inputs: 'paths',
  out: 'path',
  jobs: 'count',
  force: 'flag',
  strict: 'flag',
  check: 'flag',
  shard: 'text',
  json: 'flag',
  report: 'path',
  quiet: 'flag',
  verbose: 'flag',
  watch: 'flag',
  title: 'text',
  author: 'texts',
  lang: 'text',
  cover: 'text',
  'allow-root': 'paths',
  typography: 'flag',
  'dash-style': ['em', 'spaced-en'],
  kepub: 'flag',
} as const satisfies Record<string, Kind>;

export type SettingName = keyof typeof SETTINGS;

/** Where settings came from: the command line, or a config file (whose paths are relative to it). */
export type Origin = { flags: true } | { config: string };

/** What a set of settings asks for, in the batch's own terms. */
export interface Requested {
  inputs?: string[];
  options: Partial<SessionOptions>;
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Reads settings (`{ out: 'books', 'allow-root': [...] }`; camelCase names
 * too) into options. Anything unknown or of the wrong kind is a usage error
 * naming the flag, or the config file and its key.
 */
export function readSettings(values: Readonly<Record<string, unknown>>, origin: Origin): Requested {
  const file = 'config' in origin ? origin.config : undefined;
  const named = (key: string) => (file ? `"${key}"` : `--${key}`);
  const fail = (message: string): never => {
    throw new UsageError(message, file ? { code: 'bad-config', file } : {});
  };
  const resolve = (p: string) => (file ? path.resolve(path.dirname(file), p) : p);
  const options: Partial<SessionOptions> = {};
  const meta: MetaLayer = {};
  let inputs: string[] | undefined;
  for (const [raw, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const key = kebab(raw);
    if (!(key in SETTINGS)) {
      const near = closest(key, Object.keys(SETTINGS));
      fail(`unknown option ${named(key)}${near ? `; did you mean ${named(near)}?` : ''}`);
    }
    const kind: Kind = SETTINGS[key as SettingName];
    const text = (): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : fail(`${named(key)} must be text, not ${JSON.stringify(value)}`));
    const texts = (): string[] =>
      (Array.isArray(value) ? value : [value]).map((v) =>
        typeof v === 'string' || typeof v === 'number' ? String(v) : fail(`${named(key)} must be text or a list of text, not ${JSON.stringify(value)}`),
      );
    if (kind === 'flag' && typeof value !== 'boolean') fail(`${named(key)} must be true or false, not ${JSON.stringify(value)}`);
    switch (key as SettingName) {
      case 'inputs':
        inputs = texts().map(resolve);
        break;
      case 'out':
        options.out = resolve(text());
        break;
      case 'report':
        options.report = resolve(text());
        break;
      case 'jobs': {
        const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) fail(`${named(key)} must be a whole number of at least 1, not ${JSON.stringify(value)}`);
        options.jobs = n as number;
        break;
      }
      case 'shard': {
        const shard = parseShard(text());
        if (!shard) fail(`${named(key)} must be I/N with 1 ≤ I ≤ N, such as 1/4, not "${text()}"`);
        options.shard = shard!;
        break;
      }
      case 'dash-style': {
        const choice = text();
        if (choice !== 'em' && choice !== 'spaced-en') fail(`${named(key)} must be "em" or "spaced-en", not "${choice}"`);
        options.dashStyle = choice as 'em' | 'spaced-en';
        break;
      }
      case 'allow-root':
        options.allowRoots = texts().map(resolve);
        break;
      case 'title':
        meta.title = text();
        break;
      case 'author':
        meta.authors = texts().map((name) => ({ name }));
        break;
      case 'lang':
        meta.language = text();
        break;
      case 'cover':
        meta.cover = text();
        break;
      default:
        // The flags: force, strict, check, json, quiet, verbose, watch, typography, kepub.
        options[key as 'force'] = value as boolean;
    }
  }
  if (Object.keys(meta).length) options.meta = meta;
  return inputs ? { inputs, options } : { options };
}
