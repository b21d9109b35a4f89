/**
 * The CLI's own thread only schedules works; the conversion pipeline loads in
 * the threads that convert. These tests follow the static imports from the CLI
 * and fail if a change pulls the pipeline (and its ~0.4 s of module loading)
 * back onto the main thread, where it would run before any worker starts, or
 * a reader a batch of plain UTF-8 text does not need into every conversion.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ciEnv, quire } from '../support/cli.js';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

/** Every file and package reached by static `import`/`export … from` (type-only imports excluded). */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)(?!\s+type\b)[^'";]*?from\s*'([^']+)'|^import\s*'([^']+)'/gm)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.')) walk(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:'))
        packages.add(
          spec
            .split('/')
            .slice(0, spec.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  };
  walk(path.join(SRC, entry));
  return { files, packages };
}

const PIPELINE_PACKAGES = ['harfbuzzjs', 'sharp', '@resvg/resvg-js', 'marked', 'sanitize-html', 'htmlparser2', 'fflate', 'chardet', 'iconv-lite'];
// Each loaded by a dynamic import, for the works whose format, encoding or front matter needs it.
const ON_DEMAND_PACKAGES = ['marked', 'marked-footnote', 'sanitize-html', 'htmlparser2', 'domutils', 'domhandler', 'chardet', 'iconv-lite', 'yaml'];
const PIPELINE_FOLDERS = ['cover', 'readers', 'structure', 'typography', 'render', 'kepub', 'package'];

describe('main thread start-up', () => {
  it.each(['cli/cli.ts', 'batch/run.ts'])('%s loads no part of the conversion pipeline', (entry) => {
    const { files, packages } = staticGraph(entry);
    expect([...packages].filter((p) => PIPELINE_PACKAGES.includes(p))).toEqual([]);
    const rel = [...files].map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    expect(rel.filter((f) => PIPELINE_FOLDERS.includes(f.split('/')[0]!) || f === 'convert.ts')).toEqual([]);
    // yaml loads with the first YAML config or front matter met.
    expect(packages.has('yaml')).toBe(false);
  });

  it('the command makes its process settings before anything else loads and any thread starts', () => {
    const { files, packages } = staticGraph('cli/bin.ts');
    expect([...packages]).toEqual([]);
    expect([...files].map((f) => path.relative(SRC, f).split(path.sep).join('/')).sort()).toEqual(['batch/tune.ts', 'cli/bin.ts']);
  });

  it('the CLI loads the EPUBCheck runner (child_process, readline) only for --check', () => {
    const rel = [...staticGraph('cli/cli.ts').files].map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    expect(rel).toContain('batch/run.ts');
    expect(rel).not.toContain('batch/check.ts');
  });

  it('a conversion loads the Markdown, HTML, legacy-encoding and kepub readers, the cover code, sharp and yaml, only when a work needs them', () => {
    const { files, packages } = staticGraph('batch/worker.ts');
    expect([...packages].filter((p) => ON_DEMAND_PACKAGES.includes(p))).toEqual([]);
    // cover/load.ts imports it for a cover image a work names; a generated cover does without.
    expect(packages.has('sharp')).toBe(false);
    expect([...packages].filter((p) => ['harfbuzzjs', '@resvg/resvg-js'].includes(p))).toEqual([]);
    const rel = [...files].map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    // readers/html/charset.ts stays: it reads no HTML, only the bytes of a <meta charset>.
    expect(rel.filter((f) => /^(readers\/markdown|kepub)\//.test(f) || (f.startsWith('readers/html/') && f !== 'readers/html/charset.ts') || f === 'read/legacy.ts')).toEqual([]);
  });

  it('the walk does see the pipeline where it is loaded', () => {
    // Guards the guard: the same walk from the worker must find what the CLI may not load.
    const { files, packages } = staticGraph('batch/worker.ts');
    expect([...packages]).toContain('fflate');
    // The cover code loads with the first cover, in the conversion's thread or a cover thread.
    expect([...staticGraph('batch/cover-worker.ts').packages]).toEqual(expect.arrayContaining(['harfbuzzjs', '@resvg/resvg-js']));
    expect([...files].some((f) => f.endsWith(path.join('src', 'convert.ts')))).toBe(true);
    const onDemand = ['readers/markdown/parse.ts', 'readers/html/parse.ts', 'read/legacy.ts', 'kepub/index.ts', 'read/yaml.ts'].flatMap((entry) => [...staticGraph(entry).packages]);
    expect(onDemand).toEqual(expect.arrayContaining(ON_DEMAND_PACKAGES));
  });
});

describe('the bundled CLI', () => {
  // Counts Intl.Segmenters, which string-width builds to measure text: laying out help is what needs them.
  const counter = "let n=0;const S=Intl.Segmenter;Intl.Segmenter=class extends S{constructor(...a){super(...a);n++;}};process.on('exit',()=>process.stderr.write(`segmenters:${n}\\n`));";
  /** Runs the CLI with `script` run first in its process. */
  const preloaded = (script: string, args: string[]) => quire(args, { env: ciEnv({ NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(script)}` }) });
  const counted = (args: string[]) => preloaded(counter, args);

  it('starts a build without loading string-width or laying out the help text', async () => {
    const run = await counted(['build', 'no-such-story.txt', '--out', path.join(SRC, '..', 'out', 'startup-test')]);
    expect(run.stderr).toMatch(/no-such-story\.txt/);
    expect(run.stderr).toMatch(/segmenters:0\n/);
  });

  it('still measures text where it lays out help', async () => {
    // Guards the guard: the counter does see string-width at work.
    const run = await counted(['build', '--help']);
    expect(run.stdout).toMatch(/--out/);
    expect(run.stderr).not.toMatch(/segmenters:0\n/);
    expect(run.stderr).toMatch(/segmenters:\d+\n/);
  });

  // ICU's first service (a segmenter, a number format, a collator) costs a thread ~20 ms to load.
  const icuCounter = [
    'const used=new Set();',
    "for(const k of ['Segmenter','NumberFormat','Collator','DateTimeFormat','PluralRules','ListFormat']){const C=Intl[k];Intl[k]=class extends C{constructor(...a){super(...a);used.add(k);}};}",
    "for(const [o,k] of [[Number.prototype,'toLocaleString'],[String.prototype,'localeCompare'],[Date.prototype,'toLocaleString']]){const f=o[k];o[k]=function(...a){used.add(k);return f.apply(this,a);};}",
    "process.on('exit',()=>process.stderr.write(`icu:[${[...used].sort()}]\\n`));",
  ].join('');

  it('builds a story in Latin script without loading ICU', async () => {
    const out = path.join(SRC, '..', 'out', 'startup-icu-test');
    const story = path.join(SRC, '..', 'stories', 'paper-boats.txt');
    const run = await preloaded(icuCounter, ['build', story, '--out', out, '--force', '--jobs', '1']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/icu:\[\]\n/);
  });

  it('sees ICU where a title needs it', async () => {
    // Guards the guard: a Japanese title is broken into words by ICU's dictionary.
    const dir = path.join(SRC, '..', 'out', 'startup-icu-test-ja');
    await mkdir(dir, { recursive: true });
    const story = path.join(dir, 'neko.txt');
    await writeFile(story, 'Title: 吾輩は猫である、名前はまだ無い\nAuthor: 夏目漱石\n\n吾輩は猫である。\n');
    // Without a cover kept from an earlier run, whose title the Segmenter has already broken.
    await rm(path.join(dir, 'out'), { recursive: true, force: true });
    const run = await preloaded(icuCounter, ['build', story, '--out', path.join(dir, 'out'), '--force', '--jobs', '1']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/icu:\[Segmenter\]\n/);
  });
});
