/**
 * `...`, `. . .` and longer runs of dots become one `…`. Fan fiction uses
 * four, five or more dots as a longer pause rather than ellipsis + period, so
 * every run of three or more is one ellipsis. A spaced `. . .` keeps the
 * spaces outside it (`you . . . for` → `you … for`).
 */
import { rewrite, type Run } from './run.js';

const DOTS = /\.(?:[ \u00a0]?\.){2,}/g;

/** What the two passes' matches always contain (see `rewrite`). */
const NEEDS = { dots: /\.[ \u00a0]?\./, fold: /…[ \u00a0]?[.…]/ };

/** A text matching neither is left as it is. */
export const ELLIPSIS_NEEDS: readonly RegExp[] = Object.values(NEEDS);

export function ellipses(run: Run): Run {
  // `…...` and `… .` left by an earlier pass fold into the same character.
  return rewrite(
    rewrite(run, DOTS, () => '…', NEEDS.dots),
    /…(?:[ \u00a0]?[.…])+/g,
    () => '…',
    NEEDS.fold,
  );
}
