import type { Token, Tokens } from 'marked';
import { decodeHTML } from 'entities/decode';
import type { Inline } from '../../model.js';
import { text } from '../../model.js';
import { escapeUTF8 as esc } from 'entities/escape';

interface FootnoteRefToken {
  type: 'footnoteRef';
  id: string;
  label: string;
}

/** A note id that is a valid XML id fragment and unique for every label. */
export function noteId(prefix: string, label: string): string {
  return `${prefix}${label.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
}

const children = (t: Token): Token[] => ('tokens' in t && Array.isArray(t.tokens) ? t.tokens : []);

/** marked's inline tokens to the Book tree's inlines. Images here are only alt text: paragraphs lift them out. */
export function mdInlines(tokens: readonly Token[] | undefined, prefix: string): Inline[] {
  const out: Inline[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'text':
        if (children(t).length) out.push(...mdInlines(children(t), prefix));
        // A soft line break inside a paragraph is a space, as a browser would show it.
        else out.push(text(decodeHTML((t as Tokens.Text).text).replace(/[ \t]*\n[ \t]*/g, ' ')));
        break;
      case 'escape':
      case 'codespan':
        out.push(text(decodeHTML((t as Tokens.Codespan).text)));
        break;
      case 'em':
        out.push({ type: 'emphasis', children: mdInlines(children(t), prefix) });
        break;
      case 'strong':
        out.push({ type: 'strong', children: mdInlines(children(t), prefix) });
        break;
      case 'del':
        out.push(...mdInlines(children(t), prefix));
        break;
      case 'link':
        out.push({ type: 'link', url: (t as Tokens.Link).href, children: mdInlines(children(t), prefix) });
        break;
      case 'br':
        out.push({ type: 'lineBreak' });
        break;
      case 'image':
        if ((t as Tokens.Image).text) out.push(text((t as Tokens.Image).text));
        break;
      case 'footnoteRef': {
        const ref = t as unknown as FootnoteRefToken;
        out.push({ type: 'noteRef', id: noteId(prefix, ref.label), label: ref.id });
        break;
      }
      case 'html':
        // Only reached outside paragraphs (headings, table cells): keep the words, drop the tags.
        break;
      default:
        if ('text' in t && typeof t.text === 'string') out.push(text(t.text));
    }
  }
  return out;
}

const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARKS = /\uE000(\d+)\uE001/;

/** Puts note references back where `inlineHtml` left its markers. */
export function restoreRefs(inlines: Inline[], refs: readonly Inline[]): Inline[] {
  return inlines.flatMap((i): Inline[] => {
    if (i.type === 'emphasis' || i.type === 'strong' || i.type === 'link') return [{ ...i, children: restoreRefs(i.children, refs) }];
    if (i.type !== 'text' || !MARKS.test(i.value)) return [i];
    return i.value.split(MARKS).flatMap((part, k): Inline[] => (k % 2 ? (refs[Number(part)] ? [refs[Number(part)]!] : []) : part ? [text(part)] : []));
  });
}

export function hasRawHtml(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.type === 'html' || hasRawHtml(children(t)));
}

/**
 * A paragraph that mixes Markdown and raw HTML is written back as HTML, so the
 * HTML sanitizer sees the tags in their context (an `onclick` on a `<span>`, a
 * `<script>` with its text) and drops them as it would in an HTML file.
 */
export function inlineHtml(tokens: readonly Token[], prefix: string, refs: Inline[] = []): string {
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'html':
        out += (t as Tokens.HTML).text;
        break;
      case 'text':
        out += children(t).length ? inlineHtml(children(t), prefix, refs) : esc(decodeHTML((t as Tokens.Text).text));
        break;
      case 'escape':
      case 'codespan':
        out += esc(decodeHTML((t as Tokens.Codespan).text));
        break;
      case 'em':
        out += `<em>${inlineHtml(children(t), prefix, refs)}</em>`;
        break;
      case 'strong':
        out += `<strong>${inlineHtml(children(t), prefix, refs)}</strong>`;
        break;
      case 'link':
        out += `<a href="${esc((t as Tokens.Link).href)}">${inlineHtml(children(t), prefix, refs)}</a>`;
        break;
      case 'image':
        out += `<img src="${esc((t as Tokens.Image).href)}" alt="${esc((t as Tokens.Image).text)}"/>`;
        break;
      case 'br':
        out += '<br/>';
        break;
      case 'footnoteRef': {
        // The sanitizer keeps no note links: a private-use marker stands in and is put back after it.
        const ref = t as unknown as FootnoteRefToken;
        refs.push({ type: 'noteRef', id: noteId(prefix, ref.label), label: ref.id });
        out += `${MARK_OPEN}${refs.length - 1}${MARK_CLOSE}`;
        break;
      }
      default:
        out += inlineHtml(children(t), prefix, refs);
    }
  }
  return out;
}
