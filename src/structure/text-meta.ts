/**
 * Front-matter lines (`Title:`, `Summary:`, `Pairing:` …) and titles found in
 * headings → metadata. Explicit fields win over titles guessed from headings.
 */
import type { Author, Metadata } from '../model.js';
import type { Diagnostics } from '../diagnostics.js';
import { toInlines } from './inline.js';

export interface MetaEntry { field: string; value: string; line: number; title?: string }

const list = (v: string, sep = /\s*[,;]\s*/): string[] => v.split(sep).map((s) => s.trim().replace(/\.$/, '')).filter(Boolean);
/** `SasuSaku`, `NaruHina`, `Naruto/Hinata`, `Kakashi x Sakura`. */
const SHIP = /^(?:\p{Lu}\p{Ll}+){2,3}$|^\p{Lu}[\p{L}'’.-]*(?:\s*(?:\/|\sx\s|×)\s*\p{Lu}[\p{L}'’.-]*)+$/u;
const LANGUAGES: Record<string, string> = {
  english: 'en', french: 'fr', spanish: 'es', german: 'de', italian: 'it', portuguese: 'pt',
  japanese: 'ja', russian: 'ru', dutch: 'nl', polish: 'pl', chinese: 'zh', korean: 'ko',
};

export function buildMeta(entries: readonly MetaEntry[], diags: Diagnostics): Partial<Metadata> {
  const meta: Partial<Metadata> = {};
  let titleRank = 0;
  const setTitle = (t: string, rank: number) => {
    if (rank > titleRank && t.trim() !== '') [meta.title, titleRank] = [t.trim(), rank];
  };
  const push = (key: 'tags' | 'fandoms' | 'pairings' | 'characters' | 'genres' | 'warnings', items: string[]) => {
    const have = (meta[key] ??= []);
    for (const it of items) if (!have.includes(it)) have.push(it);
  };
  for (const e of entries) {
    const v = e.value.trim();
    switch (e.field) {
      case 'title': setTitle(v, 3); break;
      case 'top-title': setTitle(v, 2); break;
      case 'work-title': setTitle(v, 1); break;
      case 'title-pairing':
        setTitle(e.title ?? '', 2);
        push('pairings', list(v));
        break;
      case 'author': case 'authors': case 'written by': case 'by': {
        const authors: Author[] = list(v, /\s*(?:,|&|\band\b)\s*/).map((name) => ({ name }));
        if (authors.length > 0) meta.authors = [...(meta.authors ?? []), ...authors];
        break;
      }
      case 'summary': case 'description': case 'blurb': {
        const [summary, ship] = splitShip(v);
        if (summary) meta.summary = [...(meta.summary ?? []), toInlines(summary)];
        if (ship) push('pairings', [ship]);
        break;
      }
      case 'rating': case 'rated': if (v) meta.rating = v; break;
      case 'warning': case 'warnings': case 'content warning': case 'content warnings': push('warnings', list(v)); break;
      case 'pairing': case 'pairings': case 'ship': case 'ships': push('pairings', list(v)); break;
      case 'character': case 'characters': push('characters', list(v)); break;
      case 'genre': case 'genres': push('genres', list(v, /\s*[,;/]\s*/)); break;
      case 'fandom': case 'fandoms': case 'category': case 'categories': push('fandoms', list(v)); break;
      case 'tags': push('tags', list(v)); break;
      case 'status':
        if (/\b(complete|completed|finished|done|one-?shot)\b/i.test(v) && !/\bin-?complete\b/i.test(v)) meta.status = 'complete';
        else if (/\b(in[- ]progress|wip|ongoing|incomplete|unfinished|on hiatus)\b/i.test(v)) meta.status = 'in-progress';
        else diags.warn('unknown-status', `status "${v}" not understood; write "complete" or "in progress"`, e.line);
        break;
      case 'series': {
        const m = /^(.*?)[\s,]*(?:\(|#|\b(?:part|book|no\.?)\s+)\s*(\d+)\)?$/i.exec(v);
        meta.series = m ? { name: m[1]!.trim(), position: Number(m[2]) } : { name: v };
        break;
      }
      case 'language': {
        const tag = LANGUAGES[v.toLowerCase()] ?? (/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(v) ? v : undefined);
        if (tag) meta.language = tag;
        else diags.warn('unknown-language', `language "${v}" not understood; give a BCP 47 tag such as "en"`, e.line);
        break;
      }
      case 'published': case 'updated': {
        const iso = /^\d{4}-\d{2}-\d{2}/.test(v) ? v : undefined;
        if (iso) meta[e.field] = iso;
        break;
      }
      default:
        // `Words:` and the like: counted by quire itself, read and left out of the text.
        break;
    }
  }
  return meta;
}

/** A summary that ends with its pairing (`… and her heart. SasuSaku.`): the two apart. */
function splitShip(summary: string): [string, string | undefined] {
  let cut = -1;
  for (const m of summary.matchAll(/[.!?…]["”’]?\s+/g)) cut = m.index + m[0].length;
  if (cut <= 0) return [summary, undefined];
  const tail = summary.slice(cut).replace(/\.$/, '').trim();
  return SHIP.test(tail) ? [summary.slice(0, cut).trim(), tail] : [summary, undefined];
}
