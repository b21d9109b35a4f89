import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that only counts requests: a build that fetches anything shows up here. */
export async function countingServer(): Promise<{ base: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests += 1;
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
