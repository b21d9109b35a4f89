import { v5 as uuidv5 } from 'uuid';
import type { Metadata } from '../model.js';
import { Diagnostics } from '../diagnostics.js';
import { fieldNamed, ORDER_KEY, type Complain, type DetectionOverrides, type MetaLayer } from './fields.js';
import { languageCode } from '../lang/index.js';

export type { DetectionOverrides, MetaLayer } from './fields.js';
export { paragraphsOf } from './fields.js';

/** Keys that tune detection for one work, YAML only: `chapter-pattern`, `scene-break`, `notes`, `chapter-level`. */
const OPTIONS: ReadonlyMap<string, (value: unknown, o: DetectionOverrides, complain: Complain) => void> = new Map([
  ['chapter pattern', (v: unknown, o: DetectionOverrides, complain: Complain) => setPattern(o, 'chapterPattern', v, complain)],
  ['scene break', (v: unknown, o: DetectionOverrides, complain: Complain) => setPattern(o, 'sceneBreakPattern', v, complain)],
  ['scene break pattern', (v: unknown, o: DetectionOverrides, complain: Complain) => setPattern(o, 'sceneBreakPattern', v, complain)],
  [
    'notes',
    (v: unknown, o: DetectionOverrides, complain: Complain) => {
      if (v === 'keep' || v === 'separate' || v === 'drop') o.notes = v;
      else complain(`must be keep, separate or drop, not "${String(v ?? '')}"`);
    },
  ],
  [
    'chapter level',
    (v: unknown, o: DetectionOverrides, complain: Complain) => {
      const level = Number(v);
      if (Number.isInteger(level) && level >= 1 && level <= 6) o.chapterLevel = level;
      else complain('must be a heading level from 1 to 6');
    },
  ],
]);

const normal = (k: string): string =>
  k
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

/**
 * Reads a YAML mapping (front matter, a sidecar, `book.yaml`, `series.yaml`)
 * through the one field table, and its detection options. Unknown keys are
 * reported, never fatal; `order` belongs to the folder and is skipped here.
 */
export function readYamlMeta(data: Record<string, unknown>, diags: Diagnostics): { meta: MetaLayer; overrides: DetectionOverrides } {
  const meta: MetaLayer = {};
  const overrides: DetectionOverrides = {};
  for (const [rawKey, value] of Object.entries(data)) {
    const complain: Complain = (message) => diags.warn('bad-value', `"${rawKey}": ${message}`);
    const field = fieldNamed(rawKey);
    const option = OPTIONS.get(normal(rawKey));
    if (field) field.read(value, meta, complain);
    else if (option) option(value, overrides, complain);
    else if (normal(rawKey) !== ORDER_KEY) diags.info('unknown-key', `unknown metadata key "${rawKey}" ignored`);
  }
  return { meta, overrides };
}

function setPattern(o: DetectionOverrides, field: 'chapterPattern' | 'sceneBreakPattern', value: unknown, complain: Complain): void {
  if (value === undefined || value === null || String(value).trim() === '') return;
  try {
    o[field] = new RegExp(String(value), 'i');
  } catch (e) {
    complain(`not a valid regular expression: ${(e as Error).message}`);
  }
}

/** A valid BCP 47 tag, canonicalized (a language's name is read as its tag); `en` (with a warning) for anything else. */
export function validLanguage(tag: string | undefined, diags: Diagnostics): string {
  if (!tag) return 'en';
  const known = languageCode(tag);
  if (known) return known;
  diags.warn('bad-language', `"${tag}" is not a language quire knows (a BCP 47 tag such as "en" or "pt-BR", or a name such as "French"); using "en"`);
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
