import path from 'node:path';
import type { Block, Span } from '../model.js';
import type { Diagnostics } from '../diagnostics.js';

/**
 * An image a story names, as a block whose `src` is an absolute local path
 * (packed later by read/resources.ts), or nothing: remote and inline-data
 * images are never fetched or decoded, only named in a warning.
 */
export function imageBlock(src: string, alt: string, span: Span, diags: Diagnostics): Block | undefined {
  const url = src.trim();
  if (!url) {
    diags.warn('image-no-source', 'an image without a usable source was left out', span.start);
    return undefined;
  }
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url) && !/^file:/i.test(url)) {
    const shown = url.startsWith('data:') ? `${url.slice(0, 30)}…` : url;
    diags.warn('remote-image', `image ${shown} is not a local file and was left out (quire never fetches anything)`, span.start);
    return undefined;
  }
  let local = url.replace(/^file:\/\//i, '').replace(/[?#].*$/, '');
  try {
    local = decodeURI(local);
  } catch {
    // keep the path as written
  }
  return { type: 'image', src: path.resolve(path.dirname(span.file), local), alt, span };
}
