import type { AnyNode, Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { findOne, getOuterHTML, textContent } from 'domutils';
import { Diagnostics } from '../../diagnostics.js';
import type { Metadata } from '../../model.js';
import type { ReaderInput } from '../index.js';
import { MARKUP_LAYOUT, type Item, type ReadStory } from '../items.js';
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

/** What a site recognizer finds: the page's own metadata and the story as items. */
export interface SiteResult {
  meta: Partial<Metadata>;
  items: Item[];
}

/**
 * HTML → items. A saved AO3 download or fanfiction.net page is read by its
 * known structure; any other page by its headings and paragraphs after site
 * chrome (menus, comment boxes) is removed. Nothing reaches the book without
 * passing the sanitizer.
 */
export function readHtml(input: ReaderInput): ReadStory {
  const diags = new Diagnostics(input.file);
  const doc = parseHtml(input.text);
  const lineAt = lineFinder(input.text, input.firstLine);
  const ctx = (el: AnyNode): HtmlContext => ({ file: input.file, firstLine: lineAt(el.startIndex ?? 0), diags });
  const items = (el: Element): Item[] => htmlItems(el.children.map((c) => getOuterHTML(c)).join(''), ctx(el));
  const site: SiteInput = { doc, items, diags, file: input.file };
  const page: SiteResult = readAo3(site) ?? readFfnet(site) ?? plainPage(doc, items, ctx);
  return { items: page.items, layout: MARKUP_LAYOUT, meta: page.meta, notes: [], diagnostics: diags.list };
}

function plainPage(doc: Document, items: (el: Element) => Item[], ctx: (el: AnyNode) => HtmlContext): SiteResult {
  const meta = documentMeta(doc);
  stripChrome(doc);
  const body = findOne((e) => e.name === 'body', doc.children) ?? doc;
  const main = findOne((e) => e.name === 'main' || e.name === 'article', body.children) ?? body;
  return { meta, items: isTag(main) ? items(main) : htmlItems(getOuterHTML(doc.children), ctx(doc)) };
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
