import type { LanguageTable } from './types.js';

/** `primero` → `primera`, `primer` (before a noun): the forms an ordinal takes. */
const gender = (w: string): string[] => {
  const parts = w.split(' ');
  const fem = parts.map((p) => p.replace(/o$/, 'a')).join(' ');
  const short = w.replace(/(primer|tercer)o$/, '$1');
  return [fem, short];
};

export const es: LanguageTable = {
  code: 'es',
  names: ['Spanish', 'español', 'espanol', 'castellano', 'Castilian'],
  cased: true,
  headings: {
    chapter: ['Capítulo {n}', 'Cap. {n}', 'Cap {n}', 'Capítulo {o}'],
    part: ['Parte {n}', '{o} parte', 'Libro {n}', 'Tomo {n}', 'Volumen {n}', 'Acto {n}'],
    special: ['Prólogo', 'Epílogo', 'Interludio', 'Intermedio', 'Prefacio', 'Introducción', 'Preámbulo', 'Coda', 'Capítulo extra', 'Extra', 'Omake'],
    of: ['de'],
  },
  numbers: {
    cardinal: {
      units: ['uno|un|una', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
      teens: ['diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve'],
      tens: ['veinte', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'],
      hundred: 'cien|ciento',
      // `veintidós` is one word; from thirty on, `treinta y uno`.
      join: (ten, unit, t) =>
        t === 2
          ? `veinti${unit
              .replace(/^dos$/, 'dós')
              .replace(/^tres$/, 'trés')
              .replace(/^seis$/, 'séis')
              .replace(/^un$/, 'ún')}`
          : `${ten} y ${unit}`,
    },
    ordinal: {
      units: ['primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo|sétimo', 'octavo', 'noveno|nono'],
      teens: ['décimo', 'undécimo|decimoprimero', 'duodécimo|decimosegundo', 'decimotercero', 'decimocuarto', 'decimoquinto', 'decimosexto', 'decimoséptimo', 'decimoctavo', 'decimonoveno'],
      tens: ['vigésimo', 'trigésimo', 'cuadragésimo', 'quincuagésimo', 'sexagésimo', 'septuagésimo', 'octogésimo', 'nonagésimo'],
      hundred: 'centésimo',
    },
    inflect: gender,
  },
  fields: {
    title: ['Título', 'Titulo'],
    author: ['Autor', 'Autora', 'Autores', 'Escrito por', 'Por'],
    summary: ['Resumen', 'Sinopsis', 'Descripción', 'Argumento'],
    rating: ['Clasificación', 'Calificación', 'Rating'],
    warnings: ['Advertencia', 'Advertencias', 'Avisos'],
    pairings: ['Pareja', 'Parejas', 'Emparejamiento', 'Emparejamientos'],
    characters: ['Personaje', 'Personajes'],
    genres: ['Género', 'Géneros'],
    fandoms: ['Fandom', 'Categoría'],
    tags: ['Etiquetas'],
    status: ['Estado'],
    words: ['Palabras'],
    series: ['Serie', 'Saga'],
    language: ['Idioma', 'Lengua'],
    published: ['Publicado', 'Publicación', 'Fecha de publicación'],
    updated: ['Actualizado', 'Actualización'],
    disclaimer: ['Descargo', 'Aviso legal', 'Derechos'],
    translator: ['Traductor', 'Traductora', 'Traducción'],
  },
  by: ['por {name}', 'de {name}'],
  and: ['y', 'e'],
  notes: [
    'N/A',
    'N.A.',
    'Nota de la autora',
    'Nota del autor',
    'Notas de la autora',
    'Notas del autor',
    'Nota de autor',
    'Notas de autor',
    'Nota de la traductora',
    'Nota del traductor',
    'Nota',
    'Notas',
    'Notas finales',
    'Notas iniciales',
    'Aclaraciones',
    'Aclaración',
  ],
  endMarks: ['Fin', 'Fin del capítulo', 'Fin de la historia', 'Continuará', 'Continuara', 'Final'],
  quotes: { primary: ['«', '»'], secondary: ['“', '”'], dialogueDash: true, dash: 'spaced-em' },
  labels: {
    chapter: 'Capítulo {n}',
    labelAndTitle: '{label}: {title}',
    contents: 'Índice',
    titlePage: 'Portadilla',
    cover: 'Cubierta',
    startOfStory: 'Inicio de la historia',
    authorsNotes: 'Notas de autor',
    endNotes: 'Notas finales',
    notes: 'Notas',
    by: 'por {author}',
    series: '{series}, libro {n}',
    authorJoin: ' & ',
    thousands: '.',
    facts: {
      fandom: 'Fandom',
      rating: 'Clasificación',
      warnings: 'Advertencias',
      pairings: 'Parejas',
      characters: 'Personajes',
      genre: 'Género',
      tags: 'Etiquetas',
      status: 'Estado',
      complete: 'Completa',
      inProgress: 'En curso',
      published: 'Publicación',
      updated: 'Actualización',
      chapters: 'Capítulos',
      words: 'Palabras',
      source: 'Fuente',
    },
  },
};
