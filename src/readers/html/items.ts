import type { ChildNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { textContent } from 'domutils';
import type { Block, Inline, Span } from '../../model.js';
import { inlineText, text } from '../../model.js';
import type { Diagnostics } from '../../diagnostics.js';
import { itemBlocks, paragraphItem, type Item } from '../items.js';
import { parseHtml, sanitizeFragment } from './sanitize.js';
import { imageBlock } from '../images.js';

export interface HtmlContext {
  file: string;
  /** Source line of the fragment's first character. */
  firstLine: number;
  diags: Diagnostics;
}

/** Sanitizes an HTML fragment and reads it as headings, paragraphs and blocks. */
export function htmlItems(html: string, ctx: HtmlContext): Item[] {
  const clean = sanitizeFragment(html);
  const doc = parseHtml(clean);
  const line = lineFinder(clean, ctx.firstLine);
  const lineOf = (node: ChildNode): number => line(node.startIndex ?? 0);
  return new Walker(ctx, lineOf).blocks(doc.children);
}

/** Maps a character offset in `text` to its source line, by binary search over line starts. */
export function lineFinder(text: string, firstLine: number): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return firstLine + lo;
  };
}

const INLINE = new Set(['span', 'em', 'i', 'strong', 'b', 'u', 's', 'strike', 'del', 'ins', 'small', 'big', 'sup', 'sub', 'cite', 'q', 'abbr', 'code', 'tt', 'kbd', 'mark', 'font', 'a', 'br', 'img']);
const BR = { type: 'tag', name: 'br', attribs: {}, children: [] } as unknown as ChildNode;

class Walker {
  constructor(
    private readonly ctx: HtmlContext,
    private readonly lineOf: (n: ChildNode) => number,
  ) {}

  private span(node: ChildNode): Span {
    const line = this.lineOf(node);
    return { file: this.ctx.file, start: line, end: line };
  }

  blocks(nodes: readonly ChildNode[]): Item[] {
    const items: Item[] = [];
    let loose: ChildNode[] = [];
    let emptyParas = 0;
    const flush = () => {
      if (loose.length) items.push(...this.paragraphs(loose, 'loose'));
      loose = [];
    };
    for (const node of nodes) {
      if (isText(node) || (isTag(node) && INLINE.has(node.name))) {
        loose.push(node);
        continue;
      }
      flush();
      if (!isTag(node)) continue;
      const isEmptyPara = node.name === 'p' && !textContent(node).trim() && !hasImage(node);
      if (isEmptyPara && !node.children.some((c) => isTag(c) && c.name === 'br')) {
        // Two or more empty paragraphs in a row are the blank lines of a scene break.
        if (++emptyParas === 2) items.push({ type: 'block', block: { type: 'sceneBreak', span: this.span(node) }, rule: 'html-empty-paragraphs' });
        continue;
      }
      emptyParas = 0;
      items.push(...this.element(node));
    }
    flush();
    return items;
  }

  private element(el: Element): Item[] {
    const span = this.span(el);
    const block = (b: Block, rule: string): Item[] => [{ type: 'block', block: b, rule }];
    switch (el.name) {
      case 'p':
        return this.paragraphs(el.children, 'paragraph');
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const title = trimInlines(this.inlines(el.children));
        return inlineText(title).trim() ? [{ type: 'heading', depth: Number(el.name[1]), inlines: title, span, rule: 'html-heading' }] : [];
      }
      case 'hr':
        return block({ type: 'sceneBreak', span }, 'html-rule');
      case 'blockquote':
        return block({ type: 'blockquote', children: itemBlocks(this.blocks(el.children)), span }, 'html-quote');
      case 'ul':
      case 'ol': {
        const items = el.children.filter((c): c is Element => isTag(c) && c.name === 'li').map((li) => itemBlocks(this.blocks(li.children)));
        return items.length ? block({ type: 'list', ordered: el.name === 'ol', items, span }, 'html-list') : [];
      }
      case 'pre': {
        const lines = textContent(el)
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => [text(l)]);
        return block({ type: 'verse', lines, span }, 'html-pre');
      }
      default:
        // div, center, section, table and friends: only their children matter.
        return this.blocks(el.children);
    }
  }

  /**
   * Inline content to paragraphs. Runs of `<br>` split it: inside a `<p>` (or
   * two in loose text) into paragraphs; a `<p>` of only breaks, or three or
   * more in loose text (two blank lines), is a scene break.
   */
  private paragraphs(nodes: readonly ChildNode[], mode: 'paragraph' | 'loose'): Item[] {
    const first = nodes[0];
    if (!first) return [];
    const span = this.span(first);
    const pieces: Array<{ nodes: ChildNode[]; brs: number }> = [{ nodes: [], brs: 0 }];
    let run = 0;
    for (const node of nodes) {
      if (isTag(node) && node.name === 'br') run++;
      else if (isText(node) && !node.data.trim() && run > 0) continue;
      else {
        if (run) pieces.push({ nodes: [], brs: run });
        run = 0;
        pieces.at(-1)!.nodes.push(node);
      }
    }
    const hasText = pieces.some((p) => p.nodes.some((n) => textContent(n).trim() || hasImage(n)));
    if (!hasText) return mode === 'paragraph' && run >= 2 ? [{ type: 'block', block: { type: 'sceneBreak', span }, rule: 'html-line-breaks' }] : [];
    // Single breaks join lines inside one paragraph again.
    const merged: Array<{ nodes: ChildNode[]; brs: number }> = [];
    for (const p of pieces) {
      const last = merged.at(-1);
      if (last && p.brs === 1) last.nodes.push(BR, ...p.nodes);
      else merged.push({ ...p, nodes: [...p.nodes] });
    }
    const items: Item[] = [];
    for (const p of merged) {
      if (mode === 'loose' && p.brs >= 3 && items.length) items.push({ type: 'block', block: { type: 'sceneBreak', span }, rule: 'html-line-breaks' });
      items.push(...this.paragraph(p.nodes, span));
    }
    return items;
  }

  private paragraph(nodes: ChildNode[], span: Span): Item[] {
    const out: Item[] = [];
    let inlines: Inline[] = [];
    const flush = () => {
      const trimmed = trimInlines(inlines);
      inlines = [];
      if (!inlineText(trimmed).trim()) return;
      out.push(paragraphItem(trimmed, span));
    };
    // An image inside a paragraph stands as its own block, between the text around it.
    const visit = (list: readonly ChildNode[], wrap: (i: Inline[]) => Inline[]) => {
      for (const n of list) {
        if (isTag(n) && n.name === 'img') {
          flush();
          const img = imageBlock(n.attribs.src ?? '', n.attribs.alt ?? '', span, this.ctx.diags);
          if (img) out.push({ type: 'block', block: img, rule: 'html-image' });
        } else if (isTag(n) && hasImage(n)) visit(n.children, wrap);
        else inlines.push(...wrap(this.inlines([n])));
      }
    };
    visit(nodes, (i) => i);
    flush();
    return out;
  }

  inlines(nodes: readonly ChildNode[]): Inline[] {
    const out: Inline[] = [];
    for (const n of nodes) {
      if (isText(n)) {
        const value = n.data.replace(/\s+/g, ' ');
        if (value) out.push(text(value));
      } else if (isTag(n)) {
        const children = () => this.inlines(n.children);
        switch (n.name) {
          case 'br':
            out.push({ type: 'lineBreak' });
            break;
          case 'em':
          case 'i':
          case 'cite':
            out.push({ type: 'emphasis', children: children() });
            break;
          case 'strong':
          case 'b':
            out.push({ type: 'strong', children: children() });
            break;
          case 'a':
            if (n.attribs.href) out.push({ type: 'link', url: n.attribs.href, children: children() });
            else out.push(...children());
            break;
          case 'img':
            out.push(text(n.attribs.alt ?? ''));
            break;
          default:
            out.push(...children());
        }
      }
    }
    return out;
  }
}

function hasImage(node: ChildNode): boolean {
  return isTag(node) && (node.name === 'img' || node.children.some(hasImage));
}

/** Drops the white space HTML source puts around a paragraph's text. */
function trimInlines(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  while (out[0]?.type === 'lineBreak') out.shift();
  while (out.at(-1)?.type === 'lineBreak') out.pop();
  const head = out[0];
  if (head?.type === 'text') out[0] = text(head.value.replace(/^\s+/, ''));
  const tail = out.at(-1);
  if (tail?.type === 'text') out[out.length - 1] = text(tail.value.replace(/\s+$/, ''));
  return out.filter((i) => !(i.type === 'text' && i.value === ''));
}
