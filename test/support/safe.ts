/**
 * `assertSafeEpub`: nothing in a book is active content or markup we did not
 * mean to write. Every XML entry is parsed and each element and attribute is
 * checked against what src/render/* emits; a new renderer feature that adds
 * an element must add it here too, which is the point.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { posix } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { repoRoot } from './build.js';

type Allow = Readonly<Record<string, readonly string[]>>;

const common = ['id', 'class', 'epub:type'];

/** Elements and their attributes in XHTML documents (chapters, title page, notes, nav, cover page). */
export const XHTML_ALLOW: Allow = {
  html: ['xmlns', 'xmlns:epub', 'lang', 'xml:lang'],
  head: [],
  title: [],
  meta: ['charset'],
  link: ['rel', 'type', 'href'],
  body: common,
  section: common,
  nav: [...common, 'hidden'],
  aside: common,
  div: common,
  h1: common,
  h2: common,
  h3: common,
  p: common,
  span: common,
  em: [],
  strong: [],
  cite: [],
  br: [],
  hr: [],
  blockquote: common,
  ol: [],
  ul: [],
  li: common,
  dl: common,
  dt: [],
  dd: [],
  a: [...common, 'href'],
  figure: [],
  img: ['src', 'alt'],
  svg: ['xmlns', 'xmlns:xlink', 'version', 'viewBox', 'preserveAspectRatio', 'width', 'height'],
  image: ['width', 'height', 'xlink:href'],
};

export const OPF_ALLOW: Allow = {
  package: ['xmlns', 'version', 'unique-identifier', 'xml:lang'],
  metadata: ['xmlns:dc'],
  'dc:identifier': ['id'],
  'dc:title': ['id'],
  'dc:creator': ['id'],
  'dc:language': [],
  'dc:description': [],
  'dc:subject': [],
  'dc:publisher': [],
  'dc:source': [],
  'dc:rights': [],
  'dc:date': [],
  meta: ['refines', 'property', 'scheme', 'id', 'name', 'content'],
  manifest: [],
  item: ['id', 'href', 'media-type', 'properties'],
  spine: ['toc'],
  itemref: ['idref', 'linear'],
  guide: [],
  reference: ['type', 'title', 'href'],
};

export const NCX_ALLOW: Allow = {
  ncx: ['xmlns', 'version'],
  head: [],
  meta: ['name', 'content'],
  docTitle: [],
  text: [],
  navMap: [],
  navPoint: ['id', 'playOrder'],
  navLabel: [],
  content: ['src'],
};

export const CONTAINER_ALLOW: Allow = {
  container: ['version', 'xmlns'],
  rootfiles: [],
  rootfile: ['full-path', 'media-type'],
};

const LINK_ATTRS = new Set(['href', 'src', 'xlink:href', 'full-path']);
const IMAGE_MAGIC: Record<string, number[]> = { jpg: [0xff, 0xd8, 0xff], png: [0x89, 0x50, 0x4e, 0x47] };

function allowFor(name: string): Allow | undefined {
  if (name === 'META-INF/container.xml') return CONTAINER_ALLOW;
  if (name.endsWith('.xhtml')) return XHTML_ALLOW;
  if (name.endsWith('.opf')) return OPF_ALLOW;
  if (name.endsWith('.ncx')) return NCX_ALLOW;
  return undefined;
}

/** Problems with one XML entry; `entries` is every name in the zip, to check local links. */
function checkXml(name: string, xml: string, allow: Allow, entries: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const here = (s: string) => problems.push(`${name}: ${s}`);
  if (/<script/i.test(xml)) here('contains <script');
  if (/<!\[CDATA\[/i.test(xml)) here('contains a CDATA section');
  if (/<!ENTITY/i.test(xml)) here('declares an entity');
  if (/<!--/.test(xml)) here('contains a comment');
  const parser = new Parser(
    {
      onprocessinginstruction(piName, data) {
        const ok = piName === '?xml' || (piName.toLowerCase() === '!doctype' && /^!DOCTYPE html$/i.test(data.trim()));
        if (!ok) here(`unexpected declaration <${data}>`);
      },
      onopentag(tag, attribs) {
        const allowed = allow[tag];
        if (!allowed) {
          here(`element <${tag}> is not one the renderer emits`);
          return;
        }
        for (const [attr, value] of Object.entries(attribs)) {
          if (/^on/i.test(attr)) here(`<${tag}> has an event attribute ${attr}`);
          else if (!allowed.includes(attr)) here(`<${tag}> has attribute ${attr}, which the renderer never emits`);
          // eslint-disable-next-line no-control-regex -- a browser ignores control characters in a URL, so they are dropped before it is judged
          const plain = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
          if (/^(javascript|vbscript|data|file):/.test(plain)) here(`<${tag} ${attr}> is a ${plain.split(':')[0]}: URL`);
          if (/url\(|@import|expression\(/i.test(value)) here(`<${tag} ${attr}> carries CSS`);
          if (LINK_ATTRS.has(attr)) checkLink(tag, attr, value);
        }
      },
    },
    { xmlMode: true, recognizeCDATA: true },
  );
  const checkLink = (tag: string, attr: string, value: string): void => {
    if (/^(https?:)?\/\//i.test(value) || /^mailto:/i.test(value)) {
      if (!(tag === 'a' && attr === 'href')) here(`<${tag} ${attr}="${value}"> points off the book`);
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
      // Only the OPF's and the container's own identifiers use other schemes, and not in links.
      here(`<${tag} ${attr}="${value}"> uses a URL scheme`);
      return;
    }
    const local = value.split('#')[0] ?? '';
    if (!local) return;
    const base = name === 'META-INF/container.xml' ? '' : posix.dirname(name);
    const target = posix.normalize(posix.join(base, decodeURIComponent(local)));
    if (target.startsWith('..') || !entries.has(target)) here(`<${tag} ${attr}="${value}"> points to ${target}, which is not in the book`);
  };
  parser.write(xml);
  parser.end();
  return problems;
}

const ownCss = (): string => readFileSync(path.join(repoRoot, 'styles', 'book.css'), 'utf8');

/** Everything unsafe in an EPUB, as readable lines; `[]` means safe. */
export function safetyProblems(epub: Uint8Array): string[] {
  const zip = unzipSync(epub);
  const names = Object.keys(zip);
  const entries = new Set(names);
  const problems: string[] = [];
  for (const name of names) {
    const data = zip[name]!;
    if (name.startsWith('/') || name.split('/').includes('..') || name.includes('\\')) {
      problems.push(`${name}: entry name escapes the book`);
      continue;
    }
    if (name === 'mimetype') continue;
    if (!/^(META-INF\/container\.xml|OEBPS\/(images\/)?[\w.-]+)$/.test(name)) problems.push(`${name}: unexpected entry`);
    const allow = allowFor(name);
    if (allow) {
      problems.push(...checkXml(name, strFromU8(data), allow, entries));
    } else if (name.endsWith('.css')) {
      const css = strFromU8(data);
      if (name !== 'OEBPS/style.css' || css !== ownCss()) {
        if (/url\(|@import|expression\(/i.test(css)) problems.push(`${name}: stylesheet loads something (url(), @import)`);
      }
    } else {
      const ext = name.split('.').pop() ?? '';
      const magic = IMAGE_MAGIC[ext];
      if (!magic) problems.push(`${name}: a file type the renderer never packs`);
      else if (!magic.every((b, i) => data[i] === b)) problems.push(`${name}: not the image its name says`);
    }
  }
  return problems;
}

/** Throws, listing every problem, unless the EPUB holds only what our renderer emits. */
export function assertSafeEpub(epub: Uint8Array): void {
  const problems = safetyProblems(epub);
  if (problems.length) throw new Error(`unsafe EPUB:\n${problems.join('\n')}`);
}
