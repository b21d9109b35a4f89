import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/lang/detect.js';
import { repoRoot, sharedDir } from '../support/build.js';

const story = (code: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', 'languages', code, 'story.txt'), 'utf8');

describe('detectLanguage', () => {
  it('reads real books: German, Chinese and English from the shared corpus', async () => {
    for (const [file, tag] of [
      ['22367-0.txt', 'de'],
      ['23962-0.txt', 'zh'],
      ['84-0.txt', 'en'],
      ['1184-0.txt', 'en'],
    ] as const) {
      const text = readFileSync(path.join(sharedDir, 'realworld', 'texts', file), 'utf8');
      expect((await detectLanguage(text))?.tag, file).toBe(tag);
    }
  });

  it('says nothing when there is too little text to know', async () => {
    expect(await detectLanguage('')).toBeUndefined();
    expect(await detectLanguage('Hola, ¿qué tal?')).toBeUndefined();
    expect(await detectLanguage('第一章')).toBeUndefined();
  });

  it('reads the story, not an author note in another language at its top', async () => {
    const note = "A/N: Hi everyone! This is my first story in Spanish, so please be kind. I don't own the characters. Thanks to my beta reader for all the help, and please review!\n\n";
    expect((await detectLanguage(note + story('es')))?.tag).toBe('es');
  });

  it('gives the same answer every time and reads a bounded sample of a long book', async () => {
    const long = story('fr').repeat(400);
    const start = performance.now();
    const a = await detectLanguage(long);
    const b = await detectLanguage(long);
    expect(a).toEqual(b);
    expect(a).toEqual({ tag: 'fr', confidence: 1 });
    expect(performance.now() - start).toBeLessThan(200);
  });
});
