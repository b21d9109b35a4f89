/**
 * A language as people write it in metadata — a BCP 47 tag in any case or
 * with underscores (`pt_br`), or its name in English or in itself (`French`,
 * `français`, `Deutsch`) — as a valid BCP 47 tag. Names come from ICU's own
 * display names, so they need no list of ours beyond the codes.
 */

// ISO 639-1: the languages that have a two-letter code, whose names people write.
const CODES = ('aa ab af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu').split(' ');

let names: Map<string, string> | undefined;

/** Every language's English name and own name → its code; built on first use (ICU's display names take a few ms). */
function byName(): Map<string, string> {
  if (names) return names;
  names = new Map();
  const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  for (const code of CODES) {
    const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' });
    for (const name of [english.of(code), own.of(code)]) if (name && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), code);
  }
  // Names people write that ICU spells otherwise.
  for (const [name, code] of [['castellano', 'es'], ['farsi', 'fa'], ['chinese (simplified)', 'zh-Hans'], ['chinese (traditional)', 'zh-Hant'], ['brazilian portuguese', 'pt-BR'], ['português brasileiro', 'pt-BR']] as const) names.set(name, code);
  return names;
}

/** Whether ICU knows the tag's language (`en`, `pt`), rather than only its shape (`english` is a well-formed tag). */
function knownLanguage(tag: string): boolean {
  const primary = tag.split('-')[0]!;
  return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(primary) !== undefined;
}

/** The BCP 47 tag `value` stands for, canonicalised (`en_gb` → `en-GB`), or undefined when it names no language. */
export function languageTag(value: string): string | undefined {
  const v = value.trim();
  if (/^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i.test(v)) {
    try {
      const [canonical] = Intl.getCanonicalLocales(v.replace(/_/g, '-'));
      if (canonical && canonical !== 'und' && knownLanguage(canonical)) return canonical;
    } catch {
      // not a well-formed tag: it may still be a name
    }
  }
  return byName().get(v.toLowerCase().replace(/\s+/g, ' '));
}
