import type { Server } from 'node:http';
import { App } from '@slack/bolt';
import { startJobQueue } from '../src/jobs/job-queue.ts';
import { createLogger } from '../src/log/logger.ts';
import { postFormToApp, slashCommandFields } from '../tests/fakes/fake-slack.ts';
import { createBenchBot } from './bench-bot.ts';
import type { BenchDatabase } from './bench-database.ts';
import { BENCH_CHANNEL, BENCH_SLACK_SECRET, BENCH_TEAM, benchSlack } from './bench-slack.ts';
import type { FakeSlackThread } from './fake-slack-thread.ts';
import { percentile } from './stats.ts';

export const CONCURRENT = 50;
/** Bursts per side and run: each side answers ROUNDS × 50 requests, alternating so both see the same machine. */
const ROUNDS = 10;
const SECRET = BENCH_SLACK_SECRET;
const TEAM = BENCH_TEAM;
const CHANNEL = BENCH_CHANNEL;
export const MEMBERS = Array.from({ length: CONCURRENT }, (_, i) => `U${String(i).padStart(4, '0')}`);

export interface AckLatencyRun {
  shieldwall: { p50: number; p99: number };
  bare: { p50: number; p99: number };
}

/**
 * B2: how soon Slack gets its acknowledgement for `/flag`, with 50 signed requests at once, against a bare Bolt
 * app on the same machine that only acknowledges. Shieldwall acknowledges first and records the flag after,
 * so what it adds is the work of the flags before it competing for the same two cores. Each side's bursts run
 * on a quiet machine: the bare app's turn comes once the flags' replies and cards are all out.
 */
export async function runSlackAckLatency(database: BenchDatabase, run: number): Promise<AckLatencyRun> {
  const log = createLogger('silent');
  const jobs = await startJobQueue(database.pool, log);
  const { fake, adapter } = await benchSlack(MEMBERS, log);
  const bare = new App({
    token: 'xoxb-bench',
    signingSecret: SECRET,
    clientOptions: { slackApiUrl: fake.apiUrl },
    logger: silentBoltLogger(),
  });
  bare.command('/flag', async ({ ack }) => {
    await ack();
  });
  try {
    await adapter.start(createBenchBot(database.pool, jobs));
    const bareServer = (await bare.start({ port: 0, host: '127.0.0.1' })) as Server;
    const barePort = (bareServer.address() as { port: number }).port;
    const targets = {
      shieldwall: `http://127.0.0.1:${adapter.port}/slack/events`,
      bare: `http://127.0.0.1:${barePort}/slack/events`,
    };
    const samples = { shieldwall: [] as number[], bare: [] as number[] };
    // One unmeasured burst each, so connections, JIT and caches are warm on both sides.
    for (const [side, url] of Object.entries(targets)) await burst(url, fake, `warm-${side}-${run}`);
    for (let round = 0; round < ROUNDS; round += 1) {
      samples.shieldwall.push(...(await burst(targets.shieldwall, fake, `sw-${run}-${round}`)));
      // Let the flags' own work (recording, confirmations, cards) finish before the next burst, so it never
      // competes with the bare app's turn.
      await fake.waitForResponseUrlPosts((round + 2) * CONCURRENT, 60_000);
      await fake.waitForCalls('chat.postMessage', (round + 2) * CONCURRENT, 60_000);
      samples.bare.push(...(await burst(targets.bare, fake, `bare-${run}-${round}`)));
    }
    const summary = (values: number[]) => ({ p50: percentile(values, 0.5), p99: percentile(values, 0.99) });
    return { shieldwall: summary(samples.shieldwall), bare: summary(samples.bare) };
  } finally {
    await adapter.stop();
    await bare.stop();
    await jobs.stop();
    await fake.close();
  }
}

/** 50 signed `/flag` requests at once, each from its own member, returning each one's time to the answer. */
export async function burst(url: string, fake: FakeSlackThread, tag: string): Promise<number[]> {
  return Promise.all(
    MEMBERS.map(async (member, i) => {
      const fields = slashCommandFields({
        command: '/flag',
        text: `https://x.com/BenchTroll${i}/status/${postNumber(tag, i)} harassment`,
        userId: member,
        teamId: TEAM,
        channelId: CHANNEL,
        responseUrl: fake.responseUrl(`${tag}-${i}`),
      });
      const started = performance.now();
      const answer = await postFormToApp(url, SECRET, fields);
      const elapsed = performance.now() - started;
      if (answer.status !== 200) throw new Error(`${tag}: Slack would have seen HTTP ${answer.status}`);
      return elapsed;
    }),
  );
}

/**
 * A post number of its own for every request of every burst, so each flag is a new incident with a card of its
 * own: the tag's digits (run and round) and the request's index, after a leading 1, since a post id never
 * starts with 0.
 */
function postNumber(tag: string, i: number): string {
  return `1${tag.replace(/\D/g, '')}${String(i).padStart(2, '0')}`;
}

export function silentBoltLogger() {
  const nothing = () => undefined;
  return {
    debug: nothing,
    info: nothing,
    warn: nothing,
    error: nothing,
    setLevel: nothing,
    getLevel: () => 'error' as never,
    setName: nothing,
  };
}
