// yargs wiring only: argv → options → API → exit code. The only file that prints.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { MetaLayer } from '../metadata/metadata.js';
import { buildSession, type SessionOptions } from '../batch/session.js';
import { findConfig, loadConfig } from '../batch/config.js';
import { parseShard } from '../batch/shard.js';
import type { Shard } from '../batch/types.js';
import { quireVersion } from '../batch/version.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

interface MetaFlags {
  title?: string | undefined;
  author?: string[] | undefined;
  lang?: string | undefined;
  cover?: string | undefined;
}

function metaFromFlags(argv: MetaFlags): MetaLayer {
  const meta: MetaLayer = {};
  if (argv.title) meta.title = argv.title;
  if (argv.author?.length) meta.authors = argv.author.map((name) => ({ name }));
  if (argv.lang) meta.language = argv.lang;
  if (argv.cover) meta.cover = argv.cover;
  return meta;
}

function sourceDateEpoch(): number | undefined {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${raw}"`);
  return n;
}

class UsageError extends Error {}

const metaOptions = (y: Argv) =>
  y
    .option('title', { type: 'string', describe: 'Set the title (wins over what the story says)' })
    .option('author', { type: 'string', array: true, describe: 'Set the author; repeat for several' })
    .option('lang', { type: 'string', describe: 'Set the language, a BCP 47 tag such as en or pt-BR' })
    .option('cover', { type: 'string', describe: 'Use this image (JPEG, PNG, GIF, WebP or SVG) as the cover' })
    .option('allow-root', { type: 'string', array: true, describe: 'Also let cover paths point into this folder' });

const batchOptions = <T>(y: Argv<T>) =>
  y
    .option('out', { alias: 'o', type: 'string', default: 'out', describe: 'Output folder' })
    .option('jobs', { alias: 'j', type: 'number', describe: 'Works built at once [default: number of cores]' })
    .option('force', { type: 'boolean', default: false, describe: 'Rebuild works the cache says are unchanged' })
    .option('strict', { type: 'boolean', default: false, describe: 'Fail a work that has warnings' })
    .option('check', { type: 'boolean', default: false, describe: 'Validate each book with EPUBCheck; fail it on any error' })
    .option('shard', { type: 'string', describe: 'Build only part I of N (e.g. 2/4), split by a hash of each path' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the report as JSON on stdout' })
    .option('report', { type: 'string', describe: 'Write the JSON report to FILE' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print errors only' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'Print notes and timings too' })
    .option('watch', { alias: 'w', type: 'boolean', default: false, describe: 'Rebuild a work when its files change' })
    .option('config', { type: 'string', describe: 'Config file [default: quire.config.json/.yaml found upward]' })
    .option('typography', { type: 'boolean', default: true, describe: 'Curly quotes, dashes and ellipses (--no-typography keeps the text as written)' })
    .option('dash-style', { choices: ['em', 'spaced-en'] as const, describe: "Dashes between words: word—word or word – word (default: the book language's)" })
    .option('kepub', { type: 'boolean', default: false, describe: 'Also write NAME.kepub.epub for Kobo readers' })
    .check((argv) => {
      if (argv.jobs !== undefined && (!Number.isInteger(argv.jobs) || argv.jobs < 1)) throw new UsageError('--jobs must be a whole number of at least 1');
      if (argv.shard !== undefined) shardFrom(argv.shard);
      if (argv.quiet && argv.verbose) throw new UsageError('--quiet and --verbose contradict each other');
      return true;
    });

function shardFrom(text: string): Shard {
  const shard = parseShard(String(text));
  if (!shard) throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N, such as 1/4, not "${text}"`);
  return shard;
}

/** The config file's values: `inputs` apart, because yargs gives positionals no config. */
async function readConfig(args: string[]): Promise<{ values: Record<string, unknown>; inputs?: string[] }> {
  const named = args.findIndex((a) => a === '--config' || a.startsWith('--config='));
  const explicit = named === -1 ? undefined : args[named]!.includes('=') ? args[named]!.split('=').slice(1).join('=') : args[named + 1];
  const file = explicit ?? findConfig(process.cwd());
  if (!file) return { values: {} };
  if (explicit && !existsSync(explicit)) throw new UsageError(`no such config file: ${explicit}`);
  const { inputs, ...values } = await loadConfig(file);
  return Array.isArray(inputs) ? { values, inputs: inputs as string[] } : { values };
}

const print = (d: Diagnostic) => console.error(formatDiagnostic(d));

async function main(): Promise<number> {
  let exit = EXIT_OK;
  const config = process.argv[2] === 'build' ? await readConfig(hideBin(process.argv)) : { values: {} as Record<string, unknown>, inputs: undefined };
  const cli = yargs(hideBin(process.argv));
  skipHelpLayout(cli);
  await cli
    .scriptName('quire')
    .usage('$0 <command> [options]\n\nTurn story files into EPUB 3 ebooks.')
    .command(
      'build [inputs..]',
      'Build one EPUB per story, in parallel and incrementally',
      (y) => batchOptions(metaOptions(y.positional('inputs', { type: 'string', array: true, describe: 'Story files or folders [default: stories]' }))).config(config.values),
      async (argv) => {
        const given = (argv.inputs ?? []) as string[];
        const inputs = given.length ? given : config.inputs ?? ['stories'];
        const options: SessionOptions = {
          out: argv.out,
          jobs: argv.jobs ?? availableParallelism(),
          force: argv.force,
          strict: argv.strict,
          check: argv.check,
          quiet: argv.quiet,
          verbose: argv.verbose,
          json: argv.json,
          watch: argv.watch,
          meta: metaFromFlags(argv),
          typography: argv.typography,
          ...(argv.dashStyle ? { dashStyle: argv.dashStyle } : {}),
          kepub: argv.kepub,
          allowRoots: argv.allowRoot ?? [],
          ...(argv.report ? { report: argv.report } : {}),
          ...(argv.shard === undefined ? {} : { shard: shardFrom(argv.shard) }),
          ...withEpoch(),
        };
        const stop = new AbortController();
        // Only a watch is stopped gently; any other build keeps Ctrl-C's default.
        if (options.watch) process.once('SIGINT', () => stop.abort());
        exit = await buildSession(inputs, options, { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: stop.signal });
      },
    )
    .command(
      'inspect <file>',
      'Show how quire reads a story, line by line',
      (y) => metaOptions(y.positional('file', { type: 'string', demandOption: true }))
        .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
        .option('lines', { type: 'boolean', default: false, describe: 'Also list every line and the rule that read it' }),
      async (argv) => {
        // Loaded here: `build` should not pay for what only inspect uses.
        const [{ inspect }, { inspectionJson, inspectionText }] = await Promise.all([import('../index.js'), import('./inspect.js')]);
        const result = await inspect(String(argv.file), { meta: metaFromFlags(argv), ...withEpoch() });
        const file = String(argv.file);
        console.log(argv.json ? JSON.stringify(inspectionJson(result), null, 2) : inspectionText(result, file, argv.lines));
      },
    )
    .demandCommand(1, 'Name a command: build or inspect')
    .strict()
    .version(quireVersion)
    .help()
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    })
    .parseAsync();
  return exit;
}

/**
 * yargs lays out the whole help text each time a command starts, to have it at
 * hand should the command later ask for it. quire's commands never do (a usage
 * error throws instead), and that layout measures every line with string-width,
 * about 20 ms before a build starts. Reaches into yargs's internals, so it
 * only replaces what is there: if yargs changes, help is laid out as before.
 */
function skipHelpLayout(cli: Argv): void {
  type Internals = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = (cli as unknown as Internals).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

const withEpoch = () => {
  const epoch = sourceDateEpoch();
  return epoch === undefined ? {} : { sourceDateEpoch: epoch };
};

// A reader that stops early (`quire build | head`) closes the pipe: stop
// quietly instead of dying with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw e;
  });
}

// A failure outside every work's own error handling (a native or WebAssembly
// module failing as it starts, in a callback of its own) still ends in one
// line and a failed exit, never a stack trace.
const internalError = (e: unknown): void => {
  console.error(`quire: internal error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(EXIT_FAILED);
};
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`quire: ${e.message}\nRun "quire --help" for usage.`);
      process.exitCode = EXIT_USAGE;
    } else if (e && typeof e === 'object' && 'diagnostic' in e) {
      print((e as { diagnostic: Diagnostic }).diagnostic);
      process.exitCode = EXIT_FAILED;
    } else {
      console.error(`quire: internal error: ${(e as Error)?.message ?? String(e)}`);
      process.exitCode = EXIT_FAILED;
    }
  },
);
