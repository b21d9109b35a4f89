import path from 'node:path';
import type { Book, Chapter } from './model.js';
import { inlineText, text } from './model.js';
import { Diagnostics, QuireError, type Diagnostic } from './diagnostics.js';
import { decodeText } from './read/decode.js';
import { parseYaml, splitFrontMatter } from './read/frontmatter.js';
import type { WorkSource } from './read/source.js';
import { parsePlainText, type TraceEntry } from './text/parse.js';
import { identifierFor, mergeMeta, modifiedDate, readYamlMeta, w3cDate, type DetectionOverrides, type MetaLayer } from './meta.js';
import { renderBook, type CoverImage } from './render/index.js';
import { packageEpub } from './package/epub.js';
import { toKepub } from './kepub/index.js';
import { kindleProblems } from './render/kindle.js';

export interface ConvertOptions {
  /** Metadata from CLI flags; wins over everything the work says. */
  meta?: MetaLayer;
  /** Detection overrides from CLI flags. */
  detection?: DetectionOverrides;
  /** Seconds since the epoch, as `SOURCE_DATE_EPOCH`. */
  sourceDateEpoch?: number;
  /** The book stylesheet's text. */
  css: string;
  /** Also make a Kobo kepub of the same book. */
  kepub?: boolean;
}

export interface ParsedWork {
  book: Book;
  trace: TraceEntry[];
  diagnostics: Diagnostic[];
}

export interface ConvertedWork extends ParsedWork {
  epub: Uint8Array;
  /** The `.kepub.epub`, when `kepub` was asked for. */
  kepub?: Uint8Array;
  identifier: string;
  modified: string;
}

/** `losing-battles_ch12.txt` → `Losing Battles Ch12`: the title of last resort. */
export function titleFromFileName(file: string): string {
  const stem = path.basename(file, path.extname(file)).replace(/[-_.]+/g, ' ').trim();
  return stem.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()) || 'Untitled';
}

/** Reads a work's text and metadata into a `Book`: everything but rendering. */
export function parseWork(source: WorkSource, options: Omit<ConvertOptions, 'css'> = {}): ParsedWork {
  const [main] = source.files;
  if (!main) throw new Error('a work needs at least one source file');
  const diags = new Diagnostics(main.path);
  const decoded = decodeText(main.bytes, main.path);
  diags.list.push(...decoded.diagnostics);
  const fm = splitFrontMatter(decoded.text, main.path);
  const fromFrontMatter = readYamlMeta(fm.data, diags);
  let fromSidecar: ReturnType<typeof readYamlMeta> = { meta: {}, overrides: {} };
  if (source.sidecar) {
    const sidecarDiags = new Diagnostics(source.sidecar.path);
    const data = parseYaml(decodeText(source.sidecar.bytes, source.sidecar.path).text, source.sidecar.path) ?? {};
    fromSidecar = readYamlMeta(data, sidecarDiags);
    diags.list.push(...sidecarDiags.list);
  }
  const detection = { ...fromFrontMatter.overrides, ...fromSidecar.overrides, ...options.detection };
  const parsed = parsePlainText(fm.body, { file: main.path, firstLine: fm.firstLine, ...detection });
  diags.list.push(...parsed.diagnostics);
  const meta = mergeMeta([parsed.meta, fromFrontMatter.meta, fromSidecar.meta, options.meta ?? {}], titleFromFileName(main.path), diags);
  const book: Book = { meta, front: parsed.front, chapters: nameChapters(parsed.chapters, meta.title), back: parsed.back, notes: [] };
  if (!book.chapters.some((c) => c.blocks.length || c.sections.length)) {
    diags.warn('no-story', 'no story text found; the book has an empty chapter');
  }
  return { book, trace: parsed.trace, diagnostics: diags.list };
}

// A chapter must have a heading a reader can find in the TOC: a lone untitled
// chapter takes the work's title, others their number.
function nameChapters(chapters: Chapter[], title: string): Chapter[] {
  return chapters.map((c, i) => (inlineText(c.title).trim() ? c : { ...c, title: [text(chapters.length === 1 ? title : `Chapter ${i + 1}`)] }));
}

/** One work from its sources to EPUB bytes. Deterministic: no clock, no randomness. */
export function convertWork(source: WorkSource, options: ConvertOptions, cover?: CoverImage): ConvertedWork {
  const parsed = parseWork(source, options);
  const { meta } = parsed.book;
  const newest = Math.max(...source.files.map((f) => f.mtimeMs));
  const date = modifiedDate(meta, options.sourceDateEpoch, newest);
  const identifier = identifierFor(meta);
  const modified = w3cDate(date);
  const rendered = renderBook(parsed.book, { identifier, modified, css: options.css, ...(cover ? { cover } : {}) });
  const kindle = kindleProblems(rendered);
  if (kindle.length) throw new QuireError({ code: 'not-kindle-safe', message: `the book would not be Kindle-safe: ${kindle.join('; ')}`, file: source.path });
  const kepub = options.kepub ? { kepub: packageEpub(toKepub(rendered), date) } : {};
  return { ...parsed, epub: packageEpub(rendered, date), ...kepub, identifier, modified };
}
