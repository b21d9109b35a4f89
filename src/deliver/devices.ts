/**
 * Which e-reader a folder is, told by the files its maker puts on it. The
 * rules are one table, tried in order, the first whose markers all exist
 * winning; README's "Put books on your reader" lists the same rows with where
 * each marker comes from. Nothing here writes.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const DEVICE_KINDS = ['kobo', 'kindle', 'pocketbook', 'tolino', 'koreader', 'generic'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** What a reader is sent: the EPUB, the Kobo kepub, or an AZW3 made by calibre. */
export type BookFormat = 'epub' | 'kepub' | 'azw3';

export interface DeviceType {
  kind: DeviceKind;
  /** How the reader is named to people. */
  name: string;
  format: BookFormat;
  /** The reader's own folder for books, relative to its root ('' = the root); `--folder` goes inside it. */
  base: string;
}

/** The devices by kind: what each gets and where. */
export const DEVICE_TYPES: Readonly<Record<DeviceKind, DeviceType>> = {
  // Kobo's own reading features (statistics, page counts) work only for kepubs.
  kobo: { kind: 'kobo', name: 'Kobo', format: 'kepub', base: '' },
  // A Kindle indexes only documents/ (calibre's EBOOK_DIR_MAIN) and reads AZW3, not EPUB.
  kindle: { kind: 'kindle', name: 'Kindle', format: 'azw3', base: 'documents' },
  pocketbook: { kind: 'pocketbook', name: 'PocketBook', format: 'epub', base: '' },
  // calibre's Tolino driver uploads into Books/: "the tolino vision only handles books inside the Books folder".
  tolino: { kind: 'tolino', name: 'Tolino', format: 'epub', base: 'Books' },
  koreader: { kind: 'koreader', name: 'KOReader', format: 'epub', base: '' },
  generic: { kind: 'generic', name: 'reader', format: 'epub', base: '' },
};

export interface MarkerRule {
  kind: DeviceKind;
  /** Paths that must all exist under the root; a trailing `/` means a folder. */
  markers: readonly string[];
  /** A file whose text must match, when the markers alone do not tell two readers apart. */
  content?: { file: string; pattern: RegExp };
  /** Where the marker is documented (README repeats it). */
  source: string;
}

/**
 * The marker table, most particular first: a Tolino made by Kobo carries a
 * Kobo's `.kobo/`, and a PocketBook has a `system/` folder like a Kindle's.
 */
export const MARKER_RULES: readonly MarkerRule[] = [
  {
    kind: 'tolino',
    markers: ['.kobo/', '.kobo/version'],
    // `.kobo/version` is six comma-separated fields, the last ending in the model id; 6xx models are Tolinos built by Kobo.
    content: { file: '.kobo/version', pattern: /-0*6\d\d\s*$/ },
    source: 'the Kobo model id in .kobo/version (calibre devices/kobo/driver.py reads the same file); Tolino models from Kobo are 6xx',
  },
  { kind: 'kobo', markers: ['.kobo/'], source: 'calibre devices/kobo/driver.py: the library database .kobo/KoboReader.sqlite and .kobo/version' },
  { kind: 'pocketbook', markers: ['system/explorer-3/'], source: "PocketBook firmware's library database, system/explorer-3/explorer-3.db" },
  { kind: 'kindle', markers: ['documents/', 'system/'], source: 'calibre devices/kindle/driver.py: books in documents/, cover thumbnails in system/thumbnails/' },
  { kind: 'koreader', markers: ['koreader/'], source: "KOReader's own install folder at the root of a reader's storage" },
];

/** KOReader's install folders: on a Kindle or a bare reader, on a Kobo, on a PocketBook. */
export const KOREADER_MARKERS: readonly string[] = ['koreader/', '.adds/koreader/', 'applications/koreader/'];

export interface Reader {
  /** The mount point or folder. */
  root: string;
  type: DeviceType;
  /** KOReader is installed beside the maker's software. */
  koreader: boolean;
}

async function exists(root: string, marker: string): Promise<boolean> {
  const info = await stat(path.join(root, marker)).catch(() => undefined);
  if (!info) return false;
  return marker.endsWith('/') ? info.isDirectory() : info.isFile();
}

/** The reader a folder is, by the marker table, or undefined when no row fits. */
export async function identify(root: string): Promise<Reader | undefined> {
  const koreader = (await Promise.all(KOREADER_MARKERS.map((m) => exists(root, m)))).some(Boolean);
  for (const rule of MARKER_RULES) {
    if (!(await Promise.all(rule.markers.map((m) => exists(root, m)))).every(Boolean)) continue;
    if (rule.content) {
      const text = await readFile(path.join(root, rule.content.file), 'utf8').catch(() => '');
      if (!rule.content.pattern.test(text)) continue;
    }
    return { root, type: DEVICE_TYPES[rule.kind], koreader: koreader && rule.kind !== 'koreader' };
  }
  return undefined;
}

export interface MountPlaces {
  platform: NodeJS.Platform;
  user: string;
  /** Folders whose entries are mount points, instead of the platform's own (`QUIRE_MOUNTS`). */
  override?: readonly string[];
}

/** The folders whose entries may be a mounted reader, for this platform. */
export function mountParents(places: MountPlaces): string[] {
  if (places.override?.length) return [...places.override];
  switch (places.platform) {
    case 'darwin':
      return ['/Volumes'];
    case 'win32':
      return [];
    default:
      return [`/media/${places.user}`, `/run/media/${places.user}`, '/mnt'];
  }
}

/** Every mounted reader quire can tell by its markers, in a stable order. */
export async function findReaders(places: MountPlaces): Promise<Reader[]> {
  const candidates: string[] = [];
  if (places.platform === 'win32' && !places.override?.length) {
    // Drive letters: A: and B: are floppies by convention, C: the system.
    for (const letter of 'DEFGHIJKLMNOPQRSTUVWXYZ') candidates.push(`${letter}:\\`);
  }
  for (const parent of mountParents(places)) {
    const names = await readdir(parent).catch(() => [] as string[]);
    for (const name of names.sort()) candidates.push(path.join(parent, name));
  }
  const found: Reader[] = [];
  for (const root of candidates) {
    const reader = await identify(root);
    if (reader) found.push(reader);
  }
  return found;
}

/** `Kobo at /media/me/KOBOeReader (KOReader installed)` */
export const describeReader = (r: Reader): string => `${r.type.name} at ${r.root}${r.koreader ? ' (KOReader installed)' : ''}`;
