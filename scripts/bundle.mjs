#!/usr/bin/env node
/**
 * Bundles the CLI and its worker into dist/bundle/ after `tsc`. Node spends
 * most of a cold start resolving and reading the ~340 small files of quire and
 * its packages; one file per entry point (plus shared chunks) starts about a
 * third faster, and every worker thread starts that much sooner too.
 *
 * The library (`dist/index.js`) stays unbundled. Packages with native code or
 * files of their own found at run time stay outside the bundle.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * yargs, and cliui and wrap-ansi under it, each import a string-width that
 * builds an Intl.Segmenter and Unicode-property regexes as it loads: about
 * 30 ms of every start, though only laying out help text measures anything.
 * Each `import … from 'string-width'` gets a stand-in that loads the real one
 * (the version that importer would have had) on its first call.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      // CommonJS users (cli-progress) `require` it and expect the function itself: left alone.
      if (args.kind !== 'import-statement') return undefined;
      const real = await b.resolve(args.path, { kind: 'require-call', importer: args.importer, resolveDir: args.resolveDir });
      if (real.errors.length) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: `let width;\nexport default function stringWidth(text, options) {\n  width ??= require(${JSON.stringify(args.path)}).default;\n  return width(text, options);\n}\n`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

// Chunk names carry a hash: clear the old ones so the folder holds only this build's files.
await rm('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'dist/cli/bin.js', worker: 'dist/batch/worker.js', 'cover-worker': 'dist/batch/cover-worker.js' },
  outdir: 'dist/bundle',
  // The workers beside `cli.js`: the runner finds them as `./worker.js` and `./cover-worker.js` in both layouts.
  entryNames: '[name]',
  // Chunks sit beside the entries too: paths like '../../styles' are relative to the file they end up in.
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['sharp', '@resvg/resvg-js', 'harfbuzzjs', 'piscina', '@likecoin/epubcheck-ts'],
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as quireCreateRequire } from 'node:module'; const require = quireCreateRequire(import.meta.url);" },
  plugins: [lazyStringWidth],
  logLevel: 'warning',
});

/**
 * dist/build-id: a hash of every compiled file and the lockfile, read into
 * each cache key (src/batch/version.ts). A checkout keeps its version number
 * across commits; without this, `npm start` after a change to quire would
 * skip every book as up to date and leave the old bytes in out/.
 */
const hash = createHash('sha256');
const compiled = (await readdir('dist', { recursive: true })).filter((f) => f.endsWith('.js')).sort();
for (const f of compiled)
  hash
    .update(`${f}\0`)
    .update(await readFile(path.join('dist', f)))
    .update('\0');
if (existsSync('package-lock.json')) hash.update(await readFile('package-lock.json'));
await writeFile('dist/build-id', `${hash.digest('hex').slice(0, 16)}\n`);
