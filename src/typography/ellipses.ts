/**
 * `...`, `. . .` and longer runs of dots become one `…`. Fan fiction uses
 * four, five or more dots as a longer pause rather than ellipsis + period, so
 * every run of three or more is one ellipsis. A spaced `. . .` keeps the
 * spaces outside it (`you . . . for` → `you … for`).
 */
import { rewrite, type Run } from './run.js';

const DOTS = /\.(?:[ \u00a0]?\.){2,}/g;

export function ellipses(run: Run): Run {
  // `…...` and `… .` left by an earlier pass fold into the same character.
  return rewrite(rewrite(run, DOTS, () => '…', /\.[ \u00a0]?\./), /…(?:[ \u00a0]?[.…])+/g, () => '…', /…[ \u00a0]?[.…]/);
}
