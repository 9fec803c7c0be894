import { afterEach, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../adapters/discord/discord-adapter.ts';
import { SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { createBot } from '../../src/core/bot.ts';
import type { Bot } from '../../src/core/chat-adapter.ts';
import { NO_FLAG_LIMITS } from '../../src/core/limits/member-limits.ts';
import { DEFAULT_RALLY_POLICY } from '../../src/core/rally/rally-policy.ts';
import { createShieldwallRegistry } from '../../src/core/shieldwall-commands.ts';
import { startJobQueue } from '../../src/jobs/job-queue.ts';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { createPgRallyStore } from '../../src/ledger/rally-store.ts';
import { messageText as discordText } from '../adapters/discord-rig.ts';
import { messageText as slackText } from '../adapters/slack-rig.ts';
import { VIEW_AND_SEND, VIEW_CHANNEL } from '../fakes/discord-permissions.ts';
import { type DiscordRestCall, FakeDiscord } from '../fakes/fake-discord.ts';
import { FakeSlack, postFormToApp, type SlackApiCall, slashCommandFields } from '../fakes/fake-slack.ts';
import { capturingLogger, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { waitUntil } from '../support/wait-until.ts';

/**
 * Platform faults in the middle of a rally, end to end: the real core, rally store and pg-boss job queue on a
 * real ledger, the real adapters (Bolt's WebClient, discord.js) and fake platforms on 127.0.0.1 that refuse
 * calls or drop the gateway part-way through the fan-out. Whatever the platform does, every responder gets
 * each alert exactly once, and every queued message ends `sent`.
 */

const ledger = useFreshLedger();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// One wave alerts everyone, so the whole fan-out happens at once; production paces at 20 messages a second.
const settings = { ...testSettings, rally: { ...DEFAULT_RALLY_POLICY, waveSize: 50 } };
const PACING = 20;

/** The bot as `shieldwall start` builds it: ledger, rally store handing deliveries to a real pg-boss queue. */
async function botWithJobQueue(log: ReturnType<typeof capturingLogger>['log']) {
  const jobs = await startJobQueue(ledger.db.pool, log, { pollingSeconds: 0.5 });
  const bot = createBot({
    registry: createShieldwallRegistry(),
    ledger: createPgLedger(ledger.db.pool),
    settings,
    log,
    now: () => new Date(),
    rallyStore: createPgRallyStore(ledger.db.pool, jobs),
    flagLimiter: NO_FLAG_LIMITS,
  });
  return { bot, jobs };
}

async function signUpResponders(bot: Bot, memberIds: readonly string[]): Promise<void> {
  for (const [n, id] of memberIds.entries()) {
    const reply = await bot.handle({
      actor: { id, name: `responder ${n}`, isLead: false },
      delivery: { platform: 'test', id: `signup-${id}` },
      request: { name: 'responder', input: { text: 'on' } },
    });
    expect(reply.tone).toBe('success');
  }
}

/** The database's clock now, so a test counts only the delivery jobs it created (pg-boss keeps old ones). */
async function databaseNow(): Promise<Date> {
  return (await ledger.db.pool.query('SELECT now() AS now')).rows[0].now as Date;
}

/** Waits until every delivery job of this test has finished; a duplicate send would have happened by then. */
async function deliveryJobsSettled(
  since: Date,
  expected: number,
  timeoutMs = 10_000,
  others: Record<string, number> = {},
) {
  let states: Record<string, number> = {};
  const settled = (): boolean =>
    states.completed === expected &&
    Object.keys(states).length === 1 + Object.keys(others).length &&
    Object.entries(others).every(([state, n]) => states[state] === n);
  await waitUntil(
    () => (settled() ? states : undefined),
    timeoutMs,
    `${expected} completed delivery jobs`,
    async () => {
      const result = await ledger.db.pool.query(
        `SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'rally-deliver' AND created_on >= $1
         GROUP BY state`,
        [since],
      );
      states = Object.fromEntries(result.rows.map((row) => [String(row.state), Number(row.n)]));
    },
  );
  return states;
}

async function rallyMessages(): Promise<{ recipient: string; status: string; response: string | null }[]> {
  const result = await ledger.db.pool.query(
    `SELECT recipient, status, response FROM rally_messages WHERE kind = 'alert' ORDER BY recipient`,
  );
  return result.rows as { recipient: string; status: string; response: string | null }[];
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Pino writes one JSON object a line; level 50 and up are errors. */
function errorLines(written: string): string[] {
  return written.split('\n').filter((line) => line && Number(JSON.parse(line).level) >= 50);
}

// ---------------------------------------------------------------------------------------------------------------
// Slack

const TEAM = 'T0FAULTS';
const SLACK_INCIDENTS = 'C0INCIDENT';
const SECRET = 'faults-signing-secret';
const REPORTER = 'UANA';
const SLACK_RESPONDERS = Array.from({ length: 24 }, (_, i) => `UR${String(i + 1).padStart(2, '0')}`);

/** A direct message to a responder (the channel is the user id), as opposed to the card in the channel. */
const isSlackAlert = (body: Record<string, unknown>) => SLACK_RESPONDERS.includes(String(body.channel));

async function startSlack() {
  const fake = await FakeSlack.start({
    teamId: TEAM,
    // Responders are members of the incident channel: nobody else is ever alerted.
    channels: {
      [SLACK_INCIDENTS]: { isPrivate: true, members: [REPORTER, ...SLACK_RESPONDERS, 'UBOT'] },
    },
    users: { [REPORTER]: { name: 'ana', displayName: 'Ana Reyes' } },
  });
  cleanups.push(() => fake.close());
  const logs = capturingLogger('info');
  const { bot, jobs } = await botWithJobQueue(logs.log);
  const adapter = new SlackAdapter({
    botToken: 'xoxb-faults',
    signingSecret: SECRET,
    incidentChannel: SLACK_INCIDENTS,
    leads: [],
    port: 0,
    host: '127.0.0.1',
    apiUrl: fake.apiUrl,
    log: logs.log,
    messagesPerSecond: PACING,
    // WebClient's own retry policy, with short waits (its default spreads 10 retries over 30 minutes); a
    // Retry-After is still honoured in full.
    clientOptions: { retryConfig: { retries: 3, factor: 1, minTimeout: 20, maxTimeout: 50 } },
  });
  await adapter.start(bot);
  cleanups.push(() => adapter.stop());
  // Work starts once the adapter can send, as at start-up; it stops first (cleanups run in reverse).
  cleanups.push(() => jobs.stop());
  await jobs.work(bot);
  await signUpResponders(
    bot,
    SLACK_RESPONDERS.map((user) => `slack:${TEAM}:${user}`),
  );
  const flag = async (url: string) => {
    const fields = slashCommandFields({
      command: '/flag',
      text: `${url} harassment`,
      userId: REPORTER,
      teamId: TEAM,
      channelId: SLACK_INCIDENTS,
      responseUrl: fake.responseUrl('flag'),
    });
    const answer = await postFormToApp(`http://127.0.0.1:${adapter.port}/slack/events`, SECRET, fields);
    expect(answer.status).toBe(200);
  };
  return { fake, bot, logs, flag };
}

/** Every responder's alerts among the calls Slack accepted; refused attempts are not deliveries. */
function acceptedAlerts(fake: FakeSlack): Map<string, number> {
  return countBy(
    fake.callsTo('chat.postMessage').filter((call) => isSlackAlert(call.body)),
    (call) => String(call.body.channel),
  );
}

function refusedAlerts(fake: FakeSlack): SlackApiCall[] {
  return fake.calls.filter(
    (call) => call.method === 'chat.postMessage' && call.status !== 200 && isSlackAlert(call.body),
  );
}

async function expectEveryAlertOnce(fake: FakeSlack, since: Date): Promise<void> {
  await fake.waitForCalls('chat.postMessage', SLACK_RESPONDERS.length + 1, 10_000);
  expect(await deliveryJobsSettled(since, SLACK_RESPONDERS.length)).toEqual({
    completed: SLACK_RESPONDERS.length,
  });
  const accepted = acceptedAlerts(fake);
  expect([...accepted.keys()].sort()).toEqual(SLACK_RESPONDERS);
  const alerts = fake.callsTo('chat.postMessage').filter((call) => isSlackAlert(call.body));
  expect(alerts.every((call) => slackText(call.body).includes('needs colleagues: SW-'))).toBe(true);
  expect([...accepted.values()].every((n) => n === 1)).toBe(true);
  const messages = await rallyMessages();
  expect(messages.map((m) => m.recipient)).toEqual(SLACK_RESPONDERS.map((user) => `slack:${TEAM}:${user}`));
  expect(messages.every((m) => m.status === 'sent')).toBe(true);
  // The card went to the channel once too.
  expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === SLACK_INCIDENTS)).toHaveLength(1);
}

describe('Slack refusing calls in the middle of a rally fan-out', () => {
  it('HTTP 500s part-way: every responder gets the alert exactly once, and every message ends sent', async () => {
    const { fake, flag, logs } = await startSlack();
    // Three separate failures, well into the fan-out: the 6th alert is refused twice, the 10th and 17th once.
    fake.fail('chat.postMessage', 2, 500, { after: 5, when: isSlackAlert });
    fake.fail('chat.postMessage', 1, 500, { after: 3, when: isSlackAlert });
    fake.fail('chat.postMessage', 1, 500, { after: 6, when: isSlackAlert });
    const since = await databaseNow();
    await flag('https://x.com/SomeTroll/status/500');
    await expectEveryAlertOnce(fake, since);

    const refused = refusedAlerts(fake);
    expect(refused.map((call) => call.status)).toEqual([500, 500, 500, 500]);
    // Part-way: alerts were accepted before the first refusal and after the last.
    const alerts = fake.calls.filter((c) => c.method === 'chat.postMessage' && isSlackAlert(c.body));
    const firstRefusal = alerts.findIndex((c) => c.status !== 200);
    const lastRefusal = alerts.findLastIndex((c) => c.status !== 200);
    expect(alerts.slice(0, firstRefusal).every((c) => c.status === 200)).toBe(true);
    expect(firstRefusal).toBe(5);
    expect(alerts.length - 1 - lastRefusal).toBeGreaterThan(5);
    // Each refused responder was then reached, by a retry of the same message.
    for (const call of refused) expect(acceptedAlerts(fake).get(String(call.body.channel))).toBe(1);
    expect(new Set(refused.map((call) => call.body.channel)).size).toBeGreaterThanOrEqual(3);
    expect(errorLines(logs.written())).toEqual([]);
  });

  it('429s with Retry-After part-way: the wait is honoured, and every alert still goes out exactly once', async () => {
    const { fake, flag, logs } = await startSlack();
    fake.fail('chat.postMessage', 1, 429, { after: 4, when: isSlackAlert, retryAfterSeconds: 1 });
    fake.fail('chat.postMessage', 1, 429, { after: 9, when: isSlackAlert, retryAfterSeconds: 1 });
    const since = await databaseNow();
    await flag('https://x.com/SomeTroll/status/429');
    await expectEveryAlertOnce(fake, since);

    const refused = refusedAlerts(fake);
    expect(refused.map((call) => call.status)).toEqual([429, 429]);
    expect(new Set(refused.map((call) => call.body.channel)).size).toBe(2);
    for (const call of refused) {
      // The accepted retry came after Retry-After (1 s).
      const retry = fake
        .callsTo('chat.postMessage')
        .find((c) => c.body.channel === call.body.channel && c.at > call.at);
      expect((retry?.at ?? 0) - call.at).toBeGreaterThanOrEqual(1000);
    }
    expect(errorLines(logs.written())).toEqual([]);
  });

  it('one responder Slack refuses outright: the others are alerted at once, and only that alert waits to retry', async () => {
    const { fake, flag } = await startSlack();
    // A responder who left the workspace: Slack answers every message to them `user_not_found`, which
    // WebClient does not retry. Their delivery fails; it must not hold back anyone else's.
    const gone = 'UR13';
    fake.answer('chat.postMessage', (body) =>
      body.channel === gone ? { ok: false, error: 'user_not_found' } : {},
    );
    const since = await databaseNow();
    await flag('https://x.com/SomeTroll/status/404');
    const others = SLACK_RESPONDERS.filter((user) => user !== gone);
    const delivered = () =>
      fake.callsTo('chat.postMessage').filter((c) => isSlackAlert(c.body) && c.body.channel !== gone);
    // Everyone else has the alert on the first attempt. (When the refusal failed the whole batch, those queued
    // after it waited for pg-boss's retries, 5 s and more, and each retry could stop at it again.)
    await waitUntil(
      () => (delivered().length >= others.length ? true : undefined),
      10_000,
      'the other alerts',
    );
    const states = await deliveryJobsSettled(since, others.length, 10_000, { retry: 1 });
    expect(states).toEqual({ completed: others.length, retry: 1 });
    const firstTime = await ledger.db.pool.query(
      `SELECT count(*)::int AS n FROM pgboss.job
       WHERE name = 'rally-deliver' AND created_on >= $1 AND state = 'completed' AND retry_count = 0`,
      [since],
    );
    expect(firstTime.rows[0].n).toBe(others.length);
    const perRecipient = countBy(delivered(), (call) => String(call.body.channel));
    expect([...perRecipient.keys()].sort()).toEqual(others);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    const messages = await rallyMessages();
    expect(messages.filter((m) => m.status !== 'sent').map((m) => m.recipient)).toEqual([
      `slack:${TEAM}:${gone}`,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Discord

const GUILD = '1100000000000000002';
const INCIDENTS = '1200000000000000020';
const GENERAL = '1200000000000000021';
const MEMBER_ROLE = '1200000000000000010';
const BOT_USER = '1100000000000000001';
const ANA = '1300000000000000001';
const DISCORD_RESPONDERS = Array.from({ length: 20 }, (_, i) => String(1300000000000000100n + BigInt(i)));
/** A message to a DM channel: any channel but the incident channel (where the card goes). */
const DM_MESSAGE = new RegExp(`^/channels/(?!${INCIDENTS}/)\\d+/messages$`);
const CARD_EDIT = new RegExp(`^/channels/${INCIDENTS}/messages/\\d+$`);

async function startDiscord() {
  const fake = await FakeDiscord.start({
    guildId: GUILD,
    roles: { [MEMBER_ROLE]: { name: 'Collective', permissions: '0' } },
    channels: {
      [GENERAL]: { name: 'general' },
      [INCIDENTS]: {
        name: 'incidents',
        permissionOverwrites: [
          { id: GUILD, type: 0, allow: '0', deny: VIEW_CHANNEL },
          { id: MEMBER_ROLE, type: 0, allow: VIEW_AND_SEND, deny: '0' },
          { id: BOT_USER, type: 1, allow: VIEW_AND_SEND, deny: '0' },
        ],
      },
    },
    members: Object.fromEntries(
      [ANA, ...DISCORD_RESPONDERS].map((id, n) => [
        id,
        {
          username: n === 0 ? 'ana' : `r${n}`,
          globalName: n === 0 ? 'Ana Reyes' : `R ${n}`,
          roles: [MEMBER_ROLE],
        },
      ]),
    ),
    heartbeatIntervalMs: 300,
  });
  cleanups.push(() => fake.close());
  const logs = capturingLogger('info');
  const { bot, jobs } = await botWithJobQueue(logs.log);
  const adapter = new DiscordAdapter({
    token: 'discord-faults-token',
    incidentChannel: INCIDENTS,
    apiUrl: fake.apiUrl,
    log: logs.log,
    messagesPerSecond: PACING,
  });
  await adapter.start(bot);
  cleanups.push(() => adapter.stop());
  // Work starts once the adapter can send, as at start-up; it stops first (cleanups run in reverse).
  cleanups.push(() => jobs.stop());
  await jobs.work(bot);
  await signUpResponders(
    bot,
    DISCORD_RESPONDERS.map((user) => `discord:${GUILD}:${user}`),
  );
  return { fake, bot, logs };
}

/** The user a DM channel belongs to, asked of the fake as a client would (GET /channels/:id). */
async function dmRecipient(fake: FakeDiscord, channelId: string): Promise<string> {
  const response = await fetch(`${fake.apiUrl}/v10/channels/${channelId}`);
  const channel = (await response.json()) as { type: number; recipients: { id: string }[] };
  expect(channel.type).toBe(1);
  return String(channel.recipients[0]?.id);
}

const channelOf = (call: DiscordRestCall) => call.path.split('/')[2] ?? '';

describe('Discord dropping the gateway in the middle of a rally', () => {
  it('resumes; every alert is delivered once, and presses around the drop count once on the card', async () => {
    const { fake, logs } = await startDiscord();
    const since = await databaseNow();
    const flagged = await fake.interact({
      kind: 'command',
      name: 'flag',
      userId: ANA,
      channelId: GENERAL,
      options: [{ name: 'url', type: 3, value: 'https://x.com/SomeTroll/status/4000' }],
    });
    await fake.waitForCallback(flagged);
    await fake.waitForCalls('POST', new RegExp(`^/channels/${INCIDENTS}/messages$`));
    const cardId = [...fake.messages.values()].find((m) => m.channel_id === INCIDENTS)?.id;
    expect(cardId).toBeDefined();

    // Six alerts are out; the rest are still being sent (paced) when the gateway goes down.
    const firstSix = await fake.waitForCalls('POST', DM_MESSAGE, 6, 10_000);
    expect(firstSix).toHaveLength(6);
    // A responder presses "I replied with support" on the card just as the connection drops...
    const supported = fake.interact({
      kind: 'button',
      customId: 'sw:card:supported:1',
      userId: DISCORD_RESPONDERS[0] ?? '',
      channelId: INCIDENTS,
      messageId: String(cardId),
    });
    const dropped = fake.dropGateway(4000);
    const supportedId = await supported;
    await dropped;
    // ...and another presses "I'm on it" on their alert while it is down: Discord keeps it for the RESUME.
    const firstDm = firstSix[1] as DiscordRestCall;
    const onItMessage = [...fake.messages.values()].find((m) => m.channel_id === channelOf(firstDm));
    const onItUser = await dmRecipient(fake, channelOf(firstDm));
    const onItId = await fake.interact({
      kind: 'button',
      customId: 'sw:act:rally:on-it:1',
      userId: onItUser,
      channelId: INCIDENTS,
      messageId: String(onItMessage?.id),
    });
    await fake.ready(5000);
    // Resumed, never identified afresh (a busy machine may miss a heartbeat ACK and resume once more).
    expect(fake.identifies).toBe(1);
    expect(fake.resumes).toBeGreaterThanOrEqual(1);
    expect(fake.lostDispatches).toEqual([]);

    // Every alert delivered, once each, and every delivery job finished.
    await fake.waitForCalls('POST', DM_MESSAGE, DISCORD_RESPONDERS.length, 10_000);
    expect(await deliveryJobsSettled(since, DISCORD_RESPONDERS.length)).toEqual({
      completed: DISCORD_RESPONDERS.length,
    });
    const dms = fake.callsTo('POST', DM_MESSAGE);
    const perChannel = countBy(dms, channelOf);
    const recipients = await Promise.all([...perChannel.keys()].map((id) => dmRecipient(fake, id)));
    expect(recipients.sort()).toEqual([...DISCORD_RESPONDERS].sort());
    expect([...perChannel.values()].every((n) => n === 1)).toBe(true);
    expect(dms.every((call) => discordText(call.body).includes('needs colleagues: SW-1'))).toBe(true);
    const messages = await rallyMessages();
    expect(messages).toHaveLength(DISCORD_RESPONDERS.length);
    expect(messages.every((m) => m.status === 'sent')).toBe(true);

    // Each press was answered once, and recorded once.
    for (const id of [supportedId, onItId]) {
      expect(fake.callbacksFor(id).filter((c) => c.path.endsWith('/callback'))).toHaveLength(1);
    }
    await waitUntil(
      () => fake.callbacksFor(onItId).find((c) => c.method === 'PATCH'),
      5000,
      'the answer to "I\'m on it"',
    );
    expect(discordText(fake.callbacksFor(onItId).find((c) => c.method === 'PATCH')?.body)).toContain(
      "you're on SW-1",
    );
    expect(messages.filter((m) => m.response === 'on-it').map((m) => m.recipient)).toEqual([
      `discord:${GUILD}:${onItUser}`,
    ]);
    const actions = await ledger.db.pool.query('SELECT member_id, action FROM incident_actions');
    expect(actions.rows).toEqual([
      { member_id: `discord:${GUILD}:${DISCORD_RESPONDERS[0]}`, action: 'supported' },
    ]);
    const counted = '20 alerted · 1 on it · 1 replied with support';
    await waitUntil(
      () => fake.callsTo('PATCH', CARD_EDIT).find((c) => discordText(c.body).includes(counted)),
      5000,
      'the card to count both presses',
    );
    const lastEdit = fake.callsTo('PATCH', CARD_EDIT).at(-1);
    expect(discordText(lastEdit?.body)).toContain(counted);
    expect(fake.callsTo('POST', new RegExp(`^/channels/${INCIDENTS}/messages$`))).toHaveLength(1);
    expect(errorLines(logs.written())).toEqual([]);
  });
});
