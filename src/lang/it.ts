import type { LanguageTable } from './types.js';

const UNITS = ['uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove'];

/** `venti` + `uno` → `ventuno`, `venti` + `tre` → `ventitré`: a ten drops its vowel before `uno` and `otto`. */
function join(ten: string, unit: string): string {
  const t = /^[uo]/.test(unit) ? ten.slice(0, -1) : ten;
  return `${t}${unit === 'tre' ? 'tré' : unit}`;
}

/** `ventitré` → `ventitreesimo`, `ventisei` → `ventiseiesimo`, `undici` → `undicesimo`. */
function ordinal(cardinal: string): string {
  if (cardinal.endsWith('tré')) return `${cardinal.slice(0, -1)}eesimo`;
  if (cardinal.endsWith('sei')) return `${cardinal}esimo`;
  return `${cardinal.slice(0, -1)}esimo`;
}

/** An ordinal agrees with its noun: `Capitolo primo`, `Parte prima`. */
const gender = (w: string): string[] => [w.replace(/o$/, 'a')];

export const it: LanguageTable = {
  code: 'it',
  names: ['Italian', 'italiano'],
  cased: true,
  headings: {
    chapter: ['Capitolo {n}', 'Cap. {n}', 'Cap {n}', 'Capitolo {o}', '{o} capitolo'],
    part: ['Parte {n}', 'Parte {o}', '{o} parte', 'Libro {n}', 'Volume {n}', 'Tomo {n}', 'Atto {n}'],
    special: ['Prologo', 'Epilogo', 'Interludio', 'Intermezzo', 'Prefazione', 'Introduzione', 'Premessa', 'Postfazione', 'Capitolo extra', 'Extra', 'Omake'],
    of: ['di'],
  },
  numbers: {
    cardinal: {
      units: UNITS,
      teens: ['dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove'],
      tens: ['venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'],
      hundred: 'cento',
      join,
    },
    ordinal: {
      units: ['primo', 'secondo', 'terzo', 'quarto', 'quinto', 'sesto', 'settimo', 'ottavo', 'nono'],
      teens: ['decimo', 'undicesimo', 'dodicesimo', 'tredicesimo', 'quattordicesimo', 'quindicesimo', 'sedicesimo', 'diciassettesimo', 'diciottesimo', 'diciannovesimo'],
      tens: ['ventesimo', 'trentesimo', 'quarantesimo', 'cinquantesimo', 'sessantesimo', 'settantesimo', 'ottantesimo', 'novantesimo'],
      hundred: 'centesimo',
      join: (_ten, _unit, t, u) => ordinal(join(['venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta', 'novanta'][t - 2]!, UNITS[u - 1]!)),
    },
    inflect: gender,
  },
  fields: {
    title: ['Titolo'],
    author: ['Autore', 'Autrice', 'Autori', 'Scritto da', 'Di'],
    summary: ['Riassunto', 'Trama', 'Sinossi', 'Introduzione', 'Descrizione'],
    rating: ['Rating', 'Valutazione', 'Classificazione'],
    warnings: ['Avvertimenti', 'Avvertenze', 'Avviso'],
    pairings: ['Pairing', 'Coppia', 'Coppie', 'Coppie/Pairing'],
    characters: ['Personaggi', 'Personaggio'],
    genres: ['Genere', 'Generi'],
    fandoms: ['Fandom', 'Categoria'],
    tags: ['Tag', 'Etichette'],
    status: ['Stato'],
    words: ['Parole'],
    series: ['Serie', 'Saga'],
    language: ['Lingua'],
    published: ['Pubblicato', 'Pubblicazione', 'Pubblicata il'],
    updated: ['Aggiornato', 'Aggiornamento'],
    disclaimer: ['Disclaimer', 'Note legali'],
    translator: ['Traduttore', 'Traduttrice', 'Traduzione'],
  },
  by: ['di {name}', 'scritto da {name}'],
  and: ['e', 'ed'],
  notes: [
    'N/A',
    'NdA',
    'N.d.A.',
    "Nota dell'autore",
    "Nota dell'autrice",
    "Note dell'autore",
    "Note dell'autrice",
    "Angolo dell'autrice",
    "Angolo dell'autore",
    'NdT',
    'Nota del traduttore',
    'Nota della traduttrice',
    'Nota',
    'Note',
    'Note finali',
  ],
  endMarks: ['Fine', 'Continua', 'Continua…', 'Fine del capitolo', 'Fine della storia'],
  quotes: { primary: ['«', '»'], secondary: ['“', '”'], dialogueDash: false, dash: 'spaced-en' },
  labels: {
    chapter: 'Capitolo {n}',
    labelAndTitle: '{label}: {title}',
    contents: 'Indice',
    titlePage: 'Frontespizio',
    cover: 'Copertina',
    startOfStory: 'Inizio della storia',
    authorsNotes: "Note dell'autore",
    endNotes: 'Note finali',
    notes: 'Note',
    by: 'di {author}',
    series: '{series}, libro {n}',
    authorJoin: ' & ',
    thousands: '.',
    facts: {
      fandom: 'Fandom',
      rating: 'Classificazione',
      warnings: 'Avvertimenti',
      pairings: 'Coppie',
      characters: 'Personaggi',
      genre: 'Genere',
      tags: 'Tag',
      status: 'Stato',
      complete: 'Completa',
      inProgress: 'In corso',
      published: 'Pubblicazione',
      updated: 'Aggiornamento',
      chapters: 'Capitoli',
      words: 'Parole',
      source: 'Fonte',
    },
  },
};
