import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedReadiness, startHealthServer } from '../../src/app/health-routes.ts';
import { freePort } from '../support/wait-until.ts';

/** A readiness check that counts how many run at once and waits until the test lets it answer. */
function heldCheck() {
  const state: { started: number; running: number; mostAtOnce: number; release: () => void } = {
    started: 0,
    running: 0,
    mostAtOnce: 0,
    release: () => undefined,
  };
  let released: Promise<void> = Promise.resolve();
  const hold = () => {
    released = new Promise<void>((resolve) => {
      state.release = resolve;
    });
  };
  const check = async () => {
    state.started += 1;
    state.running += 1;
    state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
    await released;
    state.running -= 1;
    return true;
  };
  return { state, check, hold };
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('/readyz under a flood', () => {
  it('many requests at once wait on one check, and answers are reused for a second', async () => {
    const clock = { ms: 0 };
    const { state, check, hold } = heldCheck();
    const port = await freePort();
    const ready = cachedReadiness(check, () => clock.ms);
    let asked = 0;
    server = await startHealthServer(port, () => {
      asked += 1;
      return ready();
    });
    const flood = () =>
      Promise.all(Array.from({ length: 40 }, () => fetch(`http://127.0.0.1:${port}/readyz`)));

    hold();
    const answers = flood();
    // Every request has reached the server and asked before the check answers: still only one check.
    await expect.poll(() => asked).toBe(40);
    state.release();
    expect((await answers).map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(state.started).toBe(1);
    expect(state.mostAtOnce).toBe(1);

    clock.ms += 999;
    await flood();
    expect(state.started).toBe(1);

    clock.ms += 1;
    await flood();
    expect(state.started).toBe(2);
    expect(state.mostAtOnce).toBe(1);
  });
});
