import { defineConfig } from 'vitest/config';

// `npm run fuzz`: only the fuzz test, with a long budget (FUZZ_RUNS, default 10,000).
process.env.FUZZ_RUNS ??= '10000';

export default defineConfig({
  test: {
    include: ['test/harden/fuzz.test.ts'],
    testTimeout: 24 * 3600_000,
    pool: 'forks',
  },
});
