import type { Logger } from 'pino';
import { SlackAdapter } from '../adapters/slack/slack-adapter.ts';
import { FakeSlackThread } from './fake-slack-thread.ts';

export const BENCH_SLACK_SECRET = 'bench-signing-secret';
export const BENCH_TEAM = 'T0BENCH';
export const BENCH_CHANNEL = 'C0INCIDENTS';

/** A fake Slack on a thread of its own with the incident channel's members, and a real Slack adapter on it. */
export async function benchSlack(
  members: string[],
  log: Logger,
  messagesPerSecond?: number,
): Promise<{ fake: FakeSlackThread; adapter: SlackAdapter }> {
  const fake = await FakeSlackThread.start({
    teamId: BENCH_TEAM,
    channels: { [BENCH_CHANNEL]: { isPrivate: true, members } },
  });
  const adapter = new SlackAdapter({
    botToken: 'xoxb-bench',
    signingSecret: BENCH_SLACK_SECRET,
    incidentChannel: BENCH_CHANNEL,
    leads: [],
    port: 0,
    host: '127.0.0.1',
    apiUrl: fake.apiUrl,
    log,
    ...(messagesPerSecond === undefined ? {} : { messagesPerSecond }),
  });
  return { fake, adapter };
}
