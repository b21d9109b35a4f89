import { describe, expect, it } from 'vitest';
import { bookLabels } from '../../src/render/labels.js';
import { TABLES } from '../../src/lang/index.js';
import { buildFile, storyFile, unzipText } from '../support/build.js';
import { validateEpub } from '../support/epubcheck.js';

describe('bookLabels', () => {
  it('sets quire’s own words with the book’s typography', () => {
    expect(bookLabels('en').authorsNotes).toBe('Author’s Notes');
    expect(bookLabels('en', false).authorsNotes).toBe("Author's Notes");
    expect(bookLabels('fr').authorsNotes).toBe('Notes de l’auteur');
    expect(bookLabels('it').authorsNotes).toBe('Note dell’autore');
  });

  it('writes the byline, series and counts the language’s way', () => {
    expect(bookLabels('en').by(['A', 'B'])).toBe('by A & B');
    expect(bookLabels('fr').by(['Claire Dumont'])).toBe('par Claire Dumont');
    expect(bookLabels('zh').by(['林晓雨', '张三'])).toBe('林晓雨、张三 著');
    expect(bookLabels('ru').by(['Андрей Соколов'])).toBe('Андрей Соколов');
    expect(bookLabels('de').series('Die Reihe', 2)).toBe('Die Reihe, Band 2');
    expect(bookLabels('de').series('Die Reihe', undefined)).toBe('Die Reihe');
    expect([bookLabels('en').count(12345), bookLabels('de').count(12345), bookLabels('fr').count(12345), bookLabels('en').count(999)]).toEqual(['12,345', '12.345', '12\u202f345', '999']);
  });

  it('joins a chapter label and title the language’s way', () => {
    expect(bookLabels('en').labelAndTitle('Chapter 12', 'Second Chances')).toBe('Chapter 12: Second Chances');
    expect(bookLabels('fr').labelAndTitle('Chapitre deux', 'La réponse')).toBe('Chapitre deux\u00a0: La réponse');
    expect(bookLabels('zh').labelAndTitle('第一章', '除夕')).toBe('第一章 除夕');
    expect(bookLabels('ja').labelAndTitle('第1話', '日記')).toBe('第1話\u3000日記');
  });

  it('has every label in every language', () => {
    for (const t of TABLES) {
      const l = t.labels;
      for (const v of [l.chapter, l.contents, l.titlePage, l.cover, l.startOfStory, l.authorsNotes, l.endNotes, l.notes, l.by, l.series, ...Object.values(l.facts)]) {
        expect(v.trim(), t.code).not.toBe('');
      }
      expect(l.chapter, t.code).toContain('{n}');
      expect(l.labelAndTitle, t.code).toMatch(/^\{label\}.+\{title\}$/);
      expect(l.by, t.code).toContain('{author}');
      expect(l.series, t.code).toMatch(/\{series\}.*\{n\}|\{n\}.*\{series\}/);
    }
  });
});

describe('a built book speaks its language', () => {
  const story = 'A/N: Thanks for reading!\n\nChapter 1\n\n"Guten Morgen", sagte sie. Der Zug war pünktlich, zum ersten Mal seit Wochen.\n\nChapter 2\n\nEr lachte. "Das glaube ich nicht."\n';

  it('German: labels, title page facts and marks in German; valid', async () => {
    const built = await buildFile(await storyFile(story), { meta: { language: 'de', authors: [{ name: 'Johanna Weber' }], title: 'Der Zug' } });
    expect(await validateEpub(built.epub, 'de.epub')).toEqual([]);
    const files = unzipText(built.epub);
    const get = (name: string) => [...files.entries()].find(([k]) => k.endsWith(name))![1];
    expect(get('nav.xhtml')).toContain('<h2>Inhalt</h2>');
    expect(get('nav.xhtml')).toContain('>Titelseite</a>');
    expect(get('nav.xhtml')).toContain('>Anmerkungen des Autors</a>');
    expect(get('titlepage.xhtml')).toContain('<p class="author">von Johanna Weber</p>');
    expect(get('titlepage.xhtml')).toContain('<dt>Wörter</dt>');
    expect(get('front.xhtml')).toContain('<h2>Anmerkungen des Autors</h2>');
    expect(get('content.opf')).toContain('title="Titelseite"');
    expect(get('chapter-001.xhtml')).toContain('„Guten Morgen“, sagte sie.');
  });

  it('English: the label follows the typography switch', async () => {
    const file = await storyFile(story.replace(/"Guten Morgen", sagte sie\./, '"Morning," she said.'));
    const curled = unzipText((await buildFile(file)).epub);
    const plain = unzipText((await buildFile(file, { typography: false })).epub);
    const nav = (m: Map<string, string>) => [...m.entries()].find(([k]) => k.endsWith('nav.xhtml'))![1];
    expect(nav(curled)).toContain('>Author’s Notes</a>');
    expect(nav(plain)).toContain('>Author&apos;s Notes</a>');
    expect(nav(curled)).toContain('<h2>Contents</h2>');
  });
});
