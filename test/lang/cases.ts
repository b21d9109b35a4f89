/**
 * What every language's table must read, written as a reader sees it:
 * headings (digits, roman numerals, number words cardinal and ordinal), the
 * lines that start with a heading word but are sentences, fields, note
 * labels, end marks and bylines.
 */
export interface LanguageCases {
  /** Heading line → [kind, number value or null]. */
  headings: Record<string, ['chapter' | 'part' | 'special', number | null]>;
  /** Lines of story text that start like a heading and must never be one. */
  notHeadings: string[];
  fields: Record<string, [string, string]>;
  notes: string[];
  endMarks: string[];
  /** Byline → names. */
  bylines: Record<string, string[]>;
}

export const CASES: Record<string, LanguageCases> = {
  en: {
    headings: { 'Chapter 12': ['chapter', 12], 'CHAPTER XII.': ['chapter', 12], 'Chapter Twenty-Seven': ['chapter', 27], 'Chapter Twenty Seven:': ['chapter', 27], 'Chapter the First': ['chapter', 1], 'Ch. 3': ['chapter', 3], 'Part Two': ['part', 2], 'Book the Third': ['part', 3], 'Stave One': ['chapter', 1], 'Letter 4': ['chapter', 4], 'Prologue': ['special', null], 'Chapter One Hundred': ['chapter', 100] },
    notHeadings: ['Chapter one was the hardest to write, she said.', 'Chapter after chapter, he read on.', 'Part of me wanted to stay.', 'Prologues are for other books.', 'Book two, please, the green one.'],
    fields: { 'Title: The Long Way': ['title', 'The Long Way'], 'Author: Jane Doe': ['author', 'Jane Doe'], 'Summary: Two sisters.': ['summary', 'Two sisters.'], 'Pairing: A/B': ['pairings', 'A/B'] },
    notes: ['A/N: thanks for reading', "Author's Note", 'Closing notes:', "Rosie's Notes II:"],
    endMarks: ['THE END', '~*~ The End ~*~', 'To be continued', 'END'],
    bylines: { 'By Jane Austen': ['Jane Austen'], 'by StarlightScribe': ['StarlightScribe'] },
  },
  es: {
    headings: { 'Capítulo 1': ['chapter', 1], 'Capítulo primero': ['chapter', 1], 'Capitulo veintidós': ['chapter', 22], 'CAPÍTULO XIV': ['chapter', 14], 'Capítulo treinta y uno: La vuelta': ['chapter', 31], 'Primera parte': ['part', 1], 'Libro 2': ['part', 2], 'Prólogo': ['special', null], 'Epílogo': ['special', null] },
    notHeadings: ['Capítulo tras capítulo, ella leía.', 'Capítulo uno fue el peor, dijo.', 'Parte de mí quería quedarse.'],
    fields: { 'Título: La casa': ['title', 'La casa'], 'Autora: Lucía': ['author', 'Lucía'], 'Resumen: Una historia.': ['summary', 'Una historia.'], 'Sinopsis: Otra.': ['summary', 'Otra.'] },
    notes: ['Nota de la autora: gracias', 'N/A: hola', 'Notas del autor'],
    endMarks: ['Fin', 'Continuará...', '~ FIN ~'],
    bylines: { 'por Gabriel García Márquez': ['Gabriel García Márquez'] },
  },
  pt: {
    headings: { 'Capítulo 1': ['chapter', 1], 'Capítulo primeiro': ['chapter', 1], 'Capítulo vinte e três': ['chapter', 23], 'Capítulo IX': ['chapter', 9], 'Primeira Parte': ['part', 1], 'Livro 3': ['part', 3], 'Prólogo': ['special', null] },
    notHeadings: ['Capítulo após capítulo, ela lia sem parar.', 'Capítulo dois foi o mais difícil, disse ele.'],
    fields: { 'Título: O relojoeiro': ['title', 'O relojoeiro'], 'Autor: Tiago': ['author', 'Tiago'], 'Resumo: Um conto.': ['summary', 'Um conto.'] },
    notes: ['Nota da autora: obrigada', 'N/A: olá', 'Notas do autor'],
    endMarks: ['Fim', 'Continua...'],
    bylines: { 'por Tiago Moreira': ['Tiago Moreira'] },
  },
  fr: {
    headings: { 'Chapitre premier': ['chapter', 1], 'Chapitre deux': ['chapter', 2], 'Chapitre 3': ['chapter', 3], 'Chapitre vingt et un': ['chapter', 21], 'Chapitre soixante-dix-sept': ['chapter', 77], 'Chapitre quatre-vingt-dix-neuf': ['chapter', 99], 'CHAPITRE XII': ['chapter', 12], 'Première partie': ['part', 1], 'Deuxième partie': ['part', 2], 'Livre premier': ['part', 1], 'Épilogue': ['special', null], 'Prologue': ['special', null] },
    notHeadings: ['Chapitre après chapitre, elle lisait.', 'Chapitre deux était le pire, dit-il.'],
    fields: { 'Titre : Le facteur': ['title', 'Le facteur'], 'Auteure : Claire': ['author', 'Claire'], 'Résumé : Une histoire.': ['summary', 'Une histoire.'] },
    notes: ["Note de l'auteure : merci", 'NdA : bonjour', "Mot de l'autrice"],
    endMarks: ['Fin', 'À suivre', 'FIN'],
    bylines: { 'par Marie Dupont': ['Marie Dupont'] },
  },
  de: {
    headings: { 'Kapitel 1': ['chapter', 1], 'Kapitel eins': ['chapter', 1], 'Erstes Kapitel': ['chapter', 1], 'Einundzwanzigstes Kapitel': ['chapter', 21], '2. Kapitel': ['chapter', 2], 'Kapitel XII': ['chapter', 12], 'Erster Teil': ['part', 1], 'Teil 3': ['part', 3], 'Prolog': ['special', null], 'Nachwort': ['special', null] },
    notHeadings: ['Kapitel eins war langweilig, sagte er.', 'Zwei Kapitel später kam er zurück.', 'Teil der Abmachung war das nicht.'],
    fields: { 'Titel: Der Zug': ['title', 'Der Zug'], 'Autorin: Johanna': ['author', 'Johanna'], 'Zusammenfassung: Etwas.': ['summary', 'Etwas.'] },
    notes: ['Anmerkung der Autorin: danke', 'A/N: hallo', 'Anmerkung'],
    endMarks: ['Ende', 'Fortsetzung folgt'],
    bylines: { 'von Anna Schmidt und Peter Bauer': ['Anna Schmidt', 'Peter Bauer'] },
  },
  it: {
    headings: { 'Capitolo 1': ['chapter', 1], 'Capitolo primo': ['chapter', 1], 'Capitolo ventuno': ['chapter', 21], 'Capitolo ventitreesimo': ['chapter', 23], 'Capitolo XX': ['chapter', 20], 'Parte prima': ['part', 1], 'Prologo': ['special', null] },
    notHeadings: ['Capitolo dopo capitolo, lei leggeva.', 'Capitolo uno era il più bello, disse.'],
    fields: { 'Titolo: Il giardino': ['title', 'Il giardino'], 'Autrice: Giulia': ['author', 'Giulia'], 'Trama: Una storia.': ['summary', 'Una storia.'] },
    notes: ["Nota dell'autrice: grazie", 'NdA: ciao', "Angolo dell'autrice"],
    endMarks: ['Fine', 'Continua...'],
    bylines: { 'di Giulia Benedetti': ['Giulia Benedetti'] },
  },
  nl: {
    headings: { 'Hoofdstuk 1': ['chapter', 1], 'Hoofdstuk twee': ['chapter', 2], 'Hoofdstuk tweeëntwintig': ['chapter', 22], 'Eerste hoofdstuk': ['chapter', 1], 'Hoofdstuk IV': ['chapter', 4], 'Deel 2': ['part', 2], 'Proloog': ['special', null], 'Epiloog': ['special', null] },
    notHeadings: ['Hoofdstuk na hoofdstuk las ze door.', 'Hoofdstuk twee was saai, zei hij.'],
    fields: { 'Titel: De fiets': ['title', 'De fiets'], 'Auteur: Pieter': ['author', 'Pieter'], 'Samenvatting: Een verhaal.': ['summary', 'Een verhaal.'] },
    notes: ['Noot van de auteur: bedankt', 'A/N: hoi'],
    endMarks: ['Einde', 'Wordt vervolgd'],
    bylines: { 'door Anna van der Berg': ['Anna van der Berg'] },
  },
  pl: {
    headings: { 'Rozdział 1': ['chapter', 1], 'Rozdział pierwszy': ['chapter', 1], 'Rozdział dwudziesty pierwszy': ['chapter', 21], 'Rozdział XV': ['chapter', 15], 'Część pierwsza': ['part', 1], 'Tom drugi': ['part', 2], 'Prolog': ['special', null], 'Epilog': ['special', null] },
    notHeadings: ['Rozdział po rozdziale czytała dalej.', 'Rozdział pierwszy był nudny, powiedział.'],
    fields: { 'Tytuł: Latarnik': ['title', 'Latarnik'], 'Autorka: Agnieszka': ['author', 'Agnieszka'], 'Opis: Opowiadanie.': ['summary', 'Opowiadanie.'] },
    notes: ['Od autorki: dziękuję', 'Notka autora', 'A/N: cześć'],
    endMarks: ['Koniec', 'Ciąg dalszy nastąpi'],
    bylines: { 'autorstwa Agnieszki Nowak': ['Agnieszki Nowak'] },
  },
  ru: {
    headings: { 'Глава 1': ['chapter', 1], 'Глава первая': ['chapter', 1], 'Глава двадцать первая': ['chapter', 21], 'ГЛАВА XII': ['chapter', 12], 'Часть вторая': ['part', 2], 'Том первый': ['part', 1], 'Пролог': ['special', null], 'Эпилог': ['special', null] },
    notHeadings: ['Глава за главой она читала дальше.', 'Глава первая была скучной, сказал он.'],
    fields: { 'Название: Часовщик': ['title', 'Часовщик'], 'Автор: Андрей': ['author', 'Андрей'], 'Описание: Рассказ.': ['summary', 'Рассказ.'] },
    notes: ['Примечание автора: спасибо', 'От автора', 'Примечания'],
    endMarks: ['Конец', 'Продолжение следует'],
    bylines: { 'автор: Иван Петров': ['Иван Петров'] },
  },
  uk: {
    headings: { 'Розділ 1': ['chapter', 1], 'Розділ перший': ['chapter', 1], 'Розділ двадцять третій': ['chapter', 23], "Розділ п'ятий": ['chapter', 5], 'Частина друга': ['part', 2], 'Епілог': ['special', null] },
    notHeadings: ['Розділ за розділом вона читала далі.', 'Розділ перший був нудним, сказав він.'],
    fields: { 'Назва: Пекарня': ['title', 'Пекарня'], 'Авторка: Оксана': ['author', 'Оксана'], 'Опис: Оповідання.': ['summary', 'Оповідання.'] },
    notes: ['Примітка авторки: дякую', 'Від автора'],
    endMarks: ['Кінець', 'Далі буде'],
    bylines: { 'авторка Оксана Мельник': ['Оксана Мельник'] },
  },
  tr: {
    headings: { 'Bölüm 1': ['chapter', 1], '1. Bölüm': ['chapter', 1], 'Birinci Bölüm': ['chapter', 1], 'BİRİNCİ BÖLÜM': ['chapter', 1], 'Yirmi Birinci Bölüm': ['chapter', 21], 'Bölüm Beş': ['chapter', 5], 'Bölüm IV': ['chapter', 4], 'İkinci Kitap': ['part', 2], 'Önsöz': ['special', null] },
    notHeadings: ['Bölüm bölüm okudu, hiç durmadı.', 'Bölüm bir çok sıkıcıydı, dedi.'],
    fields: { 'Başlık: Saatçi': ['title', 'Saatçi'], 'Yazar: Elif': ['author', 'Elif'], 'Özet: Bir hikâye.': ['summary', 'Bir hikâye.'] },
    notes: ['Yazarın notu: teşekkürler', 'Yazar notu'],
    endMarks: ['Son', 'Devam edecek'],
    bylines: { 'yazan Elif Yılmaz': ['Elif Yılmaz'] },
  },
  id: {
    headings: { 'Bab 1': ['chapter', 1], 'Bab Satu': ['chapter', 1], 'Bab Kedua': ['chapter', 2], 'Bab Pertama': ['chapter', 1], 'Bab dua puluh satu': ['chapter', 21], 'Bab XI': ['chapter', 11], 'Bagian 2': ['part', 2], 'Prolog': ['special', null] },
    notHeadings: ['Bab demi bab ia baca, sampai pagi.', 'Bab satu membosankan, katanya.'],
    fields: { 'Judul: Warung': ['title', 'Warung'], 'Penulis: Rina': ['author', 'Rina'], 'Sinopsis: Sebuah cerita.': ['summary', 'Sebuah cerita.'] },
    notes: ['Catatan penulis: terima kasih', 'A/N: halo'],
    endMarks: ['Tamat', 'Bersambung'],
    bylines: { 'oleh Rina Kusuma': ['Rina Kusuma'] },
  },
  vi: {
    headings: { 'Chương 1': ['chapter', 1], 'Chương Một': ['chapter', 1], 'Chương hai mươi mốt': ['chapter', 21], 'Chương thứ nhất': ['chapter', 1], 'Chương XII': ['chapter', 12], 'Phần 2': ['part', 2], 'Quyển thứ hai': ['part', 2], 'Vĩ thanh': ['special', null] },
    notHeadings: ['Chương này hay lắm, cô nói.', 'Chương một rất buồn, anh ấy nói.'],
    fields: { 'Tên truyện: Tiệm sách': ['title', 'Tiệm sách'], 'Tác giả: Thu Hà': ['author', 'Thu Hà'], 'Tóm tắt: Một câu chuyện.': ['summary', 'Một câu chuyện.'] },
    notes: ['Lời tác giả: cảm ơn', 'Ghi chú của tác giả'],
    endMarks: ['Hết', 'Còn tiếp', 'Toàn văn hoàn'],
    bylines: { 'bởi Nguyễn Thu Hà': ['Nguyễn Thu Hà'] },
  },
  zh: {
    headings: { '第一章': ['chapter', 1], '第1章': ['chapter', 1], '第一回': ['chapter', 1], '第一○○回': ['chapter', 100], '第一百零三章': ['chapter', 103], '第二十一章 风起': ['chapter', 21], '第 12 章': ['chapter', 12], '第三卷': ['part', 3], '楔子': ['special', null], '尾声': ['special', null] },
    notHeadings: ['第一章就很无聊，他说。', '楔子里写的是什么，她问。'],
    fields: { '标题：面馆': ['title', '面馆'], '作者：林晓雨': ['author', '林晓雨'], '简介：一个故事。': ['summary', '一个故事。'] },
    notes: ['作者的话：谢谢', '作者有话要说：'],
    endMarks: ['完', '（全文完）', '未完待续'],
    bylines: { '林晓雨 著': ['林晓雨'] },
  },
  ja: {
    headings: { '第1話': ['chapter', 1], '第一話': ['chapter', 1], '第一章': ['chapter', 1], '第十二話 晴れの日': ['chapter', 12], '第２部': ['part', 2], 'プロローグ': ['special', null], 'エピローグ': ['special', null] },
    notHeadings: ['第一話はとても面白かった、と彼は言った。'],
    fields: { 'タイトル：古本屋': ['title', '古本屋'], '作者：佐藤美咲': ['author', '佐藤美咲'], 'あらすじ：物語。': ['summary', '物語。'] },
    notes: ['作者より：ありがとう', 'あとがき'],
    endMarks: ['完', 'おわり', '（続く）'],
    bylines: { '佐藤美咲 著': ['佐藤美咲'] },
  },
  ko: {
    headings: { '제1장': ['chapter', 1], '제 1 장': ['chapter', 1], '1화': ['chapter', 1], '제삼장': ['chapter', 3], '12화 비 오는 날': ['chapter', 12], '제2부': ['part', 2], '프롤로그': ['special', null], '에필로그': ['special', null] },
    notHeadings: ['1화는 정말 재미있었다, 그가 말했다.'],
    fields: { '제목: 세탁소': ['title', '세탁소'], '작가: 김하늘': ['author', '김하늘'], '줄거리: 이야기.': ['summary', '이야기.'] },
    notes: ['작가의 말: 감사합니다', '후기'],
    endMarks: ['끝', '<끝>', '완결'],
    bylines: { '김하늘 지음': ['김하늘'] },
  },
};
