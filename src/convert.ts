import type { Book, Chapter, Metadata } from './model.js';
import { inlineText, text } from './model.js';
import { Diagnostics, QuireError, type Diagnostic } from './diagnostics.js';
import { decodeText } from './read/decode.js';
import { parseYaml } from './read/frontmatter.js';
import type { WorkSource } from './read/source.js';
import { collectResources } from './read/resources.js';
import { parseStory, type ParseResult, type TraceEntry } from './structure/index.js';
import { storyText } from './readers/index.js';
import { chapterLabel } from './lang/index.js';
import { detectLanguage } from './lang/detect.js';
import { readFolder } from './structure/chapter-files.js';
import { numberNotes } from './structure/footnotes.js';
import { identifierFor, mergeMeta, modifiedDate, readYamlMeta, w3cDate, type DetectionOverrides, type MetaLayer } from './metadata/metadata.js';
import { renderBook } from './render/index.js';
import { loadCover } from './cover/load.js';
import type { CoverImage, CoverInfo, DrawnCover } from './cover/types.js';
import type { Book as BookType } from './model.js';
import { packageEpubAsync } from './package/epub.js';
import { countWords } from './stats.js';
import { applyTypography, type TypographyOptions } from './typography/index.js';
import { kindleProblems } from './render/kindle.js';
import { titleFromFileName } from './outname.js';

export interface ConvertOptions {
  /** Metadata from CLI flags; wins over everything the work says. */
  meta?: MetaLayer;
  /** Detection overrides from CLI flags. */
  detection?: DetectionOverrides;
  /** Seconds since the epoch, as `SOURCE_DATE_EPOCH`. */
  sourceDateEpoch?: number;
  /** The book stylesheet's text. */
  css: string;
  /** Curly quotes, dashes and ellipses; on unless `false`. */
  typography?: boolean;
  dashStyle?: TypographyOptions['dashStyle'];
  /** Extra folders a cover path may point into (`--allow-root`). */
  allowRoots?: readonly string[];
  /** Also make a Kobo kepub of the same book. */
  kepub?: boolean;
  /**
   * Draws a generated cover; by default in this thread. The batch runner
   * passes one that draws in a thread of its own (batch/cover-thread.ts).
   */
  drawCover?: (info: CoverInfo) => Promise<DrawnCover>;
}

/** The book's language as the structure step needs it: the tag, and the tables to read its lines in. */
interface Language {
  tag?: string;
  read: readonly string[] | undefined;
  detected?: { tag: string; confidence: number };
}

export interface ParsedWork {
  book: Book;
  /** What structure detection found, before metadata from YAML and flags was merged in. */
  detection: ParseResult;
  trace: TraceEntry[];
  diagnostics: Diagnostic[];
  /** Where each piece of the book's metadata came from, by key (`the story's lines`, `front matter`, …). */
  sources: Record<string, string>;
}

export interface ConvertedWork extends ParsedWork {
  epub: Uint8Array;
  /** Words of the story itself, as the title page shows them. */
  words: number;
  /** The `.kepub.epub`, when `kepub` was asked for. */
  kepub?: Uint8Array;
  identifier: string;
  modified: string;
  /** Files read besides the work's sources (a named cover, packed images): a change to them changes the book. */
  assets: string[];
}

/** Reads a work's text and metadata into a `Book`: everything but rendering. */
export async function parseWork(source: WorkSource, options: Omit<ConvertOptions, 'css'> = {}): Promise<ParsedWork> {
  const [main] = source.files;
  if (!main) throw new Error('a work needs at least one source file');
  const folder = source.kind === 'folder';
  const diags = new Diagnostics(main.path);
  let fromSidecar: ReturnType<typeof readYamlMeta> = { meta: {}, overrides: {} };
  if (source.sidecar) {
    const sidecarDiags = new Diagnostics(source.sidecar.path);
    const data = (await parseYaml((await decodeText(source.sidecar.bytes, source.sidecar.path)).text, source.sidecar.path)) ?? {};
    fromSidecar = readYamlMeta(data, sidecarDiags);
    diags.list.push(...sidecarDiags.list);
  }
  let parsed: ParseResult;
  let fromFrontMatter: MetaLayer = {};
  // What the work says of its language (front matter, sidecar, flags, a series above it), else what its text is written in.
  const stated = (fm: MetaLayer) => options.meta?.language ?? fromSidecar.meta.language ?? fm.language ?? source.inherited?.language;
  const language = async (fm: MetaLayer, sample: () => Promise<string>): Promise<Language> => {
    const given = stated(fm);
    if (given) return { tag: given, read: [given, 'en'] };
    const found = await detectLanguage(await sample());
    return found ? { tag: found.tag, read: [found.tag, 'en'], detected: found } : { read: undefined };
  };
  let lang: Language;
  if (folder) {
    lang = await language({}, async () => (await Promise.all(source.files.slice(0, 3).map(async (f) => (await storyText(f)).body))).join('\n\n'));
    parsed = await readFolder(source.files, { ...fromSidecar.overrides, ...options.detection, ...(lang.read ? { languages: lang.read } : {}) }, diags);
  } else {
    const story = await storyText(main);
    diags.list.push(...story.diagnostics);
    const fm = readYamlMeta(story.data, diags);
    fromFrontMatter = fm.meta;
    lang = await language(fm.meta, async () => story.body);
    const detection = { ...fm.overrides, ...fromSidecar.overrides, ...options.detection, ...(lang.read ? { languages: lang.read } : {}) };
    const givenTitle = options.meta?.title ?? fromSidecar.meta.title ?? fm.meta.title;
    parsed = await parseStory({ text: story.body, file: main.path, firstLine: story.firstLine, idPrefix: '' }, { ...detection, titleFromHeading: true, ...(givenTitle ? { givenTitle } : {}) });
    diags.list.push(...parsed.diagnostics);
  }
  // A detected language ranks below every statement, the text's own `Language:` line included.
  const detected: MetaLayer = lang.detected ? { language: lang.detected.tag } : {};
  if (!lang.tag && !parsed.meta.language) {
    diags.info(
      lang.detected ? 'language-detected' : 'language-unknown',
      lang.detected ? `no language stated; the text reads as ${lang.detected.tag}` : 'no language stated and too little text to tell; writing en (say language: … in front matter)',
    );
  }
  // A folder's whole name (dots and all) is its title of last resort, so give it an extension to drop.
  const fallback = titleFromFileName(folder ? `${source.path.replace(/[\\/]+$/, '')}.dir` : main.path);
  const layers: Array<[string, MetaLayer]> = [
    ['detected from the text', detected],
    ['series.yaml', source.inherited ?? {}],
    ["the story's lines", parsed.meta],
    ['front matter', fromFrontMatter],
    [folder ? 'book.yaml' : 'sidecar YAML', fromSidecar.meta],
    ['command-line flags', options.meta ?? {}],
  ];
  const meta = mergeMeta(
    layers.map(([, l]) => l),
    fallback,
    diags,
  );
  const sources = metaSources(layers);
  reportOverridden(parsed, meta, diags);
  let book: Book = { meta, imprint: parsed.imprint, front: parsed.front, chapters: nameChapters(parsed.chapters, meta.title, meta.language), back: parsed.back, notes: parsed.notes };
  numberNotes(book);
  if (options.typography !== false) book = applyTypography(book, { ...(options.dashStyle ? { dashStyle: options.dashStyle } : {}), language: meta.language });
  // A file with nothing to read (blank, white space, only metadata) would make an empty book: refuse it instead.
  if (!book.chapters.some((c) => c.blocks.length || c.sections.length)) {
    throw new QuireError({ code: 'no-story', message: 'no story text', file: source.path });
  }
  return { book, detection: parsed, trace: parsed.trace, diagnostics: diags.list, sources };
}

/** Where each piece of metadata came from: the last layer that set it (`quire inspect` says so). */
function metaSources(layers: ReadonlyArray<[string, MetaLayer]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, layer] of layers) {
    for (const [k, v] of Object.entries(layer)) if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = name;
  }
  return out;
}

/**
 * A title or author line read from the story is metadata, not story text: when
 * front matter, a sidecar or a flag says otherwise, that line's words are in
 * neither the book nor its metadata. Say so, with the line, rather than lose
 * them silently.
 */
function reportOverridden(parsed: ParseResult, meta: Metadata, diags: Diagnostics): void {
  const fields: Array<[string, string | undefined, string]> = [
    ['title', parsed.meta.title, meta.title],
    ['author', parsed.meta.authors?.map((a) => a.name).join(' & '), meta.authors.map((a) => a.name).join(' & ')],
  ];
  for (const [field, detected, used] of fields) {
    if (!detected?.trim() || detected.trim() === used.trim()) continue;
    const line = parsed.trace?.find((t) => t.kind === 'meta' && t.text.includes(detected.trim()))?.line;
    diags.info('detected-meta-overridden', `the story's ${field} line says "${detected.trim()}"; "${used.trim()}" from front matter, a sidecar or a flag is used instead`, line);
  }
}

// A chapter must have a heading a reader can find in the TOC: a lone untitled
// chapter takes the work's title, others their number.
function nameChapters(chapters: Chapter[], title: string, language: string): Chapter[] {
  let n = 0;
  return chapters.map((c) => {
    if (!c.part) n++;
    return inlineText(c.title).trim() ? c : { ...c, title: [text(chapters.length === 1 ? title : chapterLabel(language, n))] };
  });
}

/** One work from its sources to EPUB bytes. Deterministic: no clock, no randomness. */
export async function convertWork(source: WorkSource, options: ConvertOptions): Promise<ConvertedWork> {
  const parsed = await parseWork(source, options);
  const { meta } = parsed.book;
  const cover = await coverFor(parsed.book, source, options, parsed.diagnostics);
  const newest = Math.max(...source.files.map((f) => f.mtimeMs));
  const date = modifiedDate(meta, options.sourceDateEpoch, newest);
  const identifier = identifierFor(meta);
  const modified = w3cDate(date);
  const packed = collectResources(parsed.book, source.roots);
  const diagnostics = [...parsed.diagnostics, ...packed.diagnostics];
  const resources = packed.resources.length ? { resources: packed.resources } : {};
  const words = countWords(packed.book);
  const rendered = renderBook(packed.book, { identifier, modified, css: options.css, cover, words, ...resources, typography: options.typography !== false });
  const kindle = kindleProblems(rendered);
  if (kindle.length) throw new QuireError({ code: 'not-kindle-safe', message: `the book would not be Kindle-safe: ${kindle.join('; ')}`, file: source.path });
  // The kepub pass, and htmlparser2 under it, loads only for a build that asks for kepubs.
  const kepub = options.kepub ? { kepub: await packageEpubAsync((await import('./kepub/index.js')).toKepub(rendered), date) } : {};
  const assets = [...new Set([...(cover.source ? [cover.source] : []), ...packed.files])].sort();
  return { ...parsed, book: packed.book, diagnostics, epub: await packageEpubAsync(rendered, date), ...kepub, words, identifier, modified, assets };
}

// The work's own image when it names one, else a generated cover. A URL is
// never fetched: it is reported and the generated cover stands in.
async function coverFor(book: BookType, source: WorkSource, options: ConvertOptions, diagnostics: Diagnostic[]): Promise<CoverImage> {
  const { meta } = book;
  const named = meta.cover;
  if (named && /^[a-z][a-z0-9+.-]*:/i.test(named) && !/^[a-z]:[\\/]/i.test(named)) {
    diagnostics.push({ severity: 'warning', code: 'remote-cover-dropped', message: `cover "${named}" is a URL; quire never downloads, so a cover was generated instead`, file: source.path });
  } else if (named) {
    const file = source.sidecar?.path ?? source.files[0]?.path ?? source.path;
    return loadCover(named, { allowedRoots: [...source.roots, ...(options.allowRoots ?? [])], file });
  }
  const series = meta.series ? { series: meta.series } : {};
  const info = { title: meta.title, authors: meta.authors.map((a) => a.name), ...(meta.subtitle ? { subtitle: meta.subtitle } : {}), ...series };
  // The drawing code (HarfBuzz, resvg, the fonts) loads with the first cover drawn here.
  const { image, missing } = await (options.drawCover ?? (await import('./cover/generate.js')).drawCover)(info);
  if (missing.length) {
    diagnostics.push({ severity: 'warning', code: 'cover-missing-glyphs', message: `the cover font has no glyphs for ${missing.join(' ')}; they are left off the generated cover`, file: source.path });
  }
  return image;
}
