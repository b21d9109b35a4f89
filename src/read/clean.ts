/**
 * Line-level repairs after decoding. Each cleaner takes one line (no `\n`)
 * and returns the new line and how many things it changed, so the caller can
 * report one diagnostic per line and kind instead of one per character.
 */
import { XML_FORBIDDEN } from '../xml-chars.js';
import { cp1252Char } from './mojibake.js';

export interface LineFix {
  text: string;
  count: number;
}

/**
 * C1 controls (U+0080–U+009F) left in decoded text are Windows-1252
 * punctuation that went through a Latin-1 decoder (0x93 → U+0093 instead of
 * `“`); nobody means a C1 control in a story.
 */
export function mapC1Controls(line: string): LineFix {
  let count = 0;
  const text = line.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = cp1252Char(c.charCodeAt(0));
    count++;
    // The five bytes Windows-1252 leaves undefined have no sensible character.
    return mapped === undefined || /[\u0080-\u009f]/.test(mapped) ? '' : mapped;
  });
  return { text, count };
}

/** A cleaner that deletes every match of `re` (global) and counts them. */
const removing =
  (re: RegExp) =>
  (line: string): LineFix => {
    let count = 0;
    const text = line.replace(re, () => {
      count++;
      return '';
    });
    return { text, count };
  };

/** Removes what XML forbids (CR and LF are gone by now). */
export const removeForbidden = removing(XML_FORBIDDEN);

/** A byte-order mark in mid-file is a leftover of files pasted together. */
export const removeStrayBoms = removing(/\ufeff/g);

/** Replacement characters from bytes the single-byte encoding leaves undefined. */
export const removeReplacementChars = removing(/\ufffd/g);

const NBSP = '\u00a0';

/**
 * A non-breaking space is kept only where it carries meaning: before
 * `! ? ; :` and `»` and after `«` (French spacing), and between a number and
 * what follows it (`5 km`, `10 %`). Web pages scatter the rest (`&nbsp;`
 * indents, doubled spaces), so at the line's edges they go and elsewhere they
 * become ordinary spaces.
 */
function meaningful(prev: string, next: string): boolean {
  if (/[!?;:»]/.test(next) || prev === '«') return true;
  return /\d/.test(prev) && /[\p{L}%°‰€$£]/u.test(next);
}

export interface NbspFix {
  text: string;
  removed: number;
  replaced: number;
}

export function fixNbsp(line: string): NbspFix {
  if (!line.includes(NBSP)) return { text: line, removed: 0, replaced: 0 };
  let removed = 0;
  let replaced = 0;
  const lead = /^[ \t\u00a0]*/.exec(line)?.[0] ?? '';
  const rest = line.slice(lead.length);
  const trail = /[ \t\u00a0]*$/.exec(rest)?.[0] ?? '';
  const body = rest.slice(0, rest.length - trail.length);
  const strip = (edge: string): string => {
    const kept = edge.split(NBSP);
    removed += kept.length - 1;
    return kept.join('');
  };
  let mid = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c !== NBSP) {
      mid += c;
      continue;
    }
    // Look past a run of NBSPs so `«  Oui` still sees the guillemet.
    let j = i + 1;
    while (body.charAt(j) === NBSP) j++;
    let k = i - 1;
    while (k >= 0 && body.charAt(k) === NBSP) k--;
    if (meaningful(body.charAt(k), body.charAt(j))) mid += c;
    else {
      mid += ' ';
      replaced++;
    }
  }
  return { text: strip(lead) + mid + strip(trail), removed, replaced };
}
