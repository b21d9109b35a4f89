/**
 * Which marks a book's typography sets: those of its language (its table's
 * `quotes`, with regional variants such as `pt-BR` or `de-CH`), unless the
 * text itself already uses another convention. A story that quotes with
 * „…“, «…» or 「…」, or sets dialogue with dashes, keeps its own marks: its
 * straight quotes become those marks too (or stay straight), never English
 * curly quotes.
 */
import type { Block, Book, Inline } from '../model.js';
import { languageFor } from '../lang/tables.js';
import type { Quotes } from '../lang/types.js';

export type DashStyle = 'em' | 'spaced-en' | 'spaced-em' | 'cjk';

export interface Marks {
  double: readonly [string, string] | null;
  single: readonly [string, string] | null;
}

export interface Style {
  marks: Marks;
  dash: DashStyle;
  /** French: a narrow no-break space inside guillemets and before `; ! ?`, a no-break space before `:`. */
  french: boolean;
}

export const ENGLISH: Style = { marks: { double: ['“', '”'], single: ['‘', '’'] }, dash: 'em', french: false };

/** The table's marks for a tag, with its region's or script's variant (`pt-BR`, `zh-Hant`). */
function quotesFor(tag: string): Quotes {
  const table = languageFor(tag).quotes;
  const subtags = tag.split(/[-_]/).slice(1);
  for (const s of subtags) {
    const variant = table.regions?.[s.length === 4 ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : s.toUpperCase()];
    if (variant) return variant;
  }
  return table;
}

/** What the text already does, counted over a bounded stretch of it. */
export interface Evidence {
  low9: number;
  lowClosesHigh: number;
  lowClosesRight: number;
  guillemets: number;
  reversed: number;
  corner: number;
  englishOpen: number;
  dashParagraphs: number;
  paragraphs: number;
}

const MARKS = /[„“”«»「]/g;
/** Enough text to know a book's habits; reading more would only cost time on a long novel. */
const BUDGET = 400_000;

export function gatherEvidence(book: Book): Evidence {
  const e: Evidence = { low9: 0, lowClosesHigh: 0, lowClosesRight: 0, guillemets: 0, reversed: 0, corner: 0, englishOpen: 0, dashParagraphs: 0, paragraphs: 0 };
  let budget = BUDGET;
  const text = (list: readonly Inline[]): string => list.map((n) => (n.type === 'text' ? n.value : 'children' in n ? text(n.children) : '')).join('');
  const para = (s: string) => {
    budget -= s.length;
    e.paragraphs++;
    if (/^[—–―]\s?[\p{L}¿¡…]/u.test(s) || /^-\s?[\p{Lu}¿¡]/u.test(s)) e.dashParagraphs++;
    let lastLow = false;
    for (const m of s.matchAll(MARKS)) {
      const c = m[0];
      const next = s.charAt(m.index + 1);
      if (c === '„') [e.low9, lastLow] = [e.low9 + 1, true];
      else if (c === '“') {
        if (lastLow) [e.lowClosesHigh, lastLow] = [e.lowClosesHigh + 1, false];
        else e.englishOpen++;
      } else if (c === '”') {
        if (lastLow) [e.lowClosesRight, lastLow] = [e.lowClosesRight + 1, false];
      } else if (c === '「') e.corner++;
      else {
        e.guillemets++;
        // `»Hallo«`: German and Danish books point their guillemets inwards.
        if (c === '»' && /[\p{L}\p{N}]/u.test(next) && (m.index === 0 || /\s/.test(s.charAt(m.index - 1)))) e.reversed++;
      }
    }
  };
  const block = (b: Block): void => {
    if (budget <= 0) return;
    switch (b.type) {
      case 'paragraph':
      case 'pov':
      case 'endMark':
        para(text(b.children));
        break;
      case 'authorNote':
      case 'blockquote':
        b.children.forEach(block);
        break;
      case 'verse':
        b.lines.forEach((l) => para(text(l)));
        break;
      case 'epigraph':
        b.quote.forEach((l) => para(text(l)));
        break;
      case 'list':
        b.items.forEach((item) => item.forEach(block));
        break;
      default:
        break;
    }
  };
  for (const c of book.chapters) {
    c.blocks.forEach(block);
    c.sections.forEach((s) => s.blocks.forEach(block));
  }
  return e;
}

/** The book's style: its language's, bent to the convention its text already uses. */
export function styleFor(tag: string | undefined, dashOption: DashStyle | undefined, evidence?: Evidence): Style {
  const lang = tag ?? 'en';
  const english = languageFor(lang).code === 'en';
  const q = quotesFor(lang);
  const style: Style = {
    marks: { double: q.primary, single: q.secondary },
    dash: dashOption ?? q.dash,
    french: q.inner === '\u202f',
  };
  // A language whose straight quotes stay straight keeps them so whatever its text does.
  if (!evidence || q.primary === null) return style;
  const e = evidence;
  const own = Math.max(e.low9, e.guillemets / 2, e.corner);
  if (own >= 2 && own >= e.englishOpen) {
    // Corner brackets: in Japanese a straight quote may be an emphasis or a 〝〟, so unless the
    // language's own marks are corner brackets (zh-TW), straight quotes stay straight.
    if (e.corner === own) style.marks = q.primary?.[0] === '「' ? style.marks : { double: null, single: null };
    else if (e.low9 === own) {
      style.marks = e.lowClosesRight > e.lowClosesHigh ? { double: ['„', '”'], single: ['‚', '’'] } : { double: ['„', '“'], single: ['‚', '‘'] };
    } else if (!(q.primary?.[0] === '«' || q.primary?.[0] === '»')) {
      style.marks = e.reversed > e.guillemets / 4 ? { double: ['»', '«'], single: ['›', '‹'] } : { double: ['«', '»'], single: ['‹', '›'] };
    } else if (e.reversed > e.guillemets / 4) style.marks = { double: ['»', '«'], single: ['›', '‹'] };
  } else if (english && e.dashParagraphs >= 3 && e.dashParagraphs >= e.paragraphs / 10) {
    // Dialogue set with dashes in a book we take for English: its language is
    // unknown, so English quotes could be wrong. Leave straight quotes be.
    style.marks = { double: null, single: null };
  }
  return style;
}
