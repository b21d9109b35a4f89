import type { AnyNode, Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { findOne, getOuterHTML, textContent } from 'domutils';
import { Diagnostics } from '../../diagnostics.js';
import type { Metadata } from '../../model.js';
import { buildOutline, traceOf, type FormatResult, type Item, type ReaderInput } from '../../structure/chapters.js';
import { htmlItems, lineFinder, type HtmlContext } from './items.js';
import { parseHtml, stripChrome } from './sanitize.js';
import { readAo3 } from './ao3.js';
import { readFfnet } from './ffnet.js';

/** What a site recognizer gets: the raw document and a way to read any of its parts as story. */
export interface SiteInput {
  doc: Document;
  /** A raw element's children, sanitized and read as headings and blocks. */
  items: (el: Element) => Item[];
  diags: Diagnostics;
  file: string;
}

/**
 * HTML to the Book tree. A saved AO3 download or fanfiction.net page is read
 * by its known structure; any other page by its headings and paragraphs after
 * site chrome (menus, comment boxes) is removed. Nothing reaches the book
 * without passing the sanitizer.
 */
export function parseHtmlWork(input: ReaderInput): FormatResult {
  const diags = new Diagnostics(input.file);
  const doc = parseHtml(input.text);
  const lineAt = lineFinder(input.text, input.firstLine);
  const ctx = (el: AnyNode): HtmlContext => ({
    file: input.file,
    firstLine: lineAt(el.startIndex ?? 0),
    diags,
    ...(input.detection.chapterPattern ? { chapterPattern: input.detection.chapterPattern } : {}),
  });
  const items = (el: Element): Item[] => htmlItems(el.children.map((c) => getOuterHTML(c)).join(''), ctx(el));
  const site: SiteInput = { doc, items, diags, file: input.file };
  const recognized = readAo3(site) ?? readFfnet(site);
  if (recognized) return { ...recognized, diagnostics: diags.list };

  const meta = documentMeta(doc);
  stripChrome(doc);
  const body = findOne((e) => e.name === 'body', doc.children) ?? doc;
  const main = findOne((e) => e.name === 'main' || e.name === 'article', body.children) ?? body;
  const found = isTag(main) ? items(main) : htmlItems(getOuterHTML(doc.children), ctx(doc));
  const outline = buildOutline(found, { titleFromHeading: input.titleFromHeading, ...(input.detection.chapterLevel ? { chapterLevel: input.detection.chapterLevel } : {}) });
  const title = outline.title ?? meta.title;
  return {
    meta: { ...meta, ...(title ? { title } : {}) },
    front: outline.front,
    chapters: outline.chapters,
    back: [],
    notes: [],
    trace: traceOf(found, 'html'),
    diagnostics: diags.list,
  };
}

/** What a plain page says of itself: `<title>`, `<meta name="author">`, `<html lang>`. */
function documentMeta(doc: Document): Partial<Metadata> {
  const meta: Partial<Metadata> = {};
  const title = findOne((e) => e.name === 'title', doc.children);
  const titleText = title ? textContent(title).replace(/\s+/g, ' ').trim() : '';
  if (titleText) meta.title = titleText;
  const author = findOne((e) => e.name === 'meta' && e.attribs.name?.toLowerCase() === 'author', doc.children);
  if (author?.attribs.content?.trim()) meta.authors = [{ name: author.attribs.content.trim() }];
  const html = findOne((e) => e.name === 'html', doc.children);
  if (html?.attribs.lang) meta.language = html.attribs.lang;
  return meta;
}
