import type { AddressInfo } from 'node:net';
import { App, LogLevel, webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack, postFormToApp, slashCommandFields } from './fake-slack.ts';

const SECRET = 'secret';
let fake: FakeSlack | undefined;
let stopApp: (() => Promise<unknown>) | undefined;

afterEach(async () => {
  await stopApp?.();
  stopApp = undefined;
  await fake?.close();
  fake = undefined;
});

async function startFake(): Promise<FakeSlack> {
  fake = await FakeSlack.start({
    channels: { CPRIV: { isPrivate: true, members: ['UALICE', 'UBOT'] } },
    users: { UALICE: { name: 'alice', realName: 'Alice A' } },
  });
  return fake;
}

/** A real Bolt app in HTTP mode; `app.start(0)` makes HTTPReceiver listen on a free port (all interfaces). */
async function startHttpApp(slack: FakeSlack): Promise<string> {
  const app = new App({
    token: 'xoxb-test',
    signingSecret: SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
  app.command('/ping', async ({ ack, respond }) => {
    await ack();
    await respond({ text: 'pong' });
  });
  const server = (await app.start(0)) as { address(): AddressInfo };
  stopApp = () => app.stop();
  return `http://127.0.0.1:${server.address().port}/slack/events`;
}

function pingFields(slack: FakeSlack): Record<string, string> {
  return slashCommandFields({
    command: '/ping',
    text: '',
    userId: 'UALICE',
    teamId: slack.teamId,
    channelId: 'CPRIV',
    responseUrl: slack.responseUrl('ping-1'),
  });
}

describe('FakeSlack with a real Bolt app over HTTP', () => {
  it('answers auth.test at start and records a respond() post to the response_url', async () => {
    const slack = await startFake();
    const url = await startHttpApp(slack);

    const reply = await postFormToApp(url, SECRET, pingFields(slack));

    expect(reply.status).toBe(200);
    const [post] = await slack.waitForResponseUrlPosts(1);
    expect(post).toEqual({ id: 'ping-1', body: { text: 'pong' } });
    const [authTest] = await slack.waitForCalls('auth.test');
    expect(authTest?.token).toBe('xoxb-test');
  });

  it('gets 401 for a wrong signature', async () => {
    const slack = await startFake();
    const url = await startHttpApp(slack);

    const reply = await postFormToApp(url, SECRET, pingFields(slack), { signature: 'v0=deadbeef' });

    expect(reply.status).toBe(401);
    expect(slack.responseUrlPosts).toEqual([]);
  });
});

describe('FakeSlack Web API', () => {
  it('answers 429 with Retry-After, and WebClient waits and retries', async () => {
    const slack = await startFake();
    slack.rateLimit('chat.postMessage', 1, 1);
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: slack.apiUrl,
      logLevel: webApi.LogLevel.ERROR,
      retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 },
    });

    const started = Date.now();
    const result = await client.chat.postMessage({
      channel: 'CPRIV',
      text: 'hi',
      blocks: [{ type: 'divider' }],
    });

    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(result.ok).toBe(true);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(2);
    const [call] = slack.callsTo('chat.postMessage');
    expect(call?.body).toEqual({ channel: 'CPRIV', text: 'hi', blocks: [{ type: 'divider' }] });
    expect(call?.token).toBe('xoxb-test');
  });

  it('pages conversations.members and answers channel and user lookups', async () => {
    const slack = await startFake();
    slack.setChannelMembers('CPRIV', ['U1', 'U2', 'U3', 'U4', 'U5']);
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl });

    const members: string[] = [];
    for await (const page of client.paginate('conversations.members', { channel: 'CPRIV', limit: 2 })) {
      members.push(...((page as { members?: string[] }).members ?? []));
    }

    expect(members).toEqual(['U1', 'U2', 'U3', 'U4', 'U5']);
    expect(slack.callsTo('conversations.members')).toHaveLength(3);
    const info = await client.conversations.info({ channel: 'CPRIV' });
    expect(info.channel?.is_private).toBe(true);
    const user = await client.users.info({ user: 'UALICE' });
    expect(user.user?.real_name).toBe('Alice A');
    await expect(client.users.info({ user: 'UNOBODY' })).rejects.toThrow(/user_not_found/);
  });
});

describe('FakeSlack Socket Mode', () => {
  it('delivers a slash command envelope and returns the ack', async () => {
    const slack = await startFake();
    const app = new App({
      token: 'xoxb-test',
      appToken: 'xapp-test',
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    app.command('/ping', async ({ ack }) => {
      await ack({ text: 'pong' });
    });
    await app.start();
    // stop() resolves before the close handshake; wait for it so no client timer outlives the test.
    stopApp = async () => {
      await app.stop();
      await slack.socket.disconnected();
    };
    await slack.socket.connected();

    const ack = await slack.socket.send('slash_commands', pingFields(slack));

    expect(ack.payload).toEqual({ text: 'pong' });
    expect(slack.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test');
  });
});
