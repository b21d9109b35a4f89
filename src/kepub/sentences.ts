/**
 * Sentence-level fragments for Kobo's reading statistics and highlights.
 *
 * A fragment ends after a run of terminal punctuation, any closing quotes or
 * brackets, and the whitespace that follows; so joining the fragments gives
 * back the text exactly, and no character is ever moved or dropped. The rule
 * is ours and deliberately simple: it is a pure function of the text, so the
 * same book always gets the same span ids (Intl.Segmenter would tie the ids to
 * the ICU version of whichever Node built the book).
 */
const FRAGMENT_END = /[.!?…]+[”’"')\]»]*\s+/gu;

export function splitSentences(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of value.matchAll(FRAGMENT_END)) {
    const end = match.index + match[0].length;
    // Never split a leading run of punctuation off on its own ("... and then").
    if (value.slice(start, match.index).trim() === '') continue;
    parts.push(value.slice(start, end));
    start = end;
  }
  if (start < value.length) parts.push(value.slice(start));
  return parts;
}
