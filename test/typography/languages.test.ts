/**
 * Typography in the book's language: each language's marks for straight
 * quotes, its dash spacing, and a text's own convention kept. Real sentences,
 * written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Book } from '../../src/model.js';
import { inlineText } from '../../src/model.js';
import { applyTypography, smartenText } from '../../src/typography/index.js';

const NNBSP = '\u202f';
const span = { file: 's.txt', start: 1, end: 1 };

function book(language: string, paragraphs: string[]): Book {
  const blocks: Block[] = paragraphs.map((p) => ({ type: 'paragraph', children: [{ type: 'text', value: p }], span }));
  return {
    meta: { title: 'T', authors: [], language, tags: [], fandoms: [], pairings: [], characters: [], genres: [], warnings: [] },
    imprint: [],
    front: [],
    back: [],
    notes: [],
    chapters: [{ title: [], blocks, sections: [], span }],
  };
}
const typeset = (language: string, paragraphs: string[]): string[] =>
  applyTypography(book(language, paragraphs), { language }).chapters[0]!.blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : ''));

describe('straight quotes become the language’s marks', () => {
  it.each([
    ['de', '"Die Fahrkarte, bitte", sagte sie. "Ich hab\'s doch versprochen."', '„Die Fahrkarte, bitte“, sagte sie. „Ich hab’s doch versprochen.“'],
    ['de', 'Er sagte: "Sie nannte es \'Heimat\', nicht mehr."', 'Er sagte: „Sie nannte es ‚Heimat‘, nicht mehr.“'],
    ['de-CH', '"Grüezi", sagte er.', '«Grüezi», sagte er.'],
    ['fr', 'Il répétait toujours "on ne se quitte jamais vraiment".', `Il répétait toujours «${NNBSP}on ne se quitte jamais vraiment${NNBSP}».`],
    ['fr', 'Elle dit " Bonjour " et sourit.', `Elle dit «${NNBSP}Bonjour${NNBSP}» et sourit.`],
    ['fr-CH', 'Il dit "bonjour".', 'Il dit «bonjour».'],
    ['es', 'La gente dice que está "ocupada".', 'La gente dice que está «ocupada».'],
    ['pt', 'Chamava-lhe "o relógio das saudades".', 'Chamava-lhe «o relógio das saudades».'],
    ['pt-BR', 'Ela disse: "Já volto."', 'Ela disse: “Já volto.”'],
    ['it', 'Un cartello diceva: "Vietato entrare".', 'Un cartello diceva: «Vietato entrare».'],
    ['nl', "'Waarom maakt u die niet?' vroeg Sanne.", '‘Waarom maakt u die niet?’ vroeg Sanne.'],
    ['pl', 'Mówił o nim "ten człowiek od światła".', 'Mówił o nim „ten człowiek od światła”.'],
    ['ru', 'Он говорил: "Это чтобы помнили, куда пришли".', 'Он говорил: «Это чтобы помнили, куда пришли».'],
    ['uk', 'Вона прошепотіла: "терпіння". О п\'ятій годині.', 'Вона прошепотіла: «терпіння». О п’ятій годині.'],
    ['tr', '"Bu saat hiç durmuyor," dedi. Selanik\'e gitti.', '“Bu saat hiç durmuyor,” dedi. Selanik’e gitti.'],
    ['id', '"Kopi tubruk, gulanya sedikit saja," katanya.', '“Kopi tubruk, gulanya sedikit saja,” katanya.'],
    ['vi', '"Ông ơi, ai đã viết những dòng này?" cô hỏi.', '“Ông ơi, ai đã viết những dòng này?” cô hỏi.'],
    ['zh', '"老板，还是老样子。"他说。', '“老板，还是老样子。”他说。'],
    ['zh-TW', '"老闆，還是老樣子。"他說。', '「老闆，還是老樣子。」他說。'],
    ['ko', '"주인이 올 거야." 사장님이 대답했다.', '“주인이 올 거야.” 사장님이 대답했다.'],
    ['ja', '母は"いつか娘に教えたい"と書いていた。', '母は"いつか娘に教えたい"と書いていた。'],
  ])('%s: %s', (language, input, output) => {
    expect(typeset(language, [input])).toEqual([output]);
  });
});

describe('French spacing', () => {
  it('puts a narrow no-break space before ; ! ? and a no-break space before : where the author left a space', () => {
    expect(smartenText("À qui dois-je l'envoyer ? Je ne sais pas ; dis-le : vite !", { language: 'fr' })).toBe(`À qui dois-je l’envoyer${NNBSP}? Je ne sais pas${NNBSP}; dis-le\u00a0: vite${NNBSP}!`);
  });
  it('leaves punctuation with no space before it and URLs alone', () => {
    expect(smartenText('Vraiment? Voir https://exemple.fr/a?b=1 !', { language: 'fr' })).toBe(`Vraiment? Voir https://exemple.fr/a?b=1${NNBSP}!`);
  });
  it('spaces guillemets the author already typed', () => {
    expect(smartenText('Il dit «bonjour» et « au revoir ».', { language: 'fr' })).toBe(`Il dit «${NNBSP}bonjour${NNBSP}» et «${NNBSP}au revoir${NNBSP}».`);
  });
});

describe('dashes follow the language', () => {
  it('keeps spaced dashes spaced where the language spaces them', () => {
    expect(smartenText('Он -- врач, а она - учитель.', { language: 'ru' })).toBe('Он — врач, а она — учитель.');
    expect(smartenText('— Привет, — сказал он.', { language: 'ru' })).toBe('— Привет, — сказал он.');
    expect(smartenText('Er kam - endlich - nach Hause.', { language: 'de' })).toBe('Er kam – endlich – nach Hause.');
    expect(smartenText('— Niech pan się cieszy — powiedział.', { language: 'pl' })).toBe('— Niech pan się cieszy — powiedział.');
    expect(smartenText('他说--不要走。', { language: 'zh' })).toBe('他说——不要走。');
  });
  it('keeps English as it was', () => {
    expect(smartenText('He came - at last - home.', { language: 'en' })).toBe('He came—at last—home.');
    expect(smartenText('He came - at last - home.')).toBe('He came—at last—home.');
    expect(smartenText('He came - at last - home.', { language: 'ru', dashStyle: 'em' })).toBe('He came—at last—home.');
  });
});

describe('a text that already has its own convention keeps it', () => {
  it('„…“ text: straight quotes join its marks, never English ones', () => {
    const out = typeset('en', ['„Komm her“, rief sie.', '„Warum?“, fragte er.', 'Sie sagte "nein".']);
    expect(out[2]).toBe('Sie sagte „nein“.');
    expect(out.join('')).not.toMatch(/[”]/);
  });
  it('„…” text (Polish style) closes with ”', () => {
    expect(typeset('en', ['„Chodź tu” — zawołała.', '„Dlaczego?” — spytał.', 'Powiedziała "nie".'])[2]).toBe('Powiedziała „nie”.');
  });
  it('»…« text (German books) points straight quotes inwards too', () => {
    expect(typeset('de', ['»Komm her«, rief sie.', '»Warum?«, fragte er.', 'Sie sagte "nein".'])[2]).toBe('Sie sagte »nein«.');
  });
  it('«…» text keeps guillemets for its straight quotes', () => {
    expect(typeset('en', ['«Vieni qui» disse lei.', '«Perché?» chiese lui.', 'Disse "no".'])[2]).toBe('Disse «no».');
  });
  it('「…」 text leaves straight quotes straight', () => {
    expect(typeset('en', ['「いらっしゃい」', '「これ、売り物ですか」', '彼女は"はい"と言った。'])[2]).toBe('彼女は"はい"と言った。');
  });
  it('dialogue dashes in a book taken for English: straight quotes stay straight', () => {
    const out = typeset('en', ['—Hola —dijo ella.', '—¿Qué tal?', '—Bien, gracias.', 'Dicen que está "ocupada".']);
    expect(out[3]).toBe('Dicen que está "ocupada".');
  });
  it('dialogue dashes in a Spanish book: its own marks', () => {
    expect(typeset('es', ['—Hola —dijo ella.', '—¿Qué tal?', '—Bien.', 'Dicen que está "ocupada".'])[3]).toBe('Dicen que está «ocupada».');
  });
  it('an English book with a French phrase in guillemets stays English', () => {
    const out = typeset('en', ['"Well," she said, "the French call it «la douceur»."', '"Do they?"', '"They do."']);
    expect(out).toEqual(['“Well,” she said, “the French call it «la douceur».”', '“Do they?”', '“They do.”']);
  });
});
