/**
 * Dashes. Typists write a dash as `--`, `---`, a spaced hyphen, or a spaced
 * en or em dash; books set one style. `em` (Standard Ebooks, Chicago) closes
 * the dash up: `word—word`. `spaced-en` (much British fiction) writes
 * `word – word`. Languages that space their dashes keep the spaces: Russian
 * `слово — слово` (`spaced-em`), and Chinese and Japanese write `——` (`cjk`);
 * there a dash the author typed as a real dash is left as it is, and only
 * hyphens become dashes. A dash at an edge (an interruption before a closing
 * quote, a dash opening a line) is an em dash either way. Number ranges get
 * an en dash with no spaces.
 */
import { rewrite, type Run } from './run.js';
import type { DashStyle } from './style.js';

export type { DashStyle } from './style.js';

const BETWEEN: Record<DashStyle, string> = { em: '—', 'spaced-en': ' – ', 'spaced-em': ' — ', cjk: '——' };
export const dashBetweenWords = (style: DashStyle): string => BETWEEN[style];

/** Characters after which a dash is not "between words" but at an opening edge. */
const OPENING_EDGE = /^$|[\s(\[{“‘«"']$/;
/** Characters before which a dash is at a closing edge. */
const CLOSING_EDGE = /^$|^[)\]}”’»"'.,;:!?…]/;

function styled(before: string, after: string, style: DashStyle): string {
  if (OPENING_EDGE.test(before) || CLOSING_EDGE.test(after)) return '—';
  return dashBetweenWords(style);
}

/**
 * What each rule's matches always contain, cheap to look for: a paragraph
 * without it skips the rule's regex (see `rewrite`). Each starts with a rare
 * character, so a scan for all of them at once skips ahead quickly.
 */
const NEEDS = {
  range: /[-–] ?\d/,
  hyphens: /--/,
  spaced: /[-–—][ \u00a0]/,
  cutOff: /-["'”’]/,
  lost: /\?\p{Ll}/u,
};

/** Every dash rule's need: a text matching none of them is left as it is by both passes. */
export const DASH_NEEDS: readonly RegExp[] = Object.values(NEEDS);

export function dashes(run: Run, style: DashStyle): Run {
  let r = run;
  // Number ranges first, so `10 - 20` is a range and not a pause.
  r = rewrite(r, /(?<![\p{L}\p{N}.,\/:–-])(\d+) ?[-–] ?(\d+)(?![\p{L}\p{N}]|[-\/]\d|[.,]\d)/gu, (m) => `${m[1]}–${m[2]}`, NEEDS.range);
  // Two or three hyphens, with any spaces around them.
  r = rewrite(
    r,
    /[ \t\u00a0]*-{2,3}[ \t\u00a0]*/g,
    (m) => {
      const before = r.text.slice(0, m.index).slice(-1);
      const after = r.text.charAt(m.index + m[0].length);
      return styled(before, after, style);
    },
    NEEDS.hyphens,
  );
  // A hyphen, en dash or em dash with spaces on both sides, between words.
  r = rewrite(
    r,
    /(?<=\S)[ \u00a0]+[-–—][ \u00a0]+(?=\S)/g,
    (m) => {
      const before = r.text.charAt(m.index - 1);
      const after = r.text.charAt(m.index + m[0].length);
      // `pre- and post-war`: a hyphen hanging off a word is not a dash.
      if (/^-$/.test(m[0].trim()) && /[-–—]/.test(before + after)) return undefined;
      // Where dashes are spaced, the author's own dash is already right.
      if ((style === 'spaced-em' || style === 'cjk') && m[0].trim() !== '-') return undefined;
      return styled(before, after, style);
    },
    NEEDS.spaced,
  );
  // A word cut off by a single hyphen right before its closing quote: `I was go-"`.
  r = rewrite(r, /(?<=\p{L}) ?-(?=["'”’](?:\s|$))/gu, () => '—', NEEDS.cutOff);
  return r;
}

/**
 * A `?` glued between two lowercase letters (`talk about?wondering`) is a
 * dash lost to an encoding step: a real question mark is followed by a space
 * or a closing quote, and a URL is locked before this runs. Capitals are left
 * alone (`what?Then` may be a lost space after a real question).
 */
export function lostDashes(run: Run, style: DashStyle): Run {
  return rewrite(run, /(?<=\p{Ll})\?(?=\p{Ll})/gu, () => dashBetweenWords(style), NEEDS.lost);
}
