/**
 * The language a story is written in, when nothing says so: franc-min
 * (trigram profiles of 82 languages, 150 KB, no network, deterministic),
 * loaded on first use. Chosen by measurement against tinyld, eld, cld3-asm,
 * lande and languagedetect (README, "Language"): as accurate as the best on
 * a few hundred letters or more, and the cheapest to load by far.
 *
 * Only a bounded sample is read (three windows from inside the story, where
 * an author's note in another language is least likely), so the cost is the
 * same for a short story and a long novel. Below a few hundred letters even
 * the best detector guesses, so then there is no answer and the caller keeps
 * its default and says so.
 */
import { BY_CODE } from './tables.js';

export interface DetectedLanguage {
  /** BCP 47 tag (`fr`, `zh`). */
  tag: string;
  /** How much text backed the guess: letters read / 1,000, at most 1. */
  confidence: number;
}

/** Characters read from each of the three windows. */
const WINDOW = 700;
/** Fewer letters than this (a third as many in scripts without spaces) and detection is a guess. */
const MIN_LETTERS = 250;

type FrancAll = (text: string, options?: { minLength?: number }) => Array<[string, number]>;
let francAll: FrancAll | undefined;

/** Scores this close are a tie: Malay and Indonesian, say, differ in few trigrams. */
const TIE = 0.99;

function sample(text: string): string {
  if (text.length <= 3 * WINDOW) return text;
  return [0.25, 0.5, 0.75]
    .map((at) => {
      const start = Math.floor(text.length * at);
      return text.slice(start, start + WINDOW);
    })
    .join('\n');
}

const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;

export async function detectLanguage(text: string): Promise<DetectedLanguage | undefined> {
  const s = sample(text);
  const letters = s.match(/\p{L}/gu)?.length ?? 0;
  const dense = s.match(DENSE)?.length ?? 0;
  // A character of Chinese, Japanese or Korean carries about what three letters do.
  const weight = letters + 2 * dense;
  if (weight < MIN_LETTERS) return undefined;
  francAll ??= (await import('franc-min')).francAll as FrancAll;
  const [first, second] = francAll(s, { minLength: 1 });
  // In a tie between a language quire has a table for and one it has not,
  // the one with a table: its headings and labels are then read.
  const tied = second && second[1] >= TIE && !known(toTag(first?.[0] ?? 'und')) && known(toTag(second[0]));
  const code = (tied ? second : first)?.[0] ?? 'und';
  // Japanese written with many kanji can outweigh its kana; any real share of kana is Japanese.
  const kana = s.match(KANA)?.length ?? 0;
  const tag = kana > 0.1 * dense && dense > 0 ? 'ja' : toTag(code);
  return tag ? { tag, confidence: Math.min(1, weight / 1000) } : undefined;
}

const known = (tag: string | undefined): boolean => tag !== undefined && BY_CODE.has(tag.split('-')[0]!);

/** franc's ISO 639-3 code as a BCP 47 tag (`deu` → `de`; ICU knows the two-letter codes). */
function toTag(code: string): string | undefined {
  if (code === 'und') return undefined;
  try {
    return Intl.getCanonicalLocales(code)[0];
  } catch {
    return undefined;
  }
}
