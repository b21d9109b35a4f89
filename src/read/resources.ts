import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Block, Book } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import { mapBookBlocks } from '../walk.js';

/** A file a book's documents refer to (an image), read and checked, ready to pack. */
export interface ResourceFile {
  href: string;
  mediaType: string;
  data: Uint8Array;
}

// EPUB core media types that every reader shows; SVG is left out because it can carry scripts.
const KINDS: Array<{ type: string; ext: string; magic: (b: Uint8Array) => boolean }> = [
  { type: 'image/png', ext: 'png', magic: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: 'image/jpeg', ext: 'jpg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', ext: 'gif', magic: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
];

const inside = (file: string, root: string): boolean => {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * Packs the local images a book names. Each path must resolve (symlinks
 * followed) inside one of the work's roots and hold a PNG, JPEG or GIF; any
 * other image is left out with a warning naming file and line. The same file
 * named twice is packed once.
 */
export function collectResources(book: Book, roots: readonly string[]): { book: Book; resources: ResourceFile[]; files: string[]; diagnostics: Diagnostic[] } {
  // Most books have no image: copying the whole tree to change nothing was
  // a tenth of a second on a big one.
  if (!hasImage(book)) return { book, resources: [], files: [], diagnostics: [] };
  const realRoots = roots.flatMap((r) => {
    try {
      return [realpathSync(r)];
    } catch {
      return [];
    }
  });
  const resources: ResourceFile[] = [];
  const byPath = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const out = mapBookBlocks(book, (b) => {
    if (b.type !== 'image') return b;
    const warn = (message: string) => {
      diagnostics.push({ severity: 'warning', code: 'image-skipped', message: `${message}; the image was left out`, file: b.span.file, line: b.span.start });
      return undefined;
    };
    if (!path.isAbsolute(b.src)) return warn(`image "${b.src}" is not a local file`);
    let real: string;
    try {
      real = realpathSync(b.src);
    } catch {
      return warn(`image file ${b.src} does not exist`);
    }
    if (!realRoots.some((r) => inside(real, r))) return warn(`image file ${b.src} is outside the story's folder`);
    let href = byPath.get(real);
    if (!href) {
      let data: Uint8Array;
      try {
        data = new Uint8Array(readFileSync(real));
      } catch {
        return warn(`image file ${b.src} cannot be read`);
      }
      const kind = KINDS.find((k) => k.magic(data));
      if (!kind) return warn(`image file ${b.src} is not a PNG, JPEG or GIF`);
      href = `images/image-${resources.length + 1}.${kind.ext}`;
      resources.push({ href, mediaType: kind.type, data });
      byPath.set(real, href);
    }
    return { ...b, src: href };
  });
  return { book: out, resources, files: [...byPath.keys()], diagnostics };
}

function hasImage(book: Book): boolean {
  const any = (blocks: readonly Block[]): boolean =>
    blocks.some((b) => b.type === 'image' || ((b.type === 'blockquote' || b.type === 'authorNote') && any(b.children)) || (b.type === 'list' && b.items.some(any)));
  return any(book.imprint) || any(book.front) || any(book.back) || book.notes.some((n) => any(n.blocks)) || book.chapters.some((c) => any(c.blocks) || c.sections.some((s) => any(s.blocks)));
}
