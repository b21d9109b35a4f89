/**
 * "Did you mean …?" for a mistyped command, flag or config key: the known
 * name closest in edits (a swap of two letters counts as one), if it is close
 * enough that the mistake is likely a typo rather than another word.
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  // One edit in a short name, two in a name of six letters or more.
  if (bestDistance <= (word.length >= 6 ? 2 : 1)) return best;
  // A name cut short (`--verb` for `--verbose`) or run on (`outdir` for `out`), three letters or more in common.
  return word.length >= 3 ? known.find((k) => k.startsWith(word) || (k.length >= 3 && word.startsWith(k))) : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
