import type { Block, Book, Inline } from '../model.js';
import { blockInlines } from '../walk.js';

/**
 * Numbers footnotes 1, 2, 3… in the order the book first cites them, across
 * every file of a folder work, and orders the notes page the same way. Notes
 * nobody cites follow at the end, so no text is lost.
 */
export function numberNotes(book: Book): void {
  if (!book.notes.length) return;
  const numbers = new Map<string, string>();
  const refs: Array<Extract<Inline, { type: 'noteRef' }>> = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      for (const i of blockInlines(b)) {
        if (i.type !== 'noteRef') continue;
        refs.push(i);
        if (!numbers.has(i.id)) numbers.set(i.id, String(numbers.size + 1));
      }
    }
  };
  visit(book.imprint);
  visit(book.front);
  for (const c of book.chapters) {
    visit(c.blocks);
    for (const s of c.sections) visit(s.blocks);
  }
  visit(book.back);
  for (const n of book.notes) visit(n.blocks);
  for (const n of book.notes) if (!numbers.has(n.id)) numbers.set(n.id, String(numbers.size + 1));
  for (const r of refs) r.label = numbers.get(r.id) ?? r.label;
  for (const n of book.notes) n.label = numbers.get(n.id) ?? n.label;
  book.notes.sort((a, b) => Number(a.label) - Number(b.label));
}
