import { defineConfig } from 'vitest/config';

// The fuzz test alone, with a long budget: scripts/fuzz.mjs (`npm run fuzz`) runs it in chunks.
process.env.FUZZ_RUNS ??= '10000';

export default defineConfig({
  test: {
    include: ['test/fuzz/fuzz.test.ts'],
    testTimeout: 24 * 3600_000,
    pool: 'forks',
  },
});
