/**
 * Mojibake repair: UTF-8 bytes that someone upstream decoded as Windows-1252
 * (or ISO-8859-1), so `’` arrived as `â€™` and `é` as `Ã©`.
 *
 * We look only for complete, valid UTF-8 byte sequences spelled in
 * Windows-1252 characters, so text that is merely accented (`SÃO PAULO`, `Ã `
 * at a word end) is never touched: a lead character must be followed by
 * exactly the continuation characters UTF-8 needs, and the bytes must decode.
 */

/** Windows-1252's characters for bytes 0x80–0x9F (the rest of the upper half is Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Character → byte for every character a Windows-1252 or Latin-1 decoder can produce above 0x7F. */
const BYTE_OF = new Map<string, number>();
for (let b = 0xa0; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);
for (let b = 0x80; b <= 0x9f; b++) {
  // Latin-1 decoders leave C1 controls; Windows-1252 ones give punctuation.
  BYTE_OF.set(String.fromCharCode(b), b);
  BYTE_OF.set(CP1252_HIGH.charAt(b - 0x80), b);
}

/** The Windows-1252 character for a byte 0x80–0x9F, for stray C1 controls. */
export function cp1252Char(code: number): string | undefined {
  return code >= 0x80 && code <= 0x9f ? CP1252_HIGH.charAt(code - 0x80) : undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function continuationCount(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

/**
 * A sequence is strong evidence of mojibake when it decodes to Latin-1
 * letters (`Ã©`), general punctuation (`â€™`), `€`/`™`, or an emoji (`ðŸ`):
 * nobody writes those byte spellings on purpose. Anything else (say `É…`,
 * which would decode to a rare Latin letter) is only repaired in a text that
 * already has strong evidence.
 */
function isStrong(bytes: readonly number[]): boolean {
  const [a, b] = bytes;
  if (a === 0xc2 || a === 0xc3) return true;
  if (a === 0xe2 && (b === 0x80 || b === 0x81 || b === 0x82 || b === 0x84)) return true;
  return a === 0xf0 && b === 0x9f;
}

const COMMON_PUNCT = /[…’”“‘–—•™«»\u00a0¡¿©®°±·]/;

interface Found {
  start: number;
  length: number;
  value: string;
  strong: boolean;
}

function findAt(s: string, i: number): Found | undefined {
  // A lead byte is 0xC2–0xF4, which both decoders spell as the same Latin-1
  // character: anything else is ruled out without a map lookup.
  const code = s.charCodeAt(i);
  if (code < 0xc2 || code > 0xf4) return undefined;
  const lead = BYTE_OF.get(s.charAt(i));
  if (lead === undefined) return undefined;
  const need = continuationCount(lead);
  if (need === 0 || i + need >= s.length) return undefined;
  const bytes = [lead];
  for (let k = 1; k <= need; k++) {
    const b = BYTE_OF.get(s.charAt(i + k));
    if (b === undefined || b < 0x80 || b > 0xbf) return undefined;
    bytes.push(b);
  }
  let value: string;
  try {
    value = utf8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
  const strong = isStrong(bytes);
  // A weak sequence whose continuation is everyday punctuation (`É…`, `Ñ”`)
  // is far likelier a real letter before real punctuation than mojibake.
  if (!strong && COMMON_PUNCT.test(s.slice(i + 1, i + need + 1))) return undefined;
  return { start: i, length: need + 1, value, strong };
}

/** The characters that can lead a UTF-8 sequence spelled in Windows-1252. */
const LEADS = /[\u00c2-\u00f4]/g;

function scan(s: string): Found[] {
  const found: Found[] = [];
  LEADS.lastIndex = 0;
  for (let m = LEADS.exec(s); m !== null; m = LEADS.exec(s)) {
    const f = findAt(s, m.index);
    if (!f) continue;
    found.push(f);
    LEADS.lastIndex = f.start + f.length;
  }
  return found;
}

/** True when the text holds at least one unmistakable mojibake sequence. */
export function hasStrongMojibake(s: string): boolean {
  return scan(s).some((f) => f.strong);
}

/**
 * Repairs mojibake in `s`. Weak sequences are repaired only when `trusted`
 * (the caller saw strong evidence somewhere in the file). Double-encoded text
 * (`Ã¢â‚¬â„¢`) is undone by repeating the pass. Returns the text and how many
 * sequences were repaired.
 */
export function repairMojibake(s: string, trusted: boolean): { text: string; count: number } {
  let text = s;
  let count = 0;
  for (let round = 0; round < 3; round++) {
    const found = scan(text).filter((f) => f.strong || trusted);
    if (found.length === 0) break;
    let out = '';
    let at = 0;
    for (const f of found) {
      out += text.slice(at, f.start) + f.value;
      at = f.start + f.length;
    }
    text = out + text.slice(at);
    count += found.length;
  }
  // `”` is E2 80 9D, and 0x9D is undefined in Windows-1252: a decoder that
  // marks what it cannot map leaves `â€` and U+FFFD, which nothing else spells.
  text = text.replace(/â€\ufffd/g, () => {
    count++;
    return '”';
  });
  if (trusted) {
    // …and one that drops it leaves a bare `â€`. Nothing else spells `â€` alone.
    text = text.replace(/â€(?![\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ])/g, () => {
      count++;
      return '”';
    });
  }
  return { text, count };
}
