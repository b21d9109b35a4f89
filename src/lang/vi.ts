import type { LanguageTable } from './types.js';

const UNITS = ['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/**
 * 21 … 99: `hai mươi mốt`, `hai mươi tư`, `hai mươi lăm`: after a ten, one
 * is `mốt`, four may be `tư` and five is `lăm`.
 */
function join(ten: string, unit: string, _t: number, u: number): string[] {
  const after = u === 1 ? ['mốt'] : u === 4 ? ['tư', 'bốn'] : u === 5 ? ['lăm'] : [unit];
  return after.map((a) => `${ten} ${a}`);
}

const cardinal = {
  units: UNITS,
  teens: ['mười', 'mười một', 'mười hai', 'mười ba', 'mười bốn', 'mười lăm', 'mười sáu', 'mười bảy', 'mười tám', 'mười chín'],
  tens: UNITS.slice(1).map((u) => `${u} mươi`),
  hundred: 'một trăm|trăm',
  join,
};

/** Ordinals are `thứ` and the cardinal, but `thứ nhất` and `thứ tư` for one and four. */
const thu = (s: string): string => `thứ ${s}`;

export const vi: LanguageTable = {
  code: 'vi',
  names: ['Vietnamese', 'Tiếng Việt', 'Tieng Viet'],
  cased: true,
  headings: {
    chapter: ['Chương {n}', 'Chương {o}', 'Hồi {n}', 'Hồi {o}'],
    part: ['Phần {n}', 'Phần {o}', 'Quyển {n}', 'Quyển {o}', 'Tập {n}', 'Màn {n}'],
    special: ['Mở đầu', 'Lời mở đầu', 'Phần mở đầu', 'Tiết tử', 'Vĩ thanh', 'Phần kết', 'Lời tựa', 'Lời nói đầu', 'Lời bạt', 'Ngoại truyện', 'Phiên ngoại'],
    of: ['trên'],
  },
  numbers: {
    cardinal,
    ordinal: {
      units: ['thứ nhất', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy', 'thứ tám', 'thứ chín'],
      teens: cardinal.teens.map(thu),
      tens: cardinal.tens.map(thu),
      hundred: 'thứ một trăm',
      join: (ten, _unit, t, u) => join(ten, UNITS[u - 1]!, t, u),
    },
  },
  fields: {
    title: ['Tên truyện', 'Tiêu đề', 'Tên'],
    author: ['Tác giả', 'Tác gỉa', 'Viết bởi'],
    summary: ['Tóm tắt', 'Giới thiệu', 'Văn án', 'Mô tả'],
    rating: ['Xếp hạng', 'Rating', 'Độ tuổi'],
    warnings: ['Cảnh báo', 'Lưu ý'],
    pairings: ['Cặp đôi', 'Couple', 'Pairing'],
    characters: ['Nhân vật'],
    genres: ['Thể loại'],
    fandoms: ['Fandom', 'Nguyên tác'],
    tags: ['Thẻ', 'Tag'],
    status: ['Tình trạng', 'Trạng thái'],
    words: ['Số chữ', 'Số từ'],
    series: ['Bộ', 'Series'],
    language: ['Ngôn ngữ'],
    published: ['Ngày đăng', 'Xuất bản'],
    updated: ['Cập nhật'],
    disclaimer: ['Disclaimer', 'Miễn trừ'],
    translator: ['Dịch giả', 'Người dịch', 'Dịch'],
  },
  by: ['bởi {name}', 'tác giả {name}'],
  and: ['và'],
  notes: ['A/N', 'Lời tác giả', 'Tác giả có lời muốn nói', 'Ghi chú', 'Ghi chú của tác giả', 'Lời của tác giả', 'Lời người dịch', 'Lời editor', 'Chú thích'],
  endMarks: ['Hết', 'Hoàn', 'Toàn văn hoàn', 'Còn tiếp', 'Hết chương', 'Kết thúc', 'Chính văn hoàn'],
  quotes: { primary: ['“', '”'], secondary: ['‘', '’'], dialogueDash: true, dash: 'spaced-em' },
  labels: {
    chapter: 'Chương {n}',
    labelAndTitle: '{label}: {title}',
    contents: 'Mục lục',
    titlePage: 'Trang tên sách',
    cover: 'Bìa',
    startOfStory: 'Bắt đầu truyện',
    authorsNotes: 'Lời tác giả',
    endNotes: 'Lời cuối',
    notes: 'Chú thích',
    by: '{author}',
    series: '{series}, tập {n}',
    authorJoin: ' & ',
    thousands: '.',
    facts: {
      fandom: 'Fandom',
      rating: 'Xếp hạng',
      warnings: 'Cảnh báo',
      pairings: 'Cặp đôi',
      characters: 'Nhân vật',
      genre: 'Thể loại',
      tags: 'Thẻ',
      status: 'Tình trạng',
      complete: 'Hoàn thành',
      inProgress: 'Đang tiến hành',
      published: 'Ngày đăng',
      updated: 'Cập nhật',
      chapters: 'Số chương',
      words: 'Số chữ',
      source: 'Nguồn',
    },
  },
};
