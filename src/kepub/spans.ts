import { parseDocument } from 'htmlparser2';
import { isComment, isTag, isText, type ChildNode, type Element } from 'domhandler';
import { esc } from '../render/xml.js';
import { splitSentences } from './sentences.js';

/**
 * Kobo's renderer keys highlights, bookmarks and reading statistics to
 * `<span class="koboSpan" id="kobo.N.M">`: N counts the blocks of text in a
 * document and M the fragments within one. It paginates with two wrapper divs
 * around the body's content. Both are added here while the document is written
 * back out, so no character of the story changes.
 */

// Blocks whose text is one "paragraph" for Kobo's numbering.
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'td', 'th', 'pre', 'figcaption', 'blockquote', 'aside', 'div', 'section', 'figure', 'body']);
// Only these close themselves: `<p/>` would open a paragraph for a reader that parses HTML.
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'col', 'area', 'wbr', 'source', 'track', 'base', 'embed', 'input']);
// Text that is not reading matter, or where a span is not allowed.
const SKIP = new Set(['head', 'svg', 'math', 'script', 'style']);

interface State {
  paragraph: number;
  segment: number;
  /** The block whose text was last numbered; a new block starts a new N. */
  block: Element | undefined;
}

function span(state: State, block: Element, content: string): string {
  if (state.block !== block) {
    state.block = block;
    state.paragraph += 1;
    state.segment = 0;
  }
  state.segment += 1;
  return `<span class="koboSpan" id="kobo.${state.paragraph}.${state.segment}">${content}</span>`;
}

const attrs = (el: Element): string =>
  Object.entries(el.attribs)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join('');

function write(node: ChildNode, state: State, block: Element | undefined, wrap: boolean): string {
  if (isText(node)) {
    if (!wrap || !block || node.data.trim() === '') return esc(node.data);
    return splitSentences(node.data)
      .map((s) => span(state, block, esc(s)))
      .join('');
  }
  if (isComment(node)) return `<!--${node.data}-->`;
  if (!isTag(node)) return '';
  const inner = BLOCKS.has(node.name) ? node : block;
  const keepWrapping = wrap && !SKIP.has(node.name);
  let children = node.children.map((c) => write(c, state, inner, keepWrapping)).join('');
  if (node.name === 'body') {
    children = `\n<div id="book-columns"><div id="book-inner">${children}</div></div>\n`;
  }
  if (node.name === 'img' && wrap && inner) return span(state, inner, `<img${attrs(node)}/>`);
  return VOID.has(node.name) && children === '' ? `<${node.name}${attrs(node)}/>` : `<${node.name}${attrs(node)}>${children}</${node.name}>`;
}

/** One XHTML content document with Kobo's spans and wrappers; the XML prologue is kept as it was. */
export function koboSpans(xhtml: string): string {
  const root = xhtml.indexOf('<html');
  if (root < 0) throw new Error('not an XHTML document: no <html> element');
  const doc = parseDocument(xhtml.slice(root), { xmlMode: true });
  const state: State = { paragraph: 0, segment: 0, block: undefined };
  return xhtml.slice(0, root) + doc.children.map((c) => write(c, state, undefined, true)).join('');
}
