import type { LanguageTable } from './types.js';

/**
 * An ordinal in its three genders: `pierwszy` / `pierwsza` / `pierwsze`,
 * `drugi` / `druga` / `drugie`, `trzeci` / `trzecia` / `trzecie`; in a
 * compound (`dwudziesty pierwszy`) every word agrees.
 */
function gender(w: string): string[] {
  const one = (p: string, g: 'f' | 'n'): string => {
    if (p.endsWith('ci')) return `${p}${g === 'f' ? 'a' : 'e'}`;
    if (/[kg]i$/.test(p)) return p.replace(/i$/, g === 'f' ? 'a' : 'ie');
    return p.replace(/y$/, g === 'f' ? 'a' : 'e');
  };
  return (['f', 'n'] as const).map((g) =>
    w
      .split(' ')
      .map((p) => one(p, g))
      .join(' '),
  );
}

export const pl: LanguageTable = {
  code: 'pl',
  names: ['Polish', 'polski', 'język polski'],
  cased: true,
  headings: {
    chapter: ['Rozdział {n}', 'Rozdz. {n}', 'Rozdział {o}'],
    part: ['Część {n}', 'Część {o}', 'Księga {n}', 'Księga {o}', 'Tom {n}', 'Tom {o}', 'Akt {n}'],
    special: ['Prolog', 'Epilog', 'Interludium', 'Przerywnik', 'Wstęp', 'Przedmowa', 'Posłowie', 'Wprowadzenie', 'Rozdział dodatkowy', 'Dodatek', 'Omake'],
    of: ['z'],
  },
  numbers: {
    cardinal: {
      units: ['jeden|jedna|jedno', 'dwa|dwie', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć'],
      teens: ['dziesięć', 'jedenaście', 'dwanaście', 'trzynaście', 'czternaście', 'piętnaście', 'szesnaście', 'siedemnaście', 'osiemnaście', 'dziewiętnaście'],
      tens: ['dwadzieścia', 'trzydzieści', 'czterdzieści', 'pięćdziesiąt', 'sześćdziesiąt', 'siedemdziesiąt', 'osiemdziesiąt', 'dziewięćdziesiąt'],
      hundred: 'sto',
    },
    ordinal: {
      units: ['pierwszy', 'drugi', 'trzeci', 'czwarty', 'piąty', 'szósty', 'siódmy', 'ósmy', 'dziewiąty'],
      teens: ['dziesiąty', 'jedenasty', 'dwunasty', 'trzynasty', 'czternasty', 'piętnasty', 'szesnasty', 'siedemnasty', 'osiemnasty', 'dziewiętnasty'],
      tens: ['dwudziesty', 'trzydziesty', 'czterdziesty', 'pięćdziesiąty', 'sześćdziesiąty', 'siedemdziesiąty', 'osiemdziesiąty', 'dziewięćdziesiąty'],
      hundred: 'setny',
    },
    inflect: gender,
  },
  fields: {
    title: ['Tytuł'],
    author: ['Autor', 'Autorka', 'Autorzy', 'Napisał', 'Napisała'],
    summary: ['Streszczenie', 'Opis', 'Opis fabuły'],
    rating: ['Kategoria wiekowa', 'Rating', 'Ocena'],
    warnings: ['Ostrzeżenie', 'Ostrzeżenia'],
    pairings: ['Pairing', 'Para', 'Pary', 'Paring'],
    characters: ['Postacie', 'Postaci', 'Bohaterowie'],
    genres: ['Gatunek', 'Gatunki'],
    fandoms: ['Fandom', 'Kategoria'],
    tags: ['Tagi'],
    status: ['Status'],
    words: ['Słowa', 'Liczba słów'],
    series: ['Seria', 'Cykl'],
    language: ['Język'],
    published: ['Opublikowano', 'Data publikacji'],
    updated: ['Zaktualizowano', 'Aktualizacja'],
    disclaimer: ['Zastrzeżenie', 'Disclaimer'],
    translator: ['Tłumacz', 'Tłumaczka', 'Tłumaczenie', 'Przekład'],
  },
  by: ['autorstwa {name}', 'przez {name}'],
  and: ['i', 'oraz'],
  notes: [
    'A/N',
    'N/A',
    'Od autora',
    'Od autorki',
    'Notka',
    'Notka autora',
    'Notka autorki',
    'Notka od autora',
    'Notka od autorki',
    'Uwaga',
    'Uwagi',
    'Uwaga autora',
    'Uwaga autorki',
    'Od tłumacza',
    'Od tłumaczki',
  ],
  endMarks: ['Koniec', 'Ciąg dalszy nastąpi', 'C.d.n.', 'Koniec rozdziału'],
  quotes: { primary: ['„', '”'], secondary: ['«', '»'], dialogueDash: true, dash: 'spaced-em' },
  labels: {
    chapter: 'Rozdział {n}',
    labelAndTitle: '{label}: {title}',
    contents: 'Spis treści',
    titlePage: 'Strona tytułowa',
    cover: 'Okładka',
    startOfStory: 'Początek opowieści',
    authorsNotes: 'Od autora',
    endNotes: 'Uwagi końcowe',
    notes: 'Przypisy',
    by: '{author}',
    series: '{series}, tom {n}',
    authorJoin: ' & ',
    thousands: '\u00a0',
    facts: {
      fandom: 'Fandom',
      rating: 'Kategoria wiekowa',
      warnings: 'Ostrzeżenia',
      pairings: 'Pary',
      characters: 'Postacie',
      genre: 'Gatunek',
      tags: 'Tagi',
      status: 'Status',
      complete: 'Zakończone',
      inProgress: 'W trakcie',
      published: 'Publikacja',
      updated: 'Aktualizacja',
      chapters: 'Rozdziały',
      words: 'Słowa',
      source: 'Źródło',
    },
  },
};
