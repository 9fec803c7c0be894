import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackAdapter, type SlackWorkspaceOptions } from '../../adapters/slack/slack-adapter.ts';
import { type Bot, fleetOf } from '../../src/core/chat-adapter.ts';
import {
  blockActionPayload,
  eventCallback,
  FakeSlack,
  postFormToApp,
  postJsonToApp,
  slashCommandFields,
  uniqueTriggerId,
  viewSubmissionPayload,
} from '../fakes/fake-slack.ts';
import {
  capturingLogger,
  countRows,
  createTestBot,
  expectLedgerEmpty,
  testSettings,
} from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { waitUntil } from '../support/wait-until.ts';
import { messageText } from './slack-rig.ts';

// Two workspaces, each its own collective's; T3 has the app installed but no collective here is served in it.
const SECRET = 'test-signing-secret';
const ONTARIO = { team: 'T1ONTARIO', token: 'xoxb-ontario', channel: 'C1INCIDENT' } as const;
const ALBERTA = { team: 'T2ALBERTA', token: 'xoxb-alberta', channel: 'C2INCIDENT' } as const;
const UNSERVED_TEAM = 'T3ELSEWHERE';
// Lee is in both incident channels (one person across an Enterprise Grid), but leads only Ontario's collective.
const ANA = 'UANA';
const BEN = 'UBEN';
const LEE = 'ULEE';

const ledger = useFreshLedger();
let fake: FakeSlack;
let adapter: SlackAdapter;
let bots: { ontario: Bot; alberta: Bot };

function workspaces(overrides: Partial<Record<'ontario' | 'alberta', Partial<SlackWorkspaceOptions>>> = {}) {
  return [
    {
      collectiveId: 'ontario',
      teamId: ONTARIO.team,
      botToken: ONTARIO.token,
      incidentChannel: ONTARIO.channel,
      leads: [LEE],
      ...overrides.ontario,
    },
    {
      collectiveId: 'alberta',
      teamId: ALBERTA.team,
      botToken: ALBERTA.token,
      incidentChannel: ALBERTA.channel,
      leads: [BEN],
      ...overrides.alberta,
    },
  ];
}

function newAdapter(list: SlackWorkspaceOptions[], mode: 'http' | 'socket' = 'http'): SlackAdapter {
  return new SlackAdapter({
    workspaces: list,
    ...(mode === 'socket' ? { appToken: 'xapp-one-app' } : { signingSecret: SECRET }),
    port: 0,
    host: '127.0.0.1',
    apiUrl: fake.apiUrl,
    log: capturingLogger('info').log,
    clientOptions: { retryConfig: { retries: 1, factor: 1, minTimeout: 20, maxTimeout: 50 } },
  });
}

beforeEach(async () => {
  await ledger.db.pool.query(`INSERT INTO collectives (id) VALUES ('ontario'), ('alberta')`);
  fake = await FakeSlack.start({
    teamId: UNSERVED_TEAM,
    teams: { [ONTARIO.token]: ONTARIO.team, [ALBERTA.token]: ALBERTA.team },
    channels: {
      [ONTARIO.channel]: { isPrivate: true, teamId: ONTARIO.team, members: [ANA, LEE, 'UBOT'] },
      [ALBERTA.channel]: { isPrivate: true, teamId: ALBERTA.team, members: [BEN, LEE, 'UBOT'] },
    },
    users: {
      [ANA]: { name: 'ana', displayName: 'Ana Reyes' },
      [BEN]: { name: 'ben', displayName: 'Ben Okafor' },
      [LEE]: { name: 'lee', displayName: 'Lee Park' },
    },
  });
  const bot = (collectiveId: string) =>
    createTestBot(ledger.db, { settings: { ...testSettings, collectiveId } });
  bots = { ontario: bot('ontario'), alberta: bot('alberta') };
  adapter = newAdapter(workspaces());
  await adapter.start(fleetOf([bots.ontario, bots.alberta]));
});

afterEach(async () => {
  await adapter.stop();
  await Promise.all([bots.ontario.idle(), bots.alberta.idle()]);
  await fake.close();
});

const eventsUrl = () => `http://127.0.0.1:${adapter.port}/slack/events`;

async function slash(team: string, user: string, command: string, text: string) {
  const responseId = `cmd-${uniqueTriggerId()}`;
  const fields = slashCommandFields({
    command: `/${command}`,
    text,
    userId: user,
    teamId: team,
    channelId: team === ALBERTA.team ? ALBERTA.channel : ONTARIO.channel,
    responseUrl: fake.responseUrl(responseId),
  });
  return { ...(await postFormToApp(eventsUrl(), SECRET, fields)), responseId };
}

async function press(team: string, user: string, action: string, incidentId: number) {
  const responseId = `btn-${uniqueTriggerId()}`;
  const payload = blockActionPayload({
    userId: user,
    teamId: team,
    channelId: team === ALBERTA.team ? ALBERTA.channel : ONTARIO.channel,
    messageTs: '1700000000.000100',
    actionId: `sw_card_${action}`,
    value: String(incidentId),
    blockId: `incident:${incidentId}`,
    responseUrl: fake.responseUrl(responseId),
  });
  await postFormToApp(eventsUrl(), SECRET, { payload: JSON.stringify(payload) });
  return responseId;
}

async function privateReply(responseId: string): Promise<string> {
  const post = await waitUntil(
    () => fake.responseUrlPosts.find((p) => p.id === responseId),
    5000,
    'the fake Slack',
  );
  return messageText(post.body);
}

async function run(team: string, user: string, command: string, text: string): Promise<string> {
  return privateReply((await slash(team, user, command, text)).responseId);
}

const cardPostsIn = (channel: string) =>
  fake.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);

async function incidentIdOf(collectiveId: string): Promise<number> {
  const found = await ledger.db.pool.query('SELECT id FROM incidents WHERE collective_id = $1', [
    collectiveId,
  ]);
  return Number(found.rows[0].id);
}

describe('Slack: several workspaces, one app', () => {
  it("each workspace's flag is its own collective's, and its card goes to its own channel with its own token", async () => {
    expect(await run(ONTARIO.team, ANA, 'flag', 'https://x.com/OntarioTroll/status/1 harassment')).toContain(
      'Recorded as',
    );
    expect(await run(ALBERTA.team, BEN, 'flag', 'https://x.com/AlbertaTroll/status/2 hate')).toContain(
      'Recorded as',
    );
    await fake.waitForCalls('chat.postMessage', 2);

    const [ontarioCard, ...moreOntario] = cardPostsIn(ONTARIO.channel);
    const [albertaCard, ...moreAlberta] = cardPostsIn(ALBERTA.channel);
    expect([moreOntario, moreAlberta]).toEqual([[], []]);
    expect([ontarioCard?.token, ontarioCard?.team]).toEqual([ONTARIO.token, ONTARIO.team]);
    expect([albertaCard?.token, albertaCard?.team]).toEqual([ALBERTA.token, ALBERTA.team]);
    expect(messageText(ontarioCard?.body ?? {})).toContain('Ana Reyes');
    expect(messageText(albertaCard?.body ?? {})).toContain('Ben Okafor');
    const incidents = await ledger.db.pool.query(
      'SELECT collective_id FROM incidents ORDER BY collective_id',
    );
    expect(incidents.rows.map((row) => row.collective_id)).toEqual(['alberta', 'ontario']);
  });

  it("a card button from another workspace finds nothing of the first collective's incident, and changes nothing", async () => {
    await run(ONTARIO.team, ANA, 'flag', 'https://x.com/OntarioTroll/status/3 harassment');
    await fake.waitForCalls('chat.postMessage', 1);
    const incidentId = await incidentIdOf('ontario');

    const across = await privateReply(await press(ALBERTA.team, BEN, 'supported', incidentId));
    expect(across).toContain("can't find");
    await Promise.all([bots.ontario.idle(), bots.alberta.idle()]);
    expect(await countRows(ledger.db, 'incident_actions')).toBe(0);
    expect(fake.callsTo('chat.update')).toEqual([]);

    // The same button in the incident's own workspace counts: the id was the incident's.
    expect(await privateReply(await press(ONTARIO.team, LEE, 'supported', incidentId))).toContain(
      'Your support is counted',
    );
    expect(await countRows(ledger.db, 'incident_actions')).toBe(1);
  });

  it('a command or button from a workspace no collective is served in is told so kindly, and nothing is written', async () => {
    const { status, body } = await slash(UNSERVED_TEAM, ANA, 'flag', 'https://x.com/Someone/status/4 threat');
    expect(status).toBe(200);
    const answer = JSON.parse(body) as { response_type: string; text: string };
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain("Shieldwall isn't set up for this workspace yet");

    const pressed = await privateReply(await press(UNSERVED_TEAM, ANA, 'supported', 1));
    expect(pressed).toContain("Shieldwall isn't set up for this workspace yet");
    await Promise.all([bots.ontario.idle(), bots.alberta.idle()]);
    await expectLedgerEmpty(ledger.db);
    expect(fake.calls.filter((call) => call.team === UNSERVED_TEAM)).toEqual([]);
  });

  it("a lead of one collective is not a lead in another collective's workspace", async () => {
    expect(await run(ONTARIO.team, LEE, 'digest', '2026-W47')).toContain('Digest for 2026-W47');
    expect(await run(ALBERTA.team, LEE, 'digest', '2026-W47')).toContain(
      'Only association leads can use /digest.',
    );
  });

  it('downloads a screenshot with the token of the workspace the form came from', async () => {
    const url = fake.serveFile('F2SHOT', 'shot.png', new Uint8Array(300).fill(7));
    const values = {
      url: { url: { type: 'plain_text_input', value: 'https://x.com/AlbertaTroll/status/5' } },
      screenshots: {
        screenshots: {
          type: 'file_input',
          files: [
            { id: 'F2SHOT', name: 'shot.png', mimetype: 'image/png', size: 300, url_private_download: url },
          ],
        },
      },
    };
    const metadata = JSON.stringify({ responseUrl: fake.responseUrl('alberta-shot') });
    const payload = viewSubmissionPayload({
      userId: BEN,
      teamId: ALBERTA.team,
      callbackId: 'sw_form_flag',
      privateMetadata: metadata,
      values,
    });
    await postFormToApp(eventsUrl(), SECRET, { payload: JSON.stringify(payload) });
    expect(await privateReply('alberta-shot')).toContain('Recorded as');
    expect(fake.fileDownloads).toEqual([
      { path: '/files-pri/F2SHOT/shot.png', authorization: `Bearer ${ALBERTA.token}` },
    ]);
    expect(await incidentIdOf('alberta')).toBeGreaterThan(0);
  });
});

async function isResponder(memberId: string): Promise<boolean> {
  const found = await ledger.db.pool.query('SELECT active FROM responders WHERE member_id = $1', [memberId]);
  return found.rows[0]?.active === true;
}

describe('Slack: several workspaces, events and Socket Mode', () => {
  it("leaving one workspace's incident channel ends being a responder in its collective only", async () => {
    await run(ONTARIO.team, LEE, 'responder', 'on');
    await run(ALBERTA.team, LEE, 'responder', 'on');
    expect([
      await isResponder(`slack:${ONTARIO.team}:${LEE}`),
      await isResponder(`slack:${ALBERTA.team}:${LEE}`),
    ]).toEqual([true, true]);
    const left = (team: string, channel: string) =>
      postJsonToApp(
        eventsUrl(),
        SECRET,
        eventCallback({
          teamId: team,
          event: { type: 'member_left_channel', user: LEE, channel, channel_type: 'G', team },
        }),
      );
    // Lee leaves Alberta's channel: a lead only in Ontario, so Alberta's collective loses a responder.
    fake.setChannelMembers(ALBERTA.channel, [BEN, 'UBOT']);
    await left(ALBERTA.team, ALBERTA.channel);
    let active = true;
    await waitUntil(
      () => (active ? undefined : true),
      5000,
      "Lee to stop being Alberta's responder",
      async () => {
        active = await isResponder(`slack:${ALBERTA.team}:${LEE}`);
      },
    );
    expect(await isResponder(`slack:${ONTARIO.team}:${LEE}`)).toBe(true);
  });

  it('serves every workspace through one Socket Mode connection', async () => {
    await adapter.stop();
    adapter = newAdapter(workspaces(), 'socket');
    await adapter.start(fleetOf([bots.ontario, bots.alberta]));
    await fake.socket.connected();
    const fields = (team: string, user: string, text: string) =>
      slashCommandFields({
        command: '/flag',
        text,
        userId: user,
        teamId: team,
        channelId: ALBERTA.channel,
        responseUrl: fake.responseUrl(),
      });
    await fake.socket.send(
      'slash_commands',
      fields(ALBERTA.team, BEN, 'https://x.com/AlbertaTroll/status/9 hate'),
    );
    const [card] = await fake.waitForCalls('chat.postMessage');
    expect([card?.body.channel, card?.token]).toEqual([ALBERTA.channel, ALBERTA.token]);

    const refused = await fake.socket.send(
      'slash_commands',
      fields(UNSERVED_TEAM, BEN, 'https://x.com/AlbertaTroll/status/10 hate'),
    );
    expect(JSON.stringify(refused.payload)).toContain("Shieldwall isn't set up for this workspace yet");
    await bots.alberta.idle();
    expect(await countRows(ledger.db, 'incidents')).toBe(1);
  });
});

describe('Slack: several workspaces, refused at start-up', () => {
  it('refuses a token that belongs to another workspace than its collective names', async () => {
    const wrong = newAdapter(workspaces({ ontario: { botToken: ALBERTA.token } }));
    await expect(wrong.start(fleetOf([bots.ontario, bots.alberta]))).rejects.toThrow(
      /collective "ontario" belongs to workspace T2ALBERTA, not T1ONTARIO/,
    );
    await wrong.stop();
  });

  it('refuses a workspace whose collective has no bot here', async () => {
    const orphan = newAdapter(workspaces({ alberta: { collectiveId: 'quebec' } }));
    await expect(orphan.start(fleetOf([bots.ontario, bots.alberta]))).rejects.toThrow(/collective "quebec"/);
    await orphan.stop();
  });
});
