import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CoverThread } from '../../src/batch/cover-thread.js';
import { planBatch } from '../../src/batch/plan.js';
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

describe('starting the cover thread with the plan', () => {
  const plan = (options: Parameters<typeof planBatch>[0], cores: number) => planBatch(options, cores);

  it('does when two threads or more may convert, from a flag, a config file or the number of cores', async () => {
    const folder = await tmp('quire-plan-');
    expect((await plan({ inputs: [folder] }, 2)).earlyCovers).toBe(true);
    expect((await plan({ inputs: [folder], options: { jobs: 4 } }, 8)).earlyCovers).toBe(true);
    const dir = await tmp('quire-plan-');
    await writeFile(path.join(dir, 'quire.config.yaml'), 'jobs: 2\n');
    expect((await plan({ inputs: [folder], config: { search: dir } }, 8)).earlyCovers).toBe(true);
  });

  it('does not for one story file, which is one work, but does for two files or a folder', async () => {
    const dir = await tmp('quire-plan-');
    const [a, b] = [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')];
    await writeFile(a, 'A story.\n');
    await writeFile(b, 'Another story.\n');
    expect((await plan({ inputs: [a] }, 8)).earlyCovers).toBe(false);
    expect((await plan({ inputs: [path.join(dir, 'missing.txt')] }, 8)).earlyCovers).toBe(false);
    expect((await plan({ inputs: [a, b] }, 8)).earlyCovers).toBe(true);
    expect((await plan({ inputs: [dir] }, 8)).earlyCovers).toBe(true);
  });

  it('does not for one core or one job, whether the flag or the config file says so', async () => {
    const folder = await tmp('quire-plan-');
    expect((await plan({ inputs: [folder] }, 1)).earlyCovers).toBe(false);
    expect((await plan({ inputs: [folder], options: { jobs: 1 } }, 8)).earlyCovers).toBe(false);
    // Before the plan, a regular expression over argv decided this and never saw a config file's jobs.
    const dir = await tmp('quire-plan-');
    await writeFile(path.join(dir, 'quire.config.yaml'), 'jobs: 1\n');
    const fromConfig = await plan({ inputs: [folder], config: { search: dir } }, 8);
    expect(fromConfig.options.jobs).toBe(1);
    expect(fromConfig.earlyCovers).toBe(false);
    // A flag wins over the config file, both ways.
    expect((await plan({ inputs: [folder], config: { search: dir }, options: { jobs: 3 } }, 8)).earlyCovers).toBe(true);
  });
});
