import { v5 as uuidv5 } from 'uuid';
import type { Author, Metadata } from '../model.js';
import { text } from '../model.js';
import { Diagnostics } from '../diagnostics.js';

/** What a work's YAML (front matter, sidecar, `book.yaml`) or CLI flags may set. */
export type MetaLayer = Partial<Metadata>;

/** Detection options a user can set when detection gets their story wrong. */
export interface DetectionOverrides {
  chapterPattern?: RegExp;
  sceneBreakPattern?: RegExp;
  notes?: 'separate' | 'keep' | 'drop';
  chapterLevel?: number;
}

const asList = (v: unknown): string[] => {
  if (v === undefined || v === null) return [];
  const items = Array.isArray(v) ? v : String(v).split(/\s*[,;]\s*/);
  return items.map((x) => String(x).trim()).filter(Boolean);
};
const asString = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v).trim();
  return s || undefined;
};

function asAuthors(v: unknown): Author[] {
  const items: unknown[] = Array.isArray(v) ? v : v === undefined || v === null ? [] : String(v).split(/\s*(?:&|\band\b)\s*/);
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

export const paragraphsOf = (s: string) => s.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).map((p) => [text(p)]);

/** Reads a YAML mapping's metadata and detection overrides; unknown keys are reported, not fatal. */
export function readYamlMeta(data: Record<string, unknown>, diags: Diagnostics): { meta: MetaLayer; overrides: DetectionOverrides } {
  const meta: MetaLayer = {};
  const overrides: DetectionOverrides = {};
  const key = (k: string) => k.toLowerCase().replace(/[\s_]+/g, '-');
  for (const [rawKey, value] of Object.entries(data)) {
    const s = asString(value);
    switch (key(rawKey)) {
      case 'title': if (s) meta.title = s; break;
      case 'subtitle': if (s) meta.subtitle = s; break;
      case 'author': case 'authors': case 'by': meta.authors = asAuthors(value); break;
      case 'language': case 'lang': if (s) meta.language = s; break;
      case 'summary': case 'description': if (s) meta.summary = paragraphsOf(s); break;
      case 'source': case 'url': if (s) meta.source = s; break;
      case 'publisher': if (s) meta.publisher = s; break;
      case 'rights': case 'license': if (s) meta.rights = s; break;
      case 'published': case 'date': if (s) meta.published = s; break;
      case 'updated': case 'modified': if (s) meta.updated = s; break;
      case 'identifier': case 'uuid': case 'id': if (s) meta.identifier = s; break;
      case 'series': meta.series = asSeries(value, meta.series?.position); break;
      case 'series-position': case 'series-index': {
        const position = Number(value);
        if (meta.series && Number.isFinite(position)) meta.series.position = position;
        else if (Number.isFinite(position)) meta.series = { name: '', position };
        break;
      }
      case 'tags': case 'tag': case 'freeform': case 'additional-tags': meta.tags = asList(value); break;
      case 'fandom': case 'fandoms': meta.fandoms = asList(value); break;
      case 'pairing': case 'pairings': case 'relationship': case 'relationships': meta.pairings = asList(value); break;
      case 'characters': case 'character': meta.characters = asList(value); break;
      case 'genre': case 'genres': case 'category': case 'categories': meta.genres = asList(value); break;
      case 'rating': if (s) meta.rating = s; break;
      case 'warnings': case 'warning': case 'archive-warnings': meta.warnings = asList(value); break;
      case 'status': if (s) meta.status = /complete|finished|done/i.test(s) && !/in\s*complete/i.test(s) ? 'complete' : 'in-progress'; break;
      case 'cover': if (s) meta.cover = s; break;
      case 'order': break; // a folder's chapter order (book.yaml, series.yaml), read with the folder

      case 'chapter-pattern': setPattern(overrides, 'chapterPattern', s, rawKey, diags); break;
      case 'scene-break': case 'scene-break-pattern': setPattern(overrides, 'sceneBreakPattern', s, rawKey, diags); break;
      case 'notes':
        if (s === 'keep' || s === 'separate' || s === 'drop') overrides.notes = s;
        else diags.warn('bad-option', `"${rawKey}" must be keep, separate or drop, not "${s ?? ''}"`);
        break;
      case 'chapter-level': {
        const level = Number(value);
        if (level >= 1 && level <= 6) overrides.chapterLevel = level;
        else diags.warn('bad-option', `"${rawKey}" must be a heading level from 1 to 6`);
        break;
      }
      default:
        diags.info('unknown-key', `unknown metadata key "${rawKey}" ignored`);
    }
  }
  return { meta, overrides };
}

function asSeries(value: unknown, position?: number): NonNullable<Metadata['series']> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const pos = Number(o.position ?? o.index ?? o.number);
    return { name: asString(o.name) ?? '', ...(Number.isFinite(pos) ? { position: pos } : {}) };
  }
  return { name: asString(value) ?? '', ...(position !== undefined ? { position } : {}) };
}

function setPattern(o: DetectionOverrides, field: 'chapterPattern' | 'sceneBreakPattern', source: string | undefined, key: string, diags: Diagnostics): void {
  if (!source) return;
  try {
    o[field] = new RegExp(source, 'i');
  } catch (e) {
    diags.warn('bad-pattern', `"${key}" is not a valid regular expression: ${(e as Error).message}`);
  }
}

/** A valid BCP 47 tag, canonicalized; `en` (with a warning) for anything else. */
export function validLanguage(tag: string | undefined, diags: Diagnostics): string {
  if (!tag) return 'en';
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.replace(/_/g, '-'));
    if (canonical && canonical !== 'und') return canonical;
  } catch {
    // fall through to the warning
  }
  diags.warn('bad-language', `"${tag}" is not a BCP 47 language tag; using "en"`);
  return 'en';
}

const EMPTY: Omit<Metadata, 'title' | 'language'> = { authors: [], tags: [], fandoms: [], pairings: [], characters: [], genres: [], warnings: [] };

/** Merges metadata layers, later ones winning field by field (detection < front matter < sidecar < flags). */
export function mergeMeta(layers: readonly MetaLayer[], fallbackTitle: string, diags: Diagnostics): Metadata {
  const merged: MetaLayer = {};
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer) as Array<[keyof Metadata, unknown]>) {
      const empty = v === undefined || (Array.isArray(v) && v.length === 0);
      if (!empty) (merged as Record<string, unknown>)[k] = v;
    }
  }
  const meta: Metadata = { ...EMPTY, ...merged, title: merged.title?.trim() || fallbackTitle, language: validLanguage(merged.language, diags) };
  if (meta.series && !meta.series.name) delete meta.series;
  return meta;
}

// A fixed namespace so that the same title and authors give the same identifier on every machine.
const QUIRE_NAMESPACE = '6f1c1a56-7d43-4b6e-9a49-5b3c8e2f0a11';

/** The work's identifier: the one it gives, else a UUID v5 of its title and authors. */
export function identifierFor(meta: Metadata): string {
  if (meta.identifier) return /^urn:|^[a-z]+:/i.test(meta.identifier) ? meta.identifier : `urn:uuid:${meta.identifier}`;
  const key = [meta.title, ...meta.authors.map((a) => a.name)].join('\u0000');
  return `urn:uuid:${uuidv5(key, QUIRE_NAMESPACE)}`;
}

/** `dcterms:modified`: the work's own date, else SOURCE_DATE_EPOCH, else the sources' newest mtime. */
export function modifiedDate(meta: Metadata, sourceDateEpoch: number | undefined, sourcesMtimeMs: number): Date {
  for (const candidate of [meta.updated, meta.published]) {
    if (!candidate) continue;
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(candidate) ? `${candidate}T00:00:00Z` : candidate);
    if (!Number.isNaN(d.getTime())) return d;
  }
  if (sourceDateEpoch !== undefined) return new Date(sourceDateEpoch * 1000);
  return new Date(Math.floor(sourcesMtimeMs / 1000) * 1000);
}

export const w3cDate = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;
