import type { RenderedBook } from './index.js';

/**
 * Send to Kindle rejects books for reasons EPUBCheck does not flag. Every
 * rendered book is checked against the ones quire guarantees (README, "Kindle
 * and Kobo"); a problem here is a bug in quire or an input it must refuse, never
 * a book to ship.
 */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

const isWebp = (data: string | Uint8Array): boolean =>
  typeof data !== 'string' && data.length >= 12 && String.fromCharCode(...data.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...data.subarray(8, 12)) === 'WEBP';

function languageProblem(opf: string): string | undefined {
  const tags = [...opf.matchAll(/<dc:language>([^<]*)<\/dc:language>/g)].map((m) => m[1] ?? '');
  if (tags.length === 0) return 'content.opf has no dc:language';
  for (const tag of tags) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (!canonical || canonical === 'und') return `dc:language "${tag}" names no language`;
    } catch {
      return `dc:language "${tag}" is not a BCP 47 tag`;
    }
  }
  return undefined;
}

/** Ids a link may point at: every id but the `<body>`'s, since Kindle drops links to a body id. */
function linkTargets(text: string): Set<string> {
  const all = new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
  const body = /<body\b[^>]*\sid="([^"]+)"/.exec(text)?.[1];
  if (body) all.delete(body);
  return all;
}

export function kindleProblems(book: RenderedBook): string[] {
  const problems: string[] = [];
  const language = languageProblem(book.opf);
  if (language) problems.push(language);
  if (!book.opf.startsWith(XML_DECLARATION)) problems.push('content.opf: no XML declaration with encoding');
  const docs = new Map<string, string>();
  for (const f of book.files) {
    if (f.mediaType === 'image/webp' || isWebp(f.data)) problems.push(`${f.href}: WebP image`);
    if (typeof f.data !== 'string' || !/xml/.test(f.mediaType)) continue;
    if (!f.data.startsWith(XML_DECLARATION)) problems.push(`${f.href}: no XML declaration with encoding`);
    if (f.mediaType === 'application/xhtml+xml') {
      docs.set(f.href, f.data);
      if (/<body\b[^>]*\sid=/.test(f.data)) problems.push(`${f.href}: <body> has an id`);
    }
  }
  for (const [href, text] of docs) {
    for (const m of text.matchAll(/\shref="([^"#:]*)#([^"]+)"/g)) {
      const target = m[1] || href;
      const doc = docs.get(target);
      if (!doc || !linkTargets(doc).has(m[2] ?? '')) problems.push(`${href}: link to #${m[2]} in ${target} points at no element, or at <body>`);
    }
  }
  for (const type of ['title-page', 'text']) {
    if (!book.opf.includes(`<reference type="${type}"`)) problems.push(`content.opf: no <guide> reference of type ${type}`);
  }
  return problems;
}
