// Types for score.mjs, so the tests can import the scorer as written.

export interface Division {
  label: string;
  title?: string;
  sections?: string[];
}

/** One book of ../shared/realworld/truth.json (see its README). */
export interface Truth {
  id: string;
  path: string;
  titles: string[] | null;
  authors: Array<{ name: string; match: string[][] }> | null;
  contributors?: string[];
  language: string;
  kind?: string;
  parts?: Array<{ label: string; title?: string; chapters: number }>;
  chapters: Division[];
  optional?: string[];
  notChapters?: string[];
  forbidden?: string[];
  first: string;
  last: string;
  paragraph?: { start: string; end: string; lines: number };
  minMedianParagraph?: number | null;
  linesKept?: [string, string];
}

export interface Check {
  check: string;
  ok: boolean;
  detail: string;
}

export interface TocEntry {
  title: string;
  href: string;
  depth: number;
  children: TocEntry[];
}

export interface ReadBook {
  title: string[];
  creators: string[];
  contributors: string[];
  language: string[];
  toc: TocEntry[];
  landmarks: Array<{ type: string; href: string }>;
  docs: Array<{ href: string; nav: boolean; lines: string; text: string; paragraphs: Array<{ text: string; lines: string }> }>;
  xhtml: Array<{ href: string; text: string }>;
}

export function readEpub(input: string | Uint8Array): ReadBook;
export function scoreBook(truth: Truth, epub: string | Uint8Array): Check[];
export function scoreRead(truth: Truth, book: ReadBook): Check[];
export function standsFor(entry: { title: string }, division: Division): boolean;
export function parseLabel(label: string): { word?: string; number?: number; han?: boolean };
export function fold(s: string): string;
export function loose(s: string): string;
export const CHECKS: string[];
