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

// Two processes on one ledger, as behind a balancer: a workspace set up, changed and removed through one of them
// is served, changed and let go by the other too, without a restart.
const SECRET = 'two-processes-signing-secret';
const OAUTH = { clientId: '5555.6666', clientSecret: 'two-processes-client-secret' };
const TEAM = 'T8BOTH';
const INCIDENTS = 'C8INCIDENT';
// Another process's change (a new setup, its removal) reaches this one within a refresh, every 10 s.
const REFRESH_WAIT = 30_000;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('"Add to Slack" with two processes on one ledger', () => {
  it('a workspace set up, changed and removed through one process is served, changed and let go by the other', async () => {
    const grant: InstallGrant = {
      teamId: TEAM,
      teamName: 'Both Ways Association',
      botToken: `xoxb-both-${randomBytes(6).toString('hex')}`,
      userId: 'UADA',
    };
    const slack = await FakeSlack.start({
      teamId: 'T0NOBODY',
      oauth: OAUTH,
      channels: { [INCIDENTS]: { isPrivate: true, teamId: TEAM, members: ['UADA', 'UANA', 'UBOT'] } },
      users: {
        UADA: { name: 'ada', displayName: 'Ada Admin', locale: 'en-US', tz: 'America/Halifax' },
        UANA: { name: 'ana', displayName: 'Ana Reyes' },
      },
    });
    const [portA, portB] = [await freePort(), await freePort()];
    const env = (port: number) => ({
      DATABASE_URL: db.url,
      SHIELDWALL_PSEUDONYM_KEY: db.pseudonymKey,
      SHIELDWALL_INSTALL_KEY: 'ab'.repeat(32),
      PORT: String(port),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_CLIENT_ID: OAUTH.clientId,
      SLACK_CLIENT_SECRET: OAUTH.clientSecret,
      SLACK_STATE_SECRET: 'two-processes-state-secret',
      SLACK_API_URL: slack.apiUrl,
      CAPTURE: 'off',
    });
    const url = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;
    // A slash command's private answer: in the acknowledgement itself (refusals), else through its response URL.
    const answerTo = async (port: number, user: string, command: string, text: string) => {
      const responseUrl = slack.responseUrl();
      const fields = slashCommandFields({
        command,
        text,
        userId: user,
        teamId: TEAM,
        channelId: INCIDENTS,
        responseUrl,
      });
      const acked = await postFormToApp(url(port, '/slack/events'), SECRET, fields);
      expect(acked.status).toBe(200);
      if (acked.body.includes('"text"')) return acked.body;
      const id = responseUrl.split('/').at(-1);
      const post = await waitUntil(() => slack.responseUrlPosts.find((p) => p.id === id), 15_000, command);
      return JSON.stringify(post.body);
    };
    const cards = () => slack.callsTo('chat.postMessage').filter((call) => call.body.channel === INCIDENTS);
    const incidents = async () =>
      (await db.pool.query('SELECT count(*)::int AS n FROM incidents')).rows[0].n as number;
    // Started before the workspace is installed, the way a deployment runs when an association joins.
    const a = new BotProcess(env(portA));
    const b = new BotProcess(env(portB));
    try {
      await Promise.all([a.waitFor('Slack adapter ready'), b.waitFor('Slack adapter ready')]);
      const start = await fetch(url(portA, '/slack/install'), { redirect: 'manual' });
      const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
      const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      slack.grantInstall('the-code', grant);
      const back = await fetch(
        url(portA, `/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`),
        { headers: { cookie } },
      );
      expect(back.status).toBe(200);
      // Installed, not set up: both processes say so.
      expect(await answerTo(portB, 'UANA', '/flag', 'https://x.com/SomeTroll/status/1')).toContain('/setup');
      expect(await answerTo(portA, 'UADA', '/setup', '')).toContain('Shieldwall is set up');

      // Set up through A, served by B from its next request: nobody is told it isn't set up.
      expect(await answerTo(portB, 'UANA', '/flag', 'https://x.com/SomeTroll/status/1 threat')).toContain(
        'Recorded as SW-1',
      );
      await waitUntil(() => (cards().length === 1 ? true : undefined), 15_000, "B's card");
      expect(cards()[0]?.token).toBe(grant.botToken);
      expect(b.printed).toContain('A Slack workspace set up by another process is served here too');

      // Changed through A (its language): B serves the new setup after its next refresh.
      expect(await answerTo(portA, 'UADA', '/setup', 'language fr')).toContain('C’est enregistré');
      await b.waitFor('A Slack workspace set up or changed by another process is served anew', REFRESH_WAIT);
      expect(await answerTo(portB, 'UANA', '/flag', 'https://x.com/SomeTroll/status/2 hate')).toContain(
        'SW-2',
      );
      await waitUntil(() => (cards().length === 2 ? true : undefined), 15_000, "B's second card");
      // The card speaks the collective's new language: B's bot was made from the changed setup.
      expect(String(cards()[0]?.body.text)).toContain('severity');
      expect(String(cards()[1]?.body.text)).toContain('gravité élevée');

      // Removed through A: B lets it go after its next refresh, and records nothing more for it.
      const removed = eventCallback({ teamId: TEAM, event: { type: 'app_uninstalled' } });
      expect((await postJsonToApp(url(portA, '/slack/events'), SECRET, removed)).status).toBe(200);
      await b.waitFor('A Slack workspace removed through another process is served no more', REFRESH_WAIT);
      expect(await answerTo(portB, 'UANA', '/flag', 'https://x.com/SomeTroll/status/3 hate')).toContain(
        "isn't set up",
      );
      expect(await incidents()).toBe(2);

      for (const bot of [a, b]) bot.child.kill('SIGTERM');
      expect(await a.exited).toBe(0);
      expect(await b.exited).toBe(0);
    } finally {
      for (const bot of [a, b]) bot.child.kill('SIGKILL');
      await slack.close();
    }
  }, 120_000);
});
