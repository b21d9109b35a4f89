import type { AnyNode, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { findAll, findOne, textContent } from 'domutils';

/** Small queries over a raw htmlparser2 tree, for the site recognizers. */
export const hasClass = (el: Element, name: string): boolean => (el.attribs.class ?? '').split(/\s+/).includes(name);
export const byId = (root: AnyNode[], id: string): Element | null => findOne((e) => e.attribs.id === id, root);
export const first = (root: AnyNode[], test: (e: Element) => boolean): Element | null => findOne(test, root);
export const all = (root: AnyNode[], test: (e: Element) => boolean): Element[] => findAll(test, root);
export const tags = (el: Element): Element[] => el.children.filter(isTag);
/** An element's text with white space collapsed. */
export const textOf = (node: AnyNode | null | undefined): string => (node ? textContent(node).replace(/\s+/g, ' ').trim() : '');
