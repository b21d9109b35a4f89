import type { TocEntry } from './chapter.js';
import { esc, xhtml } from './xml.js';

export interface Landmark {
  type: 'cover' | 'titlepage' | 'bodymatter';
  title: string;
  href: string;
}

function navList(entries: readonly TocEntry[], indent: string): string {
  const items = entries.map((e) => {
    const children = e.children.length ? `\n${navList(e.children, `${indent}  `)}\n${indent}` : '';
    return `${indent}<li><a href="${esc(e.href)}">${esc(e.title)}</a>${children}</li>`;
  });
  return `${indent}<ol>\n${items.join('\n')}\n${indent}</ol>`;
}

/** The EPUB 3 navigation document: the table of contents (headed `contents`, in the book's language) and the landmarks. */
export function renderNav(title: string, lang: string, toc: readonly TocEntry[], landmarks: readonly Landmark[], contents = 'Contents'): string {
  const marks = landmarks.map((l) => `  <li><a epub:type="${l.type}" href="${esc(l.href)}">${esc(l.title)}</a></li>`);
  return xhtml({
    title,
    lang,
    css: 'style.css',
    body: `<nav epub:type="toc" id="toc">
<h2>${esc(contents)}</h2>
${navList(toc, '')}
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<h2>Landmarks</h2>
<ol>
${marks.join('\n')}
</ol>
</nav>`,
  });
}

/** The EPUB 2 NCX, for readers that predate the navigation document. */
export function renderNcx(identifier: string, title: string, toc: readonly TocEntry[]): string {
  let order = 0;
  let maxDepth = 1;
  const points = (entries: readonly TocEntry[], depth: number, indent: string): string =>
    entries
      .map((e) => {
        order += 1;
        maxDepth = Math.max(maxDepth, depth);
        const id = `nav-${order}`;
        const playOrder = order;
        const children = e.children.length ? `\n${points(e.children, depth + 1, `${indent}  `)}` : '';
        return `${indent}<navPoint id="${id}" playOrder="${playOrder}">
${indent}  <navLabel><text>${esc(e.title)}</text></navLabel>
${indent}  <content src="${esc(e.href)}"/>${children}
${indent}</navPoint>`;
      })
      .join('\n');
  const map = points(toc, 1, '    ');
  return `<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head>
    <meta name="dtb:uid" content="${esc(identifier)}"/>
    <meta name="dtb:depth" content="${maxDepth}"/>
    <meta name="dtb:totalPageCount" content="0"/>
    <meta name="dtb:maxPageNumber" content="0"/>
  </head>
  <docTitle><text>${esc(title)}</text></docTitle>
  <navMap>
${map}
  </navMap>
</ncx>
`;
}
