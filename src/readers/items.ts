/**
 * What every reader hands the structure step: one flat stream of items, in
 * reading order, whatever the input format. A reader says only what its
 * syntax says (this is a line, this is an `<h2>`, this is a `---` rule);
 * what a line of words *means* — a chapter heading, a scene break, an
 * author's note, a `Title:` field — is decided once, by the rule table in
 * `structure/`, for plain text, Markdown and HTML alike.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Block, Inline, Metadata, Note, Span } from '../model.js';
import { text } from '../model.js';

export type Item =
  | TextItem
  /** A heading the markup marks as one (`## Title`, `<h2>`): its depth, and its words for the rules to read. */
  | { type: 'heading'; depth: number; inlines: Inline[]; span: Span; rule: string }
  /**
   * A chapter a site's page structure names (an AO3 chapter's heading): it
   * starts a chapter, and every other heading inside it opens a section.
   */
  | { type: 'chapter'; title: Inline[]; label?: string; span: Span; rule: string }
  /** A block whose meaning the markup settles: a rule, a list, a quotation, verse, an image, a site's note. */
  | { type: 'block'; block: Block; rule: string };

/**
 * A line of plain text, or a paragraph of a marked-up document, whose meaning
 * the rule table decides.
 */
export interface TextItem {
  type: 'text';
  /** The words, trimmed. */
  text: string;
  /** The inline markup of a marked-up paragraph; plain text is read for `*emphasis*` when it becomes a paragraph. */
  inlines?: Inline[];
  span: Span;
  /** Leading white space; tabs count as four. */
  indent: number;
  /** Blank lines before and after it (plain text); 1 between the paragraphs of a marked-up document. */
  gapBefore: number;
  gapAfter: number;
}

/** How a text lays out its paragraphs, decided from the whole file (see `readers/text/layout.ts`). */
export type ParagraphMode =
  /** One paragraph per line, no blank lines between them. */
  | 'line'
  /** One paragraph per line, one blank line between paragraphs. */
  | 'blank'
  /** Hard-wrapped at a fixed width, blank lines between paragraphs (Project Gutenberg). */
  | 'wrapped'
  /** Hard-wrapped, each paragraph's first line indented. */
  | 'indented'
  /** Every text item is a paragraph of its own, as markup marked it. */
  | 'markup';

export interface Layout {
  mode: ParagraphMode;
  /** The wrap column for `wrapped`/`indented` files; 0 otherwise. */
  width: number;
  /** Blank lines that normally separate two paragraphs. */
  normalGap: number;
  /** Whether a larger-than-normal gap is a scene break (true when such gaps are rare). */
  gapBreaks: boolean;
  /** How many gaps are larger than normal. */
  wideGaps: number;
}

/** Markup marks every paragraph and every break itself: no gap means anything. */
export const MARKUP_LAYOUT: Layout = { mode: 'markup', width: 0, normalGap: 1, gapBreaks: false, wideGaps: 0 };

/** A story file as its reader found it. */
export interface ReadStory {
  items: Item[];
  layout: Layout;
  /** What the format itself says of the work: an HTML `<title>`, a site's tag list. */
  meta: Partial<Metadata>;
  /** Footnotes, rendered as endnotes with back-links. */
  notes: Note[];
  diagnostics: Diagnostic[];
}

/** What each rule a reader names for the markup it met means, for `quire inspect`. */
export const MARKUP_RULES: ReadonlyMap<string, string> = new Map([
  ['markdown-heading', 'a Markdown `#` heading: its depth decides its level where its words name none'],
  ['html-heading', 'an HTML `<h1>`–`<h6>` heading: its depth decides its level where its words name none'],
  ['markdown-rule', 'a Markdown `---` / `***` rule: a scene break'],
  ['html-rule', 'an HTML `<hr>`: a scene break'],
  ['html-empty-paragraphs', 'two or more empty HTML paragraphs in a row: the blank lines of a scene break'],
  ['html-line-breaks', 'a run of `<br>` with no text: the blank lines of a scene break'],
  ['markdown-quote', 'a Markdown `>` quotation'],
  ['html-quote', 'an HTML `<blockquote>`'],
  ['markdown-list', 'a Markdown list'],
  ['html-list', 'an HTML list'],
  ['markdown-code', 'a Markdown code block, kept line for line'],
  ['html-pre', 'an HTML `<pre>` block, kept line for line'],
  ['markdown-table', 'a row of a Markdown table, as a paragraph'],
  ['markdown-image', 'a local image a Markdown story names'],
  ['html-image', 'a local image an HTML story names'],
  ['ao3-chapter', "a chapter of an AO3 download, by the page's own chapter heading"],
  ['ao3-notes', "an AO3 summary, notes or end notes block, by the page's own labels"],
  ['ffnet-chapter', "the chapter of a saved fanfiction.net page, named by the page's chapter list"],
]);

/** A text item for one paragraph of a marked-up document. */
export function paragraphItem(inlines: Inline[], span: Span): TextItem {
  return { type: 'text', text: plainText(inlines), inlines, span, indent: 0, gapBefore: 1, gapAfter: 1 };
}

function plainText(inlines: readonly Inline[]): string {
  let out = '';
  for (const i of inlines) {
    if (i.type === 'text') out += i.value;
    else if (i.type === 'lineBreak') out += ' ';
    else if (i.type !== 'noteRef') out += plainText(i.children);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Items inside a container (a quotation, a list item, a footnote, a site's
 * note) as blocks: there, a heading is only bold words and a paragraph only
 * a paragraph.
 */
export function itemBlocks(items: readonly Item[]): Block[] {
  const blocks = items.flatMap((i): Block[] => {
    switch (i.type) {
      case 'text':
        return [{ type: 'paragraph', children: i.inlines ?? [text(i.text)], span: i.span }];
      case 'heading':
        return [{ type: 'paragraph', children: [{ type: 'strong', children: i.inlines }], span: i.span }];
      case 'chapter':
        return [{ type: 'paragraph', children: [{ type: 'strong', children: i.title }], span: i.span }];
      case 'block':
        return [i.block];
    }
  });
  // A break separates two runs of text: never first, last or doubled.
  return blocks.filter((b, k) => b.type !== 'sceneBreak' || (k > 0 && k < blocks.length - 1 && blocks[k - 1]!.type !== 'sceneBreak' && blocks.slice(k + 1).some((x) => x.type !== 'sceneBreak')));
}
