/**
 * A run is the text of several adjacent text nodes (one paragraph) joined, so
 * that a rule sees `"` + `Hi` + `"` across `"<em>Hi</em>"`, while every
 * character remembers which node it came from and whether it is off limits
 * (inside a URL, an email address or a number like a date).
 */

export interface Run {
  readonly text: string;
  /** Index of the source node for each UTF-16 unit of `text`. */
  readonly owner: readonly number[];
  /** Units no rule may change. */
  readonly locked: readonly boolean[];
}

export function makeRun(parts: readonly string[]): Run {
  const owner: number[] = [];
  parts.forEach((p, i) => {
    for (let k = 0; k < p.length; k++) owner.push(i);
  });
  const text = parts.join('');
  return lockProtected({ text, owner, locked: owner.map(() => false) });
}

/** The run's text split back into one string per source node. */
export function splitRun(run: Run, count: number): string[] {
  const out = Array.from({ length: count }, () => '');
  for (let i = 0; i < run.text.length; i++) {
    const o = run.owner[i] ?? 0;
    out[o] += run.text.charAt(i);
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
  let text = '';
  const owner: number[] = [];
  const locked: boolean[] = [];
  let at = 0;
  const keep = (from: number, to: number): void => {
    text += run.text.slice(from, to);
    for (let i = from; i < to; i++) {
      owner.push(run.owner[i] ?? 0);
      locked.push(run.locked[i] ?? false);
    }
  };
  // Most rules match nothing in most paragraphs: then the run is kept as it is.
  re.lastIndex = 0;
  if (!re.test(run.text)) return run;
  re.lastIndex = 0;
  for (let m = re.exec(run.text); m !== null; m = re.exec(run.text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (run.locked.slice(start, end).some(Boolean)) continue;
    const value = replace(m);
    if (value === undefined || value === m[0]) continue;
    keep(at, start);
    text += value;
    for (let k = 0; k < value.length; k++) {
      owner.push(run.owner[value.length === m[0].length ? start + k : start] ?? 0);
      locked.push(false);
    }
    at = end;
  }
  keep(at, run.text.length);
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
  const locked = [...run.locked];
  for (const re of PROTECTED) {
    re.lastIndex = 0;
    for (let m = re.exec(run.text); m !== null; m = re.exec(run.text)) {
      for (let i = m.index; i < m.index + m[0].length; i++) locked[i] = true;
    }
  }
  return { ...run, locked };
}
