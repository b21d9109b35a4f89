import type { Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import type { Metadata } from '../../model.js';
import { text } from '../../model.js';
import type { Item } from '../items.js';
import type { SiteInput, SiteResult } from './parse.js';
import { all, byId, first, textOf } from './dom.js';

const GENRES = new Set([
  'adventure',
  'angst',
  'crime',
  'drama',
  'family',
  'fantasy',
  'friendship',
  'general',
  'horror',
  'humor',
  'hurt/comfort',
  'mystery',
  'parody',
  'poetry',
  'romance',
  'sci-fi',
  'spiritual',
  'supernatural',
  'suspense',
  'tragedy',
  'western',
]);

/**
 * A saved fanfiction.net chapter page: `#profile_top` (title in `b`, author
 * link to `/u/…`, summary `div`, and the grey facts line "Rated: … - English -
 * Genre - Characters - Chapters: … - Updated: … - Published: … - Status: … -
 * id: …"), the fandom in `#pre_story_links`, the chapter's name in the
 * selected option of `#chap_select`, and the text in `#storytext`.
 */
export function readFfnet(site: SiteInput): SiteResult | undefined {
  const root = site.doc.children;
  const story = byId(root, 'storytext') ?? byId(root, 'storytextp');
  const profile = byId(root, 'profile_top');
  if (!story || !profile) return undefined;

  const meta: Partial<Metadata> = {};
  const title = textOf(first(profile.children, (e) => e.name === 'b'));
  if (title) meta.title = title;
  const author = first(profile.children, (e) => e.name === 'a' && /\/u\/\d+/.test(e.attribs.href ?? ''));
  if (textOf(author)) meta.authors = [{ name: textOf(author) }];
  const summary = first(profile.children, (e) => e.name === 'div' && !first(e.children, (c) => c.name === 'div') && textOf(e).length > 0 && !/Rated:/.test(textOf(e)));
  if (textOf(summary)) meta.summary = [[text(textOf(summary))]];
  const facts = first(profile.children, (e) => e.name === 'span' && /Rated:/.test(textOf(e)));
  if (facts) Object.assign(meta, factsLine(facts));
  const links = all(byId(root, 'pre_story_links')?.children ?? [], (e) => e.name === 'a')
    .map(textOf)
    .filter(Boolean);
  if (links.length) meta.fandoms = [links.at(-1)!];
  const canonical = first(root, (e) => e.name === 'link' && e.attribs.rel === 'canonical');
  if (canonical?.attribs.href) meta.source = canonical.attribs.href;

  const selected = all(byId(root, 'chap_select')?.children ?? [], (e) => e.name === 'option' && 'selected' in e.attribs)[0];
  const m = /^(\d+)\.\s*(.*)$/.exec(textOf(selected));
  const items = site.items(story);
  const top = items[0];
  const start = top ? (top.type === 'block' ? top.block.span.start : top.span.start) : 1;
  const chapterTitle = m?.[2]?.trim() || (m ? `Chapter ${m[1]}` : '');
  const label = m && m[2]?.trim() ? `Chapter ${m[1]}` : undefined;
  // The chapter the page's chapter list names; a heading repeating its name at the top of the text is dropped as a repeat.
  const chapter: Item = { type: 'chapter', title: chapterTitle ? [text(chapterTitle)] : [], ...(label ? { label } : {}), span: { file: site.file, start, end: start }, rule: 'ffnet-chapter' };
  return { meta, items: [chapter, ...items] };
}

/** The grey facts line, split on ` - `; dates come from the `data-xutime` seconds beside their label. */
function factsLine(span: Element): Partial<Metadata> {
  const meta: Partial<Metadata> = {};
  let label = '';
  for (const node of span.children) {
    if (isText(node)) label = /(Updated|Published):\s*$/i.exec(node.data)?.[1]?.toLowerCase() ?? label;
    else if (isTag(node) && node.attribs['data-xutime']) {
      const date = new Date(Number(node.attribs['data-xutime']) * 1000).toISOString().slice(0, 10);
      if (label === 'updated') meta.updated = date;
      if (label === 'published') meta.published = date;
      label = '';
    }
  }
  const parts = textOf(span).split(/\s+-\s+/);
  parts.forEach((part, i) => {
    const kv = /^([\w ]+):\s*(.*)$/.exec(part);
    if (kv) {
      const [, key, value] = kv as unknown as [string, string, string];
      if (/^rated$/i.test(key)) meta.rating = value.replace(/^Fiction\s+/i, '');
      if (/^status$/i.test(key)) meta.status = /complete/i.test(value) ? 'complete' : 'in-progress';
      return;
    }
    if (i === 1) {
      const code = {
        english: 'en',
        spanish: 'es',
        french: 'fr',
        german: 'de',
        italian: 'it',
        portuguese: 'pt',
        russian: 'ru',
        dutch: 'nl',
        polish: 'pl',
        indonesian: 'id',
        tagalog: 'tl',
        chinese: 'zh',
        japanese: 'ja',
      }[part.toLowerCase()];
      if (code) meta.language = code;
      return;
    }
    const genres = part
      .replace(/Hurt\/Comfort/gi, 'Hurt\u0000Comfort')
      .split('/')
      .map((g) => g.replace('\u0000', '/'));
    if (genres.every((g) => GENRES.has(g.toLowerCase()))) {
      meta.genres = genres;
      return;
    }
    // Characters, with pairings in brackets: `[Anna K., Ben T.] Clara M.`
    const pairings = [...part.matchAll(/\[([^\]]+)\]/g)].map((p) => p[1]!.split(/\s*,\s*/).join('/'));
    const characters = part
      .replace(/\]/g, ',')
      .replace(/\[/g, '')
      .split(/\s*,\s*/)
      .map((c) => c.trim())
      .filter(Boolean);
    if (pairings.length) meta.pairings = pairings;
    meta.characters = characters;
  });
  return meta;
}
