/**
 * The command line's options. Defaults are not given to yargs: a flag left
 * out must not hide a config file's value, so the plan (batch/plan.ts) fills
 * them in; the help shows each default once, from `defaultDescription`.
 */
import type { Argv, Options } from 'yargs';
import type { SettingName } from '../batch/settings.js';

const META = {
  title: { type: 'string', describe: 'Set the title (wins over what the story says)' },
  author: { type: 'string', array: true, describe: 'Set the author; repeat for several' },
  lang: { type: 'string', describe: 'Set the language, a BCP 47 tag such as en or pt-BR' },
  cover: { type: 'string', describe: 'Use this image (JPEG, PNG, GIF, WebP or SVG) as the cover' },
  'allow-root': { type: 'string', array: true, describe: 'Also let cover paths point into this folder' },
} satisfies Partial<Record<SettingName, Options>>;

// `jobs` and `shard` arrive as text: batch/settings.ts checks them, with the same words for a flag and a config key.
const BUILD = {
  out: { alias: 'o', type: 'string', describe: 'Output folder', defaultDescription: 'out' },
  jobs: { alias: 'j', type: 'string', describe: 'At most N threads converting works', defaultDescription: 'number of cores' },
  force: { type: 'boolean', describe: 'Rebuild works the cache says are unchanged' },
  strict: { type: 'boolean', describe: 'Fail a work that has warnings' },
  check: { type: 'boolean', describe: 'Validate each book with EPUBCheck; fail it on any error' },
  shard: { type: 'string', describe: 'Build only part I of N (e.g. 2/4), split by a hash of each path' },
  json: { type: 'boolean', describe: 'Print the report as JSON on stdout' },
  report: { type: 'string', describe: 'Also write the JSON report to FILE' },
  quiet: { alias: 'q', type: 'boolean', describe: 'Print errors only' },
  verbose: { alias: 'v', type: 'boolean', describe: 'Print notes and timings too' },
  watch: { alias: 'w', type: 'boolean', describe: 'Rebuild a work when its files change' },
  typography: { type: 'boolean', describe: 'Curly quotes, dashes and ellipses; --no-typography keeps the text as written', defaultDescription: 'on' },
  'dash-style': { choices: ['em', 'spaced-en'], describe: 'Dashes between words: word—word (em) or word – word (spaced-en)', defaultDescription: "the book language's" },
  kepub: { type: 'boolean', describe: 'Also write NAME.kepub.epub for Kobo readers' },
} satisfies Partial<Record<SettingName, Options>>;

const CONFIG = { type: 'string', describe: 'Read settings from FILE', defaultDescription: 'quire.config.json/.yaml/.yml here or in a folder above' } satisfies Options;

/** `quire send`'s own flags; it also takes the build's, but for --watch, --shard and --report. */
const SEND = {
  to: { type: 'string', describe: "The reader's mount point, or any folder", defaultDescription: 'the one mounted reader' },
  device: { choices: ['kobo', 'kindle', 'pocketbook', 'tolino', 'koreader', 'generic'], describe: 'What the reader is, over what its files say' },
  folder: { type: 'string', describe: "Subfolder for quire's books, inside the reader's own book folder", defaultDescription: 'quire' },
  'dry-run': { type: 'boolean', describe: 'Print what would be copied and removed; write nothing on the reader' },
  prune: { type: 'boolean', describe: "Remove quire's own books whose story is gone" },
} satisfies Record<string, Options>;

/** `quire serve`'s own flags; it also takes the build's, but for --watch (it always rebuilds), --shard, --report and --json. */
const SERVE = {
  port: { type: 'string', describe: 'TCP port (0: any free one)', defaultDescription: '8080' },
  host: { type: 'string', describe: 'Address to listen on; 0.0.0.0 for the whole network', defaultDescription: '127.0.0.1' },
} satisfies Record<string, Options>;

const SEND_BUILD = ['out', 'jobs', 'force', 'strict', 'check', 'json', 'quiet', 'verbose', 'typography', 'dash-style'] as const;
const SERVE_BUILD = ['out', 'jobs', 'force', 'strict', 'check', 'quiet', 'verbose', 'typography', 'dash-style', 'kepub'] as const;
const pick = <K extends keyof typeof BUILD>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, BUILD[k]])) as Pick<typeof BUILD, K>;

const INSPECT = {
  json: { type: 'boolean', describe: 'Print JSON' },
  lines: { type: 'boolean', describe: 'Also list every line and the rule that read it' },
} satisfies Record<string, Options>;

export const buildOptions = <T>(y: Argv<T>) =>
  y.positional('inputs', { type: 'string', array: true, describe: 'Story files or folders', defaultDescription: 'stories' }).options(META).options(BUILD).option('config', CONFIG);

export const sendOptions = <T>(y: Argv<T>) =>
  y
    .positional('inputs', { type: 'string', array: true, describe: 'Story files or folders', defaultDescription: 'stories' })
    .options(SEND)
    .options(META)
    .options(pick(SEND_BUILD))
    .option('config', CONFIG);

export const serveOptions = <T>(y: Argv<T>) =>
  y
    .positional('inputs', { type: 'string', array: true, describe: 'Story files or folders', defaultDescription: 'stories' })
    .options(SERVE)
    .options(META)
    .options(pick(SERVE_BUILD))
    .option('config', CONFIG);

export const inspectOptions = <T>(y: Argv<T>) => y.positional('file', { type: 'string', describe: 'The story file or folder work to read' }).options(META).options(INSPECT);

/** Every flag a command takes, by long name and alias, for "did you mean". */
export const FLAGS: Readonly<Record<string, readonly string[]>> = {
  build: [...names(META), ...names(BUILD), 'config', 'help', 'version'],
  inspect: [...names(META), ...names(INSPECT), 'help', 'version'],
  send: [...names(SEND), ...names(META), ...names(pick(SEND_BUILD)), 'config', 'help', 'version'],
  serve: [...names(SERVE), ...names(META), ...names(pick(SERVE_BUILD)), 'config', 'help', 'version'],
};

function names(options: Record<string, Options>): string[] {
  return Object.entries(options).flatMap(([name, o]) => [name, ...(typeof o.alias === 'string' ? [o.alias] : [])]);
}

/** The settings a command line gave: only flags actually written, by their long names. */
export function givenSettings(argv: Record<string, unknown>, names: readonly SettingName[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => argv[n] !== undefined).map((n) => [n, argv[n]]));
}

export const BUILD_SETTINGS = Object.keys({ ...META, ...BUILD }) as SettingName[];
export const META_SETTINGS = Object.keys(META) as SettingName[];
export const SEND_SETTINGS = [...META_SETTINGS, ...SEND_BUILD] as SettingName[];
export const SERVE_SETTINGS = [...META_SETTINGS, ...SERVE_BUILD] as SettingName[];
