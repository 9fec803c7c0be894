import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEW_AND_SEND, VIEW_CHANNEL } from '../fakes/discord-permissions.ts';
import { FakeDiscord } from '../fakes/fake-discord.ts';
import { FakeSlack, postFormToApp, slashCommandFields } from '../fakes/fake-slack.ts';
import { BotProcess } from '../support/bot-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { freePort, waitUntil } from '../support/wait-until.ts';

// Three associations in one process: two on Slack (a workspace each), one on Discord.
const SECRET = 'several-signing-secret';
const ONTARIO = {
  team: 'T1ONTARIO',
  token: 'xoxb-ontario',
  incidents: 'C1INCIDENT',
  leads: 'C1LEADS',
} as const;
const ALBERTA = {
  team: 'T2ALBERTA',
  token: 'xoxb-alberta',
  incidents: 'C2INCIDENT',
  leads: 'C2LEADS',
} as const;
const GUILD = '1100000000000000002';
const DISCORD = {
  incidents: '1200000000000000020',
  leads: '1200000000000000021',
  role: '1200000000000000010',
};
const LEAD_ROLE = '1200000000000000011';
const DISCORD_ANA = '1300000000000000001';

const COLLECTIVES = `collectives:
  - id: ontario-md
    name: Ontario Physicians
    timezone: America/Toronto
    slack: { team: ${ONTARIO.team}, botToken: ${ONTARIO.token}, incidentChannel: ${ONTARIO.incidents}, leadsChannel: ${ONTARIO.leads}, leads: [ULEE] }
  - id: alberta-md
    name: Alberta Physicians
    timezone: America/Edmonton
    slack: { team: ${ALBERTA.team}, botToken: ${ALBERTA.token}, incidentChannel: ${ALBERTA.incidents}, leadsChannel: ${ALBERTA.leads}, leads: [UBEA] }
  - id: manitoba-md
    name: Manitoba Physicians
    language: fr
    discord: { guild: "${GUILD}", incidentChannel: "${DISCORD.incidents}", leadsChannel: "${DISCORD.leads}", leadRole: "${LEAD_ROLE}" }
`;

function privateChannel(name: string) {
  return {
    name,
    permissionOverwrites: [
      { id: GUILD, type: 0 as const, allow: '0', deny: VIEW_CHANNEL },
      { id: DISCORD.role, type: 0 as const, allow: VIEW_AND_SEND, deny: '0' },
      { id: '1100000000000000001', type: 1 as const, allow: VIEW_AND_SEND, deny: '0' },
    ],
  };
}

let db: TestDatabase;
let folder: string;
beforeAll(async () => {
  db = await createTestDatabase();
  folder = await mkdtemp(path.join(os.tmpdir(), 'shieldwall-several-'));
});
afterAll(async () => {
  await db.drop();
  await rm(folder, { recursive: true, force: true });
});

describe('several collectives in one process, from a collectives file', () => {
  it('serves each in its own workspace or server, with its own leads and digest, sharing only counts', async () => {
    const slack = await FakeSlack.start({
      teams: { [ONTARIO.token]: ONTARIO.team, [ALBERTA.token]: ALBERTA.team },
      channels: {
        [ONTARIO.incidents]: { isPrivate: true, teamId: ONTARIO.team, members: ['UANA', 'ULEE', 'UBOT'] },
        [ONTARIO.leads]: { isPrivate: true, teamId: ONTARIO.team, members: ['ULEE', 'UBOT'] },
        [ALBERTA.incidents]: { isPrivate: true, teamId: ALBERTA.team, members: ['UBEN', 'UBEA', 'UBOT'] },
        [ALBERTA.leads]: { isPrivate: true, teamId: ALBERTA.team, members: ['UBEA', 'UBOT'] },
      },
      users: {
        UANA: { name: 'ana', displayName: 'Ana in Ontario' },
        ULEE: { name: 'lee', displayName: 'Lee in Ontario' },
        UBEN: { name: 'ben', displayName: 'Ben in Alberta' },
        UBEA: { name: 'bea', displayName: 'Bea in Alberta' },
      },
    });
    const discord = await FakeDiscord.start({
      guildId: GUILD,
      roles: {
        [DISCORD.role]: { name: 'Collective', permissions: '0' },
        [LEAD_ROLE]: { name: 'Leads', permissions: '0' },
      },
      channels: {
        [DISCORD.incidents]: privateChannel('incidents'),
        [DISCORD.leads]: privateChannel('leads'),
      },
      members: { [DISCORD_ANA]: { username: 'ana', globalName: 'Ana au Manitoba', roles: [DISCORD.role] } },
    });
    const config = path.join(folder, 'collectives.yaml');
    await writeFile(config, COLLECTIVES, { mode: 0o600 });
    const port = await freePort();
    const bot = new BotProcess({
      DATABASE_URL: db.url,
      SHIELDWALL_PSEUDONYM_KEY: db.pseudonymKey,
      SHIELDWALL_CONFIG: config,
      PORT: String(port),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-several-token',
      DISCORD_API_URL: discord.apiUrl,
      CAPTURE: 'off',
    });
    const slash = async (team: string, user: string, channel: string, command: string, text: string) => {
      const responseUrl = slack.responseUrl();
      const fields = slashCommandFields({
        command,
        text,
        userId: user,
        teamId: team,
        channelId: channel,
        responseUrl,
      });
      expect((await postFormToApp(`http://127.0.0.1:${port}/slack/events`, SECRET, fields)).status).toBe(200);
      const id = responseUrl.split('/').at(-1);
      const answer = await waitUntil(
        () => slack.responseUrlPosts.find((post) => post.id === id),
        15_000,
        `the answer to ${command} in ${team}`,
      );
      return JSON.stringify(answer.body);
    };
    try {
      await bot.waitFor('Slack adapter ready');
      await bot.waitFor('Discord adapter ready');
      // Each collective's digest of last week reached its own leads' channel, through its own workspace.
      const digests = await slack.waitForCalls('chat.postMessage', 2, 15_000);
      expect(digests.map((call) => [call.team, call.body.channel]).sort()).toEqual([
        [ONTARIO.team, ONTARIO.leads],
        [ALBERTA.team, ALBERTA.leads],
      ]);
      await discord.waitForCalls('POST', new RegExp(`^/channels/${DISCORD.leads}/messages$`), 1, 15_000);

      // The same account attacks a member of each.
      await slash(
        ONTARIO.team,
        'UANA',
        ONTARIO.incidents,
        '/flag',
        'https://x.com/SharedTroll/status/1 threat ontario words',
      );
      await slash(
        ALBERTA.team,
        'UBEN',
        ALBERTA.incidents,
        '/flag',
        'https://x.com/SharedTroll/status/2 hate alberta words',
      );
      const interaction = await discord.interact({
        kind: 'command',
        name: 'flag',
        userId: DISCORD_ANA,
        channelId: DISCORD.incidents,
        options: [{ name: 'url', type: 3, value: 'https://x.com/SharedTroll/status/3' }],
      });
      await waitUntil(
        () => discord.callbacksFor(interaction).find((call) => call.method === 'PATCH'),
        15_000,
        'the answer on Discord',
      );
      // Each card in its own collective's channel, with its own workspace's token; Ontario's threat, critical,
      // reached Ontario's leads at once, and no one else's.
      await slack.waitForCalls('chat.postMessage', 5, 15_000);
      const posted = slack.callsTo('chat.postMessage').slice(2);
      expect(posted.map((call) => [call.team, call.body.channel]).sort()).toEqual([
        [ONTARIO.team, ONTARIO.incidents],
        [ONTARIO.team, ONTARIO.leads],
        [ALBERTA.team, ALBERTA.incidents],
      ]);
      await discord.waitForCalls('POST', new RegExp(`^/channels/${DISCORD.incidents}/messages$`), 1, 15_000);
      const rows = await db.pool.query(
        'SELECT collective_id, count(*)::int AS n FROM incidents GROUP BY 1 ORDER BY 1',
      );
      expect(rows.rows).toEqual([
        { collective_id: 'alberta-md', n: 1 },
        { collective_id: 'manitoba-md', n: 1 },
        { collective_id: 'ontario-md', n: 1 },
      ]);

      // Ontario sees its own incident in full and the others' as counts.
      const record = await slash(ONTARIO.team, 'UANA', ONTARIO.incidents, '/offender', 'x:SharedTroll');
      expect(record).toContain('Also reported by 2 other collectives (2 incidents');
      for (const leak of ['alberta words', 'Ben in Alberta', 'Ana au Manitoba', 'slack:T2', 'discord:'])
        expect(record).not.toContain(leak);

      // Leads lead their own collective only.
      // Ontario's digest of this week counts Ontario's one incident, not the three of the shared ledger.
      expect(await slash(ONTARIO.team, 'ULEE', ONTARIO.incidents, '/digest', '')).toMatch(
        /Digest for 2026-W\d+ \([^)]*\): 1 incident\./,
      );
      expect(await slash(ALBERTA.team, 'UBEN', ALBERTA.incidents, '/digest', '')).toContain(
        'Only association leads can use /digest.',
      );

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
      await slack.close();
      await discord.close();
    }
  }, 90_000);
});
