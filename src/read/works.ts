import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Diagnostics, QuireError } from '../diagnostics.js';
import { FORMAT_EXTENSIONS } from './extensions.js';
import { readYamlMeta, type MetaLayer } from '../metadata/metadata.js';
import { parseYaml } from './frontmatter.js';
import { naturalSort } from './order.js';
import type { SourceFile, WorkEntry } from './source.js';

const EXTENSIONS = new Set(Object.values(FORMAT_EXTENSIONS).flat());
const isStory = (name: string) => !name.startsWith('.') && EXTENSIONS.has(path.extname(name).toLowerCase());
const BOOK_FILES = ['book.yaml', 'book.yml'];
const SERIES_FILES = ['series.yaml', 'series.yml'];

async function entries(dir: string): Promise<{ files: string[]; dirs: string[] }> {
  const list = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  const dirs: string[] = [];
  for (const e of list) {
    if (e.isDirectory() && !e.name.startsWith('.')) dirs.push(e.name);
    else if (isStory(e.name) && (e.isFile() || (e.isSymbolicLink() && !(await isDirectory(path.join(dir, e.name)))))) {
      // A linked story counts; a broken or looping link too, so that reading it reports it.
      files.push(e.name);
    }
    // A linked folder is never followed: it could lead back here.
  }
  return { files: naturalSort(files), dirs: naturalSort(dirs) };
}

const isDirectory = (p: string): Promise<boolean> =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );

async function yamlIn(dir: string, names: readonly string[]): Promise<{ file: string; data: Record<string, unknown> } | undefined> {
  for (const name of names) {
    const file = path.join(dir, name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) return { file, data: (await parseYaml(text, file)) ?? {} };
  }
  return undefined;
}

export const isFolderWork = async (dir: string): Promise<boolean> => (await yamlIn(dir, BOOK_FILES)) !== undefined;

const asOrder = (value: unknown): string[] => (Array.isArray(value) ? value.map((v) => String(v).trim()).filter(Boolean) : []);

/** Puts names in the stated order; names the list leaves out follow in natural order, so nothing is lost. */
function ordered(names: readonly string[], order: readonly string[], listFile: string): string[] {
  const byStem = (n: string) => names.find((x) => x === n || x.replace(/\.[^.]+$/, '') === n);
  const listed = order.map((n) => {
    const found = byStem(n);
    if (!found) throw new QuireError({ code: 'bad-order', message: `"order" names "${n}", which is not in this folder`, file: listFile });
    return found;
  });
  return [...new Set([...listed, ...names.filter((n) => !listed.includes(n))])];
}

/** A folder work's chapter files: `book.yaml`'s `order:` first, the rest in natural order. */
export async function folderFiles(dir: string, bookYaml?: SourceFile): Promise<string[]> {
  const { files } = await entries(dir);
  if (!bookYaml) return files;
  const data = (await parseYaml(new TextDecoder().decode(bookYaml.bytes), bookYaml.path)) ?? {};
  return ordered(files, asOrder(data.order), bookYaml.path);
}

/**
 * The works in a folder: each story file at the top, each sub-folder as one
 * work (a sub-folder with its own `series.yaml` holds a series of works). A
 * `series.yaml` gives the works inside its series name, positions in natural
 * or `order:` order, and any other metadata they share (an author).
 */
export async function seriesWorks(dir: string, inherited: MetaLayer = {}): Promise<WorkEntry[]> {
  const { files, dirs } = await entries(dir);
  const series = await yamlIn(dir, SERIES_FILES);
  const works: Array<{ name: string; nested?: WorkEntry[] }> = [];
  for (const name of files) works.push({ name });
  for (const name of dirs) {
    const sub = path.join(dir, name);
    if (await yamlIn(sub, SERIES_FILES)) works.push({ name, nested: await seriesWorks(sub, inherited) });
    else if ((await isFolderWork(sub)) || (await entries(sub)).files.length) works.push({ name });
  }
  if (!series) return works.flatMap((w) => w.nested ?? [{ path: path.join(dir, w.name), root: dir, ...(Object.keys(inherited).length ? { inherited } : {}) }]);

  const { name: seriesName, order, ...rest } = series.data as Record<string, unknown> & { name?: unknown; order?: unknown };
  const shared = readYamlMeta(rest, new Diagnostics(series.file)).meta;
  const nameOf = String(seriesName ?? shared.series?.name ?? shared.title ?? path.basename(dir)).trim();
  delete shared.series;
  delete shared.title;
  const names = ordered(
    works.map((w) => w.name),
    asOrder(order),
    series.file,
  );
  return names.flatMap((name, i) => {
    const work = works.find((w) => w.name === name)!;
    const meta: MetaLayer = { ...inherited, ...shared, series: { name: nameOf, position: i + 1 } };
    return work.nested ?? [{ path: path.join(dir, name), root: dir, inherited: meta }];
  });
}
