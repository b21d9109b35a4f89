import type { Metadata } from '../model.js';
import { inlineText } from '../model.js';
import { esc } from './xml.js';

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
  /** Whether and how the item stands in the reading order. */
  spine?: 'linear' | 'nonlinear';
  /** EPUB 2 guide type (`cover`, `title-page`, `text`), for Kindle's "go to beginning". */
  guide?: { type: string; title: string };
}

export interface OpfInput {
  meta: Metadata;
  identifier: string;
  /** `CCYY-MM-DDThh:mm:ssZ`. */
  modified: string;
  items: readonly ManifestItem[];
  coverId?: string;
}

const el = (tag: string, value: string, attrs = ''): string => `    <${tag}${attrs}>${esc(value)}</${tag}>`;

function metadata(input: OpfInput): string[] {
  const m = input.meta;
  const out = [el('dc:identifier', input.identifier, ' id="book-id"'), el('dc:title', m.title, ' id="title"')];
  if (m.subtitle) {
    out.push(el('dc:title', m.subtitle, ' id="subtitle"'), '    <meta refines="#subtitle" property="title-type">subtitle</meta>');
  }
  m.authors.forEach((a, i) => {
    const id = `creator-${i + 1}`;
    out.push(el('dc:creator', a.name, ` id="${id}"`), `    <meta refines="#${id}" property="role" scheme="marc:relators">aut</meta>`);
    if (a.fileAs) out.push(el('meta', a.fileAs, ` refines="#${id}" property="file-as"`));
  });
  out.push(el('dc:language', m.language));
  if (m.summary?.length) out.push(el('dc:description', m.summary.map((p) => inlineText(p)).join('\n\n')));
  const subjects = [...new Set([...m.fandoms, ...m.genres, ...m.pairings, ...m.tags])];
  for (const s of subjects) out.push(el('dc:subject', s));
  if (m.publisher) out.push(el('dc:publisher', m.publisher));
  if (m.source) out.push(el('dc:source', m.source));
  if (m.rights) out.push(el('dc:rights', m.rights));
  if (m.published) out.push(el('dc:date', m.published));
  out.push(el('meta', input.modified, ' property="dcterms:modified"'));
  if (m.series) {
    out.push(el('meta', m.series.name, ' property="belongs-to-collection" id="series"'));
    out.push('    <meta refines="#series" property="collection-type">series</meta>');
    if (m.series.position !== undefined) out.push(el('meta', String(m.series.position), ' refines="#series" property="group-position"'));
    out.push(`    <meta name="calibre:series" content="${esc(m.series.name)}"/>`);
    if (m.series.position !== undefined) out.push(`    <meta name="calibre:series_index" content="${m.series.position}"/>`);
  }
  if (input.coverId) out.push(`    <meta name="cover" content="${esc(input.coverId)}"/>`);
  return out;
}

/** The package document: metadata, manifest, spine and the EPUB 2 guide. */
export function renderOpf(input: OpfInput): string {
  const manifest = input.items.map((i) => {
    const props = i.properties ? ` properties="${i.properties}"` : '';
    return `    <item id="${esc(i.id)}" href="${esc(i.href)}" media-type="${i.mediaType}"${props}/>`;
  });
  const spine = input.items.filter((i) => i.spine).map((i) => `    <itemref idref="${esc(i.id)}"${i.spine === 'nonlinear' ? ' linear="no"' : ''}/>`);
  const guide = input.items.filter((i) => i.guide).map((i) => `    <reference type="${i.guide!.type}" title="${esc(i.guide!.title)}" href="${esc(i.href)}"/>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${esc(input.meta.language)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${metadata(input).join('\n')}
  </metadata>
  <manifest>
${manifest.join('\n')}
  </manifest>
  <spine toc="ncx">
${spine.join('\n')}
  </spine>
  <guide>
${guide.join('\n')}
  </guide>
</package>
`;
}
