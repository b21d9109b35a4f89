import path from 'node:path';

/** The input formats quire reads, by file extension. */
export type FormatName = 'text' | 'markdown' | 'html';

export const FORMAT_EXTENSIONS: Readonly<Record<FormatName, readonly string[]>> = {
  text: ['.txt', '.text'],
  markdown: ['.md', '.markdown'],
  html: ['.html', '.htm', '.xhtml'],
};

/** The format a file's extension names; plain text for anything else, as the foundation did. */
export function formatOf(file: string): FormatName {
  const ext = path.extname(file).toLowerCase();
  for (const [name, extensions] of Object.entries(FORMAT_EXTENSIONS) as Array<[FormatName, readonly string[]]>) {
    if (extensions.includes(ext)) return name;
  }
  return 'text';
}
