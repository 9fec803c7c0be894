import { createServer } from 'node:net';

/**
 * Polls `probe` until it returns a value; bounded, so a broken bot fails its test instead of hanging it.
 * A probe may be async (a database count): its answer is awaited, never taken for a value itself.
 * `refresh` runs before each look, for state that has to be fetched.
 */
export async function waitUntil<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5000,
  what = 'a condition',
  refresh?: () => Promise<void>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await refresh?.();
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago, for a bot process's HTTP server. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
