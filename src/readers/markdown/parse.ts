import { Marked, type Token, type Tokens } from 'marked';
import markedFootnote, { type Footnotes } from 'marked-footnote';
import type { Block, Inline, Note, Span } from '../../model.js';
import { text } from '../../model.js';
import { Diagnostics } from '../../diagnostics.js';
import type { ReaderInput } from '../index.js';
import { itemBlocks, MARKUP_LAYOUT, paragraphItem, type Item, type ReadStory } from '../items.js';
import { imageBlock } from '../images.js';
import { htmlItems } from '../html/items.js';
import { hasRawHtml, inlineHtml, mdInlines, noteId, restoreRefs } from './inline.js';
import { mapBlockInlines } from '../../walk.js';

// A fresh instance per document: marked-footnote keeps per-document state
// (its footnotes token, its counter) that only its HTML renderer resets.
const newLexer = () => new Marked({ gfm: true }).use(markedFootnote());

/**
 * Markdown → items, from marked's tokens (never its HTML): `#` headings with
 * their depth, paragraphs as text for the rule table to read, `---` as a
 * scene break; raw HTML goes through the same sanitizer as HTML files.
 */
export function readMarkdown(input: ReaderInput): ReadStory {
  const diags = new Diagnostics(input.file);
  const tokens = newLexer().lexer(input.text);
  const lines = lineLocator(input.text, input.firstLine, input.file);
  const ctx: Ctx = { file: input.file, diags, prefix: input.idPrefix };
  const notes: Note[] = [];
  const items: Item[] = [];
  for (const token of tokens) {
    const span = lines(token.raw);
    if (token.type === 'footnotes') {
      for (const fn of (token as unknown as Footnotes).items) {
        const blocks = itemBlocks(blockItems(fn.content, span, ctx));
        notes.push({ id: noteId(ctx.prefix, fn.label), label: fn.label, blocks });
      }
      continue;
    }
    items.push(...blockItems([token], span, ctx));
  }
  return { items, layout: MARKUP_LAYOUT, meta: {}, notes, diagnostics: diags.list };
}

interface Ctx {
  file: string;
  diags: Diagnostics;
  prefix: string;
}

function blockItems(tokens: readonly Token[], span: Span, ctx: Ctx): Item[] {
  const out: Item[] = [];
  const block = (b: Block, rule: string) => out.push({ type: 'block', block: b, rule });
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push({ type: 'heading', depth: (token as Tokens.Heading).depth, inlines: mdInlines((token as Tokens.Heading).tokens, ctx.prefix), span, rule: 'markdown-heading' });
        break;
      case 'paragraph':
      case 'text':
        out.push(...paragraphItems((token as Tokens.Paragraph).tokens ?? [{ type: 'text', raw: token.raw, text: (token as Tokens.Text).text }], span, ctx));
        break;
      case 'hr':
        block({ type: 'sceneBreak', span }, 'markdown-rule');
        break;
      case 'blockquote':
        block({ type: 'blockquote', children: itemBlocks(blockItems((token as Tokens.Blockquote).tokens, span, ctx)), span }, 'markdown-quote');
        break;
      case 'list': {
        const list = token as Tokens.List;
        block({ type: 'list', ordered: list.ordered, items: list.items.map((item) => itemBlocks(blockItems(item.tokens, span, ctx))), span }, 'markdown-list');
        break;
      }
      case 'code':
        block({ type: 'verse', lines: (token as Tokens.Code).text.split('\n').map((l) => [text(l)]), span }, 'markdown-code');
        break;
      case 'html':
        out.push(...htmlItems((token as Tokens.HTML).text, htmlCtx(ctx, span)));
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          const cells = row.map((cell) => mdInlines(cell.tokens, ctx.prefix));
          block({ type: 'paragraph', children: cells.flatMap((c, i) => (i ? [text(' | '), ...c] : c)), span }, 'markdown-table');
        }
        break;
      }
      case 'space':
      case 'def':
        break;
      default:
        if ('text' in token && typeof token.text === 'string' && token.text.trim()) out.push(paragraphItem([text(token.text.trim())], span));
    }
  }
  return out;
}

const htmlCtx = (ctx: Ctx, span: Span) => ({ file: ctx.file, firstLine: span.start, diags: ctx.diags });

/** A paragraph's inline tokens; images stand as their own blocks, raw HTML is sanitized. */
function paragraphItems(tokens: readonly Token[], span: Span, ctx: Ctx): Item[] {
  if (hasRawHtml(tokens)) {
    const refs: Inline[] = [];
    const html = `<p>${inlineHtml(tokens, ctx.prefix, refs)}</p>`;
    return htmlItems(html, htmlCtx(ctx, span)).map((i): Item => {
      switch (i.type) {
        case 'block':
          return { ...i, block: mapBlockInlines(i.block, (x) => restoreRefs(x, refs)) };
        case 'text':
          return i.inlines ? { ...i, inlines: restoreRefs(i.inlines, refs) } : i;
        case 'heading':
          return { ...i, inlines: restoreRefs(i.inlines, refs) };
        case 'chapter':
          return { ...i, title: restoreRefs(i.title, refs) };
      }
    });
  }
  const out: Item[] = [];
  let run: Token[] = [];
  const flush = () => {
    const children = mdInlines(run, ctx.prefix);
    run = [];
    if (children.some((c) => c.type !== 'text' || c.value.trim())) out.push(paragraphItem(trim(children), span));
  };
  for (const t of tokens) {
    if (t.type === 'image') {
      flush();
      const img = imageBlock((t as Tokens.Image).href, (t as Tokens.Image).text, span, ctx.diags);
      if (img) out.push({ type: 'block', block: img, rule: 'markdown-image' });
    } else run.push(t);
  }
  flush();
  return out;
}

/** Drops the white space around a paragraph's words. */
function trim(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  const head = out[0];
  if (head?.type === 'text') out[0] = text(head.value.replace(/^\s+/, ''));
  const tail = out.at(-1);
  if (tail?.type === 'text') out[out.length - 1] = text(tail.value.replace(/\s+$/, ''));
  return out.filter((i) => !(i.type === 'text' && i.value === ''));
}

/** Finds each top-level token's lines by walking the source in step with the lexer. */
function lineLocator(source: string, firstLine: number, file: string): (raw: string) => Span {
  let cursor = 0;
  let line = firstLine;
  return (raw) => {
    const at = raw ? source.indexOf(raw, cursor) : -1;
    if (at === -1) return { file, start: line, end: line };
    line += count(source, cursor, at);
    const span = { file, start: line, end: line + count(source, at, at + raw.replace(/\n+$/, '').length) };
    line += count(source, at, at + raw.length);
    cursor = at + raw.length;
    return span;
  };
}

function count(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
