import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCaptureProcess } from '../src/capture/capture-process.ts';
import type { CaptureLimits } from '../src/capture/capture-types.ts';
import { findChromium } from '../src/capture/find-chromium.ts';
import { type BrowserMemory, chromiumMemory } from './chromium-memory.ts';
import { RemoteCaptureSite } from './remote-capture-site.ts';
import { median, percentile } from './stats.ts';

/** Captures measured per run, one after another, after one unmeasured capture that launches the browser. */
export const CAPTURES = 10;
/** The defaults of CAPTURE_TIMEOUT_SECONDS and CAPTURE_MAX_MB; loopback allowed, since the site is on it. */
export const BENCH_CAPTURE_LIMITS: CaptureLimits = {
  timeoutMs: 45_000,
  maxBytes: 25 * 1024 * 1024,
  allowLoopback: true,
};
// How often the browser's memory is read while it captures.
const SAMPLE_MS = 250;

export interface CaptureCostRun {
  p50Seconds: number;
  p90Seconds: number;
  /** Warm and idle: after the captures, the browser still up (it closes after a minute with nothing to do). */
  idle: BrowserMemory;
  /** The most read while capturing (PSS; its RSS beside it). */
  peak: BrowserMemory;
  /**
   * The longest this process's event loop was kept from running while capturing: Playwright's side of the
   * browser runs in it, as do the bot's acknowledgements (see B2c).
   */
  eventLoopMaxMs: number;
  pageKB: number;
  screenshot: { width: number; height: number; kB: number };
}

/** The browser as `shieldwall start` finds it: CHROMIUM_PATH, else the usual places. */
export async function benchChromium(): Promise<string> {
  const found = await findChromium(process.env.CHROMIUM_PATH);
  if ('missing' in found) throw new Error(`B8 and B2c need a browser: ${found.missing}`);
  return found.path;
}

/**
 * B8: what one capture costs, the real capturer (egress proxy, fresh context, full-page PNG) on a post page from a
 * loopback site: seconds per capture, one at a time as CAPTURE_CONCURRENCY=1 runs them, and the browser's memory.
 */
export async function runCaptureCost(run: number): Promise<CaptureCostRun> {
  const site = await RemoteCaptureSite.start();
  const capturer = createCaptureProcess({
    executablePath: await benchChromium(),
    limits: BENCH_CAPTURE_LIMITS,
  });
  try {
    const capture = async (i: number) => {
      const result = await capturer.capture(site.addressFor(`https://x.com/i/status/1${run}${i}`));
      if (result.outcome !== 'captured') throw new Error(`B8: a capture failed (${result.reason})`);
      return result;
    };
    await capture(0);
    const seconds: number[] = [];
    let peak: BrowserMemory = { processes: 0, pssMB: 0, rssMB: 0 };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const now = await chromiumMemory();
        if (now.pssMB > peak.pssMB) peak = now;
        await sleep(SAMPLE_MS);
      }
    })();
    let last: Awaited<ReturnType<typeof capture>> | undefined;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    try {
      for (let i = 1; i <= CAPTURES; i += 1) {
        const started = performance.now();
        last = await capture(i);
        seconds.push((performance.now() - started) / 1000);
      }
    } finally {
      delay.disable();
      sampling = false;
      await sampler;
    }
    // Let the closed contexts' renderers exit before the idle reading.
    await sleep(1000);
    const idle = await chromiumMemory();
    if (idle.processes === 0) throw new Error('B8: no Chromium process found under this one');
    const png = Buffer.from(last?.screenshot ?? []);
    return {
      p50Seconds: median(seconds),
      p90Seconds: percentile(seconds, 0.9),
      idle,
      peak,
      eventLoopMaxMs: delay.max / 1e6,
      pageKB: site.pageBytes / 1024,
      // A PNG's width and height are the first fields of its IHDR chunk.
      screenshot: { width: png.readUInt32BE(16), height: png.readUInt32BE(20), kB: png.length / 1024 },
    };
  } finally {
    await capturer.close();
    await site.close();
  }
}
