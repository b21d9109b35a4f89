import type { Element } from 'domhandler';
import type { Block, Inline, Metadata } from '../../model.js';
import { text } from '../../model.js';
import { itemBlocks, type Item } from '../items.js';
import type { SiteInput, SiteResult } from './parse.js';
import { all, byId, first, hasClass, tags, textOf } from './dom.js';

// AO3 names languages in their own words; these are the common ones.
const LANGUAGES: Record<string, string> = {
  english: 'en',
  español: 'es',
  français: 'fr',
  deutsch: 'de',
  italiano: 'it',
  português: 'pt',
  'português brasileiro': 'pt-BR',
  русский: 'ru',
  polski: 'pl',
  nederlands: 'nl',
  中文: 'zh',
  '中文-普通话 國語': 'zh',
  日本語: 'ja',
  한국어: 'ko',
  svenska: 'sv',
  suomi: 'fi',
  dansk: 'da',
  norsk: 'no',
  čeština: 'cs',
  magyar: 'hu',
  türkçe: 'tr',
  'tiếng việt': 'vi',
  'bahasa indonesia': 'id',
};

/**
 * An AO3 "Download → HTML" file: `#preface` (a `dl.tags` list of rating,
 * warnings, fandoms, relationships, characters, tags, language, series and
 * stats; the title `h1`, the byline, Summary and Notes blockquotes),
 * `#chapters` (per chapter a `div.meta` with `h2.heading` and chapter
 * summary/notes, the `div.userstuff` text, an optional end-notes `div.meta`),
 * and `#afterword` (the work's end notes).
 */
export function readAo3(site: SiteInput): SiteResult | undefined {
  const root = site.doc.children;
  const preface = byId(root, 'preface');
  const chaptersEl = byId(root, 'chapters');
  if (!preface || !chaptersEl) return undefined;
  const dl = first(preface.children, (e) => e.name === 'dl' && hasClass(e, 'tags'));
  if (!dl && !/Archive of Our Own/i.test(textOf(preface))) return undefined;

  const meta: Partial<Metadata> = dl ? tagMeta(dl) : {};
  const h1 = first(preface.children, (e) => e.name === 'h1');
  if (textOf(h1)) meta.title = textOf(h1);
  const byline = first(preface.children, (e) => hasClass(e, 'byline'));
  if (byline) {
    const links = all(byline.children, (e) => e.name === 'a' && e.attribs.rel === 'author')
      .map(textOf)
      .filter(Boolean);
    const names = links.length
      ? links
      : textOf(byline)
          .replace(/^by\s+/i, '')
          .split(/\s*,\s*/)
          .filter(Boolean);
    meta.authors = names.map((name) => ({ name }));
  }
  const link = all(preface.children, (e) => e.name === 'a' && /\/works\/\d+/.test(e.attribs.href ?? ''))[0];
  if (link?.attribs.href) meta.source = link.attribs.href;

  const items: Item[] = [];
  const prefaceMeta = first(preface.children, (e) => hasClass(e, 'meta')) ?? preface;
  for (const note of labelledNotes(prefaceMeta, site)) {
    if (/^summary$/i.test(note.label)) meta.summary = paragraphsOf(note.blocks);
    else items.push(asItem(authorNote(note.label, note.blocks)));
  }
  items.push(...readChapters(chaptersEl, site));
  // The work's end notes follow its last chapter, where the structure step takes them as end notes.
  const afterword = byId(root, 'afterword');
  const afterMeta = afterword && first(afterword.children, (e) => hasClass(e, 'meta'));
  if (afterMeta) for (const note of labelledNotes(afterMeta, site)) items.push(asItem(authorNote(note.label, note.blocks)));
  return { meta, items };
}

function tagMeta(dl: Element): Partial<Metadata> {
  const meta: Partial<Metadata> = {};
  let label = '';
  for (const el of tags(dl)) {
    if (el.name === 'dt') {
      label = textOf(el).replace(/:$/, '').toLowerCase();
      continue;
    }
    if (el.name !== 'dd') continue;
    const links = all(el.children, (e) => e.name === 'a')
      .map(textOf)
      .filter(Boolean);
    const values = links.length
      ? links
      : textOf(el)
          .split(/\s*,\s*/)
          .filter(Boolean);
    const value = textOf(el);
    switch (label) {
      case 'rating':
        meta.rating = values.join(', ');
        break;
      case 'archive warning':
      case 'archive warnings':
        meta.warnings = values;
        break;
      case 'category':
      case 'categories':
        meta.genres = values;
        break;
      case 'fandom':
      case 'fandoms':
        meta.fandoms = values;
        break;
      case 'relationship':
      case 'relationships':
        meta.pairings = values;
        break;
      case 'character':
      case 'characters':
        meta.characters = values;
        break;
      case 'additional tags':
      case 'freeform':
        meta.tags = values;
        break;
      case 'language': {
        const code = LANGUAGES[value.toLowerCase()];
        if (code) meta.language = code;
        break;
      }
      case 'series': {
        const m = /part\s+(\d+)\s+of\s+(.+?)(?:\s{2,}|$)/i.exec(value);
        if (m) meta.series = { name: links[0] ?? m[2]!.trim(), position: Number(m[1]) };
        break;
      }
      case 'stats':
        Object.assign(meta, stats(value));
        break;
      default:
        break;
    }
  }
  return meta;
}

/** `Published: 2021-03-04 Completed: 2021-05-06 Words: 12,345 Chapters: 3/3`. */
function stats(value: string): Partial<Metadata> {
  const meta: Partial<Metadata> = {};
  const date = (key: string) => new RegExp(`${key}:\\s*(\\d{4}-\\d{2}-\\d{2})`, 'i').exec(value)?.[1];
  const published = date('Published');
  const updated = date('Updated') ?? date('Completed');
  if (published) meta.published = published;
  if (updated) meta.updated = updated;
  const chapters = /Chapters:\s*(\d+)\s*\/\s*(\d+|\?)/i.exec(value);
  if (chapters) meta.status = chapters[1] === chapters[2] ? 'complete' : 'in-progress';
  return meta;
}

interface LabelledNote {
  label: string;
  blocks: Block[];
}

/** AO3 writes every note as a label paragraph (`Notes`, `Chapter End Notes`) and a `blockquote.userstuff`. */
function labelledNotes(container: Element, site: SiteInput): LabelledNote[] {
  const notes: LabelledNote[] = [];
  let label = '';
  for (const el of tags(container)) {
    if (el.name === 'p') label = textOf(el).replace(/:$/, '');
    else if (el.name === 'blockquote' && label) {
      const blocks = itemBlocks(site.items(el));
      if (blocks.length) notes.push({ label, blocks });
      label = '';
    }
  }
  return notes;
}

/** Each chapter as a chapter item, then its start notes, its text and its end notes. */
function readChapters(chaptersEl: Element, site: SiteInput): Item[] {
  interface Draft {
    heading: string;
    span: Item[];
    start: Block[];
    body: Item[];
    end: Block[];
  }
  const drafts: Draft[] = [];
  const current = (): Draft => drafts.at(-1) ?? (drafts.push({ heading: '', span: [], start: [], body: [], end: [] }), drafts.at(-1)!);
  for (const el of tags(chaptersEl)) {
    if (hasClass(el, 'toc-heading')) continue;
    if (hasClass(el, 'meta')) {
      const heading = first(el.children, (e) => /^h\d$/.test(e.name) && hasClass(e, 'heading'));
      if (heading) drafts.push({ heading: textOf(heading), span: site.items(heading), start: [], body: [], end: [] });
      const draft = current();
      const notes = labelledNotes(el, site).map((n) => authorNote(n.label, n.blocks));
      (draft.body.length ? draft.end : draft.start).push(...notes);
    } else if (hasClass(el, 'userstuff')) current().body.push(...site.items(el));
  }
  // A one-shot's download may hold the story text right inside #chapters.
  if (!drafts.length) drafts.push({ heading: '', span: [], start: [], body: site.items(chaptersEl), end: [] });
  return drafts.flatMap((d): Item[] => {
    const at = [...d.span, ...d.start.map(asItem), ...d.body][0];
    const span = at ? (at.type === 'block' ? at.block.span : at.span) : { file: site.file, start: 1, end: 1 };
    // `Chapter 3: The Long Road` is split into its label and title by the rule table, as in every format.
    const chapter: Item = { type: 'chapter', title: d.heading ? [text(d.heading)] : [], span: { ...span, end: span.start }, rule: 'ao3-chapter' };
    return [chapter, ...d.start.map(asItem), ...d.body, ...d.end.map(asItem)];
  });
}

const asItem = (block: Block): Item => ({ type: 'block', block, rule: 'ao3-notes' });

function authorNote(label: string, children: Block[]): Block {
  const first = children[0]?.span ?? { file: '', start: 1, end: 1 };
  const last = children.at(-1)?.span ?? first;
  return { type: 'authorNote', label, children, span: { file: first.file, start: first.start, end: last.end } };
}

function paragraphsOf(blocks: Block[]): Inline[][] {
  return blocks.flatMap((b) => (b.type === 'paragraph' ? [b.children] : b.type === 'blockquote' ? paragraphsOf(b.children) : []));
}
