import { setTimeout as sleep } from 'node:timers/promises';
import { envSchema } from '../src/config/config-schema.ts';
import { DEFAULT_RALLY_POLICY } from '../src/core/rally/rally-policy.ts';
import { startJobQueue } from '../src/jobs/job-queue.ts';
import { createLogger } from '../src/log/logger.ts';
import { postFormToApp, slashCommandFields } from '../tests/fakes/fake-slack.ts';
import { createBenchBot } from './bench-bot.ts';
import type { BenchDatabase } from './bench-database.ts';
import { BENCH_CHANNEL, BENCH_SLACK_SECRET, BENCH_TEAM, benchSlack } from './bench-slack.ts';
import { alertIncidentId, firstAlertLatencies } from './first-alerts.ts';
import { percentile } from './stats.ts';

/** Flags measured per run, after WARM_UP unmeasured ones. */
export const ALERT_FLAGS = 60;
const WARM_UP = 5;
const WAVE = DEFAULT_RALLY_POLICY.waveSize;
/** `shieldwall start`'s pacing of private messages (RALLY_MESSAGES_PER_SECOND unset). */
export const ALERT_PACING = envSchema.shape.RALLY_MESSAGES_PER_SECOND.parse(undefined);
/** The pause after a flag's reply, card and alerts are all out, before the next flag. */
const GAP_MS = 50;
/**
 * Flags are also sent at least the time one wave takes of the pacing apart, so the alerts of the waves before
 * never hold a flag's first alert back: that is the bound for many waves in quick succession (B5), not this.
 */
export const SPACING_MS = Math.ceil((1000 * WAVE) / ALERT_PACING);
const SECRET = BENCH_SLACK_SECRET;
const TEAM = BENCH_TEAM;
const CHANNEL = BENCH_CHANNEL;
/** Members of the incident channel, each opted in as a responder; each flags a post of their own in turn. */
const MEMBERS = Array.from({ length: 200 }, (_, i) => `UR${String(i).padStart(3, '0')}`);

export interface AlertLatencyRun {
  p50: number;
  p99: number;
}

/**
 * B7: from a member's `/flag` to the first alert of its first wave at a fake Slack, as the member's colleagues
 * would get it. Signed requests to the real Slack adapter, the core, the rally store, pg-boss's delivery jobs
 * and the adapter's paced Web API client, all as `shieldwall start` sets them up. Each flag is a self-flag of a
 * new post in the default category, so the target has already chosen support and the wave goes out at once.
 * One flag at a time: the next is sent once the last one's reply, card and alerts are all out, GAP_MS later.
 */
export async function runAlertLatency(database: BenchDatabase, run: number): Promise<AlertLatencyRun> {
  const log = createLogger('silent');
  const jobs = await startJobQueue(database.pool, log);
  const bot = createBenchBot(database.pool, jobs);
  const { fake, adapter } = await benchSlack(MEMBERS, log, ALERT_PACING);
  try {
    await adapter.start(bot);
    await jobs.work(bot);
    await database.pool.query(
      `INSERT INTO responders (collective_id, member_id, active, platforms, daily_cap)
       SELECT 'default', 'slack:${TEAM}:' || m, true, '{}', 50 FROM unnest($1::text[]) m ON CONFLICT DO NOTHING`,
      [MEMBERS],
    );
    const url = `http://127.0.0.1:${adapter.port}/slack/events`;
    const sentAt: number[] = [];
    for (let flag = 0; flag < WARM_UP + ALERT_FLAGS; flag += 1) {
      const fields = slashCommandFields({
        command: '/flag',
        text: `https://x.com/BenchTroll/status/7${run}${String(flag).padStart(4, '0')} harassment`,
        userId: MEMBERS[flag % MEMBERS.length] as string,
        teamId: TEAM,
        channelId: CHANNEL,
        responseUrl: fake.responseUrl(`alert-${run}-${flag}`),
      });
      // The fake stamps arrivals with Date.now() in its own thread; the same clock here.
      sentAt.push(Date.now());
      const answer = await postFormToApp(url, SECRET, fields);
      if (answer.status !== 200) throw new Error(`flag ${flag}: Slack would have seen HTTP ${answer.status}`);
      await fake.waitForResponseUrlPosts(flag + 1, 30_000);
      // Each flag posts its card and its wave's alerts.
      await fake.waitForCalls('chat.postMessage', (flag + 1) * (WAVE + 1), 30_000);
      await sleep(Math.max(GAP_MS, (sentAt.at(-1) as number) + SPACING_MS - Date.now()));
    }
    const alerts = (await fake.callsTo('chat.postMessage')).flatMap(({ body, at }) => {
      const incidentId = alertIncidentId(body);
      return incidentId === undefined ? [] : [{ incidentId, at }];
    });
    const latencies = firstAlertLatencies(sentAt, alerts).slice(WARM_UP);
    return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
  } finally {
    await adapter.stop();
    await jobs.stop();
    await fake.close();
  }
}
