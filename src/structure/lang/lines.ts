/**
 * Matchers for the labelled lines of a story: front-matter fields, author's
 * notes, end marks and bylines, compiled from a set of language tables.
 * Fields and end marks are looked up in maps (one split and one lookup per
 * line); notes and bylines are one anchored pattern each, tried only on
 * lines whose first letter some label starts with.
 */
import { bare, fold } from './numbers.js';
import type { LanguageTable, MetaKey } from './types.js';

export interface FieldMatch { key: MetaKey; label: string; value: string; lang: string }
export interface NoteLabelMatch {
  /** The label as the line writes it, spaces collapsed (`Author's Note`). */
  label: string;
  lang: string;
  /** The label stands alone on its line: the note's text follows. */
  bare: boolean;
  /** The note's text after the label and its separator. */
  rest: string;
}
export interface EndMarkMatch { text: string; lang: string }
export interface BylineMatch { word: string; names: string[]; lang: string; before?: string }

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A literal in any case, without the `i` flag. */
const caseless = (s: string): string =>
  [...s].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escape(c))).join('');
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
const FIRST = (s: string): string => bare(fold(s)).charAt(0);

export interface LineMatchers {
  field(line: string): FieldMatch | null;
  note(line: string): NoteLabelMatch | null;
  endMark(line: string): EndMarkMatch | null;
  byline(line: string): BylineMatch | null;
  trailingByline(line: string): BylineMatch | null;
}

export function compileLines(tables: readonly LanguageTable[]): LineMatchers {
  const fields = new Map<string, { key: MetaKey; lang: string }>();
  for (const t of tables) {
    for (const [k, labels] of Object.entries(t.fields) as Array<[MetaKey, readonly string[]]>) {
      for (const l of labels) if (!fields.has(key(l))) fields.set(key(l), { key: k, lang: t.code });
    }
  }
  return {
    field: (line) => matchField(line, fields),
    note: compileNotes(tables),
    endMark: compileEndMarks(tables),
    ...compileBylines(tables),
  };
}

function matchField(line: string, fields: Map<string, { key: MetaKey; lang: string }>): FieldMatch | null {
  const head = line.slice(0, 48);
  const colon = head.search(/[:：]/);
  if (colon <= 0) return null;
  const label = head.slice(0, colon).trim();
  const hit = fields.get(key(label));
  return hit ? { key: hit.key, label, value: line.slice(colon + 1).trim(), lang: hit.lang } : null;
}

/** Which table a matched label came from: the first whose labels hold it. */
function owner(tables: readonly LanguageTable[], pick: (t: LanguageTable) => readonly string[], text: string, name: string): string {
  for (const t of tables) {
    for (const l of pick(t)) if (new RegExp(`^${labelPattern(l, name)}$`, isShout(l) ? 'u' : 'iu').test(text)) return t.code;
  }
  return tables[0]?.code ?? 'en';
}

function compileNotes(tables: readonly LanguageTable[]): (line: string) => NoteLabelMatch | null {
  const all = tables.flatMap((t) => t.notes);
  const loud = [...new Set(all.filter(isShout))];
  const quiet = [...new Set(all.filter((l) => !isShout(l)))].sort((a, b) => b.length - a.length);
  const firsts = new Set(all.map(FIRST));
  // `{name}'s Notes` may start with any capital.
  const anyLetter = all.some((l) => l.startsWith('{name}'));
  const open = '^[\\[(（【]?\\s*';
  const number = '(?:\\s+(?:[IVX]{1,4}|\\d{1,2}))?';
  const end = '\\s*(?:[:：\\-–—]\\s*|[\\])）】]?\\s*$)';
  const quietRe = new RegExp(`${open}(${quiet.map((l) => labelPattern(l, NOTE_NAME)).join('|')})${number}${end}`, 'iu');
  // Capitals-only labels (`AN`) need a separator: `An apple` is no note.
  const loudRe = loud.length ? new RegExp(`${open}(${loud.map(escape).join('|')})(?![\\p{L}])\\s*[:：\\-–—]\\s*`, 'u') : undefined;
  return (line) => {
    const head = line.slice(0, 100);
    const lead = fold(head.replace(/^[\[(（【\s]+/, '')).charAt(0);
    if (!firsts.has(lead) && !firsts.has(bare(lead)) && !(anyLetter && /\p{L}/u.test(lead))) return null;
    const m = quietRe.exec(head) ?? loudRe?.exec(head);
    if (!m) return null;
    const label = m[1]!.replace(/\s+/g, ' ');
    const lang = owner(tables, (t) => t.notes, m[1]!, NOTE_NAME);
    return { label, lang, bare: m[0].length >= line.trimEnd().length, rest: line.slice(m[0].length).trim() };
  };
}

/** Decoration around an end mark (`~*~ THE END ~*~`, `（完）`): anything but letters, digits and quotes. */
const DECORATION = /^[^\p{L}\p{N}"“”'‘’«»„「」]*(.*?)[^\p{L}\p{N}"“”'‘’«»„「」]*$/u;

function compileEndMarks(tables: readonly LanguageTable[]): (line: string) => EndMarkMatch | null {
  const exact = new Map<string, string>();
  const loud = new Map<string, string>();
  const patterns: Array<[RegExp, string]> = [];
  for (const t of tables) {
    for (const m of t.endMarks) {
      if (m.includes('{')) patterns.push([new RegExp(`^${labelPattern(m, '')}$`, 'iu'), t.code]);
      else if (isShout(m)) { if (!loud.has(m)) loud.set(m, t.code); }
      else if (!exact.has(key(m))) exact.set(key(m), t.code);
    }
  }
  return (line) => {
    if (line.length > 60) return null;
    const core = DECORATION.exec(line.trim())?.[1] ?? '';
    if (core === '') return null;
    const lang = loud.get(core) ?? exact.get(key(core)) ?? patterns.find(([re]) => re.test(core))?.[1];
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
  const forms = [...new Set(tables.flatMap((t) => t.by))].sort((a, b) => b.length - a.length);
  // Not the `i` flag: under it `\p{Lu}` takes lower case too, and a name must start with a capital.
  const source = (f: string) => {
    const name = /^\{name\}/.test(f) || /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(f) ? names(UNCASED_NAME) : names(CASED_NAME);
    return f.split('{name}').map((p) => caseless(p).replace(/ +/g, '(?:\\s*:\\s*|\\s+)')).join(name);
  };
  const whole = forms.map((f) => new RegExp(`^${source(f)}$`, 'u'));
  const trailing = forms.filter((f) => !f.startsWith('{name}')).map((f) => new RegExp(`^(.{1,80}?)\\s+${source(f)}$`, 'u'));
  const split = (s: string) => s.split(new RegExp(`\\s*(?:&|,|、|\\s(?:${ands})\\s)\\s*`, 'u')).map((n) => n.trim()).filter(Boolean);
  const found = (f: string, m: RegExpExecArray, nameAt: number, before?: string): BylineMatch => {
    const word = f.replace('{name}', '').trim();
    const lang = tables.find((t) => t.by.includes(f))?.code ?? 'en';
    const out: BylineMatch = { word, names: split(m[nameAt]!), lang };
    if (before !== undefined) out.before = before;
    return out;
  };
  return {
    byline: (line) => {
      const s = line.trim();
      if (s.length > 100) return null;
      for (const [i, re] of whole.entries()) {
        const m = re.exec(s);
        if (m) return found(forms[i]!, m, 1);
      }
      return null;
    },
    trailingByline: (line) => {
      const s = line.trim();
      if (s.length > 160) return null;
      const starts = forms.filter((f) => !f.startsWith('{name}'));
      for (const [i, re] of trailing.entries()) {
        const m = re.exec(s);
        if (m) return found(starts[i]!, m, 2, m[1]!);
      }
      return null;
    },
  };
}
