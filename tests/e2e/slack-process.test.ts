import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack, postFormToApp, slashCommandFields } from '../fakes/fake-slack.ts';
import { BotProcess } from '../support/bot-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { freePort } from '../support/wait-until.ts';

const SECRET = 'process-signing-secret';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function slackEnv(fake: FakeSlack): Promise<Record<string, string>> {
  return {
    DATABASE_URL: db.url,
    SHIELDWALL_PSEUDONYM_KEY: db.pseudonymKey,
    SLACK_BOT_TOKEN: 'xoxb-process-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_INCIDENT_CHANNEL: 'C0INCIDENT',
    SLACK_LEADS: 'ULEE',
    SLACK_API_URL: fake.apiUrl,
    PORT: String(await freePort()),
    SHIELDWALL_TIMEZONE: 'UTC',
  };
}

describe('shieldwall start with Slack switched on by environment variables alone', () => {
  it('serves signed slash commands over HTTP, answers /healthz, and stops cleanly on SIGTERM', async () => {
    const fake = await FakeSlack.start({
      teamId: 'T0TEST',
      channels: { C0INCIDENT: { isPrivate: true, members: ['UANA', 'ULEE'] } },
      users: { UANA: { name: 'ana', displayName: 'Ana Reyes' } },
    });
    const env = await slackEnv(fake);
    const bot = new BotProcess(env);
    try {
      await bot.waitFor('Shieldwall started');
      const base = `http://127.0.0.1:${env.PORT}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const readiness = await fetch(`${base}/readyz`);
      expect([readiness.status, await readiness.text()]).toEqual([200, 'ready']);
      const fields = slashCommandFields({
        command: '/flag',
        text: 'https://x.com/SomeTroll/status/555 threat',
        userId: 'UANA',
        teamId: 'T0TEST',
        channelId: 'C0INCIDENT',
        responseUrl: fake.responseUrl('process-1'),
      });
      const answer = await postFormToApp(`${base}/slack/events`, SECRET, fields);
      expect(answer.status).toBe(200);
      const [reply] = await fake.waitForResponseUrlPosts(1, 15_000);
      expect(JSON.stringify(reply?.body)).toContain('Recorded as SW-1');
      await fake.waitForCalls('chat.postMessage', 1, 15_000);
      expect(bot.printed).not.toContain('xoxb-process-token');
      expect(bot.printed).not.toContain(SECRET);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
      await fake.close();
    }
  });

  it('refuses to start on an incident channel the whole workspace can read', async () => {
    const fake = await FakeSlack.start({
      teamId: 'T0TEST',
      channels: { C0INCIDENT: { isPrivate: false, members: ['UANA'] } },
    });
    const bot = new BotProcess(await slackEnv(fake));
    try {
      expect(await bot.exited).toBe(1);
      expect(bot.printed).toContain('SLACK_INCIDENT_CHANNEL (C0INCIDENT) is not a private channel');
    } finally {
      await fake.close();
    }
  });
});
