import type { Book, Block } from '../model.js';
import { renderBlocks, renderInlines } from './blocks.js';
import type { BookLabels } from './labels.js';
import { esc, xhtml } from './xml.js';

export interface BookStats {
  chapters: number;
  words: number;
}

/** A reader's facts about the work, only those known, in the order FanFicFare's info page uses. */
function facts(book: Book, stats: BookStats, labels: BookLabels): Array<[string, string]> {
  const m = book.meta;
  const f = labels.facts;
  const list = (values: string[]): string | undefined => (values.length ? values.join(', ') : undefined);
  const status = { complete: f.complete, 'in-progress': f.inProgress } as const;
  const rows: Array<[string, string | undefined]> = [
    [f.fandom, list(m.fandoms)],
    [f.rating, m.rating],
    [f.warnings, list(m.warnings)],
    [f.pairings, list(m.pairings)],
    [f.characters, list(m.characters)],
    [f.genre, list(m.genres)],
    [f.tags, list(m.tags)],
    [f.status, m.status && status[m.status]],
    [f.published, m.published],
    [f.updated, m.updated],
    [f.chapters, String(stats.chapters)],
    [f.words, labels.count(stats.words)],
    [f.source, m.source],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
}

export function renderTitlePage(book: Book, stats: BookStats, labels: BookLabels): string {
  const m = book.meta;
  const lines = [`<h1>${esc(m.title)}</h1>`];
  if (m.subtitle) lines.push(`<p class="subtitle">${esc(m.subtitle)}</p>`);
  if (m.authors.length) lines.push(`<p class="author">${esc(labels.by(m.authors.map((a) => a.name)))}</p>`);
  if (m.series) lines.push(`<p class="series">${esc(labels.series(m.series.name, m.series.position))}</p>`);
  if (m.summary?.length) {
    lines.push(`<div class="summary">\n${m.summary.map((p) => `<p>${renderInlines(p)}</p>`).join('\n')}\n</div>`);
  }
  const rows = facts(book, stats, labels).map(([k, v]) => `<dt>${esc(k)}</dt>\n<dd>${esc(v)}</dd>`);
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
