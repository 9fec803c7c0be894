import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureProcess } from '../../src/capture/capture-process.ts';
import { CHROMIUM_TESTS_RUN } from '../support/chromium.ts';
import { waitUntil } from '../support/wait-until.ts';

// UNSAFE: loopback is allowed only because the test site is on 127.0.0.1.
const LIMITS = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024, allowLoopback: true };

/** This process's capture workers: their pid and niceness, read from /proc. */
function captureWorkers(): { pid: number; nice: number }[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command's closing parenthesis: state is the 1st, ppid the 2nd, nice the 17th.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (!cmdline.includes('capture-worker') || Number(fields[1]) !== process.pid) return [];
        return [{ pid: Number(pid), nice: Number(fields[16]) }];
      } catch {
        return [];
      }
    });
}

let server: http.Server;
let base: string;
let held: http.ServerResponse[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    if (req.url === '/held') return void held.push(res);
    res.end('<!doctype html><h1>A public post</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.end();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe.skipIf(!CHROMIUM_TESTS_RUN)('captures run in a process of their own', () => {
  it('captures at a lower priority than the bot, and lets the process go once idle', async () => {
    const capturer = createCaptureProcess({
      executablePath: '/usr/bin/chromium',
      limits: LIMITS,
      idleMs: 1000,
    });
    try {
      expect(captureWorkers()).toEqual([]);
      const result = await capturer.capture(`${base}/post`);
      expect(result).toMatchObject({ outcome: 'captured', httpStatus: 200 });
      // The screenshot crossed between the processes whole.
      if (result.outcome === 'captured') {
        expect(Buffer.from(result.screenshot).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
        expect(result.at).toBeInstanceOf(Date);
      }
      const [worker] = captureWorkers();
      expect(worker?.nice).toBe(10);
      await waitUntil(
        () => (captureWorkers().length === 0 ? true : undefined),
        15_000,
        'the idle worker to end',
      );
      // And starts again for the next one.
      expect(await capturer.check(`${base}/post`)).toMatchObject({ state: 'up' });
    } finally {
      await capturer.close();
    }
    expect(captureWorkers()).toEqual([]);
  }, 60_000);

  it('answers a failure when its process dies mid-capture, and the next capture starts a new one', async () => {
    const capturer = createCaptureProcess({ executablePath: '/usr/bin/chromium', limits: LIMITS });
    try {
      const under = capturer.capture(`${base}/held`);
      await waitUntil(() => (held.length > 0 ? true : undefined), 20_000, 'the page to be asked for');
      for (const worker of captureWorkers()) process.kill(worker.pid, 'SIGKILL');
      expect(await under).toMatchObject({ outcome: 'failed', reason: 'error' });
      held = [];
      expect(await capturer.capture(`${base}/post`)).toMatchObject({ outcome: 'captured' });
    } finally {
      await capturer.close();
    }
  }, 60_000);
});
