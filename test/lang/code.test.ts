import { describe, expect, it } from 'vitest';
import { chapterLabel, languageCode, languageFor, matchTrailingByline } from '../../src/lang/index.js';

describe('languageCode', () => {
  it.each([
    ['French', 'fr'],
    ['français', 'fr'],
    ['FR', 'fr'],
    ['fr_FR', 'fr-FR'],
    ['English', 'en'],
    ['english', 'en'],
    ['en-gb', 'en-GB'],
    ['Deutsch', 'de'],
    ['castellano', 'es'],
    ['русский', 'ru'],
    ['中文', 'zh'],
    ['日本語', 'ja'],
    ['한국어', 'ko'],
    ['Tiếng Việt', 'vi'],
    ['Türkçe', 'tr'],
    ['Bahasa Indonesia', 'id'],
    ['Swedish', 'sv'],
    ['svenska', 'sv'],
    ['Chinese (Simplified)', 'zh'],
    ['pt-br', 'pt-BR'],
    ['eng', 'en'],
  ])('%s → %s', (value, tag) => {
    expect(languageCode(value)).toBe(tag);
  });
  it.each(['xyzzy', 'zz', 'und', 'C', '', 'Klingonese', '12'])('refuses %j', (value) => {
    expect(languageCode(value)).toBeUndefined();
  });
});

describe('languageFor and chapterLabel', () => {
  it('finds a table by primary subtag, English otherwise', () => {
    expect(languageFor('pt-BR').code).toBe('pt');
    expect(languageFor('zh-Hant-TW').code).toBe('zh');
    expect(languageFor('sv').code).toBe('en');
  });
  it('names an untitled chapter in the language', () => {
    expect([chapterLabel('en', 3), chapterLabel('es', 3), chapterLabel('de-AT', 3), chapterLabel('zh', 3), chapterLabel('ko', 3), chapterLabel('xx', 3)]).toEqual([
      'Chapter 3',
      'Capítulo 3',
      'Kapitel 3',
      '第3章',
      '제3장',
      'Chapter 3',
    ]);
  });
});

describe('matchTrailingByline', () => {
  it('splits a title from the byline after it, in any language', () => {
    expect(matchTrailingByline('The Long Way Round by StarlightScribe')).toMatchObject({ before: 'The Long Way Round', names: ['StarlightScribe'], lang: 'en' });
    expect(matchTrailingByline('Le facteur par Claire Dumont')).toMatchObject({ before: 'Le facteur', names: ['Claire Dumont'], lang: 'fr' });
    expect(matchTrailingByline('Stand by me')).toBeNull();
  });
});
