/**
 * Metadata lines read from a story's text → metadata. Labelled lines
 * (`Title:`, `Summary:`, `Pairing:` …) mean what the one field table
 * (`metadata/fields.ts`) says they mean, as in YAML; titles found in headings
 * and the first line rank below a `Title:` line.
 */
import type { Metadata } from '../model.js';
import type { Diagnostics } from '../diagnostics.js';
import { fieldNamed, type MetaLayer } from '../metadata/fields.js';

export interface MetaEntry {
  field: string;
  value: string;
  line: number;
  title?: string;
}

/** How sure a title is, by where it was read: a `Title:` line beats a title over a byline, which beats the first line, which beats a heading's work title. */
const TITLE_RANK: Readonly<Record<string, number>> = { 'licence-title': 1, 'work-title': 1, 'top-title': 2, 'title-pairing': 2, 'title-author': 2, 'title-block': 2.5 };

export function buildMeta(entries: readonly MetaEntry[], diags: Diagnostics): Partial<Metadata> {
  const meta: MetaLayer = {};
  let titleRank = 0;
  const setTitle = (t: string, rank: number) => {
    if (rank > titleRank && t.trim() !== '') [meta.title, titleRank] = [t.trim(), rank];
  };
  const fallbackAuthors: string[] = [];
  for (const e of entries) {
    // The author Project Gutenberg's closing line names counts only where the text names none.
    if (e.field === 'licence-author') {
      fallbackAuthors.push(e.value);
      continue;
    }
    const rank = TITLE_RANK[e.field];
    if (rank !== undefined) {
      const pair = e.field === 'title-pairing' || e.field === 'title-author';
      setTitle(pair ? (e.title ?? '') : e.value, rank);
      if (e.field === 'title-pairing') fieldNamed('pairings')!.read(e.value, meta, () => undefined);
      if (e.field === 'title-author') fieldNamed('author')!.read(e.value, meta, () => undefined);
      continue;
    }
    const field = fieldNamed(e.field);
    if (!field) continue;
    if (field === fieldNamed('title')) {
      setTitle(e.value, 3);
      continue;
    }
    field.read(e.value.trim(), meta, (message) => diags.warn('bad-value', `"${e.field}": ${message}`, e.line));
  }
  if (!meta.authors?.length && fallbackAuthors.length) fieldNamed('author')!.read(fallbackAuthors[0], meta, () => undefined);
  return meta;
}
