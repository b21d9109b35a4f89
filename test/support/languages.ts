/** The language fixtures (`test/fixtures/languages/<code>/`): each a story and the truth about it. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './build.js';

export interface LanguageTruth {
  title: string;
  authors: string[];
  language: string;
  chapters: string[];
  authorNotes: number;
  sceneBreaks: number;
  mustContain: string[];
  mustNotContain: string[];
}

const root = path.join(repoRoot, 'test', 'fixtures', 'languages');

/** Every fixture, by language code: its story file, the story's text and its truth. */
export const languageFixtures = readdirSync(root)
  .sort()
  .map((code) => {
    const file = path.join(root, code, 'story.txt');
    return { code, file, text: readFileSync(file, 'utf8'), truth: JSON.parse(readFileSync(path.join(root, code, 'truth.json'), 'utf8')) as LanguageTruth };
  });
