/**
 * What XML 1.0 forbids in a document: C0 controls other than tab, CR and LF,
 * U+FFFE/U+FFFF, and lone surrogates. EPUBCheck rejects any of them, so no
 * text — story or metadata — reaches a book with one.
 */
// eslint-disable-next-line no-control-regex -- these control characters are what it finds
export const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `s` without the characters XML forbids. */
export const xmlSafe = (s: string): string => s.replace(XML_FORBIDDEN, '');
