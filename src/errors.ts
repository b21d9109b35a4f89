/**
 * Every error code quire gives, for every command and the library alike.
 * README's "Errors" table lists each with what to do; a test keeps the two
 * the same. A `QuireError` takes only these codes, so a new kind of failure
 * breaks the build until it is named here (and then in README).
 */

/** Errors in what was asked, not in a story: the command exits 2. */
export const USAGE_ERRORS = ['bad-usage', 'bad-config', 'no-reader', 'several-readers'] as const;

/** Errors that fail one work (or, for the output folder, the whole build): the command exits 1. */
export const WORK_ERRORS = [
  'not-found',
  'empty-folder',
  'not-a-file',
  'unreadable',
  'too-large',
  'not-text',
  'changed',
  'bad-yaml',
  'bad-order',
  'no-story',
  'cover-not-found',
  'cover-outside-roots',
  'cover-not-a-file',
  'cover-unreadable',
  'cover-empty',
  'cover-not-an-image',
  'not-kindle-safe',
  'unwritable-out',
  'epubcheck',
  // quire send and quire serve
  'not-built',
  'reader-gone',
  'reader-unwritable',
  'reader-full',
  'not-quires',
  'changed-on-reader',
  'no-ebook-convert',
  'convert-failed',
  'cannot-serve',
  'system',
  'internal',
] as const;

export type UsageErrorCode = (typeof USAGE_ERRORS)[number];
export type ErrorCode = UsageErrorCode | (typeof WORK_ERRORS)[number];
