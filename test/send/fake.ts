/**
 * Readers without hardware: folder trees holding the marker files README's
 * table documents, a library of small stories, and a fake calibre.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { planBatch } from '../../src/batch/plan.js';
import { sendSession, type SendOptions } from '../../src/deliver/send-session.js';
import type { DeviceKind } from '../../src/deliver/devices.js';

export const tmp = (prefix = 'quire-send-') => mkdtemp(path.join(os.tmpdir(), prefix));

/** A reader of `kind` mounted at `parent/name`, with the files its maker puts there. */
export async function fakeReader(parent: string, name: string, kind: Exclude<DeviceKind, 'generic'> | 'tolino-kobo' | 'blank'): Promise<string> {
  const root = path.join(parent, name);
  const put = async (file: string, text = '') => {
    if (file.endsWith('/')) return void (await mkdir(path.join(root, file), { recursive: true }));
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  };
  await mkdir(root, { recursive: true });
  switch (kind) {
    case 'kobo':
      await put('.kobo/KoboReader.sqlite', 'SQLite format 3\0 the reader’s own database');
      await put('.kobo/version', 'N418150012345,4.38.21908,4.38.21908,4.38.21908,4.38.21908,00000000-0000-0000-0000-000000000390\n');
      break;
    case 'tolino-kobo':
      await put('.kobo/KoboReader.sqlite', 'SQLite format 3\0');
      await put('.kobo/version', 'N418150012345,4.38.21908,4.38.21908,4.38.21908,4.38.21908,00000000-0000-0000-0000-000000000617\n');
      break;
    case 'kindle':
      await put('documents/My Clippings.txt', 'the reader’s own clippings');
      await put('system/thumbnails/');
      break;
    case 'pocketbook':
      await put('system/explorer-3/explorer-3.db', 'SQLite format 3\0');
      break;
    case 'koreader':
      await put('koreader/settings.reader.lua', '-- KOReader');
      break;
    case 'tolino':
    case 'blank':
      break;
  }
  return root;
}

/** A folder of two small stories, with their own titles, for building quickly. */
export async function fakeLibrary(): Promise<{ dir: string; stories: string; out: string }> {
  const dir = await tmp('quire-lib-');
  const stories = path.join(dir, 'stories');
  await mkdir(stories);
  await writeFile(
    path.join(stories, 'harbour.txt'),
    'Title: The Harbour Light\nAuthor: Ada Marsh\n\nChapter 1\n\nThe light turned over the water all night.\n\nChapter 2\n\nIn the morning the boats came home.\n',
  );
  await writeFile(
    path.join(stories, 'frost.md'),
    '---\ntitle: A Hard Frost\nauthor: Ben Tallow\nseries: { name: Winter Tales, position: 1 }\ntags: [winter]\nsummary: Two sisters and an orchard.\n---\n\n# Chapter One\n\nThe frost came early that year.\n',
  );
  return { dir, stories, out: path.join(dir, 'out') };
}

/** A calibre stand-in: writes a small "AZW3" holding the OPF it was given, so a test can read the ASIN back. */
export async function fakeCalibre(): Promise<string> {
  const bin = await tmp('quire-calibre-');
  const script = `#!/bin/sh
opf=""; prev=""
for a in "$@"; do
  if [ "$prev" = "--read-metadata-from-opf" ]; then opf="$a"; fi
  prev="$a"
done
{ printf 'FAKE-AZW3\\n'; cat "$opf"; } > "$2"
echo "AZW3 output written to $2"
`;
  await writeFile(path.join(bin, 'ebook-convert'), script);
  await chmod(path.join(bin, 'ebook-convert'), 0o755);
  return bin;
}

/** Every file under `root` with its sha256 and modification time: a tree to compare before and after. */
export async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of (await readdir(root, { recursive: true })).sort()) {
    const file = path.join(root, rel);
    const info = await stat(file);
    out[rel.split(path.sep).join('/')] = info.isDirectory()
      ? 'dir'
      : `${createHash('sha256')
          .update(await readFile(file))
          .digest('hex')} ${info.mtimeMs}`;
  }
  return out;
}

const sink = () => {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
};

export interface SendRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `quire send` in this process: the same plan and session the command runs, with captured output. */
export async function send(inputs: string[], out: string, options: Partial<SendOptions> & { json?: boolean; bin?: string } = {}): Promise<SendRun> {
  const { json, bin, ...rest } = options;
  const plan = await planBatch({ inputs, options: { out, jobs: 1, sourceDateEpoch: 1_700_000_000, ...(json ? { json: true } : {}) } });
  const stdout = sink();
  const stderr = sink();
  // PATH holds only the fake calibre, if any: the machine's own ebook-convert must not answer.
  const env = { PATH: bin ?? '', CI: 'true' };
  const code = await sendSession(
    plan,
    { folder: 'quire', dryRun: false, prune: false, mounts: { platform: 'linux', user: 'nobody', override: ['/nonexistent-quire-mounts'] }, ...rest },
    { stdout: stdout.stream, stderr: stderr.stream, env },
  );
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
