// Types for realworld.mjs, so the tests can build and score the books as `npm run realworld` does.
import type { Check, Truth } from './realworld/score.mjs';

export interface Scored {
  book: Truth;
  checks: Check[];
  ms: number;
}

export function buildBook(cliPath: string, text: string, into: string): Promise<string>;
export function scoreAll(books: Truth[], cliPath: string, textsDir: string): Promise<Scored[]>;
export function scorecard(results: Scored[]): string;
