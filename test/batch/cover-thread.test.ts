import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CoverThread } from '../../src/batch/cover-thread.js';
import { planBatch, planThreads } from '../../src/batch/plan.js';
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

describe('drawing covers in a thread of their own', () => {
  /** `n` small story files, and their works as the batch lists them. */
  async function works(n: number, bytes = 2_000): Promise<Array<{ path: string }>> {
    const dir = await tmp('quire-plan-');
    const out = [];
    for (let i = 0; i < n; i++) {
      const file = path.join(dir, `s${i}.txt`);
      await writeFile(file, 'word '.repeat(bytes / 5));
      out.push({ path: file });
    }
    return out;
  }

  it('happens for two small works or more converted in this thread, with two jobs and two cores', async () => {
    expect(await planThreads(2, await works(2), 2)).toMatchObject({ threads: 1, coversAside: true });
    expect(await planThreads(8, await works(3), 8)).toMatchObject({ threads: 1, coversAside: true });
  });

  it('never for one work, which draws its cover sooner than a thread starts', async () => {
    expect(await planThreads(8, await works(1), 8)).toMatchObject({ threads: 1, coversAside: false });
    expect(await planThreads(8, [], 8)).toMatchObject({ coversAside: false });
  });

  it('never with one job or one core, nor when the works are worth conversion threads, which draw their own', async () => {
    expect((await planThreads(1, await works(3), 8)).coversAside).toBe(false);
    expect((await planThreads(2, await works(3), 1)).coversAside).toBe(false);
    expect(await planThreads(2, await works(4, 600_000), 2)).toMatchObject({ threads: 2, coversAside: false });
  });

  it("takes a config file's jobs, and a flag over it", async () => {
    const dir = await tmp('quire-plan-');
    await writeFile(path.join(dir, 'quire.config.yaml'), 'jobs: 1\n');
    // Before the plan, a regular expression over argv decided this and never saw a config file's jobs.
    const fromConfig = await planBatch({ config: { search: dir } }, 8);
    expect(fromConfig.options.jobs).toBe(1);
    expect((await planThreads(fromConfig.options.jobs, await works(3), 8)).coversAside).toBe(false);
    const flag = await planBatch({ config: { search: dir }, options: { jobs: 3 } }, 8);
    expect((await planThreads(flag.options.jobs, await works(3), 8)).coversAside).toBe(true);
  });
});
