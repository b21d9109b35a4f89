import type { LanguageTable } from './types.js';

const UNITS = ['eins|ein|eine', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];

/** An ordinal's endings as an adjective: `erste`, `erster`, `erstes`, `ersten`, `erstem`. */
const endings = (w: string): string[] => ['er', 'es', 'en', 'em'].map((e) => w.replace(/e$/, e));

export const de: LanguageTable = {
  code: 'de',
  names: ['German', 'Deutsch'],
  cased: true,
  headings: {
    chapter: ['Kapitel {n}', 'Kap. {n}', '{d}. Kapitel', '{o} Kapitel'],
    part: ['Teil {n}', '{d}. Teil', '{o} Teil', 'Buch {n}', '{o} Buch', 'Band {n}', 'Akt {n}', '{o} Akt', 'Aufzug {n}', '{o} Aufzug'],
    special: ['Prolog', 'Epilog', 'Zwischenspiel', 'Interludium', 'Vorwort', 'Nachwort', 'Einleitung', 'Einführung', 'Vorrede', 'Bonuskapitel', 'Omake'],
    of: ['von'],
  },
  numbers: {
    cardinal: {
      units: UNITS,
      teens: ['zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'],
      tens: ['zwanzig', 'dreißig|dreissig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'],
      hundred: 'hundert|einhundert',
      // The unit comes first: `einundzwanzig`.
      join: (ten, unit) => (unit === 'eins' || unit === 'eine' ? [] : `${unit}und${ten}`),
    },
    ordinal: {
      units: ['erste', 'zweite', 'dritte', 'vierte', 'fünfte', 'sechste', 'siebte|siebente', 'achte', 'neunte'],
      teens: ['zehnte', 'elfte', 'zwölfte', 'dreizehnte', 'vierzehnte', 'fünfzehnte', 'sechzehnte', 'siebzehnte', 'achtzehnte', 'neunzehnte'],
      tens: ['zwanzigste', 'dreißigste|dreissigste', 'vierzigste', 'fünfzigste', 'sechzigste', 'siebzigste', 'achtzigste', 'neunzigste'],
      hundred: 'hundertste',
      join: (ten, _unit, _t, u) => `${u === 1 ? 'ein' : UNITS[u - 1]}und${ten}`,
    },
    inflect: endings,
  },
  fields: {
    title: ['Titel'],
    author: ['Autor', 'Autorin', 'Autoren', 'Verfasser', 'Verfasserin', 'Geschrieben von', 'Von'],
    summary: ['Zusammenfassung', 'Inhalt', 'Inhaltsangabe', 'Beschreibung', 'Klappentext'],
    rating: ['Rating', 'Altersfreigabe', 'Einstufung', 'FSK'],
    warnings: ['Warnung', 'Warnungen', 'Triggerwarnung', 'Inhaltswarnung'],
    pairings: ['Pairing', 'Pairings', 'Paarung', 'Paarungen'],
    characters: ['Charaktere', 'Figuren', 'Personen'],
    genres: ['Genre', 'Genres'],
    fandoms: ['Fandom', 'Kategorie'],
    tags: ['Tags', 'Schlagwörter'],
    status: ['Status'],
    words: ['Wörter', 'Wortanzahl'],
    series: ['Reihe', 'Serie'],
    language: ['Sprache'],
    published: ['Veröffentlicht', 'Erschienen'],
    updated: ['Aktualisiert'],
    disclaimer: ['Disclaimer', 'Haftungsausschluss'],
    translator: ['Übersetzer', 'Übersetzerin', 'Übersetzung', 'Übersetzt von'],
  },
  by: ['von {name}'],
  and: ['und'],
  notes: ['A/N', 'Anmerkung', 'Anmerkungen', 'Anmerkung des Autors', 'Anmerkung der Autorin', 'Anmerkungen des Autors', 'Anmerkungen der Autorin', 'Autorennotiz', 'Autorinnennotiz', 'Notiz', 'Notiz der Autorin', 'Notiz des Autors', 'Vorwort der Autorin', 'Vorwort des Autors', 'Nachwort der Autorin', 'Nachwort des Autors', 'Anmerkung der Übersetzerin', 'Anmerkung des Übersetzers'],
  endMarks: ['Ende', 'Fortsetzung folgt', 'Ende des Kapitels', 'Kapitelende'],
  // Switzerland and Liechtenstein quote with « » and no spaces.
  quotes: {
    primary: ['„', '“'], secondary: ['‚', '‘'], dialogueDash: false, dash: 'spaced-en',
    regions: {
      CH: { primary: ['«', '»'], secondary: ['‹', '›'], dialogueDash: false, dash: 'spaced-en' },
      LI: { primary: ['«', '»'], secondary: ['‹', '›'], dialogueDash: false, dash: 'spaced-en' },
    },
  },
  labels: {
    chapter: 'Kapitel {n}',
    labelAndTitle: '{label}: {title}',
    contents: 'Inhalt',
    titlePage: 'Titelseite',
    cover: 'Cover',
    startOfStory: 'Beginn der Geschichte',
    authorsNotes: 'Anmerkungen des Autors',
    endNotes: 'Schlussbemerkungen',
    notes: 'Fußnoten',
    by: 'von {author}',
    series: '{series}, Band {n}',
    authorJoin: ' & ',
    thousands: '.',
    facts: {
      fandom: 'Fandom', rating: 'Altersfreigabe', warnings: 'Warnungen', pairings: 'Pairings', characters: 'Figuren',
      genre: 'Genre', tags: 'Tags', status: 'Status', complete: 'Abgeschlossen', inProgress: 'In Arbeit',
      published: 'Veröffentlicht', updated: 'Aktualisiert', chapters: 'Kapitel', words: 'Wörter', source: 'Quelle',
    },
  },
};
