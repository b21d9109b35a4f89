/**
 * A run is the text of several adjacent text nodes (one paragraph) joined, so
 * that a rule sees `"` + `Hi` + `"` across `"<em>Hi</em>"`, while every
 * character remembers which node it came from and whether it is off limits
 * (inside a URL, an email address or a number like a date).
 */

export interface Run {
  readonly text: string;
  /** Index of the source node for each UTF-16 unit of `text`. */
  readonly owner: Uint32Array;
  /** 1 for units no rule may change. */
  readonly locked: Uint8Array;
}

// Typed arrays, not arrays of numbers: a 20 MB story is 20 million entries per
// array, and boxed arrays made garbage collection the biggest cost of a build.

export function makeRun(parts: readonly string[]): Run {
  const text = parts.join('');
  const owner = new Uint32Array(text.length);
  let at = 0;
  parts.forEach((p, i) => {
    owner.fill(i, at, at + p.length);
    at += p.length;
  });
  return lockProtected({ text, owner, locked: new Uint8Array(text.length) });
}

/** The run's text split back into one string per source node. */
export function splitRun(run: Run, count: number): string[] {
  if (count === 1) return [run.text];
  const out = Array.from({ length: count }, () => '');
  let from = 0;
  for (let i = 1; i <= run.text.length; i++) {
    if (i < run.text.length && run.owner[i] === run.owner[from]) continue;
    const o = run.owner[from] ?? 0;
    out[o] += run.text.slice(from, i);
    from = i;
  }
  return out;
}

/**
 * Replaces each match of `re` (global) whose characters are all unlocked with
 * what `replace` returns (`undefined` keeps the match). A replacement of the
 * same length keeps each character's owner; otherwise all of it belongs to
 * the node where the match began.
 */
export function rewrite(run: Run, re: RegExp, replace: (m: RegExpExecArray) => string | undefined): Run {
  // Most rules match nothing in most paragraphs: then the run is kept as it is.
  re.lastIndex = 0;
  if (!re.test(run.text)) return run;
  re.lastIndex = 0;
  const edits: Array<{ start: number; end: number; value: string }> = [];
  for (let m = re.exec(run.text); m !== null; m = re.exec(run.text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (run.locked.subarray(start, end).some((x) => x !== 0)) continue;
    const value = replace(m);
    if (value === undefined || value === m[0]) continue;
    edits.push({ start, end, value });
  }
  if (edits.length === 0) return run;
  const length = edits.reduce((n, e) => n + e.value.length - (e.end - e.start), run.text.length);
  const owner = new Uint32Array(length);
  const locked = new Uint8Array(length);
  let text = '';
  let at = 0;
  let o = 0;
  const keep = (to: number): void => {
    text += run.text.slice(at, to);
    owner.set(run.owner.subarray(at, to), o);
    locked.set(run.locked.subarray(at, to), o);
    o += to - at;
  };
  for (const { start, end, value } of edits) {
    keep(start);
    text += value;
    const same = value.length === end - start;
    for (let k = 0; k < value.length; k++) owner[o + k] = run.owner[same ? start + k : start] ?? 0;
    o += value.length;
    at = end;
  }
  keep(run.text.length);
  return { text, owner, locked };
}

/**
 * What typography must not touch. URLs stop before trailing punctuation so
 * the quote after `see www.x.org."` is still smartened.
 */
const PROTECTED = [
  /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)'’]/gi,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /\b\d{4}-\d{1,2}-\d{1,2}\b/g, // ISO dates
  /\b\d+(?:[-.]\d+){2,}\b/g, // phone numbers, version strings, dotted dates
  /\b\d+(?:[.,:]\d+)+\b/g, // 3.14, 1,000, 10:30
];

function lockProtected(run: Run): Run {
  let locked: Uint8Array | undefined;
  for (const re of PROTECTED) {
    re.lastIndex = 0;
    for (let m = re.exec(run.text); m !== null; m = re.exec(run.text)) {
      locked ??= new Uint8Array(run.locked);
      locked.fill(1, m.index, m.index + m[0].length);
    }
  }
  return locked ? { ...run, locked } : run;
}
