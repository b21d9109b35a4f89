import type { Book, Block } from '../model.js';
import { groupThousands } from '../stats.js';
import { renderBlocks, renderInlines } from './blocks.js';
import { esc, xhtml } from './xml.js';

export interface BookStats {
  chapters: number;
  words: number;
}

const STATUS = { complete: 'Complete', 'in-progress': 'In progress' } as const;

/** A reader's facts about the work, only those known, in the order FanFicFare's info page uses. */
function facts(book: Book, stats: BookStats): Array<[string, string]> {
  const m = book.meta;
  const list = (values: string[]): string | undefined => (values.length ? values.join(', ') : undefined);
  const rows: Array<[string, string | undefined]> = [
    ['Fandom', list(m.fandoms)],
    ['Rating', m.rating],
    ['Warnings', list(m.warnings)],
    ['Pairings', list(m.pairings)],
    ['Characters', list(m.characters)],
    ['Genre', list(m.genres)],
    ['Tags', list(m.tags)],
    ['Status', m.status && STATUS[m.status]],
    ['Published', m.published],
    ['Updated', m.updated],
    ['Chapters', String(stats.chapters)],
    ['Words', groupThousands(stats.words)],
    ['Source', m.source],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
}

export function renderTitlePage(book: Book, stats: BookStats): string {
  const m = book.meta;
  const lines = [`<h1>${esc(m.title)}</h1>`];
  if (m.subtitle) lines.push(`<p class="subtitle">${esc(m.subtitle)}</p>`);
  if (m.authors.length) lines.push(`<p class="author">by ${esc(m.authors.map((a) => a.name).join(' & '))}</p>`);
  if (m.series) {
    const pos = m.series.position !== undefined ? `, book ${m.series.position}` : '';
    lines.push(`<p class="series">${esc(m.series.name)}${esc(pos)}</p>`);
  }
  if (m.summary?.length) {
    lines.push(`<div class="summary">\n${m.summary.map((p) => `<p>${renderInlines(p)}</p>`).join('\n')}\n</div>`);
  }
  const rows = facts(book, stats).map(([k, v]) => `<dt>${esc(k)}</dt>\n<dd>${esc(v)}</dd>`);
  if (rows.length) lines.push(`<dl class="facts">\n${rows.join('\n')}\n</dl>`);
  if (book.imprint.length) lines.push(`<div class="imprint">\n${renderBlocks(book.imprint)}\n</div>`);
  return xhtml({
    title: m.title,
    lang: m.language,
    css: 'style.css',
    bodyType: 'frontmatter',
    body: `<section epub:type="titlepage" class="titlepage">\n${lines.join('\n')}\n</section>`,
  });
}

/** Notes before or after the story, each in its own document. */
export function renderNotesPage(title: string, blocks: Block[], lang: string, bodyType: 'frontmatter' | 'backmatter'): string {
  return xhtml({
    title,
    lang,
    css: 'style.css',
    bodyType,
    body: `<section class="notes">\n<h2>${esc(title)}</h2>\n${renderBlocks(blocks)}\n</section>`,
  });
}
