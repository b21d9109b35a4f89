import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CoverThread, earlyHelps } from '../../src/batch/cover-thread.js';
import { tmp } from './helpers.js';

const info = (title: string) => ({ title, authors: ['A Writer'] });

/** A stand-in cover thread: `body` answers each request `{ id, info }` on `port`. */
async function fakeThread(body: string): Promise<CoverThread> {
  const file = path.join(await tmp('quire-cover-thread-'), 'fake.mjs');
  await writeFile(file, `import { parentPort as port } from 'node:worker_threads';\nport.on('message', ({ id, info }) => {\n${body}\n});\n`);
  return new CoverThread(pathToFileURL(file));
}

describe('the cover thread', () => {
  it('answers each request with its own cover, whatever order they come back in', async () => {
    // Answers the first request last.
    const thread = await fakeThread(`
      if (id === 0) setTimeout(() => port.postMessage({ id, cover: { missing: [info.title] } }), 50);
      else port.postMessage({ id, cover: { missing: [info.title] } });`);
    const covers = await Promise.all(['One', 'Two', 'Three'].map((t) => thread.draw(info(t))));
    expect(covers.map((c) => c.missing)).toEqual([['One'], ['Two'], ['Three']]);
    await thread.close();
  });

  it('fails the one request whose cover could not be drawn, with the reason', async () => {
    const thread = await fakeThread(`
      if (info.title === 'Bad') port.postMessage({ id, error: 'no room for this title' });
      else port.postMessage({ id, cover: { missing: [] } });`);
    const [bad, good] = await Promise.allSettled([thread.draw(info('Bad')), thread.draw(info('Good'))]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'no room for this title' } });
    expect(good).toMatchObject({ status: 'fulfilled' });
    await thread.close();
  });

  it('fails every waiting request, and every later one, when the thread dies, instead of hanging', async () => {
    const thread = await fakeThread(`if (id === 1) process.exit(3);`);
    const waiting = [thread.draw(info('One')), thread.draw(info('Two'))];
    for (const w of waiting) await expect(w).rejects.toThrow('the cover thread stopped (exit code 3)');
    await expect(thread.draw(info('Three'))).rejects.toThrow('exit code 3');
    await thread.close();
  });

  it('fails a request made after it was closed', async () => {
    const thread = await fakeThread(`port.postMessage({ id, cover: { missing: [] } });`);
    await thread.close();
    await expect(thread.draw(info('Late'))).rejects.toThrow('closed');
  });
});

describe('starting the cover thread with the command', () => {
  it('does for a build that may convert in the CLI\'s thread with a core to spare', () => {
    for (const args of [['build'], ['build', 'stories', '--out', 'out'], ['build', '-j', '2'], ['build', '--jobs=4'], ['build', '--json', 'a.txt']]) {
      expect(earlyHelps(args, 2), args.join(' ')).toBe(true);
    }
  });

  it('does not for one core, --jobs 1, help, version or another command', () => {
    expect(earlyHelps(['build'], 1)).toBe(false);
    for (const args of [['build', '--jobs', '1'], ['build', '-j', '1'], ['build', '-j1'], ['build', '--jobs=1'], ['build', 'x', '--jobs', '01'], ['build', '--help'], ['build', '-h'], ['--version'], ['inspect', 'a.txt'], []]) {
      expect(earlyHelps(args, 8), args.join(' ')).toBe(false);
    }
  });
});
