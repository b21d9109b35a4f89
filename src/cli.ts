#!/usr/bin/env node
// yargs wiring only: argv → options → API → exit code. The only file that prints.
import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { build, formatDiagnostic, inspect, type Diagnostic } from './index.js';
import type { MetaLayer } from './meta.js';
import { inspectionJson, inspectionText } from './inspect.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

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

const print = (d: Diagnostic) => console.error(formatDiagnostic(d));

async function main(): Promise<number> {
  let exit = EXIT_OK;
  await yargs(hideBin(process.argv))
    .scriptName('quire')
    .usage('$0 <command> [options]\n\nTurn story files into EPUB 3 ebooks.')
    .command(
      'build [inputs..]',
      'Build one EPUB per story',
      (y) => metaOptions(y.positional('inputs', { type: 'string', array: true, default: ['stories'], describe: 'Story files or folders' }))
        .option('out', { alias: 'o', type: 'string', default: 'out', describe: 'Output folder' })
        .option('typography', { type: 'boolean', default: true, describe: 'Curly quotes, dashes and ellipses (--no-typography to keep the text as written)' })
        .option('dash-style', { choices: ['em', 'spaced-en'] as const, default: 'em' as const, describe: 'Dashes between words: word—word or word – word' })
        .option('kepub', { type: 'boolean', default: false, describe: 'Also write NAME.kepub.epub for Kobo readers' }),
      async (argv) => {
        const report = await build(argv.inputs as string[], { out: argv.out, meta: metaFromFlags(argv), typography: argv.typography, dashStyle: argv.dashStyle, allowRoots: argv.allowRoot ?? [], kepub: argv.kepub, ...withEpoch() });
        for (const w of report.works) {
          w.diagnostics.filter((d) => d.severity !== 'info').forEach(print);
          console.log(w.ok ? `built ${w.output} (${w.chapters} chapters, ${w.words} words)` : `failed ${w.source}`);
          if (w.kepubOutput) console.log(`built ${w.kepubOutput}`);
        }
        const failed = report.works.filter((w) => !w.ok).length;
        console.log(`${report.works.length - failed} built, ${failed} failed`);
        exit = failed ? EXIT_FAILED : EXIT_OK;
      },
    )
    .command(
      'inspect <file>',
      'Show how quire reads a story, line by line',
      (y) => metaOptions(y.positional('file', { type: 'string', demandOption: true }))
        .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
        .option('lines', { type: 'boolean', default: false, describe: 'Also list every line and the rule that read it' }),
      async (argv) => {
        const result = await inspect(String(argv.file), { meta: metaFromFlags(argv), ...withEpoch() });
        const file = String(argv.file);
        console.log(argv.json ? JSON.stringify(inspectionJson(result), null, 2) : inspectionText(result, file, argv.lines));
      },
    )
    .demandCommand(1, 'Name a command: build or inspect')
    .strict()
    .version(pkg.version)
    .help()
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    })
    .parseAsync();
  return exit;
}

const withEpoch = () => {
  const epoch = sourceDateEpoch();
  return epoch === undefined ? {} : { sourceDateEpoch: epoch };
};

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
