import type { LanguageTable } from './types.js';

const author = ["Author's", "Authors'", 'Authors', 'Author', "Authoress's", 'Authoress', "Translator's", 'Translator', "Writer's", 'Writer'];
const notes = (words: readonly string[]) => words.flatMap((w) => [`${w} Note`, `${w} Notes`]);

export const en: LanguageTable = {
  code: 'en',
  names: ['English', 'Eng'],
  cased: true,
  headings: {
    // A stave is A Christmas Carol's chapter; Frankenstein opens with letters.
    chapter: ['Chapter {n}', 'Chapter the {o}', 'Chap. {n}', 'Chap {n}', 'Ch. {n}', 'Ch {n}', 'Ch.{n}', 'Stave {n}', 'Letter {n}'],
    part: ['Part {n}', 'Part the {o}', 'Book {n}', 'Book the {o}', 'Volume {n}', 'Vol. {n}', 'Act {n}'],
    special: ['Prologue', 'Epilogue', 'Interlude', 'Intermission', 'Afterword', 'Foreword', 'Preface', 'Introduction', 'Coda', 'Omake', 'Bonus Chapter', 'Side Story', 'Footnotes'],
    of: ['of'],
  },
  numbers: {
    cardinal: {
      units: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
      teens: ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'],
      tens: ['twenty', 'thirty', 'forty|fourty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'],
      hundred: 'hundred|one hundred|a hundred',
    },
    ordinal: {
      units: ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'],
      teens: ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'],
      tens: ['twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'],
      hundred: 'hundredth|one hundredth',
      // `twenty-first`: the ten stays a cardinal.
      join: (ten, unit) => `${ten.replace(/ieth$/, 'y')} ${unit}`,
    },
  },
  fields: {
    title: ['Title'],
    author: ['Author', 'Authors', 'Written by', 'By'],
    summary: ['Summary', 'Description', 'Blurb'],
    rating: ['Rating', 'Rated'],
    warnings: ['Warning', 'Warnings', 'Content warning', 'Content warnings'],
    pairings: ['Pairing', 'Pairings', 'Ship', 'Ships', 'Relationship', 'Relationships'],
    characters: ['Character', 'Characters'],
    genres: ['Genre', 'Genres'],
    fandoms: ['Fandom', 'Fandoms', 'Category', 'Categories'],
    tags: ['Tags'],
    status: ['Status'],
    words: ['Words', 'Word count'],
    series: ['Series'],
    language: ['Language'],
    published: ['Published'],
    updated: ['Updated'],
    disclaimer: ['Disclaimer'],
    translator: ['Translator', 'Translated by'],
  },
  by: ['by {name}', 'written by {name}'],
  and: ['and'],
  notes: [
    'A/N', 'A.N.', 'A.N', 'AN',
    ...notes(author), ...notes(author).map((l) => `${l} and {words}`),
    ...notes(['Closing', 'Opening', 'Ending', 'End', 'Final', 'Beginning', 'Chapter', 'Important', 'Quick']),
    'Note', 'Notes', 'Disclaimer', "{name}'s Note", "{name}'s Notes", "{name}'s Note {word}", "{name}'s Notes {word}",
  ],
  endMarks: ['The End', 'Fin', 'Finis', 'To be continued', 'tbc', 'END', ...['Chapter', 'Part', 'Book', 'Story'].flatMap((w) => [`End of ${w}`, `End of ${w} {word}`])],
  quotes: { primary: ['“', '”'], secondary: ['‘', '’'], dialogueDash: false, dash: 'em' },
  labels: {
    chapter: 'Chapter {n}',
    labelAndTitle: '{label}: {title}',
    contents: 'Contents',
    titlePage: 'Title Page',
    cover: 'Cover',
    startOfStory: 'Start of Story',
    start: 'Start',
    authorsNotes: "Author's Notes",
    endNotes: 'End Notes',
    notes: 'Notes',
    by: 'by {author}',
    series: '{series}, book {n}',
    authorJoin: ' & ',
    thousands: ',',
    facts: {
      fandom: 'Fandom', rating: 'Rating', warnings: 'Warnings', pairings: 'Pairings', characters: 'Characters',
      genre: 'Genre', tags: 'Tags', status: 'Status', complete: 'Complete', inProgress: 'In progress',
      published: 'Published', updated: 'Updated', chapters: 'Chapters', words: 'Words', source: 'Source',
    },
  },
};
