import { defineConfig } from 'vitest/config';

// `npm run test:fast`: the units and fixtures, run in-process against the
// sources (no build), each book validated with the npm port of EPUBCheck
// only (QUIRE_FAST: the JVM's start-up was most of a run). Left to
// `npm test`: what runs the built command (its own processes, threads,
// files), the real reader engines (browsers, calibre, pandoc) and the
// real-world books.
process.env.QUIRE_FAST = '1';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'node_modules/**',
      'test/cli/**',
      'test/send/cli.test.ts',
      'test/send/calibre.test.ts',
      'test/serve/page.test.ts',
      'test/batch/**',
      'test/sideload/**',
      'test/realworld/realworld.test.ts',
      'test/package/reproducible.test.ts',
      'test/package/validator.test.ts',
      'test/read/bad-bytes.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
