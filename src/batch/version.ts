import { readFileSync } from 'node:fs';

/** quire's own version, from package.json: what `--version` and the JSON report say. */
export const quireVersion: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * This build of quire, part of every cache key: the version, then the hash
 * `npm run build` writes of the compiled code and the lockfile. A checkout's
 * version does not change from one commit to the next, though its books may.
 */
export function buildIdentity(version: string, idFile: URL): string {
  try {
    const id = readFileSync(idFile, 'utf8').trim();
    return id ? `${version}+${id}` : version;
  } catch {
    return version; // run from source (the tests): no build, no id
  }
}

export const quireBuild: string = buildIdentity(quireVersion, new URL('../build-id', import.meta.url));
