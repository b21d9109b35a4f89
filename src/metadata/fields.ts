/**
 * The one table of metadata keys: each key's names, what it means and how
 * its value is read — the same wherever it is written: a `Title:` line at the
 * top of a story, YAML front matter, a sidecar `NAME.yaml`, a folder's
 * `book.yaml` or `series.yaml`, a chapter file's front matter.
 *
 * Names are matched without regard to case, spaces, hyphens or underscores
 * (`Word Count`, `word-count`, `word_count`). A story's own lines use the
 * labels of its language (`Title:`, `Título:`, `作者：`), which the language
 * tables (`lang/`) map to these keys; a line naming a key no label names
 * (`Cover: …`, `Id: 7`) is story text.
 */
import type { Author, Metadata, Series } from '../model.js';
import { text } from '../model.js';
import { xmlSafe } from '../xml-chars.js';
import { languageCode } from '../lang/index.js';

export type MetaLayer = Partial<Metadata>;

/** Detection options a user can set when detection gets their story wrong. */
export interface DetectionOverrides {
  chapterPattern?: RegExp;
  sceneBreakPattern?: RegExp;
  notes?: 'separate' | 'keep' | 'drop';
  chapterLevel?: number;
}

/** Where a problem with a value is reported: a warning naming the key. */
export type Complain = (message: string) => void;

export interface Field {
  names: readonly string[];
  doc: string;
  read(value: unknown, meta: MetaLayer, complain: Complain): void;
}

/** A value as text: YAML's escapes (`"\f"`) can spell characters XML forbids, so they go. */
const asString = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = xmlSafe(String(v)).trim();
  return s || undefined;
};

/** A list from YAML's own list or from one line: `a, b; c`. */
const asList = (v: unknown, sep = /\s*[,;]\s*/): string[] => {
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? v.map((x) => xmlSafe(String(x))) : xmlSafe(String(v)).split(sep);
  return items.map((x) => x.trim().replace(/\.$/, '')).filter(Boolean);
};

/** Adds to a list field, each item once. */
function add(meta: MetaLayer, key: 'tags' | 'fandoms' | 'pairings' | 'characters' | 'genres' | 'warnings', items: readonly string[]): void {
  const have = (meta[key] ??= []);
  for (const it of items) if (!have.includes(it)) have.push(it);
}

/** Authors from a YAML list (of names or `{ name, file-as }`) or one line: `A & B`, `A and B`, `A, B`. */
function asAuthors(v: unknown): Author[] {
  const items: unknown[] = Array.isArray(v) ? v : asList(v, /\s*(?:,|;|&|\band\b)\s*/);
  return items.flatMap((a): Author[] => {
    if (a && typeof a === 'object') {
      const o = a as Record<string, unknown>;
      const name = asString(o.name);
      const fileAs = asString(o['file-as'] ?? o.fileAs);
      return name ? [fileAs ? { name, fileAs } : { name }] : [];
    }
    const name = asString(a);
    return name ? [{ name }] : [];
  });
}

/** Adds authors, each once, however often the story names them. */
function addAuthors(meta: MetaLayer, authors: readonly Author[]): void {
  const have = (meta.authors ??= []);
  for (const a of authors) if (!have.some((h) => h.name.toLowerCase() === a.name.toLowerCase())) have.push(a);
}

/** `SasuSaku`, `NaruHina`, `Naruto/Hinata`, `Kakashi x Sakura`. */
const SHIP = /^(?:\p{Lu}\p{Ll}+){2,3}$|^\p{Lu}[\p{L}'’.-]*(?:\s*(?:\/|\sx\s|×)\s*\p{Lu}[\p{L}'’.-]*)+$/u;

/** A summary that ends with its pairing (`… and her heart. SasuSaku.`): the two apart. */
function splitShip(summary: string): [string, string | undefined] {
  let cut = -1;
  for (const m of summary.matchAll(/[.!?…]["”’]?\s+/g)) cut = m.index + m[0].length;
  if (cut <= 0) return [summary, undefined];
  const tail = summary.slice(cut).replace(/\.$/, '').trim();
  return SHIP.test(tail) ? [summary.slice(0, cut).trim(), tail] : [summary, undefined];
}

/** Paragraphs of a multi-line value, split at blank lines. */
export const paragraphsOf = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p) => [text(p)]);

/** `Tales of the Marches #2`, `Tales of the Marches (2)`, `Tales, book 2`, or `{ name, position }`. */
function asSeries(v: unknown, before: Series | undefined): Series | undefined {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const pos = Number(o.position ?? o.index ?? o.number);
    return { name: asString(o.name) ?? '', ...(Number.isFinite(pos) ? { position: pos } : {}) };
  }
  const s = asString(v);
  if (!s) return before;
  const m = /^(.*?)[\s,]*(?:\(|#|\b(?:part|book|no\.?)\s+)\s*(\d+)\)?$/i.exec(s);
  if (m) return { name: m[1]!.trim(), position: Number(m[2]) };
  return { name: s, ...(before?.position !== undefined ? { position: before.position } : {}) };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function date(key: 'published' | 'updated'): Field['read'] {
  return (v, meta, complain) => {
    const s = asString(v);
    if (!s) return;
    if (ISO_DATE.test(s)) meta[key] = s;
    else complain(`"${s}" is not a date quire can read; write it as YYYY-MM-DD`);
  };
}

const string =
  (key: 'title' | 'subtitle' | 'source' | 'publisher' | 'rights' | 'identifier' | 'rating' | 'cover'): Field['read'] =>
  (v, meta) => {
    const s = asString(v);
    if (s) meta[key] = s;
  };

const list =
  (key: 'tags' | 'fandoms' | 'pairings' | 'characters' | 'genres' | 'warnings', sep?: RegExp): Field['read'] =>
  (v, meta) =>
    add(meta, key, asList(v, sep));

export const FIELDS: readonly Field[] = [
  { names: ['title'], doc: "the work's title", read: string('title') },
  { names: ['subtitle'], doc: 'a subtitle, shown under the title', read: string('subtitle') },
  { names: ['author', 'authors', 'by', 'written by'], doc: 'the authors: a list, `{ name, file-as }` entries, or one line `A & B`', read: (v, meta) => addAuthors(meta, asAuthors(v)) },
  {
    names: ['summary', 'description', 'blurb'],
    doc: 'the summary (a pairing that ends it goes to the pairings)',
    read: (v, meta) => {
      const s = typeof v === 'string' ? xmlSafe(v) : asString(v);
      if (!s) return;
      const paras = s
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      const [last, ship] = splitShip(paras.pop() ?? '');
      if (last) paras.push(last);
      if (ship) add(meta, 'pairings', [ship]);
      if (paras.length) meta.summary = [...(meta.summary ?? []), ...paras.map((p) => [text(p)])];
    },
  },
  {
    names: ['language', 'lang'],
    doc: 'the language: a BCP 47 tag (`pt-BR`) or its name (`French`, `français`)',
    // A value that names no language is kept as written: merging the layers warns about it once, wherever it came from.
    read: (v, meta) => {
      const s = asString(v);
      if (s) meta.language = languageCode(s) ?? s;
    },
  },
  { names: ['source', 'url'], doc: 'where the work came from', read: string('source') },
  { names: ['publisher'], doc: 'the publisher', read: string('publisher') },
  { names: ['rights', 'license'], doc: 'the rights statement or licence', read: string('rights') },
  { names: ['published', 'date'], doc: 'when the work was first published (YYYY-MM-DD)', read: date('published') },
  { names: ['updated', 'modified'], doc: "when the work was last updated (YYYY-MM-DD); the book's modified date", read: date('updated') },
  { names: ['identifier', 'uuid', 'id'], doc: "the work's identifier (a UUID or URN)", read: string('identifier') },
  {
    names: ['series'],
    doc: 'the series: `Name #2`, `Name (2)` or `{ name, position }`',
    read: (v, meta) => {
      const s = asSeries(v, meta.series);
      if (s) meta.series = s;
    },
  },
  {
    names: ['series position', 'series index'],
    doc: "the work's number in its series",
    read: (v, meta, complain) => {
      const position = Number(v);
      if (!Number.isFinite(position)) return complain(`"${String(v)}" is not a number`);
      meta.series = { name: meta.series?.name ?? '', position };
    },
  },
  { names: ['tags', 'tag', 'freeform', 'additional tags'], doc: 'tags', read: list('tags') },
  { names: ['fandom', 'fandoms', 'category', 'categories'], doc: 'fandoms (a fan-fiction site\'s "category" is the fandom)', read: list('fandoms') },
  { names: ['pairing', 'pairings', 'ship', 'ships', 'relationship', 'relationships'], doc: 'pairings', read: list('pairings') },
  { names: ['character', 'characters'], doc: 'characters', read: list('characters') },
  { names: ['genre', 'genres'], doc: 'genres', read: list('genres', /\s*[,;/]\s*/) },
  { names: ['rating', 'rated'], doc: 'the rating', read: string('rating') },
  { names: ['warning', 'warnings', 'content warning', 'content warnings', 'archive warnings'], doc: 'content warnings', read: list('warnings') },
  {
    names: ['status'],
    doc: '`complete` or `in progress`',
    read: (v, meta, complain) => {
      const s = asString(v) ?? '';
      if (/\b(complete|completed|finished|done|one-?shot)\b/i.test(s) && !/\bin-?complete\b/i.test(s)) meta.status = 'complete';
      else if (/\b(in[- ]progress|wip|ongoing|incomplete|unfinished|on hiatus)\b/i.test(s)) meta.status = 'in-progress';
      else complain(`status "${s}" not understood; write "complete" or "in progress"`);
    },
  },
  { names: ['cover'], doc: "a cover image, a path inside the work's folder", read: string('cover') },
  { names: ['translator', 'translated by'], doc: 'the translator: read, and left out of the book (quire writes no contributors yet)', read: () => undefined },
  { names: ['words', 'word count'], doc: 'the word count a site printed: quire counts the words itself, so it is read and left out', read: () => undefined },
];

/** Keys a folder's YAML may hold that are not metadata of the work. */
export const ORDER_KEY = 'order';

const normal = (k: string): string =>
  k
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

const BY_NAME: ReadonlyMap<string, Field> = new Map(FIELDS.flatMap((f) => f.names.map((n) => [normal(n), f] as const)));

/** The field a key names, if any. */
export const fieldNamed = (key: string): Field | undefined => BY_NAME.get(normal(key));
