import type { RenderedBook } from '../render/index.js';
import { koboSpans } from './spans.js';

/**
 * The same book as a Kobo kepub: every content document in the reading order
 * gets `koboSpan`s and the `book-columns`/`book-inner` wrappers. The package
 * document needs nothing more, since every quire cover is already marked
 * `cover-image`. Packaging stays in src/package/.
 */
export function toKepub(rendered: RenderedBook): RenderedBook {
  const files = rendered.files.map((f) => (f.spine && f.mediaType === 'application/xhtml+xml' && typeof f.data === 'string' ? { ...f, data: koboSpans(f.data) } : f));
  return { files, opf: rendered.opf };
}
