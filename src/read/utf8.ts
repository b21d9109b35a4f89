/** One strict UTF-8 decoder for the readers: it throws on the first byte that is not UTF-8. */
export const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
