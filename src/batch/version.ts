import { readFileSync } from 'node:fs';

/** quire's own version, part of every cache key: a new quire may write different books. */
export const quireVersion: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
