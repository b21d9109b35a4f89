/** What kind of image a file is, by its first bytes rather than its name. */
export type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp' | 'svg';

const startsWith = (data: Uint8Array, bytes: number[], at = 0): boolean => bytes.every((b, i) => data[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

export function sniffImage(data: Uint8Array): ImageKind | undefined {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a'))) return 'gif';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'webp';
  return looksLikeSvg(data) ? 'svg' : undefined;
}

// SVG has no magic number: skip a BOM, an XML declaration, comments and a
// doctype, and the first element must be <svg.
function looksLikeSvg(data: Uint8Array): boolean {
  let head = new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(0, 4096));
  head = head.replace(/^\uFEFF/u, '');
  for (;;) {
    const before = head;
    head = head
      .replace(/^\s+/u, '')
      .replace(/^<\?xml[\s\S]*?\?>/u, '')
      .replace(/^<!--[\s\S]*?-->/u, '')
      .replace(/^<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/iu, '');
    if (head === before) break;
  }
  return /^<svg[\s>/]/u.test(head);
}
