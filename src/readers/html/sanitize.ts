import sanitizeHtml from 'sanitize-html';
import { parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { removeElement } from 'domutils';

/**
 * The semantic subset the Book tree knows. Everything else is dropped: scripts,
 * styles (so no CSS `url()` or `@import`), event handlers and every other
 * attribute, iframes, forms, objects. Containers such as `div` or `center`
 * stay only so that their children keep their order.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'div',
    'span',
    'br',
    'hr',
    'em',
    'i',
    'strong',
    'b',
    'u',
    's',
    'strike',
    'del',
    'ins',
    'small',
    'big',
    'sup',
    'sub',
    'cite',
    'q',
    'abbr',
    'code',
    'tt',
    'kbd',
    'mark',
    'font',
    'a',
    'blockquote',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'img',
    'pre',
    'center',
    'figure',
    'figcaption',
    'section',
    'article',
    'main',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'td',
    'th',
    'caption',
    'address',
  ],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  // Remote image URLs are kept only so the reader can name them in a warning; nothing is ever fetched.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: true,
  // The text of these is dropped with the tag, not kept as loose story text.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'select',
    'noscript',
    'title',
    'head',
    'iframe',
    'object',
    'embed',
    'form',
    'button',
    'nav',
    'svg',
    'math',
    'template',
    'video',
    'audio',
    'canvas',
    'noembed',
    'noframes',
    'frameset',
  ],
  disallowedTagsMode: 'discard',
  parser: { decodeEntities: true },
};

/** HTML reduced to the tags and attributes quire renders; the one gate every HTML input passes. */
export function sanitizeFragment(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** Parses HTML leniently, as browsers do, keeping where each node starts for line numbers. */
export function parseHtml(html: string): Document {
  return parseDocument(html, { withStartIndices: true, decodeEntities: true });
}

// Site furniture, not story: menus, headers, comment boxes, share buttons.
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'script', 'style', 'noscript', 'iframe', 'object', 'embed', 'button', 'select', 'template']);
const CHROME_NAME =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|sidebar|comments?|comment-box|reviews?|footer|header|masthead|breadcrumbs?|share|social|ads?|advert\w*|banner|login|search|kudos)(?:$|[\s_-])/i;

/** Removes site chrome from a raw document before its story text is looked for. */
export function stripChrome(doc: Document): void {
  const doomed: Element[] = [];
  const visit = (el: Element) => {
    const name = `${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`;
    if (CHROME_TAGS.has(el.name) || el.attribs.role === 'navigation' || CHROME_NAME.test(name)) doomed.push(el);
    else for (const c of el.children) if (isTag(c)) visit(c);
  };
  for (const c of doc.children) if (isTag(c)) visit(c);
  for (const el of doomed) removeElement(el);
}
