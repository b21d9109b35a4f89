// One table of metadata keys: a key means the same, read the same way, in a
// story's text and in YAML (front matter, sidecars, book.yaml).
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { fieldNamed } from '../../src/metadata/fields.js';
import { TABLES } from '../../src/lang/index.js';
import { languageCode } from '../../src/lang/index.js';
import { mergeMeta, readYamlMeta } from '../../src/metadata/metadata.js';
import { parsePlainText } from '../../src/structure/index.js';

const STORY = '\n\nChapter 1\n\nThe ferry left the harbour an hour late, its horn sounding twice.\n';
// A value for each key a language table labels.
const VALUES: Record<string, string> = {
  title: 'The Salt Road',
  author: 'Mara Quill & Tomas Reed',
  summary: 'Two sisters and a ferry. SasuSaku.',
  language: 'French',
  published: '2021-03-04',
  updated: '2022-05-06',
  series: 'Tales of the Marches #2',
  tags: 'winter, orchards',
  fandoms: 'Naruto',
  pairings: 'Naruto/Hinata',
  characters: 'Mara, Tomas',
  genres: 'Drama/Romance',
  rating: 'T',
  warnings: 'None',
  status: 'complete',
  words: '1,234',
  translator: 'Ana Lima',
};

describe('the metadata field table', () => {
  // Every label of every language, on a line at the top of a story in that language, means what its key means in YAML.
  const labels = TABLES.flatMap((t) => Object.entries(t.fields).flatMap(([key, names]) => (key === 'disclaimer' ? [] : (names ?? []).map((label) => [t.code, label, key] as const))));

  it.each(labels)('%s "%s:" means what the key %s means in YAML', (code, label, key) => {
    const value = VALUES[key]!;
    const colon = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]$/u.test(label) ? '：' : ':';
    const fromText = parsePlainText(`${label}${colon} ${value}${STORY}`, { file: 'story.txt', languages: [code, 'en'] });
    const fromYaml = readYamlMeta({ [key]: value }, new Diagnostics('story.yaml'));
    expect(fieldNamed(key), key).toBeDefined();
    const { title: _t, ...textMeta } = fromText.meta;
    const { title: _y, ...yamlMeta } = fromYaml.meta;
    expect(textMeta, `${label}: ${value}`).toEqual(yamlMeta);
    if (key === 'title') expect(fromText.meta.title).toBe(fromYaml.meta.title);
    // The line is metadata, never story text.
    expect(fromText.chapters.flatMap((c) => c.blocks).length).toBe(1);
  });

  it('reads a site\'s "category" as the fandom, in text and in YAML', () => {
    expect(parsePlainText(`Category: Naruto${STORY}`, { file: 'a.txt' }).meta.fandoms).toEqual(['Naruto']);
    expect(readYamlMeta({ category: 'Naruto' }, new Diagnostics()).meta.fandoms).toEqual(['Naruto']);
  });

  it('reads a language by its tag or its name, in English or in itself', () => {
    expect(['French', 'français', 'fr', 'FR', 'fr_FR', 'English', 'Deutsch', 'pt-br', 'Español'].map(languageCode)).toEqual(['fr', 'fr', 'fr', 'fr', 'fr-FR', 'en', 'de', 'pt-BR', 'es']);
    expect(['english!', 'Klingonese', 'xx', 'und', ''].map(languageCode)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('writes `language: English` as en, and an unknown language as en with a warning', () => {
    const diags = new Diagnostics('story.yaml');
    expect(mergeMeta([readYamlMeta({ language: 'English' }, diags).meta], 'T', diags).language).toBe('en');
    expect(diags.list).toEqual([]);
    expect(mergeMeta([{ language: 'english' }], 'T', diags).language).toBe('en');
    expect(mergeMeta([readYamlMeta({ language: 'Klingonese' }, diags).meta], 'T', diags).language).toBe('en');
    expect(diags.list.map((d) => d.code)).toEqual(['bad-language']);
  });

  it('lists an author the story names twice once', () => {
    const r = parsePlainText(`Title: The Salt Road\nAuthor: Eleanor Voss\nBy Eleanor Voss${STORY}`, { file: 'a.txt' });
    expect(r.meta.authors).toEqual([{ name: 'Eleanor Voss' }]);
  });

  it('drops characters XML forbids that YAML escapes can spell (a form feed in a title)', () => {
    const { meta } = readYamlMeta({ title: 'The\fSalt\u0000 Road', tags: ['a\u0001b'], author: [{ name: 'Wren\u000bHollis' }] }, new Diagnostics());
    expect([meta.title, meta.tags, meta.authors]).toEqual(['TheSalt Road', ['ab'], [{ name: 'WrenHollis' }]]);
  });

  it('warns, naming the key and line, about a value it cannot read', () => {
    const r = parsePlainText(`Title: T\nStatus: sort of\nPublished: last spring${STORY}`, { file: 'a.txt' });
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['bad-value', 2],
      ['bad-value', 3],
    ]);
  });
});
