import { setTimeout as sleep } from 'node:timers/promises';
import { createCaptureProcess } from '../src/capture/capture-process.ts';
import type { PageCapturer } from '../src/capture/capture-types.ts';
import { startJobQueue } from '../src/jobs/job-queue.ts';
import { createPgCaptureStore } from '../src/ledger/page-captures.ts';
import { createLogger } from '../src/log/logger.ts';
import { createBenchBot } from './bench-bot.ts';
import type { BenchDatabase } from './bench-database.ts';
import { benchSlack } from './bench-slack.ts';
import { BENCH_CAPTURE_LIMITS, benchChromium } from './capture-cost.ts';
import { RemoteCaptureSite } from './remote-capture-site.ts';
import { burst, CONCURRENT, MEMBERS } from './slack-ack-latency.ts';
import { percentile } from './stats.ts';

/** Bursts per side and run, as in B2: a p99 of 500 acknowledgements a side. */
const ROUNDS = 10;
// Before each burst: with capture on, time for the browser to be under way; with it off, for what a capture
// already handed back to finish writing (its PNG, the card redraw).
const SETTLE_MS = 500;

export interface AckWithCaptureRun {
  off: { p50: number; p99: number };
  on: { p50: number; p99: number };
  /**
   * Captures the browser made during the run (the oldest first: the queue still holds those of the runs before),
   * and captures the run's flags asked for.
   */
  captured: number;
  requested: number;
}

/**
 * B2c: B2's `/flag` acknowledgement with page capture off and on, side by side. Two bots on the same ledger and
 * job queue, each behind its own Slack adapter: the one with capture on asks for the post's and the account's page
 * at each flag (two captures per flag), and the queue's capture worker takes them to the real browser against a
 * loopback site. Its bursts are answered while the browser works through the captures of the bursts before; the
 * other bot's bursts while the browser is held back between two captures, so that side is capture off indeed.
 */
export async function runSlackAckWithCapture(
  database: BenchDatabase,
  run: number,
): Promise<AckWithCaptureRun> {
  const log = createLogger('silent');
  const site = await RemoteCaptureSite.start();
  const jobs = await startJobQueue(database.pool, log);
  const browser = holdable(
    createCaptureProcess({ executablePath: await benchChromium(), limits: BENCH_CAPTURE_LIMITS }),
  );
  const store = createPgCaptureStore(database.pool, jobs);
  const sides = { off: await benchSlack(MEMBERS, log), on: await benchSlack(MEMBERS, log) };
  const startedAt = new Date();
  try {
    const botOn = createBenchBot(database.pool, jobs, {}, store);
    await sides.off.adapter.start(createBenchBot(database.pool, jobs));
    await sides.on.adapter.start(botOn);
    // CAPTURE_CONCURRENCY's default: one capture at a time.
    await jobs.work(botOn, undefined, undefined, {
      capturer: browser,
      store,
      recheckDays: [1, 7],
      attempts: 3,
      concurrency: 1,
      addressFor: site.addressFor,
    });
    const url = (side: keyof typeof sides) => `http://127.0.0.1:${sides[side].adapter.port}/slack/events`;
    const samples = { off: [] as number[], on: [] as number[] };
    const turn = async (side: keyof typeof sides, tag: string, done: number, measured: boolean) => {
      const times = await burst(url(side), sides[side].fake, tag);
      if (measured) samples[side].push(...times);
      // The flags' own replies and cards, as in B2, before the other side's turn.
      await sides[side].fake.waitForResponseUrlPosts(done * CONCURRENT, 120_000);
      await sides[side].fake.waitForCalls('chat.postMessage', done * CONCURRENT, 120_000);
    };
    // Each burst comes after the same pause: with capture on, the browser is by then busy with a capture; with it
    // off, the capture under way has ended and nothing else starts. Which side goes first alternates by round.
    const after = async (side: keyof typeof sides) => {
      if (side === 'off') return browser.hold();
      browser.let();
      await sleep(SETTLE_MS);
    };
    // Unmeasured: warms both sides, launches the browser and gives it its first captures to work through.
    // Post numbers start 77 and 88 (see postNumber), so no flag lands on an incident of B2's.
    for (const side of ['on', 'off'] as const) {
      await after(side);
      await turn(side, `warm-${side === 'off' ? 77 : 88}${run}`, 1, false);
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      const done = round + 2;
      for (const side of round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        await after(side);
        await turn(side, `c${side === 'off' ? 77 : 88}-${run}-${round}`, done, true);
      }
    }
    const summary = (values: number[]) => ({ p50: percentile(values, 0.5), p99: percentile(values, 0.99) });
    const counts = await database.pool.query(
      `SELECT count(*) FILTER (WHERE requested_at >= $1)::int AS requested,
              count(*) FILTER (WHERE state = 'captured' AND captured_at >= $1)::int AS captured
       FROM page_captures`,
      [startedAt],
    );
    return { off: summary(samples.off), on: summary(samples.on), ...counts.rows[0] };
  } finally {
    browser.let();
    await sides.off.adapter.stop();
    await sides.on.adapter.stop();
    // Captures still queued are abandoned: stop() aborts the one under way.
    await jobs.stop();
    await browser.close();
    await sides.off.fake.close();
    await sides.on.fake.close();
    await site.close();
  }
}

/** The real capturer, with a gate in front: hold() waits for the capture under way and lets no other start. */
function holdable(capturer: PageCapturer): PageCapturer & { hold(): Promise<void>; let(): void } {
  let held = false;
  let opened: () => void = () => undefined;
  let gate = Promise.resolve();
  let under = Promise.resolve();
  return {
    async capture(url, signal) {
      while (held && !signal?.aborted) await gate;
      const capture = capturer.capture(url, signal);
      under = capture.then(() => undefined);
      return capture;
    },
    check: (url, signal) => capturer.check(url, signal),
    close: () => capturer.close(),
    async hold() {
      if (held) return;
      held = true;
      gate = new Promise((resolve) => {
        opened = resolve;
      });
      await under;
      await sleep(SETTLE_MS);
    },
    let() {
      held = false;
      opened();
    },
  };
}
