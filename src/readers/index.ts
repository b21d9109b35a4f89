import type { Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../read/source.js';
import { decodeText } from '../read/decode.js';
import { splitFrontMatter } from '../read/frontmatter.js';
import { parsePlainText } from '../structure/parse.js';
import { declaredCharset } from './html/charset.js';
import { formatOf, type FormatName } from './extensions.js';
import type { FormatResult, ReaderInput } from '../structure/chapters.js';

type Reader = (input: ReaderInput) => FormatResult;

interface Format {
  /** Whether a leading `---` YAML block is the file's metadata. */
  frontMatter: boolean;
  reader: () => Promise<Reader>;
}

const readText: Reader = (i) => ({ ...parsePlainText(i.text, { file: i.file, firstLine: i.firstLine, ...i.detection }), notes: [] });

/**
 * One reader per input format; each turns a file's text into the same Book
 * parts. The Markdown and HTML readers load on first use: marked, and
 * sanitize-html with its CSS parser, would cost a batch of plain text about
 * 50 ms of start-up.
 */
const FORMATS: Record<FormatName, Format> = {
  text: { frontMatter: true, reader: () => Promise.resolve(readText) },
  markdown: { frontMatter: true, reader: async () => (await import('./markdown/parse.js')).parseMarkdown },
  html: { frontMatter: false, reader: async () => (await import('./html/parse.js')).parseHtmlWork },
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
export async function readStory(input: ReaderInput): Promise<FormatResult> {
  const read = await FORMATS[formatOf(input.file)].reader();
  return read(input);
}
