import path from 'node:path';

// Names Windows will not open as files, whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX = 80;

/**
 * A file name for a work: ASCII letters, digits and hyphens from its title,
 * never a path, never empty, never a reserved device name.
 */
export function slugify(title: string, fallback = 'book'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '');
  if (!slug) return fallback === 'book' ? fallback : slugify(fallback);
  return RESERVED.test(slug) ? `${slug}-book` : slug;
}

/** Gives each work a distinct name, in input order, so batches name books the same way every run. */
export class OutputNames {
  private readonly taken = new Set<string>();
  claim(title: string, fallback: string): string {
    const base = slugify(title, fallback);
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}-${n}`;
    this.taken.add(name);
    return name;
  }
}

/** `losing-battles_ch12.txt` → `Losing Battles Ch12`: the title of last resort. */
export function titleFromFileName(file: string): string {
  const stem = path
    .basename(file, path.extname(file))
    .replace(/[-_.]+/g, ' ')
    .trim();
  const small = /^(a|an|and|as|at|but|by|for|in|of|on|or|the|to|vs)$/;
  const words = stem.split(/\s+/).map((w, i) => (i > 0 && small.test(w) ? w : w.replace(/^\p{Ll}/u, (c) => c.toUpperCase())));
  return words.join(' ') || 'Untitled';
}
