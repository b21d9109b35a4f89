import type { LanguageTable } from './types.js';

/** `primeiro` → `primeira`: an ordinal agrees with its noun (`Primeira Parte`). */
const gender = (w: string): string[] => [w.split(' ').map((p) => p.replace(/o$/, 'a')).join(' ')];

export const pt: LanguageTable = {
  code: 'pt',
  names: ['Portuguese', 'português', 'portugues', 'Brazilian Portuguese', 'português brasileiro'],
  cased: true,
  headings: {
    chapter: ['Capítulo {n}', 'Cap. {n}', 'Cap {n}', 'Capítulo {o}'],
    part: ['Parte {n}', '{o} parte', 'Livro {n}', 'Volume {n}', 'Tomo {n}', 'Ato {n}', 'Acto {n}'],
    special: ['Prólogo', 'Epílogo', 'Interlúdio', 'Prefácio', 'Introdução', 'Intermezzo', 'Capítulo extra', 'Extra', 'Omake'],
    of: ['de'],
  },
  numbers: {
    cardinal: {
      units: ['um|uma', 'dois|duas', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'],
      teens: ['dez', 'onze', 'doze', 'treze', 'catorze|quatorze', 'quinze', 'dezesseis|dezasseis', 'dezessete|dezassete', 'dezoito', 'dezenove|dezanove'],
      tens: ['vinte', 'trinta', 'quarenta', 'cinquenta|cinqüenta', 'sessenta', 'setenta', 'oitenta', 'noventa'],
      hundred: 'cem',
      join: (ten, unit) => `${ten} e ${unit}`,
    },
    ordinal: {
      units: ['primeiro', 'segundo', 'terceiro', 'quarto', 'quinto', 'sexto', 'sétimo', 'oitavo', 'nono'],
      teens: ['décimo', 'décimo primeiro', 'décimo segundo', 'décimo terceiro', 'décimo quarto', 'décimo quinto', 'décimo sexto', 'décimo sétimo', 'décimo oitavo', 'décimo nono'],
      tens: ['vigésimo', 'trigésimo', 'quadragésimo', 'quinquagésimo', 'sexagésimo', 'septuagésimo', 'octogésimo', 'nonagésimo'],
      hundred: 'centésimo',
    },
    inflect: gender,
  },
  fields: {
    title: ['Título', 'Titulo'],
    author: ['Autor', 'Autora', 'Autores', 'Escrito por', 'Por'],
    summary: ['Resumo', 'Sinopse', 'Descrição'],
    rating: ['Classificação', 'Censura'],
    warnings: ['Aviso', 'Avisos', 'Advertências'],
    pairings: ['Casal', 'Casais', 'Shipp', 'Ship'],
    characters: ['Personagem', 'Personagens'],
    genres: ['Gênero', 'Género', 'Gêneros', 'Géneros'],
    fandoms: ['Fandom', 'Categoria', 'Categorias'],
    tags: ['Tags', 'Etiquetas'],
    status: ['Status', 'Estado', 'Situação'],
    words: ['Palavras'],
    series: ['Série', 'Saga'],
    language: ['Idioma', 'Língua'],
    published: ['Publicado', 'Publicação', 'Publicada em'],
    updated: ['Atualizado', 'Atualização', 'Actualizado'],
    disclaimer: ['Disclaimer', 'Aviso legal', 'Direitos'],
    translator: ['Tradutor', 'Tradutora', 'Tradução'],
  },
  by: ['por {name}', 'de {name}'],
  and: ['e'],
  notes: ['N/A', 'N.A.', 'Nota da autora', 'Nota do autor', 'Notas da autora', 'Notas do autor', 'Nota de autor', 'Notas de autor', 'Nota da tradutora', 'Nota do tradutor', 'Nota', 'Notas', 'Notas finais', 'Notas iniciais'],
  endMarks: ['Fim', 'Fim do capítulo', 'Continua', 'Continua…', 'Continuará', 'Final'],
  // Brazil quotes with “ ”, Portugal with « ».
  quotes: {
    primary: ['«', '»'], secondary: ['“', '”'], dialogueDash: true, dash: 'spaced-em',
    regions: { BR: { primary: ['“', '”'], secondary: ['‘', '’'], dialogueDash: true, dash: 'spaced-em' } },
  },
  labels: {
    chapter: 'Capítulo {n}',
    labelAndTitle: '{label}: {title}',
    contents: 'Sumário',
    titlePage: 'Folha de rosto',
    cover: 'Capa',
    startOfStory: 'Início da história',
    authorsNotes: 'Notas do autor',
    endNotes: 'Notas finais',
    notes: 'Notas',
    by: 'por {author}',
    series: '{series}, livro {n}',
    authorJoin: ' & ',
    thousands: '.',
    facts: {
      fandom: 'Fandom', rating: 'Classificação', warnings: 'Avisos', pairings: 'Casais', characters: 'Personagens',
      genre: 'Gênero', tags: 'Tags', status: 'Estado', complete: 'Completa', inProgress: 'Em andamento',
      published: 'Publicação', updated: 'Atualização', chapters: 'Capítulos', words: 'Palavras', source: 'Fonte',
    },
  },
};
