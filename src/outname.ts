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
