import type { LanguageTable } from './types.js';

const UNITS = ['일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];

export const ko: LanguageTable = {
  code: 'ko',
  names: ['Korean', '한국어', '조선말', 'hangul'],
  cased: false,
  headings: {
    chapter: ['제{n}장', '{n}장', '제{n}화', '{n}화', '제{n}회', '{n}회'],
    part: ['제{n}부', '{n}부', '제{n}권', '{n}권', '제{n}막', '{n}막'],
    special: ['프롤로그', '에필로그', '서장', '서문', '종장', '막간', '외전', '번외', '번외편', '후일담', '들어가며'],
  },
  numbers: {
    cjk: true,
    // Sino-Korean numerals, as in `제삼장`.
    cardinal: {
      units: UNITS,
      teens: ['십', ...UNITS.map((u) => `십${u}`)],
      tens: UNITS.slice(1).map((u) => `${u}십`),
      hundred: '백|일백',
      join: (ten, unit) => `${ten}${unit}`,
    },
  },
  fields: {
    title: ['제목', '작품명'],
    author: ['작가', '저자', '지은이', '글쓴이', '글'],
    summary: ['줄거리', '요약', '소개', '작품 소개'],
    rating: ['등급', '연령 등급', '관람가'],
    warnings: ['경고', '주의', '주의사항'],
    pairings: ['커플링', 'CP', '커플'],
    characters: ['등장인물', '캐릭터'],
    genres: ['장르'],
    fandoms: ['원작', '팬덤'],
    tags: ['태그', '키워드'],
    status: ['상태', '연재 상태'],
    words: ['글자 수', '단어 수'],
    series: ['시리즈'],
    language: ['언어'],
    published: ['게시일', '발행일', '연재 시작'],
    updated: ['업데이트', '수정일', '갱신일'],
    disclaimer: ['면책 조항', '알림'],
    translator: ['번역', '옮긴이', '역자'],
  },
  by: ['{name} 지음', '{name} 씀', '글 {name}', '지은이 {name}'],
  and: ['와', '과', '및'],
  notes: ['작가의 말', '작가의 한마디', '작가 노트', '작가 코멘트', '작가 후기', '후기', '역자 주', '역주', '주'],
  endMarks: ['끝', '완결', '완', '계속', '다음 화에 계속', '(끝)', '<끝>'],
  quotes: { primary: ['“', '”'], secondary: ['‘', '’'], dialogueDash: false, dash: 'em' },
  labels: {
    chapter: '제{n}장',
    contents: '차례',
    titlePage: '속표지',
    cover: '표지',
    startOfStory: '본문 시작',
    authorsNotes: '작가의 말',
    endNotes: '후기',
    notes: '주석',
    by: '{author} 지음',
    series: '{series} 제{n}권',
    authorJoin: ', ',
    thousands: ',',
    facts: {
      fandom: '원작', rating: '등급', warnings: '주의', pairings: '커플링', characters: '등장인물',
      genre: '장르', tags: '태그', status: '상태', complete: '완결', inProgress: '연재 중',
      published: '게시일', updated: '업데이트', chapters: '화 수', words: '글자 수', source: '출처',
    },
  },
};
