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

/** The TOC label: `Chapter 12: Second Chances` when a label stands above the title (a section's too). */
export function chapterTocTitle(chapter: Chapter | Section, join: Join = colon): string {
  const title = inlineText(chapter.title).trim();
  return chapter.label ? join(chapter.label, title) : title;
}

export function chapterToc(chapter: Chapter, index: number, join: Join = colon): TocEntry {
  const href = chapterHref(index);
  return {
    title: chapterTocTitle(chapter, join),
    href,
    children: chapter.sections.map((s, i) => ({ title: chapterTocTitle(s, join), href: `${href}#${sectionId(i)}`, children: [] })),
  };
}

function renderSection(section: Section, index: number): string {
  const label = section.label ? `<span class="section-label">${esc(section.label)}</span> ` : '';
  return `<section id="${sectionId(index)}">
<h3>${label}${section.label ? `<span class="section-title">${renderInlines(section.title)}</span>` : renderInlines(section.title)}</h3>
${renderBlocks(section.blocks)}
</section>`;
}

/** A chapter's document; a part's is the same, marked as a part, holding only what stands before its first chapter. */
export function renderChapter(chapter: Chapter, index: number, lang: string, join: Join = colon): string {
  const label = chapter.label ? `<span class="chapter-label">${esc(chapter.label)}</span> ` : '';
  const heading = `<h2>${label}<span class="chapter-title">${renderInlines(chapter.title)}</span></h2>`;
  const parts = [heading, renderBlocks(chapter.blocks), ...chapter.sections.map(renderSection)].filter(Boolean);
  const open = chapter.part ? `<section id="part-${index + 1}" class="part" epub:type="part">` : `<section id="chapter-${index + 1}" epub:type="chapter">`;
  return xhtml({
    title: chapterTocTitle(chapter, join),
    lang,
    css: 'style.css',
    bodyType: 'bodymatter',
    body: `${open}\n${parts.join('\n')}\n</section>`,
  });
}

/** The table of contents of the story: each part with the chapters after it (up to the next part, or back matter outside it) inside it. */
export function storyToc(chapters: readonly Chapter[], join: Join = colon): TocEntry[] {
  const toc: TocEntry[] = [];
  let part: TocEntry | undefined;
  chapters.forEach((chapter, i) => {
    const entry = chapterToc(chapter, i, join);
    if (chapter.outside) part = undefined;
    if (chapter.part) toc.push((part = entry));
    else (part?.children ?? toc).push(entry);
  });
  return toc;
}
