import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventCallback,
  FakeSlack,
  type InstallGrant,
  postFormToApp,
  postJsonToApp,
  slashCommandFields,
} from '../fakes/fake-slack.ts';
import { BotProcess } from '../support/bot-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { freePort, waitUntil } from '../support/wait-until.ts';

// A new association installs the app on a running deployment, sets it up in chat, and later removes it.
const SECRET = 'add-to-slack-signing-secret';
const OAUTH = { clientId: '3333.4444', clientSecret: 'add-to-slack-client-secret' };
const TEAM = 'T7JOINS';
const INCIDENTS = 'C7INCIDENT';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('"Add to Slack" on a running deployment', () => {
  it('installs, sets up with /setup, is served again after a restart, and stops being served when removed', async () => {
    const grant: InstallGrant = {
      teamId: TEAM,
      teamName: 'Joining Association',
      botToken: `xoxb-joins-${randomBytes(6).toString('hex')}`,
      userId: 'UADA',
    };
    const slack = await FakeSlack.start({
      teamId: 'T0NOBODY',
      oauth: OAUTH,
      channels: { [INCIDENTS]: { isPrivate: true, teamId: TEAM, members: ['UADA', 'UANA', 'UBOT'] } },
      users: {
        UADA: { name: 'ada', displayName: 'Ada Admin', locale: 'en-US', tz: 'America/Winnipeg' },
        UANA: { name: 'ana', displayName: 'Ana Reyes' },
      },
    });
    const port = await freePort();
    const env = {
      DATABASE_URL: db.url,
      SHIELDWALL_PSEUDONYM_KEY: db.pseudonymKey,
      SHIELDWALL_INSTALL_KEY: randomBytes(32).toString('hex'),
      PORT: String(port),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_CLIENT_ID: OAUTH.clientId,
      SLACK_CLIENT_SECRET: OAUTH.clientSecret,
      SLACK_STATE_SECRET: 'add-to-slack-state-secret',
      SLACK_API_URL: slack.apiUrl,
      CAPTURE: 'off',
    };
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;
    // A slash command's private answer: in the acknowledgement itself (refusals), else through its response URL.
    const answerTo = async (user: string, command: string, text: string) => {
      const responseUrl = slack.responseUrl();
      const fields = slashCommandFields({
        command,
        text,
        userId: user,
        teamId: TEAM,
        channelId: INCIDENTS,
        responseUrl,
      });
      const acked = await postFormToApp(url('/slack/events'), SECRET, fields);
      expect(acked.status).toBe(200);
      if (acked.body.includes('"text"')) return acked.body;
      const id = responseUrl.split('/').at(-1);
      const post = await waitUntil(() => slack.responseUrlPosts.find((p) => p.id === id), 15_000, command);
      return JSON.stringify(post.body);
    };
    const cards = () => slack.callsTo('chat.postMessage').filter((call) => call.body.channel === INCIDENTS);
    let bot = new BotProcess(env);
    try {
      await bot.waitFor('Slack adapter ready');
      const start = await fetch(url('/slack/install'), { redirect: 'manual' });
      expect(start.status).toBe(302);
      const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
      const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      slack.grantInstall('the-code', grant);
      const back = await fetch(
        url(`/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`),
        {
          headers: { cookie },
        },
      );
      expect(back.status).toBe(200);
      expect(await answerTo('UANA', '/flag', 'https://x.com/SomeTroll/status/1')).toContain('/setup');
      expect(await answerTo('UADA', '/setup', '')).toContain('Shieldwall is set up');
      expect(await answerTo('UANA', '/flag', 'https://x.com/SomeTroll/status/1 threat')).toContain(
        'Recorded as SW-1',
      );
      await waitUntil(() => (cards().length === 1 ? true : undefined), 15_000, 'the card');
      expect(cards()[0]?.token).toBe(grant.botToken);
      const stored = await db.pool.query('SELECT collective_id FROM incidents');
      expect(stored.rows).toEqual([{ collective_id: 'slack-t7joins' }]);
      // Its weekly digest is scheduled, in the admin's time zone.
      const digestSchedule = async () =>
        (
          await db.pool.query(
            "SELECT timezone FROM pgboss.schedule WHERE name = 'weekly-digest-slack-t7joins'",
          )
        ).rows;
      expect(await digestSchedule()).toEqual([{ timezone: 'America/Winnipeg' }]);

      // A restart serves it from the ledger: nobody edits the server.
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      bot = new BotProcess(env);
      await bot.waitFor('Slack adapter ready');
      expect(await answerTo('UANA', '/flag', 'https://x.com/SomeTroll/status/2 hate')).toContain(
        'Recorded as SW-2',
      );
      await waitUntil(() => (cards().length === 2 ? true : undefined), 15_000, 'the second card');

      // Removed: its installation goes, and it is served no more; its incidents stay, under retention.
      const removed = eventCallback({ teamId: TEAM, event: { type: 'app_uninstalled' } });
      expect((await postJsonToApp(url('/slack/events'), SECRET, removed)).status).toBe(200);
      // The installation is forgotten and the workspace's setup marked removed.
      await waitUntil(
        async () => {
          const state = await db.pool.query(
            `SELECT (SELECT count(*)::int FROM slack_installations) AS installations,
                    (SELECT count(*)::int FROM workspace_setups WHERE uninstalled_at IS NOT NULL) AS removed`,
          );
          return state.rows[0].installations === 0 && state.rows[0].removed === 1 ? true : undefined;
        },
        15_000,
        'the workspace to be removed',
      );
      expect(await answerTo('UANA', '/flag', 'https://x.com/SomeTroll/status/3 hate')).toContain('set up');
      const counts = await db.pool.query('SELECT count(*)::int AS n FROM incidents');
      expect(counts.rows[0].n).toBe(2);
      const setups = await db.pool.query(
        `SELECT s.uninstalled_at IS NOT NULL AS removed, c.shares_signals
         FROM workspace_setups s JOIN collectives c ON c.id = s.collective_id`,
      );
      // Served no more, its counts no longer shared with the other collectives, and no digest due.
      expect(setups.rows).toEqual([{ removed: true, shares_signals: false }]);
      expect(await digestSchedule()).toEqual([]);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
      await slack.close();
    }
  }, 90_000);
});
