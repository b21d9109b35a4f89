import { writeFileSync } from 'node:fs';
import { EpubCheck } from '@likecoin/epubcheck-ts';
import { decodeXML } from 'entities';
import { unzipSync, strFromU8 } from 'fflate';
import { convertWork, loadStylesheet, QuireError, type WorkSource } from '../../src/index.js';
import { missingWords } from '../support/build.js';
import { safetyProblems } from '../support/safe.js';
import type { FuzzCase } from './arbitraries.js';

const FILE = '/fuzz/story.txt';
let css: string | undefined;

/** The text a reader sees: every XHTML document and the package metadata, tags stripped. */
function readerText(epub: Uint8Array): string {
  const zip = unzipSync(epub);
  return Object.entries(zip)
    .filter(([n]) => /\.(xhtml|opf)$/.test(n))
    .map(([, d]) => decodeXML(strFromU8(d).replace(/<[^>]*>/g, ' ')))
    .join('\n');
}

/** How the cases went, for the long run's report. */
export const tally = { built: 0, refused: 0, wordsChecked: 0, refusals: new Map<string, number>() };

/** Builds one case in memory; returns what is wrong with the outcome, `[]` when nothing is. */
export async function checkCase(c: FuzzCase): Promise<string[]> {
  css ??= await loadStylesheet();
  const source: WorkSource = { path: FILE, files: [{ path: FILE, bytes: c.bytes, mtimeMs: 1_700_000_000_000 }], roots: ['/fuzz'] };
  let epub: Uint8Array;
  try {
    epub = (await convertWork(source, { css, sourceDateEpoch: 1_700_000_000 })).epub;
  } catch (e) {
    if (!(e instanceof QuireError)) return [`${c.label}: crashed with ${(e as Error)?.stack ?? String(e)}`];
    const d = e.diagnostic;
    tally.refused++;
    tally.refusals.set(d.code, (tally.refusals.get(d.code) ?? 0) + 1);
    if (d.file !== FILE || !d.message.trim() || d.message.includes('\n')) return [`${c.label}: unclear error ${JSON.stringify(d)}`];
    return [];
  }
  tally.built++;
  const problems: string[] = [];
  const check = await EpubCheck.validate(epub);
  for (const m of check.messages) {
    if (m.severity === 'fatal' || m.severity === 'error' || m.severity === 'warning')
      problems.push(`epubcheck ${m.severity} ${m.id}: ${m.message} at ${m.location?.path ?? ''}:${m.location?.line ?? ''}`);
  }
  if (c.story.trim()) tally.wordsChecked++;
  const missing = missingWords(c.story, readerText(epub));
  if (missing.length) problems.push(`lost ${missing.length} words: ${missing.slice(0, 12).join(' ')}`);
  problems.push(...safetyProblems(epub));
  // FUZZ_DUMP=file: the bytes of a failing case, to build and inspect by hand.
  if (problems.length && process.env.FUZZ_DUMP) writeFileSync(process.env.FUZZ_DUMP, c.bytes);
  return problems.map((p) => `${c.label}: ${p}`);
}
