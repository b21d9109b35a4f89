import type { LanguageTable } from './types.js';

const UNITS = ['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

/** Ordinals put `ke-` before the cardinal: `kedua`, `kedua puluh satu`; the first is `pertama` or `kesatu`. */
const ke = (cardinal: string): string => `ke${cardinal}`;

export const id: LanguageTable = {
  code: 'id',
  names: ['Indonesian', 'Bahasa Indonesia', 'Indonesia', 'bahasa'],
  cased: true,
  headings: {
    chapter: ['Bab {n}', 'Bab {o}'],
    part: ['Bagian {n}', 'Bagian {o}', 'Buku {n}', 'Jilid {n}', 'Babak {n}'],
    special: ['Prolog', 'Epilog', 'Prakata', 'Kata Pengantar', 'Pendahuluan', 'Selingan', 'Interlude', 'Bab Tambahan', 'Ekstra'],
    of: ['dari'],
  },
  numbers: {
    cardinal: {
      units: UNITS,
      teens: ['sepuluh', 'sebelas', ...UNITS.slice(1).map((u) => `${u} belas`)],
      tens: UNITS.slice(1).map((u) => `${u} puluh`),
      hundred: 'seratus',
    },
    ordinal: {
      units: ['pertama|kesatu', ...UNITS.slice(1).map(ke)],
      teens: ['kesepuluh', 'kesebelas', ...UNITS.slice(1).map((u) => `ke${u} belas`)],
      tens: UNITS.slice(1).map((u) => `ke${u} puluh`),
      hundred: 'keseratus',
      join: (ten, _unit, _t, u) => `${ten} ${UNITS[u - 1]}`,
    },
  },
  fields: {
    title: ['Judul'],
    author: ['Penulis', 'Pengarang', 'Oleh', 'Ditulis oleh'],
    summary: ['Ringkasan', 'Sinopsis', 'Deskripsi', 'Blurb'],
    rating: ['Rating', 'Peringkat'],
    warnings: ['Peringatan'],
    pairings: ['Pairing', 'Pasangan'],
    characters: ['Karakter', 'Tokoh'],
    genres: ['Genre'],
    fandoms: ['Fandom', 'Kategori'],
    tags: ['Tag', 'Label'],
    status: ['Status'],
    words: ['Kata', 'Jumlah kata'],
    series: ['Seri'],
    language: ['Bahasa'],
    published: ['Diterbitkan', 'Terbit'],
    updated: ['Diperbarui'],
    disclaimer: ['Disclaimer', 'Penafian'],
    translator: ['Penerjemah', 'Alih bahasa'],
  },
  by: ['oleh {name}', 'karya {name}'],
  and: ['dan'],
  notes: ['A/N', 'Catatan', 'Catatan penulis', 'Catatan pengarang', 'Catatan author', 'Catatan dari penulis', 'Author note', 'Catatan penerjemah'],
  endMarks: ['Tamat', 'Selesai', 'Bersambung', 'Akhir'],
  quotes: { primary: ['“', '”'], secondary: ['‘', '’'], dialogueDash: false, dash: 'em' },
  labels: {
    chapter: 'Bab {n}',
    labelAndTitle: '{label}: {title}',
    contents: 'Daftar Isi',
    titlePage: 'Halaman Judul',
    cover: 'Sampul',
    startOfStory: 'Awal cerita',
    authorsNotes: 'Catatan penulis',
    endNotes: 'Catatan akhir',
    notes: 'Catatan',
    by: 'oleh {author}',
    series: '{series}, buku {n}',
    authorJoin: ' & ',
    thousands: '.',
    facts: {
      fandom: 'Fandom', rating: 'Rating', warnings: 'Peringatan', pairings: 'Pasangan', characters: 'Tokoh',
      genre: 'Genre', tags: 'Tag', status: 'Status', complete: 'Tamat', inProgress: 'Berlanjut',
      published: 'Terbit', updated: 'Diperbarui', chapters: 'Bab', words: 'Kata', source: 'Sumber',
    },
  },
};
