import type { LanguageTable } from './types.js';

const UNITS = ['een|één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
const TENS = ['twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];

/** `eenentwintig`, `tweeëntwintig`: the unit first, `en` (`ën` after an e) between. */
const join = (ten: string, unit: string): string => `${unit.replace('één', 'een')}${/e$/.test(unit) ? 'ën' : 'en'}${ten}`;

export const nl: LanguageTable = {
  code: 'nl',
  names: ['Dutch', 'Nederlands', 'Flemish', 'Vlaams'],
  cased: true,
  headings: {
    chapter: ['Hoofdstuk {n}', 'Hfst. {n}', 'Hst. {n}', '{o} hoofdstuk'],
    part: ['Deel {n}', '{o} deel', 'Boek {n}', 'Bedrijf {n}', 'Akte {n}'],
    special: ['Proloog', 'Epiloog', 'Intermezzo', 'Tussenspel', 'Voorwoord', 'Nawoord', 'Inleiding', 'Woord vooraf', 'Bonushoofdstuk', 'Omake'],
    of: ['van'],
  },
  numbers: {
    cardinal: {
      units: UNITS,
      teens: ['tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'],
      tens: TENS,
      hundred: 'honderd|eenhonderd',
      join,
    },
    ordinal: {
      units: ['eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zevende', 'achtste', 'negende'],
      teens: ['tiende', 'elfde', 'twaalfde', 'dertiende', 'veertiende', 'vijftiende', 'zestiende', 'zeventiende', 'achttiende', 'negentiende'],
      tens: TENS.map((t) => `${t}ste`),
      hundred: 'honderdste',
      join: (ten, _unit, _t, u) => `${join(ten, UNITS[u - 1]!.split('|')[0]!)}`,
    },
  },
  fields: {
    title: ['Titel'],
    author: ['Auteur', 'Schrijver', 'Schrijfster', 'Geschreven door', 'Door'],
    summary: ['Samenvatting', 'Beschrijving', 'Flaptekst'],
    rating: ['Rating', 'Leeftijd', 'Classificatie'],
    warnings: ['Waarschuwing', 'Waarschuwingen'],
    pairings: ['Pairing', 'Pairings', 'Koppel', 'Koppels'],
    characters: ['Personages', 'Karakters'],
    genres: ['Genre', 'Genres'],
    fandoms: ['Fandom', 'Categorie'],
    tags: ['Tags', 'Labels'],
    status: ['Status'],
    words: ['Woorden', 'Aantal woorden'],
    series: ['Serie', 'Reeks'],
    language: ['Taal'],
    published: ['Gepubliceerd', 'Verschenen'],
    updated: ['Bijgewerkt'],
    disclaimer: ['Disclaimer'],
    translator: ['Vertaler', 'Vertaalster', 'Vertaling', 'Vertaald door'],
  },
  by: ['door {name}'],
  and: ['en'],
  notes: ['A/N', 'Noot', 'Noten', 'Noot van de auteur', 'Noot van de schrijver', 'Noot van de schrijfster', 'Opmerking', 'Opmerking van de auteur', 'Opmerking van de schrijver', 'Auteursnotitie', 'Notitie', 'Noot van de vertaler'],
  endMarks: ['Einde', 'Het einde', 'Wordt vervolgd', 'Einde hoofdstuk'],
  quotes: { primary: ['“', '”'], secondary: ['‘', '’'], dialogueDash: false, dash: 'spaced-en' },
  labels: {
    chapter: 'Hoofdstuk {n}',
    labelAndTitle: '{label}: {title}',
    contents: 'Inhoud',
    titlePage: 'Titelpagina',
    cover: 'Omslag',
    startOfStory: 'Begin van het verhaal',
    authorsNotes: 'Noten van de auteur',
    endNotes: 'Slotnoten',
    notes: 'Noten',
    by: 'door {author}',
    series: '{series}, deel {n}',
    authorJoin: ' & ',
    thousands: '.',
    facts: {
      fandom: 'Fandom', rating: 'Leeftijd', warnings: 'Waarschuwingen', pairings: 'Koppels', characters: 'Personages',
      genre: 'Genre', tags: 'Tags', status: 'Status', complete: 'Voltooid', inProgress: 'Lopend',
      published: 'Gepubliceerd', updated: 'Bijgewerkt', chapters: 'Hoofdstukken', words: 'Woorden', source: 'Bron',
    },
  },
};
