import { QuireError } from '../diagnostics.js';

// Loaded for the first YAML met: a batch of stories without front matter,
// and every CLI start without a YAML config, skip its ~15 ms of loading.
let yaml: Promise<typeof import('./yaml.js')> | undefined;

export interface FrontMatter {
  /** The YAML block's data; empty when the text has none. */
  data: Record<string, unknown>;
  /** The text after the block. */
  body: string;
  /** Source line number of the body's first line. */
  firstLine: number;
}

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Splits a leading `---` YAML block from a story's text. */
export async function splitFrontMatter(text: string, file: string): Promise<FrontMatter> {
  if (!OPEN.test(text)) return { data: {}, body: text, firstLine: 1 };
  const rest = text.replace(OPEN, '');
  const close = CLOSE.exec(rest);
  // A lone `---` on line 1 with no closing fence is a scene break or a rule, not YAML.
  if (!close) return { data: {}, body: text, firstLine: 1 };
  const yamlText = rest.slice(0, close.index);
  const data = await parseYaml(yamlText, file, 2);
  // Only a mapping is front matter; a block of prose between rules is story text.
  if (data === undefined) return { data: {}, body: text, firstLine: 1 };
  const consumed = text.length - rest.length + close.index + close[0].length;
  const bodyStart = text[consumed] === '\n' ? consumed + 1 : consumed;
  const firstLine = countLines(text.slice(0, bodyStart)) + 1;
  return { data, body: text.slice(bodyStart), firstLine };
}

/** Parses YAML that must be a mapping; errors name the file and line. */
export async function parseYaml(source: string, file: string, lineOffset = 1): Promise<Record<string, unknown> | undefined> {
  yaml ??= import('./yaml.js');
  const doc = (await yaml).parseDocument(source, { prettyErrors: false, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const line = (error.linePos?.[0]?.line ?? 1) + lineOffset - 1;
    throw new QuireError({ code: 'bad-yaml', message: `invalid YAML: ${error.message.split('\n')[0]}`, file, line });
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
