/**
 * A run is the text of several adjacent text nodes (one paragraph) joined, so
 * that a rule sees `"` + `Hi` + `"` across `"<em>Hi</em>"`, while every
 * character remembers which node it came from and whether it is off limits
 * (inside a URL, an email address or a number like a date).
 */

export interface Run {
  readonly text: string;
  /** Index of the source node for each UTF-16 unit of `text`; absent when the run is one node. */
  readonly owner: Uint32Array | undefined;
  /** 1 for units no rule may change; absent when nothing is locked. */
  readonly locked: Uint8Array | undefined;
}

// Typed arrays, not arrays of numbers: a 20 MB story is 20 million entries per
// array, and boxed arrays made garbage collection the biggest cost of a build.
// Most paragraphs are one text node with nothing locked, so those arrays are
// left out altogether: tens of thousands of small buffers were GC work too.

export function makeRun(parts: readonly string[]): Run {
  const text = parts.length === 1 ? (parts[0] ?? '') : parts.join('');
  let owner: Uint32Array | undefined;
  if (parts.length > 1) {
    owner = new Uint32Array(text.length);
    let at = 0;
    parts.forEach((p, i) => {
      owner?.fill(i, at, at + p.length);
      at += p.length;
    });
  }
  return lockProtected({ text, owner, locked: undefined });
}

/** The run's text split back into one string per source node. */
export function splitRun(run: Run, count: number): string[] {
  const { owner } = run;
  if (count === 1 || owner === undefined) return [run.text];
  const out = Array.from({ length: count }, () => '');
  let from = 0;
  for (let i = 1; i <= run.text.length; i++) {
    if (i < run.text.length && owner[i] === owner[from]) continue;
    const o = owner[from] ?? 0;
    out[o] += run.text.slice(from, i);
    from = i;
  }
  return out;
}

/** True when any unit in [start, end) is locked. */
export function isLocked(run: Run, start: number, end: number): boolean {
  const { locked } = run;
  if (locked === undefined) return false;
  for (let k = start; k < end; k++) if (locked[k] !== 0) return true;
  return false;
}

/**
 * Replaces each match of `re` (global) whose characters are all unlocked with
 * what `replace` returns (`undefined` keeps the match). A replacement of the
 * same length keeps each character's owner; otherwise all of it belongs to
 * the node where the match began. `needs`, when given, is a cheap pattern
 * every match contains (a character class): a text without it is skipped
 * without running `re`, whose lookbehinds make it slow to scan with.
 */
export function rewrite(run: Run, re: RegExp, replace: (m: RegExpExecArray) => string | undefined, needs?: RegExp): Run {
  // Most rules match nothing in most paragraphs: then the run is kept as it is.
  if (needs !== undefined && !needs.test(run.text)) return run;
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
    if (isLocked(run, start, end)) continue;
    const value = replace(m);
    if (value === undefined || value === m[0]) continue;
    edits.push({ start, end, value });
  }
  if (edits.length === 0) return run;
  const length = edits.reduce((n, e) => n + e.value.length - (e.end - e.start), run.text.length);
  const oldOwner = run.owner;
  const oldLocked = run.locked;
  const owner = oldOwner && new Uint32Array(length);
  const locked = oldLocked && new Uint8Array(length);
  const pieces: string[] = [];
  let at = 0;
  let o = 0;
  const keep = (to: number): void => {
    pieces.push(run.text.slice(at, to));
    owner?.set((oldOwner as Uint32Array).subarray(at, to), o);
    locked?.set((oldLocked as Uint8Array).subarray(at, to), o);
    o += to - at;
  };
  for (const { start, end, value } of edits) {
    keep(start);
    pieces.push(value);
    if (owner && oldOwner) {
      const same = value.length === end - start;
      for (let k = 0; k < value.length; k++) owner[o + k] = oldOwner[same ? start + k : start] ?? 0;
    }
    o += value.length;
    at = end;
  }
  keep(run.text.length);
  return { text: pieces.join(''), owner, locked };
}

/**
 * What typography must not touch. URLs stop before trailing punctuation so
 * the quote after `see www.x.org."` is still smartened. Every match holds
 * something `MAY_PROTECT` finds, and most paragraphs hold none of it.
 */
const PROTECTED = [
  /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)'’]/gi,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /\b\d{4}-\d{1,2}-\d{1,2}\b/g, // ISO dates
  /\b\d+(?:[-.]\d+){2,}\b/g, // phone numbers, version strings, dotted dates
  /\b\d+(?:[.,:]\d+)+\b/g, // 3.14, 1,000, 10:30
];
const MAY_PROTECT = /:\/\/|www\.|@|\d[-.,:]\d/i;

function lockProtected(run: Run): Run {
  if (!MAY_PROTECT.test(run.text)) return run;
  let locked: Uint8Array | undefined;
  for (const re of PROTECTED) {
    re.lastIndex = 0;
    for (let m = re.exec(run.text); m !== null; m = re.exec(run.text)) {
      locked ??= run.locked ? new Uint8Array(run.locked) : new Uint8Array(run.text.length);
      locked.fill(1, m.index, m.index + m[0].length);
    }
  }
  return locked ? { ...run, locked } : run;
}
