/**
 * One reader per input format, chosen by the file's extension; each turns a
 * file's text into the same flat stream of items (`items.ts`). The Markdown
 * and HTML readers load on first use: marked, and sanitize-html with its CSS
 * parser, would cost a batch of plain text about 50 ms of start-up.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../read/source.js';
import { decodeText } from '../read/decode.js';
import { splitFrontMatter } from '../read/frontmatter.js';
import { declaredCharset } from './html/charset.js';
import { formatOf, type FormatName } from '../read/extensions.js';
import type { ReadStory } from './items.js';
import { readPlainText } from './text/index.js';

/** What every reader is handed. */
export interface ReaderInput {
  text: string;
  file: string;
  /** Source line of the text's first line (after a removed YAML block). */
  firstLine: number;
  /** Prefix for note ids, unique per file of a folder work. */
  idPrefix: string;
}

type Reader = (input: ReaderInput) => ReadStory;

interface Format {
  /** Whether a leading `---` YAML block is the file's metadata. */
  frontMatter: boolean;
  reader: () => Promise<Reader>;
}

const FORMATS: Record<FormatName, Format> = {
  text: { frontMatter: true, reader: () => Promise.resolve(readPlainText) },
  markdown: { frontMatter: true, reader: async () => (await import('./markdown/parse.js')).readMarkdown },
  html: { frontMatter: false, reader: async () => (await import('./html/parse.js')).readHtml },
};

export interface StoryText {
  /** The front-matter mapping, empty when there is none. */
  data: Record<string, unknown>;
  body: string;
  firstLine: number;
  diagnostics: Diagnostic[];
}

/** A story file's text, its front matter split off where its format has one. */
export async function storyText(file: SourceFile): Promise<StoryText> {
  const html = formatOf(file.path) === 'html';
  const decoded = await decodeText(file.bytes, file.path, html ? { declared: declaredCharset(file.bytes) } : {});
  if (!FORMATS[formatOf(file.path)].frontMatter) return { data: {}, body: decoded.text, firstLine: 1, diagnostics: decoded.diagnostics };
  const fm = await splitFrontMatter(decoded.text, file.path);
  return { ...fm, diagnostics: decoded.diagnostics };
}

/** Reads a story's text with the reader its file extension names. */
export async function readStory(input: ReaderInput): Promise<ReadStory> {
  const read = await FORMATS[formatOf(input.file)].reader();
  return read(input);
}
