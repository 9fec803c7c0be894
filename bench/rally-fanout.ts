import { SlackAdapter } from '../adapters/slack/slack-adapter.ts';
import { startJobQueue } from '../src/jobs/job-queue.ts';
import { createLogger } from '../src/log/logger.ts';
import { FakeSlack } from '../tests/fakes/fake-slack.ts';
import { createBenchBot } from './bench-bot.ts';
import type { BenchDatabase } from './bench-database.ts';

export const ALERTS = 500;
export const PLATFORM_LIMIT = 50;
/** The bound: 500 messages at 50 a second can't take less than 10 seconds. */
export const BOUND_SECONDS = ALERTS / PLATFORM_LIMIT;
/** The adapters' pacing for this run: 92% of the fake's limit, so timing noise on a shared machine never trips it. */
export const PACING = Number(process.env.BENCH_PACING ?? 46);

export interface FanoutRun {
  seconds: number;
  ratio: number;
  rateLimited: number;
}

/**
 * B5: one flag rallies 500 responders; every alert goes through the real path (rally store, pg-boss jobs,
 * the Slack adapter and its Web API client) to a fake Slack that allows 50 requests a second.
 */
export async function runRallyFanout(database: BenchDatabase, run: number): Promise<FanoutRun> {
  const team = 'T0BENCH';
  // Only members of the incident channel are alerted: the 500 responders are in it.
  const responders = Array.from({ length: ALERTS }, (_, i) => `U${String(i + 1).padStart(4, '0')}`);
  const fake = await FakeSlack.start({
    teamId: team,
    channels: { C0INCIDENTS: { isPrivate: true, members: ['UREPORTER', ...responders] } },
    limitPerSecond: PLATFORM_LIMIT,
  });
  const log = createLogger('silent');
  const jobs = await startJobQueue(database.pool, log, { pollingSeconds: 0.5 });
  const bot = createBenchBot(database.pool, jobs, { waveSize: ALERTS });
  const slack = new SlackAdapter({
    botToken: 'xoxb-bench',
    signingSecret: 'bench',
    incidentChannel: 'C0INCIDENTS',
    leads: [],
    port: 0,
    host: '127.0.0.1',
    apiUrl: fake.apiUrl,
    log,
    messagesPerSecond: PACING || undefined,
  });
  try {
    await slack.start(bot);
    await jobs.work(bot);
    await database.pool.query(
      `INSERT INTO responders (collective_id, member_id, active, platforms, daily_cap)
       SELECT 'default', 'slack:${team}:U' || lpad(g::text, 4, '0'), true, '{}', 50 FROM generate_series(1, $1) g
       ON CONFLICT DO NOTHING`,
      [ALERTS],
    );
    const isAlert = (call: { method: string; body: Record<string, unknown> }) =>
      call.method === 'chat.postMessage' && /^U\d{4}$/.test(String(call.body.channel));
    const started = performance.now();
    await bot.handle({
      actor: { id: `slack:${team}:UREPORTER`, name: 'reporter', isLead: false },
      delivery: { platform: 'bench', id: `fanout-${run}-${Date.now()}` },
      request: { name: 'flag', input: { text: `https://x.com/BenchTroll/status/${run + 1}` } },
    });
    await fake.waitForCalls('chat.postMessage', ALERTS, 120_000);
    const seconds = (performance.now() - started) / 1000;
    const rateLimited = fake.calls.filter((call) => isAlert(call)).length - ALERTS;
    return { seconds, ratio: seconds / BOUND_SECONDS, rateLimited };
  } finally {
    await jobs.stop();
    await slack.stop();
    await fake.close();
  }
}
