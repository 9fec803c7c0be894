import type { AddressInfo } from 'node:net';
import { App, LogLevel, webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import {
  blockActionPayload,
  eventCallback,
  FakeSlack,
  postFormToApp,
  postJsonToApp,
  slashCommandFields,
  viewSubmissionPayload,
} from './fake-slack.ts';

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
async function startHttpApp(slack: FakeSlack, setup: (app: App) => void = () => {}): Promise<string> {
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
  setup(app);
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
  it('builds action, modal and event payloads that reach the matching Bolt listeners', async () => {
    const slack = await startFake();
    const seen: string[] = [];
    const url = await startHttpApp(slack, (app) => {
      app.action('confirm', async ({ ack, action }) => {
        await ack();
        seen.push(`action:${'value' in action ? action.value : ''}`);
      });
      app.view('report', async ({ ack, view }) => {
        await ack({
          response_action: 'errors',
          errors: { reason: `bad ${view.state.values.reason?.text?.value}` },
        });
      });
      app.event('app_mention', async ({ event }) => {
        seen.push(`mention:${event.text}`);
      });
    });
    const user = { userId: 'UALICE', teamId: slack.teamId };
    const click = blockActionPayload({
      ...user,
      channelId: 'CPRIV',
      messageTs: '1700000000.000100',
      actionId: 'confirm',
      value: 'yes',
      responseUrl: slack.responseUrl(),
    });
    const submit = viewSubmissionPayload({
      ...user,
      callbackId: 'report',
      values: { reason: { text: { type: 'plain_text_input', value: 'x' } } },
    });
    const mention = eventCallback({
      teamId: slack.teamId,
      event: { type: 'app_mention', user: 'UALICE', text: '<@UBOT> hi', ts: '1.2', channel: 'CPRIV' },
    });

    expect((await postFormToApp(url, SECRET, { payload: JSON.stringify(click) })).status).toBe(200);
    const modal = await postFormToApp(url, SECRET, { payload: JSON.stringify(submit) });
    expect(JSON.parse(modal.body)).toEqual({ response_action: 'errors', errors: { reason: 'bad x' } });
    expect((await postJsonToApp(url, SECRET, mention, { retryNum: 1 })).status).toBe(200);
    await expect.poll(() => seen).toEqual(['action:yes', 'mention:<@UBOT> hi']);
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
    slack.answer('conversations.info', { channel: { is_private: false } });
    const overridden = await client.conversations.info({ channel: 'CPRIV' });
    expect(overridden.channel).toMatchObject({ id: 'CPRIV', is_private: false, num_members: 5 });
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
