import type { Book, Block, Note } from '../model.js';
import { blockInlines } from '../walk.js';
import { renderBlocks } from './blocks.js';
import { esc, xhtml } from './xml.js';

/**
 * Where each note is first cited: note id → the document (`chapter-003.xhtml`)
 * that holds its reference, so a back-link leads to the right file.
 */
export function noteCitations(book: Book, chapterHref: (index: number) => string): Map<string, string> {
  const cited = new Map<string, string>();
  const visit = (blocks: readonly Block[], href: string) => {
    for (const b of blocks) for (const i of blockInlines(b)) if (i.type === 'noteRef' && !cited.has(i.id)) cited.set(i.id, href);
  };
  visit(book.imprint, 'titlepage.xhtml');
  visit(book.front, 'front.xhtml');
  book.chapters.forEach((c, i) => {
    visit(c.blocks, chapterHref(i));
    for (const s of c.sections) visit(s.blocks, chapterHref(i));
  });
  visit(book.back, 'back.xhtml');
  for (const n of book.notes) visit(n.blocks, 'notes.xhtml');
  return cited;
}

/** A note cited twice in one document gets `ref-x`, then `ref-x-2`: ids must be unique per document. */
export function uniqueRefIds(doc: string): string {
  const seen = new Map<string, number>();
  return doc.replace(/ id="ref-([^"]+)"/g, (whole, id: string) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? whole : ` id="ref-${id}-${n}"`;
  });
}

/** Footnotes as EPUB endnotes, each with a link back to where it was first cited. */
export function renderFootnotes(notes: readonly Note[], lang: string, citedIn: ReadonlyMap<string, string>, title = 'Notes'): string {
  const items = notes.map((n) => {
    const href = citedIn.get(n.id);
    const back = href ? `\n<p class="backlink"><a href="${esc(href === 'notes.xhtml' ? '' : href)}#ref-${esc(n.id)}" epub:type="backlink">↩ ${esc(n.label)}</a></p>` : '';
    return `<li id="note-${esc(n.id)}" epub:type="endnote">\n${renderBlocks(n.blocks)}${back}\n</li>`;
  });
  return xhtml({
    title,
    lang,
    css: 'style.css',
    bodyType: 'backmatter',
    body: `<section epub:type="endnotes">\n<h2>${esc(title)}</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>`,
  });
}
