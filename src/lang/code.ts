/**
 * A language as people write it in front matter (`French`, `français`, `FR`,
 * `fr_FR`) → a BCP 47 tag, or undefined when it names no language.
 *
 * `Intl.getCanonicalLocales` alone is not enough: `english` is a well-formed
 * tag to it (a primary subtag may have five to eight letters), and so is
 * `zz`. A tag counts only when ICU knows its language.
 */
import { bare, fold } from './numbers.js';
import { BY_CODE, TABLES } from './tables.js';

let names: Map<string, string> | undefined;
let known: Intl.DisplayNames | undefined;

const key = (s: string): string => bare(fold(s));

/** Every table's names, then ICU's English name and own name for every two-letter language. */
function nameMap(): Map<string, string> {
  if (names) return names;
  names = new Map();
  for (const t of TABLES) for (const n of t.names) names.set(key(n), t.code);
  const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  for (let a = 97; a <= 122; a++) {
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      const inEnglish = english.of(code);
      if (inEnglish === undefined) continue;
      let own: string | undefined;
      try {
        own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
      } catch {
        own = undefined;
      }
      for (const n of [inEnglish, own]) if (n !== undefined && !names.has(key(n))) names.set(key(n), code);
    }
  }
  return names;
}

function isKnownLanguage(primary: string): boolean {
  // A language with a table of ours is known without asking ICU, whose names take 20 ms or more to load.
  if (BY_CODE.has(primary)) return true;
  known ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  return primary !== 'und' && known.of(primary) !== undefined;
}

export function languageCode(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  const tag = v.replace(/_/g, '-');
  if (/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(tag)) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical && isKnownLanguage(canonical.split('-')[0]!)) return canonical;
    } catch {
      // Not a well-formed tag: perhaps a name.
    }
  }
  const map = nameMap();
  // `Chinese (Simplified)`, `English - UK`: the name before what qualifies it.
  return map.get(key(v)) ?? map.get(key(v.replace(/\s*[(\[,\-–—].*$/, '')));
}
