import type { Diagnostic } from '../diagnostics.js';

/**
 * Bytes to text. This first version reads UTF-8 (with or without a BOM) and
 * normalizes line ends; encoding detection and repair come later.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\uFFFD')) {
    diagnostics.push({ severity: 'warning', code: 'invalid-utf8', message: 'file is not valid UTF-8; some characters were replaced', file });
  }
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  return { text, encoding: 'utf-8', diagnostics };
}
