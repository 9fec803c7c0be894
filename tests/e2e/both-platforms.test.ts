import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEW_AND_SEND, VIEW_CHANNEL } from '../fakes/discord-permissions.ts';
import { FakeDiscord } from '../fakes/fake-discord.ts';
import { FakeSlack, postFormToApp, slashCommandFields } from '../fakes/fake-slack.ts';
import { BIN, BotProcess } from '../support/bot-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { freePort, waitUntil } from '../support/wait-until.ts';

const SECRET = 'both-signing-secret';
const GUILD = '1100000000000000002';
const INCIDENTS = '1200000000000000020';
const MEMBER_ROLE = '1200000000000000010';
const DISCORD_ANA = '1300000000000000001';

function fakeDiscordServer(): Promise<FakeDiscord> {
  return FakeDiscord.start({
    guildId: GUILD,
    roles: { [MEMBER_ROLE]: { name: 'Collective', permissions: '0' } },
    channels: {
      [INCIDENTS]: {
        name: 'incidents',
        permissionOverwrites: [
          { id: GUILD, type: 0, allow: '0', deny: VIEW_CHANNEL },
          { id: MEMBER_ROLE, type: 0, allow: VIEW_AND_SEND, deny: '0' },
          { id: '1100000000000000001', type: 1, allow: VIEW_AND_SEND, deny: '0' },
        ],
      },
    },
    members: { [DISCORD_ANA]: { username: 'ana', globalName: 'Ana on Discord', roles: [MEMBER_ROLE] } },
  });
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('Slack and Discord in one process, on one ledger', () => {
  it('the same X post flagged from Slack and from Discord is one incident with two reporters and one offender', async () => {
    const slack = await FakeSlack.start({
      teamId: 'T0TEST',
      channels: { C0INCIDENT: { isPrivate: true, members: ['UBEN'] } },
      users: { UBEN: { name: 'ben', displayName: 'Ben on Slack' } },
    });
    const discord = await fakeDiscordServer();
    const port = await freePort();
    const bot = new BotProcess({
      DATABASE_URL: db.url,
      SHIELDWALL_PSEUDONYM_KEY: db.pseudonymKey,
      SHIELDWALL_TIMEZONE: 'UTC',
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-both',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_INCIDENT_CHANNEL: 'C0INCIDENT',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-both-token',
      DISCORD_INCIDENT_CHANNEL: INCIDENTS,
      DISCORD_API_URL: discord.apiUrl,
    });
    try {
      await bot.waitFor('Slack adapter ready');
      await bot.waitFor('Discord adapter ready');
      const fields = slashCommandFields({
        command: '/flag',
        text: 'https://twitter.com/SomeTroll/status/777?s=20 threat',
        userId: 'UBEN',
        teamId: 'T0TEST',
        channelId: 'C0INCIDENT',
        responseUrl: slack.responseUrl('from-slack'),
      });
      expect((await postFormToApp(`http://127.0.0.1:${port}/slack/events`, SECRET, fields)).status).toBe(200);
      await slack.waitForCalls('chat.postMessage', 1, 15_000);

      const interaction = await discord.interact({
        kind: 'command',
        name: 'flag',
        userId: DISCORD_ANA,
        channelId: INCIDENTS,
        options: [{ name: 'url', type: 3, value: 'https://x.com/sometroll/status/777' }],
      });
      const answered = await waitUntil(
        () => discord.callbacksFor(interaction).find((call) => call.method === 'PATCH'),
        15_000,
        'the answer on Discord',
      );
      expect(JSON.stringify(answered.body)).toContain('Added you to SW-1: 2 members have flagged this post.');
      await discord.waitForCalls('POST', new RegExp(`^/channels/${INCIDENTS}/messages$`), 1, 15_000);
      // The Slack card is redrawn with the Discord co-report.
      const update = await slack.waitForCalls('chat.update', 1, 15_000);
      expect(JSON.stringify(update[0]?.body)).toContain('2 flagged it');

      const counts = await db.pool.query(
        `SELECT (SELECT count(*)::int FROM incidents) AS incidents, (SELECT count(*)::int FROM incident_reports) AS reports,
                (SELECT count(*)::int FROM offenders) AS offenders`,
      );
      expect(counts.rows[0]).toEqual({ incidents: 1, reports: 2, offenders: 1 });
      const reporters = await db.pool.query('SELECT reporter_id FROM incident_reports ORDER BY reporter_id');
      expect(reporters.rows.map((row) => row.reporter_id)).toEqual([
        `discord:${GUILD}:${DISCORD_ANA}`,
        'slack:T0TEST:UBEN',
      ]);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
      await slack.close();
      await discord.close();
    }
  });

  it('a Discord-only bot answers /healthz and /readyz on PORT, and stops cleanly on SIGTERM', async () => {
    const discord = await fakeDiscordServer();
    const port = await freePort();
    const bot = new BotProcess({
      DATABASE_URL: db.url,
      SHIELDWALL_PSEUDONYM_KEY: db.pseudonymKey,
      PORT: String(port),
      DISCORD_TOKEN: 'discord-health-token',
      DISCORD_INCIDENT_CHANNEL: INCIDENTS,
      DISCORD_API_URL: discord.apiUrl,
    });
    try {
      await bot.waitFor('Discord adapter ready');
      await waitUntil(
        () => (bot.printed.includes('Shieldwall started') ? true : undefined),
        15_000,
        'start-up',
      );
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
      await discord.close();
    }
  });

  it('npx shieldwall discord:register puts the registry commands in one server', async () => {
    const discord = await fakeDiscordServer();
    try {
      // Not spawnSync: the fake Discord answers from this very process.
      const run = await promisify(execFile)(process.execPath, [BIN, 'discord:register', '--guild', GUILD], {
        env: {
          ...process.env,
          DISCORD_TOKEN: 'discord-register-token',
          DISCORD_APPLICATION_ID: discord.applicationId,
          DISCORD_INCIDENT_CHANNEL: INCIDENTS,
          DISCORD_API_URL: discord.apiUrl,
        },
        encoding: 'utf8',
      });
      expect(run.stdout).toContain(
        `Registered /flag, /offender, /responder, /digest, /review, /correct, /export, /language, /help in server ${GUILD}.`,
      );
      const [put] = discord.callsTo('PUT', /^\/applications\/\d+\/guilds\/\d+\/commands$/);
      const commands = put?.body as {
        name: string;
        options: { name: string; type: number; required: boolean }[];
      }[];
      // /correct alone opens its form, so every option is optional there; who was attacked is a member picker.
      const correct = commands.find((command) => command.name === 'correct');
      expect(correct?.options.map((o) => [o.name, o.type, o.required])).toEqual([
        ['incident', 3, false],
        ['by', 3, false],
        ['target', 6, false],
        ['same_as', 3, false],
        ['reason', 3, false],
      ]);
      const flag = commands.find((command) => command.name === 'flag');
      expect(flag?.options.map((o) => [o.name, o.type, o.required])).toEqual([
        ['url', 3, false],
        ['by', 3, false],
        ['category', 3, false],
        ['note', 3, false],
        ['wants', 3, false],
        ['channel', 3, false],
        ['target', 6, false],
        ['target_post', 3, false],
        ['when', 3, false],
        ['anonymous', 5, false],
        ['screenshots', 11, false],
      ]);
      const offender = commands.find((command) => command.name === 'offender');
      expect(offender?.options).toEqual([
        expect.objectContaining({ name: 'query', type: 3, required: true }),
      ]);
      expect(put?.authorization).toBe('Bot discord-register-token');
    } finally {
      await discord.close();
    }
  });
});
