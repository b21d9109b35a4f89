// Scores one built EPUB against one book's ground truth from
// ../shared/realworld/truth.json (its README says what each field means and
// what a scorer checks). Plain ESM on the EPUB's bytes, so it judges any
// build of quire, or any other tool's book.
//
//   import { scoreBook } from './score.mjs';
//   const checks = scoreBook(truthEntry, 'book.epub');  // [{ check, ok, detail }]
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';

// ---------------------------------------------------------------- reading

/** Elements that end a line box: their text never runs on into a neighbour's. */
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'nav',
  'blockquote',
  'li',
  'ol',
  'ul',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'br',
  'figure',
  'figcaption',
  'pre',
  'body',
]);

const children = (node) => node.children ?? [];
const elements = (node, name) => {
  const out = [];
  const walk = (n) => {
    for (const c of children(n)) {
      if (c.type === 'tag' || c.type === 'script' || c.type === 'style') {
        if (c.name === name) out.push(c);
        walk(c);
      }
    }
  };
  walk(node);
  return out;
};
const attr = (node, name) => node.attribs?.[name];

/** An element's text with every block boundary and `<br/>` as `\n`, other whitespace runs as one space. */
function lineText(node) {
  let out = '';
  const walk = (n) => {
    for (const c of children(n)) {
      if (c.type === 'text') out += c.data.replace(/[\t\n\r ]+/g, ' ');
      else if (c.type === 'tag') {
        const block = BLOCK.has(c.name);
        if (block) out += '\n';
        walk(c);
        if (block) out += '\n';
      }
    }
  };
  walk(node);
  return out.replace(/ *\n[\n ]*/g, '\n').replace(/^\n|\n$/g, '');
}

/** An element's text as one line: what a reader searching the book would meet. */
const flatText = (node) => lineText(node).replace(/\s+/g, ' ').trim();

function tocTree(list, depth) {
  const entries = [];
  for (const li of children(list).filter((c) => c.type === 'tag' && c.name === 'li')) {
    const label = children(li).find((c) => c.type === 'tag' && (c.name === 'a' || c.name === 'span'));
    const sub = children(li).find((c) => c.type === 'tag' && c.name === 'ol');
    entries.push({
      title: label ? flatText(label) : '',
      href: label ? (attr(label, 'href') ?? '') : '',
      depth,
      children: sub ? tocTree(sub, depth + 1) : [],
    });
  }
  return entries;
}

/**
 * What a reader takes from an EPUB: its metadata, its table of contents as a
 * tree, and each spine document's text and paragraphs.
 */
export function readEpub(input) {
  const bytes = typeof input === 'string' ? readFileSync(input) : input;
  const files = unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const text = (name) => (files[name] ? strFromU8(files[name]) : '');
  const container = parseDocument(text('META-INF/container.xml'), { xmlMode: true });
  const opfPath = attr(elements(container, 'rootfile')[0] ?? {}, 'full-path') ?? '';
  const opf = parseDocument(text(opfPath), { xmlMode: true });
  const base = posix.dirname(opfPath);
  const resolve = (from, href) => posix.normalize(posix.join(posix.dirname(from), decodeURIComponent(href.split('#')[0])));
  const dc = (name) => elements(opf, `dc:${name}`).map(flatText);
  const manifest = new Map(
    elements(opf, 'item').map((i) => [
      attr(i, 'id'),
      { href: posix.normalize(posix.join(base, decodeURIComponent(attr(i, 'href') ?? ''))), type: attr(i, 'media-type') ?? '', props: (attr(i, 'properties') ?? '').split(/\s+/) },
    ]),
  );
  const nav = [...manifest.values()].find((i) => i.props.includes('nav'));
  let toc = [];
  const landmarks = [];
  if (nav) {
    const doc = parseDocument(text(nav.href), { xmlMode: true });
    const navs = elements(doc, 'nav');
    const typed = (n, type) => (attr(n, 'epub:type') ?? '').split(/\s+/).includes(type);
    const tocNav = navs.find((n) => typed(n, 'toc'));
    const list = tocNav && children(tocNav).find((c) => c.type === 'tag' && c.name === 'ol');
    if (list) toc = tocTree(list, 1);
    const fix = (entries) =>
      entries.forEach((e) => {
        e.href = e.href ? resolve(nav.href, e.href) : '';
        fix(e.children);
      });
    fix(toc);
    for (const a of elements(navs.find((n) => typed(n, 'landmarks')) ?? doc, 'a')) {
      if (navs.some((n) => typed(n, 'landmarks'))) landmarks.push({ type: attr(a, 'epub:type') ?? '', href: resolve(nav.href, attr(a, 'href') ?? '') });
    }
  }
  const spine = elements(opf, 'itemref')
    .map((r) => manifest.get(attr(r, 'idref')))
    .filter(Boolean);
  const docs = spine.map((item) => {
    const doc = parseDocument(text(item.href), { xmlMode: true });
    const body = elements(doc, 'body')[0] ?? doc;
    return {
      href: item.href,
      nav: item.props.includes('nav'),
      lines: lineText(body),
      text: flatText(body),
      paragraphs: elements(body, 'p').map((p) => ({ text: flatText(p), lines: lineText(p) })),
    };
  });
  // Every XHTML file's text, spine or not: boilerplate must be gone from all of them.
  const xhtml = Object.keys(files)
    .filter((name) => /\.x?html?$/i.test(name))
    .map((name) => ({ href: name, text: flatText(parseDocument(text(name), { xmlMode: true })) }));
  return { title: dc('title'), creators: dc('creator'), contributors: dc('contributor'), language: dc('language'), toc, landmarks, docs, xhtml };
}

// ---------------------------------------------------------------- words and numbers

/** Case, accents and punctuation dropped: the form titles and TOC entries are compared in. */
export function fold(s) {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
const tokens = (s) => fold(s).split(' ').filter(Boolean);

/** Typography undone (curly quotes, dashes, ellipses, `_emphasis_` marks): the form quoted text is searched in. */
export function loose(s) {
  return s
    .normalize('NFKC')
    .replace(/[_*]/g, '')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/--/g, '—')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/…/g, '...')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

const ROMAN = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
function roman(s) {
  if (!/^[ivxlcdm]+$/.test(s)) return undefined;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]];
    const next = ROMAN[s[i + 1]] ?? 0;
    n += v < next ? -v : v;
  }
  // Only canonical numerals: "mix" and "civil" are words.
  return toRoman(n) === s ? n : undefined;
}
function toRoman(n) {
  const table = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, r] of table)
    while (n >= v) {
      out += r;
      n -= v;
    }
  return out;
}
const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINALS = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12 };
const WORD = new Map([...UNITS.map((w, i) => [w, i]), ...TENS.map((w, i) => [w, i * 10]).filter(([w]) => w), ...Object.entries(ORDINALS)]);

/** Every number a run of tokens names: arabic, roman, English number words ("twenty one", "one hundred and five"). */
function numbersIn(toks) {
  const found = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (/^\d+$/.test(t)) found.push({ at: i, value: Number(t) });
    else if (roman(t) !== undefined) found.push({ at: i, value: roman(t) });
    else if (WORD.has(t)) {
      let value = WORD.get(t);
      let j = i + 1;
      for (; j < toks.length; j++) {
        const w = toks[j];
        if (w === 'hundred' && value < 10) value *= 100;
        else if (w === 'and' && WORD.has(toks[j + 1] ?? '')) continue;
        else if (WORD.has(w) && WORD.get(w) < 10 && value % 10 === 0 && value >= 20) value += WORD.get(w);
        else if (WORD.has(w) && value % 100 === 0 && value >= 100) value += WORD.get(w);
        else break;
      }
      found.push({ at: i, value });
      i = j - 1;
    }
  }
  return found;
}

const HAN_DIGITS = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** A Chinese numeral: positional (一一 = 11, 一○○ = 100) or with 十/百 (二十一). */
function hanNumber(s) {
  if (/^\d+$/.test(s)) return Number(s);
  if (![...s].every((c) => c in HAN_DIGITS || c === '十' || c === '百')) return undefined;
  if (!/[十百]/.test(s)) return Number([...s].map((c) => HAN_DIGITS[c]).join(''));
  let n = 0;
  let digit = 0;
  for (const c of s) {
    if (c === '百') {
      n += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      n += (digit || 1) * 10;
      digit = 0;
    } else digit = HAN_DIGITS[c];
  }
  return n + digit;
}
const HAN_LABEL = /第\s*([〇○零一二三四五六七八九十百\d]+)\s*([回章卷部节節幕场場])/gu;

/** A division's label read as word and number: "Chapter IV" → chapter 4, "第一○○回" → 回 100, "II." → a bare 2. */
export function parseLabel(label) {
  const han = [...label.matchAll(HAN_LABEL)][0];
  if (han) return { word: han[2], number: hanNumber(han[1]), han: true };
  const toks = tokens(label);
  const nums = numbersIn(toks);
  const number = nums.length ? nums[nums.length - 1].value : undefined;
  const word = toks.length > 1 || !nums.length ? toks[0] : undefined;
  return { word, number };
}

/** Does this TOC entry stand for this division (README: contains the title, or the label's number with its word, or starts with a bare numeral)? */
export function standsFor(entry, division) {
  const text = entry.title;
  const squeeze = (s) => fold(s).replace(/ /g, '');
  if (division.title && squeeze(division.title) && squeeze(text).includes(squeeze(division.title))) return true;
  const label = parseLabel(division.label);
  if (label.number === undefined) return false;
  if (label.han) return [...text.matchAll(HAN_LABEL)].some((m) => m[2] === label.word && hanNumber(m[1]) === label.number);
  const toks = tokens(text);
  const nums = numbersIn(toks);
  if (!label.word) return nums.length > 0 && nums[0].at === 0 && nums[0].value === label.number;
  return toks.includes(label.word) && nums.some((n) => n.value === label.number);
}

// ---------------------------------------------------------------- the TOC against the truth

const ALWAYS_OPTIONAL = ['Title Page', 'Cover', 'Contents', 'Table of Contents', 'Copyright', 'Colophon'];
/** Landmarks whose TOC entry is the book's own furniture, whatever the language names it ("Titelseite", "扉页"). */
const FURNITURE = new Set(['cover', 'titlepage', 'toc', 'copyright-page', 'colophon']);

/** Is this entry one a book may always list: a title page, cover, contents, copyright page or colophon? */
function isFurniture(entry, book) {
  const href = entry.href.split('#')[0];
  return ALWAYS_OPTIONAL.some((o) => fold(o) === fold(entry.title)) || (book.landmarks ?? []).some((l) => FURNITURE.has(l.type) && l.href.split('#')[0] === href && href !== '');
}

function startsWithFolded(text, start) {
  const a = fold(text);
  const b = fold(start);
  if (b === '') return false;
  // "Enter " or "MARY." ends a word; "Dramatis Person" may go on ("Personae").
  return /[\p{L}\p{N}]$/u.test(start) ? a.startsWith(b) : a === b || a.startsWith(`${b} `);
}

/** Sorts the TOC into parts, chapter-level entries, their sub-entries and optional matter. */
export function readToc(truth, book) {
  const toc = book.toc;
  const optional = [...ALWAYS_OPTIONAL, ...(truth.optional ?? [])];
  const isOptional = (e) => isFurniture(e, book) || optional.some((o) => startsWithFolded(e.title, o));
  const parts = truth.parts ?? [];
  const partEntries = [];
  const chapters = []; // { entry, part? }
  const strays = []; // sub-entries no division explains, before sections are judged
  const optionals = [];
  const chapterLevel = (entry, part) => {
    if (isOptional(entry)) {
      optionals.push(entry);
      strays.push(...entry.children.map((c) => ({ entry: c, under: entry })));
    } else chapters.push({ entry, part });
  };
  for (const e of truth.parts ? toc : []) {
    const part = parts.findIndex((p) => standsFor(e, { label: p.label, title: p.title }));
    if (part >= 0 && !isOptional(e)) {
      partEntries.push({ entry: e, part });
      for (const c of e.children) chapterLevel(c, partEntries.length - 1);
    } else chapterLevel(e);
  }
  if (!truth.parts) for (const e of toc) chapterLevel(e);
  return { partEntries, chapters, optionals, strays };
}

/** The longest in-order match of entries to divisions (an LCS), as pairs of indexes. */
function align(entries, divisions) {
  const n = entries.length;
  const m = divisions.length;
  const dp = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = standsFor(entries[i], divisions[j]) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const pairs = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (standsFor(entries[i], divisions[j]) && dp[i][j] === dp[i + 1][j + 1] + 1) pairs.push([i++, j++]);
    else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** The most entries that can each stand for a different division (Kuhn's matching); the rest repeat a division. */
function distinctMatch(entries, divisions) {
  const owner = new Array(divisions.length).fill(-1);
  const fits = entries.map((e) => divisions.map((d, j) => (standsFor(e, d) ? j : -1)).filter((j) => j >= 0));
  const unmatched = [];
  for (let i = 0; i < entries.length; i++) {
    if (!fits[i].length) continue;
    const seen = new Set();
    const tryAssign = (k) => {
      for (const j of fits[k]) {
        if (seen.has(j)) continue;
        seen.add(j);
        if (owner[j] < 0 || tryAssign(owner[j])) {
          owner[j] = k;
          return true;
        }
      }
      return false;
    };
    if (!tryAssign(i)) unmatched.push(entries[i]);
  }
  return unmatched;
}

const quote = (s, n = 60) => JSON.stringify(s.length > n ? `${s.slice(0, n)}…` : s);
const list = (xs, n = 5) =>
  xs
    .slice(0, n)
    .map((x) => quote(x))
    .join(', ') + (xs.length > n ? ` … (+${xs.length - n})` : '');
const flatToc = (entries) => entries.flatMap((e) => [e, ...flatToc(e.children)]);

// ---------------------------------------------------------------- the checks

function checkTitle(truth, book) {
  if (!truth.titles) return { check: 'title', ok: true, detail: 'not scored: the file does not name the book' };
  const title = book.title[0] ?? '';
  const ok = truth.titles.some((t) => fold(t) === fold(title));
  return { check: 'title', ok, detail: ok ? quote(title) : `title ${quote(title)}, expected ${list(truth.titles)}` };
}

function checkAuthors(truth, book) {
  if (!truth.authors) return { check: 'authors', ok: true, detail: 'not scored' };
  const has = (creator, set) => {
    const t = new Set(tokens(creator));
    return set.every((s) => t.has(fold(s)));
  };
  const fits = (creator, author) => author.match.some((set) => has(creator, set));
  const missing = truth.authors.filter((a) => !book.creators.some((c) => fits(c, a))).map((a) => a.name);
  const extra = book.creators.filter((c) => !truth.authors.some((a) => fits(c, a)) && !(truth.contributors ?? []).some((p) => has(c, tokens(p))));
  const problems = [...(missing.length ? [`missing ${list(missing)}`] : []), ...(extra.length ? [`not an author ${list(extra)}`] : [])];
  return { check: 'authors', ok: problems.length === 0, detail: problems.length ? `${problems.join('; ')} (creators: ${list(book.creators)})` : list(book.creators) };
}

function checkLanguage(truth, book) {
  const lang = book.language[0] ?? '';
  const ok = lang.split('-')[0].toLowerCase() === truth.language.toLowerCase();
  return { check: 'language', ok, detail: ok ? lang : `language ${quote(lang)}, expected ${truth.language}` };
}

function checkCount(truth, toc) {
  const ok = toc.chapters.length === truth.chapters.length;
  return { check: 'chapters', ok, detail: `${toc.chapters.length} chapter-level entries, expected ${truth.chapters.length}` };
}

function checkTitles(truth, toc, pairs) {
  const need = Math.ceil(truth.chapters.length * 0.95);
  const ok = pairs.length >= need;
  const matched = new Set(pairs.map(([, j]) => j));
  const lost = truth.chapters.filter((_, j) => !matched.has(j)).map((d) => `${d.label}${d.title ? ` ${d.title}` : ''}`);
  return { check: 'chapter titles', ok, detail: `${pairs.length}/${truth.chapters.length} divisions found in order (need ${need})${lost.length ? `; not found: ${list(lost)}` : ''}` };
}

function checkNesting(truth, toc, pairs) {
  const problems = [];
  if (truth.parts) {
    const found = toc.partEntries.map((p) => p.part);
    const want = truth.parts.map((_, i) => i);
    if (found.join() !== want.join()) problems.push(`parts ${toc.partEntries.length} (${list(toc.partEntries.map((p) => p.entry.title))}), expected ${truth.parts.length} in order`);
    toc.partEntries.forEach((p, k) => {
      const have = toc.chapters.filter((c) => c.part === k).length;
      const want = truth.parts[p.part].chapters;
      if (have !== want) problems.push(`${quote(p.entry.title)} holds ${have} chapters, expected ${want}`);
    });
    const loose = toc.chapters.filter((c) => c.part === undefined).map((c) => c.entry.title);
    if (loose.length) problems.push(`outside any part: ${list(loose)}`);
  }
  const strays = toc.strays.map((s) => s.entry.title);
  const divisionOf = new Map(pairs.map(([i, j]) => [i, truth.chapters[j]]));
  toc.chapters.forEach((c, i) => {
    if (!c.entry.children.length) return;
    const sections = (divisionOf.get(i)?.sections ?? []).map((label) => ({ label }));
    const kept = align(c.entry.children, sections);
    const sub = new Set(kept.map(([k]) => k));
    c.entry.children.forEach((child, k) => {
      if (!sub.has(k)) strays.push(child.title);
      strays.push(...flatToc(child.children).map((e) => e.title));
    });
  });
  if (strays.length) problems.push(`stray sub-entries: ${list(strays)}`);
  return { check: 'nesting', ok: problems.length === 0, detail: problems.length ? problems.join('; ') : truth.parts ? `${truth.parts.length} parts hold their chapters` : 'no stray sub-entries' };
}

function checkForbidden(truth, book) {
  const found = [];
  for (const s of truth.forbidden ?? []) {
    const doc = book.xhtml.find((d) => d.text.includes(s));
    if (doc) found.push(`${quote(s)} in ${doc.href}`);
  }
  return { check: 'forbidden', ok: found.length === 0, detail: found.length ? found.join('; ') : `${(truth.forbidden ?? []).length} strings absent` };
}

function checkNotChapters(truth, book) {
  // The book's own "Title Page" entry is not the list-of-illustrations line "Title-page … xiv".
  const bad = flatToc(book.toc)
    .filter((e) => !isFurniture(e, book) && (truth.notChapters ?? []).some((n) => startsWithFolded(e.title, n)))
    .map((e) => e.title);
  return { check: 'not chapters', ok: bad.length === 0, detail: bad.length ? `TOC entries: ${list(bad)}` : `${(truth.notChapters ?? []).length} line starts absent from the TOC` };
}

function checkRepeats(truth, book, toc) {
  // Every entry but the parts and the sections a division may list under it: a
  // contents list nested under a heading or a preface is still listed twice.
  const sections = [...new Set(truth.chapters.flatMap((d) => d.sections ?? []))].map((label) => ({ label }));
  const allowed = new Set(toc.partEntries.map((p) => p.entry));
  for (const c of toc.chapters) for (const s of c.entry.children) if (sections.some((d) => standsFor(s, d))) allowed.add(s);
  // Chapter-level entries claim their divisions first, so the surplus named is the stray copy.
  const level = toc.chapters.map((c) => c.entry);
  const rest = flatToc(book.toc).filter((e) => !allowed.has(e) && !level.includes(e));
  const repeated = distinctMatch([...level, ...rest], truth.chapters);
  return {
    check: 'no repeats',
    ok: repeated.length === 0,
    detail: repeated.length ? `entries repeating a division: ${list(repeated.map((e) => e.title))}` : 'each division listed at most as often as it occurs',
  };
}

/** The spine documents from the one a TOC entry opens up to the next chapter-level entry's, as one text. */
function docsFrom(book, toc, index) {
  const start = book.docs.findIndex((d) => d.href === toc.chapters[index]?.entry.href.split('#')[0]);
  if (start < 0) return [];
  const next = toc.chapters
    .slice(index + 1)
    .map((c) => book.docs.findIndex((d) => d.href === c.entry.href.split('#')[0]))
    .find((k) => k > start);
  return book.docs.slice(start, next ?? start + 1);
}

/**
 * The first words open chapter 1, or the division the TOC lists just before it
 * when the truth counts that one optional (a play's prologue): never the title
 * page, a contents page or a later chapter.
 */
function checkFirst(truth, book, toc, pairs) {
  const pair = pairs.find(([, j]) => j === 0);
  if (!pair) return { check: 'first words', ok: false, detail: `no TOC entry stands for ${truth.chapters[0].label}` };
  const want = loose(truth.first);
  const chapter = toc.chapters[pair[0]].entry;
  const text = loose(
    docsFrom(book, toc, pair[0])
      .map((d) => d.text)
      .join(' '),
  );
  if (text.includes(want)) return { check: 'first words', ok: true, detail: `in ${quote(chapter.title)}` };
  const parts = new Set(toc.partEntries.map((p) => p.entry));
  const flat = flatToc(book.toc).filter((e) => !parts.has(e));
  const before = flat[flat.indexOf(chapter) - 1];
  const doc = before && toc.optionals.includes(before) && !isFurniture(before, book) && book.docs.find((d) => d.href === before.href.split('#')[0]);
  if (doc && loose(doc.text).includes(want)) return { check: 'first words', ok: true, detail: `in ${quote(before.title)}, just before ${quote(chapter.title)}` };
  return { check: 'first words', ok: false, detail: `${quote(truth.first)} not in ${quote(chapter.title)}, which starts ${quote(text, 80)}` };
}

/** The last words close the last division: in its documents, not merely somewhere (a parrot's cry may come earlier too). */
function checkLast(truth, book, toc, pairs) {
  const want = loose(truth.last);
  const last = truth.chapters.length - 1;
  const pair = pairs.find(([, j]) => j === last);
  if (!pair) {
    const doc = book.docs.find((d) => !d.nav && loose(d.text).includes(want));
    return { check: 'last words', ok: false, detail: `no TOC entry stands for ${truth.chapters[last].label}; the words are ${doc ? `in ${doc.href}` : 'not in the book'}` };
  }
  const chapter = toc.chapters[pair[0]].entry;
  const ok = loose(
    docsFrom(book, toc, pair[0])
      .map((d) => d.text)
      .join(' '),
  ).includes(want);
  const elsewhere = ok ? undefined : book.docs.find((d) => !d.nav && loose(d.text).includes(want));
  return { check: 'last words', ok, detail: ok ? `in ${quote(chapter.title)}` : `${quote(truth.last)} not in ${quote(chapter.title)}${elsewhere ? ` but in ${elsewhere.href}` : ''}` };
}

function checkParagraph(truth, book) {
  if (!truth.paragraph) return { check: 'paragraph', ok: true, detail: 'not scored' };
  const start = loose(truth.paragraph.start);
  const end = loose(truth.paragraph.end);
  const paragraphs = book.docs.filter((d) => !d.nav).flatMap((d) => d.paragraphs.map((p) => loose(p.text)));
  const whole = paragraphs.find((p) => p.includes(start) && p.indexOf(end, p.indexOf(start)) >= 0);
  if (whole) return { check: 'paragraph', ok: true, detail: `${truth.paragraph.lines} lines in one <p>` };
  const at = paragraphs.findIndex((p) => p.includes(start));
  if (at < 0) return { check: 'paragraph', ok: false, detail: `no <p> holds ${quote(truth.paragraph.start)}` };
  const until = paragraphs.findIndex((p, k) => k >= at && p.includes(end));
  return { check: 'paragraph', ok: false, detail: until < 0 ? `${quote(truth.paragraph.end)} not found after its start` : `split over ${until - at + 1} <p>: ${quote(paragraphs[at])}` };
}

function checkMedian(truth, book, toc) {
  if (truth.minMedianParagraph == null) return { check: 'median paragraph', ok: true, detail: 'not scored' };
  const docs = new Set(toc.chapters.flatMap((_, i) => docsFrom(book, toc, i)));
  const lengths = [...docs]
    .flatMap((d) => d.paragraphs.map((p) => [...p.text].length))
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (!lengths.length) return { check: 'median paragraph', ok: false, detail: 'no paragraphs in the chapters' };
  const mid = lengths.length >> 1;
  const median = lengths.length % 2 ? lengths[mid] : (lengths[mid - 1] + lengths[mid]) / 2;
  const ok = median >= truth.minMedianParagraph;
  return { check: 'median paragraph', ok, detail: `median ${median} characters over ${lengths.length} paragraphs (need ${truth.minMedianParagraph})` };
}

function checkLinesKept(truth, book) {
  if (!truth.linesKept) return { check: 'lines kept', ok: true, detail: 'not scored' };
  const [a, b] = truth.linesKept.map(loose);
  for (const d of book.docs.filter((x) => !x.nav)) {
    const text = d.lines.split('\n').map(loose).join('\n');
    const i = text.indexOf(a);
    if (i < 0) continue;
    const j = text.indexOf(b, i + a.length);
    if (j < 0) return { check: 'lines kept', ok: false, detail: `${quote(truth.linesKept[1])} does not follow ${quote(truth.linesKept[0])}` };
    const ok = text.slice(i + a.length, j).includes('\n');
    return { check: 'lines kept', ok, detail: ok ? 'on separate lines' : `run together: ${quote(text.slice(i, j + b.length), 100)}` };
  }
  return { check: 'lines kept', ok: false, detail: `${quote(truth.linesKept[0])} not in the book` };
}

/** Every check the README describes, on one book: `[{ check, ok, detail }]`. `epub` is a path or the bytes. */
export function scoreBook(truth, epub) {
  return scoreRead(truth, readEpub(epub));
}

/** The checks on a book already read by `readEpub` (or made by hand in a test). */
export function scoreRead(truth, book) {
  const toc = readToc(truth, book);
  const pairs = align(
    toc.chapters.map((c) => c.entry),
    truth.chapters,
  );
  return [
    checkTitle(truth, book),
    checkAuthors(truth, book),
    checkLanguage(truth, book),
    checkCount(truth, toc),
    checkTitles(truth, toc, pairs),
    checkNesting(truth, toc, pairs),
    checkForbidden(truth, book),
    checkNotChapters(truth, book),
    checkRepeats(truth, book, toc),
    checkFirst(truth, book, toc, pairs),
    checkLast(truth, book, toc, pairs),
    checkParagraph(truth, book),
    checkMedian(truth, book, toc),
    checkLinesKept(truth, book),
  ];
}

/** The checks in the order `scoreBook` returns them, for a scorecard's columns. */
export const CHECKS = [
  'title',
  'authors',
  'language',
  'chapters',
  'chapter titles',
  'nesting',
  'forbidden',
  'not chapters',
  'no repeats',
  'first words',
  'last words',
  'paragraph',
  'median paragraph',
  'lines kept',
];
