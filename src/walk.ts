import type { Block, Book, Inline } from './model.js';
import { assertNever } from './model.js';

/** Rewrites every block of a book, nested ones included; `fn` returns the replacement, or nothing to drop it. */
export function mapBookBlocks(book: Book, fn: (b: Block) => Block | undefined): Book {
  const map = (blocks: readonly Block[]): Block[] =>
    blocks.flatMap((b) => {
      const inner = mapChildren(b, map);
      const out = fn(inner);
      return out ? [out] : [];
    });
  return {
    ...book,
    imprint: map(book.imprint),
    front: map(book.front),
    chapters: book.chapters.map((c) => ({ ...c, blocks: map(c.blocks), sections: c.sections.map((s) => ({ ...s, blocks: map(s.blocks) })) })),
    back: map(book.back),
    notes: book.notes.map((n) => ({ ...n, blocks: map(n.blocks) })),
  };
}

function mapChildren(b: Block, map: (blocks: readonly Block[]) => Block[]): Block {
  switch (b.type) {
    case 'blockquote':
    case 'authorNote':
      return { ...b, children: map(b.children) };
    case 'list':
      return { ...b, items: b.items.map(map) };
    default:
      return b;
  }
}

/** Every inline of a block, in reading order. */
export function* blockInlines(b: Block): Generator<Inline> {
  const all = function* (inlines: readonly Inline[]): Generator<Inline> {
    for (const i of inlines) {
      yield i;
      if (i.type === 'emphasis' || i.type === 'strong' || i.type === 'link') yield* all(i.children);
    }
  };
  switch (b.type) {
    case 'paragraph':
    case 'pov':
    case 'endMark':
      yield* all(b.children);
      break;
    case 'epigraph':
      for (const q of b.quote) yield* all(q);
      if (b.cite) yield* all(b.cite);
      break;
    case 'verse':
      for (const l of b.lines) yield* all(l);
      break;
    case 'illustration':
      for (const l of b.caption) yield* all(l);
      break;
    case 'blockquote':
    case 'authorNote':
      for (const c of b.children) yield* blockInlines(c);
      break;
    case 'list':
      for (const item of b.items) for (const c of item) yield* blockInlines(c);
      break;
    case 'sceneBreak':
    case 'image':
      break;
    default:
      assertNever(b);
  }
}

/** Rewrites every inline run of a block (paragraph text, quote lines, nested blocks). */
export function mapBlockInlines(b: Block, fn: (inlines: Inline[]) => Inline[]): Block {
  switch (b.type) {
    case 'paragraph':
    case 'pov':
    case 'endMark':
      return { ...b, children: fn(b.children) };
    case 'epigraph':
      return { ...b, quote: b.quote.map(fn), ...(b.cite ? { cite: fn(b.cite) } : {}) };
    case 'verse':
      return { ...b, lines: b.lines.map(fn) };
    case 'illustration':
      return { ...b, caption: b.caption.map(fn) };
    case 'blockquote':
    case 'authorNote':
      return { ...b, children: b.children.map((c) => mapBlockInlines(c, fn)) };
    case 'list':
      return { ...b, items: b.items.map((item) => item.map((c) => mapBlockInlines(c, fn))) };
    case 'sceneBreak':
    case 'image':
      return b;
    default:
      return assertNever(b);
  }
}
