/**
 * Property: whatever the bytes, a build fails with a clear QuireError or
 * gives a book that passes EPUBCheck (the npm port), keeps every word of the
 * story text and holds only what the renderer emits. See arbitraries.ts
 * for what "story text" means. `npm test` runs a short fixed-seed budget;
 * `npm run fuzz` (FUZZ_RUNS, FUZZ_SEED) runs the long one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzCase } from './arbitraries.js';
import { checkCase, tally } from './check.js';

const runs = Number(process.env.FUZZ_RUNS ?? 25);
const seed = Number(process.env.FUZZ_SEED ?? 20261121);

describe('fuzzing the whole pipeline', () => {
  it(`keeps its promises on ${runs} generated stories (seed ${seed})`, async () => {
    const started = Date.now();
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        cases++;
        const problems = await checkCase(c);
        expect(problems).toEqual([]);
      }),
      { numRuns: runs, seed, endOnFailure: process.env.FUZZ_SHRINK !== '1' },
    );
    if (process.env.FUZZ_RUNS)
      console.log(
        `fuzz: ${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${seed}; ${tally.built} built (${tally.wordsChecked} with story words checked), ${tally.refused} refused ${JSON.stringify([...tally.refusals])}`,
      );
  });
});
