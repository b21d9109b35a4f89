import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Java EPUBCheck warms up for seconds in each worker before its first answer.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
