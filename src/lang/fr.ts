import type { LanguageTable } from './types.js';

const UNITS = ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'];
const TEENS = ['dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];

/**
 * 21 … 99: `vingt et un`, `vingt-deux`; seventy and ninety count on from
 * sixty and eighty with the teens (`soixante et onze`, `quatre-vingt-douze`).
 * Both the classic hyphens and the 1990 ones (`vingt-et-un`) read the same,
 * since a hyphen and a space compare equal.
 */
function join(ten: string, unit: string, t: number, u: number): string {
  if (t === 7 || t === 9) {
    const base = t === 7 ? 'soixante' : 'quatre-vingt';
    const teen = TEENS[u]!;
    return t === 7 && u === 1 ? `${base} et onze` : `${base}-${teen}`;
  }
  if (t === 8) return `quatre-vingt-${unit}`;
  return u === 1 ? `${ten} et un` : `${ten}-${unit}`;
}

/** The ordinal of a cardinal: `vingt et un` → `vingt et unième`, `cinq` → `cinquième`. */
function ordinal(cardinal: string): string {
  const c = cardinal.replace(/vingts$/, 'vingt');
  if (/neuf$/.test(c)) return c.replace(/neuf$/, 'neuvième');
  if (/cinq$/.test(c)) return `${c}uième`;
  return `${c.replace(/e$/, '')}ième`;
}

export const fr: LanguageTable = {
  code: 'fr',
  names: ['French', 'français', 'francais'],
  cased: true,
  headings: {
    chapter: ['Chapitre {n}', 'Chap. {n}', 'Chap {n}', 'Ch. {n}', '{o} chapitre'],
    part: ['Partie {n}', '{o} partie', 'Livre {n}', 'Tome {n}', 'Volume {n}', 'Acte {n}'],
    special: ['Prologue', 'Épilogue', 'Interlude', 'Intermède', 'Préface', 'Avant-propos', 'Postface', 'Introduction', 'Préambule', 'Coda', 'Chapitre bonus', 'Bonus', 'Omake'],
    of: ['sur'],
  },
  numbers: {
    cardinal: {
      units: ['un|une', ...UNITS.slice(1)],
      teens: TEENS,
      tens: ['vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante-dix', 'quatre-vingts|quatre-vingt', 'quatre-vingt-dix'],
      hundred: 'cent',
      join,
    },
    ordinal: {
      units: ['premier|première', ...UNITS.slice(1).map(ordinal)].map((w, i) => (i === 1 ? `${w}|second|seconde` : w)),
      teens: TEENS.map(ordinal),
      tens: ['vingtième', 'trentième', 'quarantième', 'cinquantième', 'soixantième', 'soixante-dixième', 'quatre-vingtième', 'quatre-vingt-dixième'],
      hundred: 'centième',
      join: (ten, _unit, t, u) => ordinal(join(ten.replace(/ième$/, ''), UNITS[u - 1]!, t, u)),
    },
  },
  fields: {
    title: ['Titre'],
    author: ['Auteur', 'Auteure', 'Autrice', 'Auteurs', 'Écrit par', 'Par'],
    summary: ['Résumé', 'Synopsis', 'Description'],
    rating: ['Classement', 'Rating', 'Public'],
    warnings: ['Avertissement', 'Avertissements'],
    pairings: ['Couple', 'Couples', 'Pairing', 'Pairings'],
    characters: ['Personnage', 'Personnages'],
    genres: ['Genre', 'Genres'],
    fandoms: ['Fandom', 'Catégorie', 'Univers'],
    tags: ['Tags', 'Étiquettes', 'Mots-clés'],
    status: ['Statut', 'État'],
    words: ['Mots', 'Nombre de mots'],
    series: ['Série'],
    language: ['Langue'],
    published: ['Publié', 'Publication', 'Publié le'],
    updated: ['Mis à jour', 'Mise à jour'],
    disclaimer: ['Disclaimer', 'Avertissement légal'],
    translator: ['Traducteur', 'Traductrice', 'Traduction'],
  },
  by: ['par {name}', 'de {name}'],
  and: ['et'],
  notes: [
    'N/A',
    'NdA',
    'N.d.A.',
    'N.D.A.',
    "Note de l'auteur",
    "Note de l'auteure",
    "Note de l'autrice",
    "Notes de l'auteur",
    "Notes de l'auteure",
    "Notes de l'autrice",
    "Mot de l'auteur",
    "Mot de l'auteure",
    "Mot de l'autrice",
    'NdT',
    'N.d.T.',
    'Note de la traductrice',
    'Note du traducteur',
    'Note',
    'Notes',
    'Notes de fin',
  ],
  endMarks: ['Fin', 'À suivre', 'A suivre', 'Fin du chapitre', "Fin de l'histoire"],
  // Switzerland sets guillemets with no space inside.
  quotes: {
    primary: ['«', '»'],
    secondary: ['“', '”'],
    inner: '\u202f',
    dialogueDash: true,
    dash: 'spaced-en',
    regions: { CH: { primary: ['«', '»'], secondary: ['‹', '›'], dialogueDash: true, dash: 'spaced-en' } },
  },
  labels: {
    chapter: 'Chapitre {n}',
    labelAndTitle: '{label} : {title}',
    contents: 'Table des matières',
    titlePage: 'Page de titre',
    cover: 'Couverture',
    startOfStory: "Début de l'histoire",
    authorsNotes: "Notes de l'auteur",
    endNotes: 'Notes de fin',
    notes: 'Notes',
    by: 'par {author}',
    series: '{series}, tome {n}',
    authorJoin: ' & ',
    thousands: '\u202f',
    facts: {
      fandom: 'Fandom',
      rating: 'Classement',
      warnings: 'Avertissements',
      pairings: 'Couples',
      characters: 'Personnages',
      genre: 'Genre',
      tags: 'Étiquettes',
      status: 'Statut',
      complete: 'Terminée',
      inProgress: 'En cours',
      published: 'Publication',
      updated: 'Mise à jour',
      chapters: 'Chapitres',
      words: 'Mots',
      source: 'Source',
    },
  },
};
