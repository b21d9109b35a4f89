// yargs wiring only: argv → options → API → exit code. With src/cli/ the only code that prints.
import { userInfo } from 'node:os';
import path from 'node:path';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { formatDiagnostic, QuireError, UsageError, type Diagnostic } from '../diagnostics.js';
import { toDiagnostic } from '../ioerror.js';
import { closest } from '../suggest.js';
import { buildSession } from '../batch/session.js';
import { planBatch } from '../batch/plan.js';
import { readSettings } from '../batch/settings.js';
import { quireVersion } from '../batch/version.js';
import type { DeviceKind } from '../deliver/devices.js';
import { BUILD_SETTINGS, buildOptions, FLAGS, givenSettings, inspectOptions, META_SETTINGS, SEND_SETTINGS, sendOptions, SERVE_SETTINGS, serveOptions } from './options.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const COMMANDS = ['build', 'inspect', 'send', 'serve'];

function sourceDateEpoch(): { sourceDateEpoch?: number } {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return {};
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${raw}"`);
  return { sourceDateEpoch: n };
}

async function main(args: string[]): Promise<number> {
  let exit = EXIT_OK;
  const cli = yargs(args);
  skipHelpLayout(cli);
  await cli
    .scriptName('quire')
    .usage('$0 <command> [options]\n\nTurn story files into EPUB 3 ebooks.')
    .command('build [inputs..]', 'Build one EPUB per story, in parallel and incrementally', buildOptions, async (argv) => {
      const flags = readSettings(givenSettings(argv, BUILD_SETTINGS), { flags: true });
      const plan = await planBatch({
        inputs: argv.inputs ?? [],
        options: { ...flags.options, ...sourceDateEpoch() },
        config: argv.config ?? { search: process.cwd() },
      });
      const stop = new AbortController();
      // Only a watch is stopped gently; any other build keeps Ctrl-C's default.
      if (plan.options.watch) process.once('SIGINT', () => stop.abort());
      exit = await buildSession(plan, { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: stop.signal });
    })
    .command('inspect [file]', 'Show how quire reads a story, line by line', inspectOptions, async (argv) => {
      if (!argv.file) throw new UsageError('name the story to inspect, as in: quire inspect story.txt');
      const { options } = readSettings(givenSettings(argv, META_SETTINGS), { flags: true });
      // Loaded here: `build` should not pay for what only inspect uses.
      const [{ inspect }, { inspectionJson, inspectionText }] = await Promise.all([import('../build.js'), import('./inspect.js')]);
      const result = await inspect(argv.file, { ...options, ...sourceDateEpoch() });
      console.log(argv.json ? JSON.stringify(inspectionJson(result), null, 2) : inspectionText(result, argv.file, Boolean(argv.lines)));
    })
    .command('send [inputs..]', 'Build what changed and copy the books onto a plugged-in e-reader', sendOptions, async (argv) => {
      const flags = readSettings(givenSettings(argv, SEND_SETTINGS), { flags: true });
      const plan = await planBatch({ inputs: argv.inputs ?? [], options: { ...flags.options, ...sourceDateEpoch() }, config: argv.config ?? { search: process.cwd() } });
      const folder = checkFolder(argv.folder ?? 'quire');
      const { sendSession } = await import('../deliver/send-session.js');
      const mounts = {
        platform: process.platform,
        user: process.env.USER ?? process.env.LOGNAME ?? userInfo().username,
        override: (process.env.QUIRE_MOUNTS ?? '').split(path.delimiter).filter(Boolean),
      };
      exit = await sendSession(
        plan,
        { ...(argv.to !== undefined ? { to: argv.to } : {}), ...(argv.device ? { device: argv.device as DeviceKind } : {}), folder, dryRun: Boolean(argv.dryRun), prune: Boolean(argv.prune), mounts },
        { stdout: process.stdout, stderr: process.stderr, env: process.env },
      );
    })
    .command('serve [inputs..]', 'Build the library and serve it to readers over HTTP: an OPDS catalog and a web page', serveOptions, async (argv) => {
      const flags = readSettings(givenSettings(argv, SERVE_SETTINGS), { flags: true });
      const plan = await planBatch({ inputs: argv.inputs ?? [], options: { ...flags.options, ...sourceDateEpoch() }, config: argv.config ?? { search: process.cwd() } });
      const port = argv.port === undefined ? 8080 : Number(argv.port);
      if (!/^\d+$/.test(String(argv.port ?? '8080')) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${argv.port}"`);
      const { serveSession } = await import('../deliver/serve-session.js');
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      exit = await serveSession(plan, { port, host: argv.host ?? '127.0.0.1' }, { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: stop.signal });
    })
    .demandCommand(1, 'name a command: build, inspect, send or serve')
    .strict()
    .version(quireVersion)
    .help()
    .alias('help', 'h')
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(explainUsage(msg, args));
    })
    .parseAsync();
  return exit;
}

/** `--folder` names a folder inside the reader's book folder: relative, and never out of it. */
function checkFolder(folder: string): string {
  const parts = folder.split(/[\\/]+/).filter((p) => p && p !== '.');
  if (path.isAbsolute(folder) || /^[A-Za-z]:/.test(folder) || parts.includes('..')) {
    throw new UsageError(`--folder names a folder inside the reader's book folder, such as quire or books/fiction, not "${folder}"`);
  }
  return parts.join('/');
}

/** yargs's complaint in quire's words, with the nearest command or flag when a name was mistyped. */
function explainUsage(message: string, args: readonly string[]): string {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (!unknown) return message.replace(/^\w/, (c) => c.toLowerCase());
  const command = args.find((a) => !a.startsWith('-'));
  const flags = FLAGS[command ?? ''] ?? ['help', 'version'];
  // yargs names a flag twice, as written and camelCased (`such-flag, suchFlag`): once is enough.
  const names = new Set(unknown[1]!.split(', ').map((n) => n.replace(/(?<=[a-z])[A-Z]/g, (c) => `-${c.toLowerCase()}`)));
  return [...names]
    .map((name) => {
      const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      const written = args.find((a) => [`--${name}`, `--${camel}`, `-${name}`, `--no-${name}`].includes(a.split('=')[0]!));
      if (written) {
        const near = closest(name, flags);
        const dashes = (n: string) => (n.length === 1 ? `-${n}` : `--${n}`);
        return `unknown option ${written.split('=')[0]}${near ? `; did you mean ${dashes(near)}?` : ''}`;
      }
      if (name === command && !COMMANDS.includes(name)) {
        const near = closest(name, COMMANDS);
        return `unknown command "${name}"${near ? `; did you mean "${near}"?` : `; the commands are ${COMMANDS.slice(0, -1).join(', ')} and ${COMMANDS.at(-1)}`}`;
      }
      return `unexpected argument "${name}"`;
    })
    .join('; ');
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

/** One line for anything that stopped the command: `file:line: error: … [code]`, or `quire: error: …` when no file is to blame. */
function report(d: Diagnostic): void {
  console.error(d.file ? formatDiagnostic(d) : `quire: ${formatDiagnostic(d)}`);
}

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
const uncaught = (e: unknown): void => {
  report(toDiagnostic(e, ''));
  process.exit(EXIT_FAILED);
};
process.on('uncaughtException', uncaught);
process.on('unhandledRejection', uncaught);

const args = hideBin(process.argv);
main(args).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      report(e.diagnostic);
      if (e.diagnostic.code === 'bad-usage') {
        const command = args.find((a) => COMMANDS.includes(a));
        console.error(`Run "quire ${command ? `${command} ` : ''}--help" for usage.`);
      }
      process.exitCode = EXIT_USAGE;
    } else {
      report(e instanceof QuireError ? e.diagnostic : toDiagnostic(e, ''));
      process.exitCode = EXIT_FAILED;
    }
  },
);
