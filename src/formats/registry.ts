import type { Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../read/source.js';
import { decodeText } from '../read/decode.js';
import { splitFrontMatter } from '../read/frontmatter.js';
import { parsePlainText } from '../text/parse.js';
import { parseMarkdown } from '../markdown/parse.js';
import { parseHtmlWork } from '../html/parse.js';
import { declaredCharset } from '../html/charset.js';
import { formatOf, type FormatName } from './extensions.js';
import type { FormatResult, ReaderInput } from './outline.js';

interface Format {
  /** Whether a leading `---` YAML block is the file's metadata. */
  frontMatter: boolean;
  read: (input: ReaderInput) => FormatResult;
}

/** One reader per input format; each turns a file's text into the same Book parts. */
const FORMATS: Record<FormatName, Format> = {
  text: {
    frontMatter: true,
    read: (i) => ({ ...parsePlainText(i.text, { file: i.file, firstLine: i.firstLine, ...i.detection }), notes: [] }),
  },
  markdown: { frontMatter: true, read: parseMarkdown },
  html: { frontMatter: false, read: parseHtmlWork },
};

export interface StoryText {
  /** The front-matter mapping, empty when there is none. */
  data: Record<string, unknown>;
  body: string;
  firstLine: number;
  diagnostics: Diagnostic[];
}

/** A story file's text, its front matter split off where its format has one. */
export function storyText(file: SourceFile): StoryText {
  const html = formatOf(file.path) === 'html';
  const decoded = decodeText(file.bytes, file.path, html ? { declared: declaredCharset(file.bytes) } : {});
  if (!FORMATS[formatOf(file.path)].frontMatter) return { data: {}, body: decoded.text, firstLine: 1, diagnostics: decoded.diagnostics };
  const fm = splitFrontMatter(decoded.text, file.path);
  return { ...fm, diagnostics: decoded.diagnostics };
}

/** Reads a story's text with the reader its file extension names. */
export const readStory = (input: ReaderInput): FormatResult => FORMATS[formatOf(input.file)].read(input);
