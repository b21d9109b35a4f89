/**
 * French spacing: a narrow no-break space (U+202F) inside guillemets and
 * before `;`, `!` and `?`, a no-break space before `:`. Inside guillemets the
 * space is set whether or not the author typed one (« Bonjour » is how French
 * books print it); before punctuation only where the author left a space, as
 * Swiss and Canadian usage leave none and the author chose.
 */
import { rewrite, type Run } from './run.js';

export const FRENCH_NEEDS = /[«»]|[ \u00a0\u202f][;:!?]/;

export function french(run: Run): Run {
  let r = rewrite(run, /«[ \u00a0\u202f]*/g, () => '«\u202f');
  r = rewrite(r, /[ \u00a0\u202f]*»/g, () => '\u202f»');
  return rewrite(r, /[ \u00a0\u202f]+([;:!?])/g, (m) => `${m[1] === ':' ? '\u00a0' : '\u202f'}${m[1]}`);
}
