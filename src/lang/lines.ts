/**
 * Matchers for the labelled lines of a story: front-matter fields, author's
 * notes, end marks and bylines, compiled from a set of language tables.
 * Fields and end marks are looked up in maps (one split and one lookup per
 * line); notes and bylines are one anchored pattern each, tried only on
 * lines whose first letter some label starts with.
 */
import { bare, fold } from './numbers.js';
import type { LanguageTable, MetaKey } from './types.js';

export interface FieldMatch {
  key: MetaKey;
  label: string;
  value: string;
  lang: string;
}
export interface NoteLabelMatch {
  /** The label as the line writes it, spaces collapsed (`Author's Note`). */
  label: string;
  lang: string;
  /** The label stands alone on its line: the note's text follows. */
  bare: boolean;
  /** The note's text after the label and its separator. */
  rest: string;
}
export interface EndMarkMatch {
  text: string;
  lang: string;
}
export interface BylineMatch {
  word: string;
  names: string[];
  lang: string;
  before?: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A literal in any case, without the `i` flag. */
const caseless = (s: string): string => [...s].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escape(c))).join('');
/** A few capitals and nothing else (`AN`, `END`): only in capitals. */
const isShout = (s: string): boolean => /^\p{Lu}{1,3}$/u.test(s);
const key = (s: string): string => bare(fold(s));

/** A label as a pattern: any apostrophe, any run of spaces, placeholders as their kinds of text. */
function labelPattern(label: string, name: string): string {
  return label
    .split(/(\{name\}|\{words\}|\{word\})/)
    .map((p) => {
      if (p === '{name}') return name;
      if (p === '{words}') return '[\\p{L} ]{1,30}?';
      if (p === '{word}') return '[\\p{L}\\p{N}-]+';
      return escape(p).replace(/'/g, "['’]").replace(/ +/g, '\\s+');
    })
    .join('');
}

const NOTE_NAME = '\\p{Lu}[\\p{L}\\-]{0,30}';

const FIRST_WORDS = new Map<string, string>();

/** A line's or label's first word: letters only, folded, without accents. A book's lines start with the same few hundred words, so each is folded once. */
function firstWord(s: string): string {
  const word = /^[\p{L}\p{M}]*/u.exec(s)?.[0] ?? '';
  let k = FIRST_WORDS.get(word);
  if (k === undefined) {
    if (FIRST_WORDS.size >= 50_000) FIRST_WORDS.clear();
    FIRST_WORDS.set(word, (k = bare(fold(word))));
  }
  return k;
}

/** Groups patterns by the first word they start with, so a line meets only the few it could match. */
function byFirstWord<T>(items: readonly T[], text: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const k = firstWord(text(it));
    map.set(k, [...(map.get(k) ?? []), it]);
  }
  return map;
}

export interface LineMatchers {
  field(line: string): FieldMatch | null;
  note(line: string): NoteLabelMatch | null;
  endMark(line: string): EndMarkMatch | null;
  byline(line: string): BylineMatch | null;
  trailingByline(line: string): BylineMatch | null;
}

/** Each matcher is compiled on its first use: most books ask only some of them in every table. */
export function compileLines(tables: readonly LanguageTable[]): LineMatchers {
  let fields: Map<string, { key: MetaKey; lang: string }> | undefined;
  let note: LineMatchers['note'] | undefined;
  let endMark: LineMatchers['endMark'] | undefined;
  let bylines: Pick<LineMatchers, 'byline' | 'trailingByline'> | undefined;
  return {
    field: (line) => matchField(line, (fields ??= fieldLabels(tables))),
    note: (line) => (note ??= compileNotes(tables))(line),
    endMark: (line) => (endMark ??= compileEndMarks(tables))(line),
    byline: (line) => (bylines ??= compileBylines(tables)).byline(line),
    trailingByline: (line) => (bylines ??= compileBylines(tables)).trailingByline(line),
  };
}

function fieldLabels(tables: readonly LanguageTable[]): Map<string, { key: MetaKey; lang: string }> {
  const fields = new Map<string, { key: MetaKey; lang: string }>();
  for (const t of tables) {
    for (const [k, labels] of Object.entries(t.fields) as Array<[MetaKey, readonly string[]]>) {
      for (const l of labels) if (!fields.has(key(l))) fields.set(key(l), { key: k, lang: t.code });
    }
  }
  return fields;
}

function matchField(line: string, fields: Map<string, { key: MetaKey; lang: string }>): FieldMatch | null {
  const head = line.slice(0, 48);
  const colon = head.search(/[:：]/);
  if (colon <= 0) return null;
  const label = head.slice(0, colon).trim();
  const hit = fields.get(key(label));
  return hit ? { key: hit.key, label, value: line.slice(colon + 1).trim(), lang: hit.lang } : null;
}

/** A placeholder at the start or straight after the first word (`{name}'s Notes`, `Note{word}`): the text's first word is not the label's. */
const OPENS_WITH_PLACEHOLDER = /^[\p{L}\p{M}]*\{/u;

/**
 * Which table a matched label came from: the first whose labels hold it.
 * A label's pattern costs up to a millisecond to compile (`\p{…}` under the
 * `i` flag), so only the labels that could match are tried: one that opens
 * with a word matches only text that opens with the same word, and one that
 * opens with a placeholder (`{name}'s Notes`) is always tried.
 */
function owner(tables: readonly LanguageTable[], pick: (t: LanguageTable) => readonly string[], text: string, name: string): string {
  const word = firstWord(text);
  for (const t of tables) {
    for (const l of pick(t)) {
      if (firstWord(l) !== word && !OPENS_WITH_PLACEHOLDER.test(l)) continue;
      if (new RegExp(`^${labelPattern(l, name)}$`, isShout(l) ? 'u' : 'iu').test(text)) return t.code;
    }
  }
  return tables[0]?.code ?? 'en';
}

function compileNotes(tables: readonly LanguageTable[]): (line: string) => NoteLabelMatch | null {
  const all = [...new Set(tables.flatMap((t) => t.notes))];
  const open = '^[\\[(（【]?\\s*';
  const number = '(?:\\s+(?:[IVX]{1,4}|\\d{1,2}))?';
  const end = '\\s*(?:[:：\\-–—]\\s*|[\\])）】]?\\s*$)';
  const alternatives = (labels: readonly string[]) =>
    [...labels]
      .sort((a, b) => b.length - a.length)
      .map((l) => labelPattern(l, NOTE_NAME))
      .join('|');
  const compile = (labels: readonly string[]): RegExp[] => {
    const loud = labels.filter(isShout);
    const quiet = labels.filter((l) => !isShout(l));
    const out: RegExp[] = [];
    if (quiet.length) out.push(new RegExp(`${open}(${alternatives(quiet)})${number}${end}`, 'iu'));
    // Capitals-only labels (`AN`) need a separator: `An apple` is no note.
    if (loud.length) out.push(new RegExp(`${open}(${loud.map(escape).join('|')})(?![\\p{L}])\\s*[:：\\-–—]\\s*`, 'u'));
    return out;
  };
  const named = all.filter((l) => l.startsWith('{name}'));
  const groups = new Map(
    [
      ...byFirstWord(
        all.filter((l) => !l.startsWith('{name}')),
        (l) => l,
      ),
    ].map(([k, ls]) => [k, compile(ls)] as const),
  );
  // `{name}'s Notes` may start with any capital: tried only on lines holding what follows the name.
  const namedGate = named.length ? new RegExp(named.map((l) => labelPattern(l.slice('{name}'.length), NOTE_NAME)).join('|'), 'iu') : undefined;
  const namedRe = named.length ? compile(named) : [];
  // A book repeats its few labels (`A/N:`) on many lines: each is traced to its table once.
  const owners = new Map<string, string>();
  return (line) => {
    const head = line.slice(0, 100);
    const candidates = [...(groups.get(firstWord(head.replace(/^[\[(（【\s]+/, ''))) ?? []), ...(namedGate?.test(head) ? namedRe : [])];
    let m: RegExpExecArray | null = null;
    for (const re of candidates) if ((m = re.exec(head))) break;
    if (!m) return null;
    const label = m[1]!.replace(/\s+/g, ' ');
    let lang = owners.get(m[1]!);
    if (lang === undefined) owners.set(m[1]!, (lang = owner(tables, (t) => t.notes, m[1]!, NOTE_NAME)));
    return { label, lang, bare: m[0].length >= line.trimEnd().length, rest: line.slice(m[0].length).trim() };
  };
}

/** What an end mark is made of; anything else around it (`~*~ THE END ~*~`, `（完）`) is decoration. */
const CORE = /[\p{L}\p{N}"“”'‘’«»„「」]/u;

function undecorated(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && !CORE.test(s.charAt(a))) a++;
  while (b > a && !CORE.test(s.charAt(b - 1))) b--;
  return s.slice(a, b);
}

function compileEndMarks(tables: readonly LanguageTable[]): (line: string) => EndMarkMatch | null {
  const exact = new Map<string, string>();
  const loud = new Map<string, string>();
  const withWord: Array<[string, RegExp, string]> = [];
  for (const t of tables) {
    for (const m of t.endMarks) {
      if (m.includes('{')) withWord.push([m, new RegExp(`^${labelPattern(m, '')}$`, 'iu'), t.code]);
      else if (isShout(m)) {
        if (!loud.has(m)) loud.set(m, t.code);
      } else if (!exact.has(key(m))) exact.set(key(m), t.code);
    }
  }
  const patterns = byFirstWord(withWord, ([m]) => m);
  // Most short lines are dialogue: one lookup of their first word turns them
  // away before they are folded whole. Text equal to a mark once folded opens
  // with the same word as the mark.
  const openers = new Set(tables.flatMap((t) => t.endMarks.map(firstWord)));
  return (line) => {
    if (line.length > 60) return null;
    const core = undecorated(line);
    const word = core === '' ? undefined : firstWord(core);
    if (word === undefined || !openers.has(word)) return null;
    const lang = loud.get(core) ?? exact.get(key(core)) ?? patterns.get(word)?.find(([, re]) => re.test(core))?.[2];
    return lang ? { text: core, lang } : null;
  };
}

const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}.'’\\-]*";
const PARTICLE = '(?:de|da|do|dos|das|del|della|di|du|des|la|le|van|von|der|den|ten|ter|bin|ibn|al|el)';
/** A pen name in one piece: `xXDarkAngelXx`, `moon_writer`, `starlight2`. */
const HANDLE = '[\\p{L}\\p{N}_.\\-]*(?:\\p{N}|_|\\p{Ll}\\p{Lu})[\\p{L}\\p{N}_.\\-]*';
const CASED_NAME = `(?:${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,4}|${HANDLE})`;
/** Scripts without capitals: a name is a short run with no punctuation. */
const UNCASED_NAME = '[^\\s,，、。.!?！？:：;；]{1,20}(?:\\s[^\\s,，、。.!?！？:：;；]{1,20}){0,2}';

function compileBylines(tables: readonly LanguageTable[]): Pick<LineMatchers, 'byline' | 'trailingByline'> {
  const ands = [...new Set(tables.flatMap((t) => t.and))].map(escape).join('|');
  const names = (one: string) => `(${one}(?:\\s*(?:&|,|、|\\s(?:${ands})\\s)\\s*${one})*)`;
  // Not the `i` flag: under it `\\p{Lu}` takes lower case too, and a name must start with a capital.
  const source = (f: string) => {
    const name = /^\{name\}/.test(f) || /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(f) ? names(UNCASED_NAME) : names(CASED_NAME);
    return f
      .split('{name}')
      .map((p) => caseless(p).replace(/ +/g, '(?:\\s*:\\s*|\\s+)'))
      .join(name);
  };
  interface Form {
    form: string;
    lang: string;
    whole: RegExp;
    trailing?: RegExp;
  }
  const forms: Form[] = [];
  for (const t of tables) {
    for (const f of t.by) {
      if (forms.some((x) => x.form === f)) continue;
      const form: Form = { form: f, lang: t.code, whole: new RegExp(`^${source(f)}$`, 'u') };
      if (!f.startsWith('{name}')) form.trailing = new RegExp(`^(.{1,80}?)\\s+${source(f)}$`, 'u');
      forms.push(form);
    }
  }
  // `by Name` is looked up by its first word; `Name 著` by its last.
  const leading = byFirstWord(
    forms.filter((f) => !f.form.startsWith('{name}')),
    (f) => f.form,
  );
  const ending = forms.filter((f) => f.form.startsWith('{name}')).map((f) => [f.form.slice('{name}'.length).trim(), f] as const);
  const words = [...leading.keys()].filter(Boolean).map(escape);
  const gate = new RegExp(`\\s(?:${words.join('|')})[\\s:]`, 'iu');
  const split = (s: string) =>
    s
      .split(new RegExp(`\\s*(?:&|,|、|\\s(?:${ands})\\s)\\s*`, 'u'))
      .map((n) => n.trim())
      .filter(Boolean);
  const found = (f: Form, m: RegExpExecArray, nameAt: number, before?: string): BylineMatch => {
    const out: BylineMatch = { word: f.form.replace('{name}', '').trim(), names: split(m[nameAt]!), lang: f.lang };
    if (before !== undefined) out.before = before;
    return out;
  };
  return {
    byline: (line) => {
      const s = line.trim();
      if (s.length > 100) return null;
      const candidates = [...(leading.get(firstWord(s)) ?? []), ...ending.filter(([w]) => s.endsWith(w)).map(([, f]) => f)];
      for (const f of candidates) {
        const m = f.whole.exec(s);
        if (m) return found(f, m, 1);
      }
      return null;
    },
    trailingByline: (line) => {
      const s = line.trim();
      if (s.length > 160 || !gate.test(s)) return null;
      for (const f of forms) {
        const m = f.trailing?.exec(s);
        if (m) return found(f, m, 2, m[1]!);
      }
      return null;
    },
  };
}
