import type { Chapter, Section } from '../model.js';
import { inlineText } from '../model.js';
import { renderBlocks, renderInlines } from './blocks.js';
import { esc, xhtml } from './xml.js';

export interface TocEntry {
  title: string;
  href: string;
  children: TocEntry[];
}

export const chapterHref = (index: number): string => `chapter-${String(index + 1).padStart(3, '0')}.xhtml`;
const sectionId = (index: number): string => `section-${index + 1}`;

/** How a label and a title are joined in the book's language. */
export type Join = (label: string, title: string) => string;
const colon: Join = (label, title) => `${label}: ${title}`;

/** The TOC label: `Chapter 12: Second Chances` when a label stands above the title. */
export function chapterTocTitle(chapter: Chapter, join: Join = colon): string {
  const title = inlineText(chapter.title).trim();
  return chapter.label ? join(chapter.label, title) : title;
}

export function chapterToc(chapter: Chapter, index: number, join: Join = colon): TocEntry {
  const href = chapterHref(index);
  return {
    title: chapterTocTitle(chapter, join),
    href,
    children: chapter.sections.map((s, i) => ({ title: inlineText(s.title).trim(), href: `${href}#${sectionId(i)}`, children: [] })),
  };
}

function renderSection(section: Section, index: number): string {
  return `<section id="${sectionId(index)}">
<h3>${renderInlines(section.title)}</h3>
${renderBlocks(section.blocks)}
</section>`;
}

export function renderChapter(chapter: Chapter, index: number, lang: string, join: Join = colon): string {
  const label = chapter.label ? `<span class="chapter-label">${esc(chapter.label)}</span> ` : '';
  const heading = `<h2>${label}<span class="chapter-title">${renderInlines(chapter.title)}</span></h2>`;
  const parts = [heading, renderBlocks(chapter.blocks), ...chapter.sections.map(renderSection)].filter(Boolean);
  return xhtml({
    title: chapterTocTitle(chapter, join),
    lang,
    css: 'style.css',
    bodyType: 'bodymatter',
    body: `<section id="chapter-${index + 1}" epub:type="chapter">\n${parts.join('\n')}\n</section>`,
  });
}
