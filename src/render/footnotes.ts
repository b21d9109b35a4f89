import type { Note } from '../model.js';
import { renderBlocks } from './blocks.js';
import { esc, xhtml } from './xml.js';

/** Footnotes as EPUB endnotes, each with a link back to where it was cited. */
export function renderFootnotes(notes: readonly Note[], lang: string): string {
  const items = notes.map(
    (n) => `<li id="note-${esc(n.id)}" epub:type="endnote">
${renderBlocks(n.blocks)}
<p class="backlink"><a href="#ref-${esc(n.id)}" epub:type="backlink">↩ ${esc(n.label)}</a></p>
</li>`,
  );
  return xhtml({
    title: 'Notes',
    lang,
    css: 'style.css',
    bodyType: 'backmatter',
    body: `<section epub:type="endnotes">\n<h2>Notes</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>`,
  });
}
