import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export interface CountingServer {
  /** `http://127.0.0.1:PORT`, set once the suite has started. */
  base: string;
  requests: number;
}

/**
 * A local HTTP server for the enclosing suite that only counts requests: a
 * build that fetches anything shows up in `requests`.
 */
export function useCountingServer(): CountingServer {
  const state: CountingServer = { base: '', requests: 0 };
  let server: Server;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      state.requests += 1;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return state;
}
