import { escapeUTF8 } from 'entities/escape';

/** Escapes text and attribute values for XML; nothing from a story ever becomes markup. */
export const esc = (value: string): string => escapeUTF8(value);

export interface XhtmlPage {
  title: string;
  lang: string;
  body: string;
  /** `epub:type` of `<body>`, e.g. `frontmatter` or `bodymatter`. */
  bodyType?: string;
  /** Relative href of the stylesheet; omitted for pages that need none. */
  css?: string;
}

/** A complete XHTML content document with the XML declaration Kindle requires. */
export function xhtml(page: XhtmlPage): string {
  const css = page.css ? `\n<link rel="stylesheet" type="text/css" href="${esc(page.css)}"/>` : '';
  const bodyType = page.bodyType ? ` epub:type="${esc(page.bodyType)}"` : '';
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${esc(page.lang)}" xml:lang="${esc(page.lang)}">
<head>
<meta charset="utf-8"/>
<title>${esc(page.title)}</title>${css}
</head>
<body${bodyType}>
${page.body}
</body>
</html>
`;
}
