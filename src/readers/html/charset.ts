/**
 * The encoding an HTML file declares for itself, found the way browsers
 * pre-scan: a `<meta charset>` or `<meta http-equiv="Content-Type">` in the
 * first 1024 bytes, read as ASCII.
 */
const PRESCAN_BYTES = 1024;

export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const label = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta)?.[1];
    if (label) return label.toLowerCase();
  }
  return undefined;
}
