/**
 * Real reader engines and converters the sideload tests drive. A missing client
 * skips its tests on a developer's machine; in CI (`CI` set) it is a failure,
 * because .ci/run installs every one of them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function onPath(bin: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const clients = {
  chromium: () => existsSync(CHROMIUM),
  calibre: () => onPath('ebook-meta') && onPath('ebook-convert'),
  pandoc: () => onPath('pandoc'),
};

/** `describe` for tests that need `client`: skipped where it is missing, failing in CI. */
export function describeWithClient(client: keyof typeof clients, title: string, body: () => void): void {
  if (clients[client]()) {
    describe(title, body);
  } else if (process.env.CI) {
    describe(title, () => {
      it(`needs ${client}, which CI must install (.ci/run)`, () => {
        throw new Error(`${client} is not installed`);
      });
    });
  } else {
    describe.skip(`${title} (${client} not installed)`, body);
  }
}
