import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { id } from './id.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import { tr } from './tr.js';
import { uk } from './uk.js';
import { vi } from './vi.js';
import { zh } from './zh.js';
import type { LanguageTable } from './types.js';

/**
 * Every table, English first: where two languages share a word, English
 * names it. Adding a language is adding its file and its name here.
 */
export const TABLES: readonly LanguageTable[] = [en, es, pt, fr, de, it, nl, pl, ru, uk, tr, id, vi, zh, ja, ko];

export const BY_CODE: ReadonlyMap<string, LanguageTable> = new Map(TABLES.map((t) => [t.code, t]));

/** The table for a tag's primary subtag (`pt-BR` → Portuguese); English when there is none. */
export function languageFor(tag: string | undefined): LanguageTable {
  return BY_CODE.get((tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '') ?? en;
}

/** The heading of a chapter that has none, in the book's language: `Chapter 3`, `Capítulo 3`, `第3章`. */
export function chapterLabel(tag: string | undefined, n: number): string {
  return languageFor(tag).labels.chapter.replace('{n}', String(n));
}
