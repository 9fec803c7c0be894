import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { FakeSlack, type InstallGrant, postFormToApp, slashCommandFields } from '../fakes/fake-slack.ts';
import type { TestDatabase } from './test-database.ts';
import { waitUntil } from './wait-until.ts';

const SECRET = 'install-world-signing-secret';
const OAUTH = { clientId: '3333.4444', clientSecret: 'install-world-client-secret' };

/**
 * A fake Slack where one association's workspace installs the app with "Add to Slack", and what a running
 * `shieldwall start` needs to take that install: the environment, the OAuth round trip, and slash commands
 * typed in the workspace's private incident channel. Ada installed the app; Ana is a member.
 */
export interface InstallWorld {
  slack: FakeSlack;
  grant: InstallGrant;
  incidentChannel: string;
  /** A `shieldwall start` environment listening on `port`, with "Add to Slack" on. */
  env(port: number): Record<string, string>;
  /** Ada opens the install link of the process on `port`, approves, and comes back to it. */
  install(port: number): Promise<void>;
  /** A slash command's private answer: in the acknowledgement itself (refusals), else through its response URL. */
  answerTo(port: number, user: 'UADA' | 'UANA', command: string, text: string): Promise<string>;
  /** The cards posted in the incident channel so far. */
  cards(): ReturnType<FakeSlack['callsTo']>;
}

export async function startInstallWorld(
  db: TestDatabase,
  workspace: { teamId: string; name: string; incidentChannel: string; adminTimezone: string },
): Promise<InstallWorld> {
  const { teamId, incidentChannel } = workspace;
  const grant: InstallGrant = {
    teamId,
    teamName: workspace.name,
    botToken: `xoxb-${teamId.toLowerCase()}-${randomBytes(6).toString('hex')}`,
    userId: 'UADA',
  };
  const slack = await FakeSlack.start({
    teamId: 'T0NOBODY',
    oauth: OAUTH,
    channels: { [incidentChannel]: { isPrivate: true, teamId, members: ['UADA', 'UANA', 'UBOT'] } },
    users: {
      UADA: { name: 'ada', displayName: 'Ada Admin', locale: 'en-US', tz: workspace.adminTimezone },
      UANA: { name: 'ana', displayName: 'Ana Reyes' },
    },
  });
  // One key for every process, as a deployment shares it.
  const installKey = randomBytes(32).toString('hex');
  const url = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;
  return {
    slack,
    grant,
    incidentChannel,
    env: (port) => ({
      DATABASE_URL: db.url,
      SHIELDWALL_PSEUDONYM_KEY: db.pseudonymKey,
      SHIELDWALL_INSTALL_KEY: installKey,
      PORT: String(port),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_CLIENT_ID: OAUTH.clientId,
      SLACK_CLIENT_SECRET: OAUTH.clientSecret,
      SLACK_STATE_SECRET: 'install-world-state-secret',
      SLACK_API_URL: slack.apiUrl,
      CAPTURE: 'off',
    }),
    async install(port) {
      const start = await fetch(url(port, '/slack/install'), { redirect: 'manual' });
      expect(start.status).toBe(302);
      const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
      const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const code = `code-${randomBytes(4).toString('hex')}`;
      slack.grantInstall(code, grant);
      const back = await fetch(
        url(port, `/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`),
        { headers: { cookie } },
      );
      expect(back.status).toBe(200);
    },
    async answerTo(port, user, command, text) {
      const responseUrl = slack.responseUrl();
      const fields = slashCommandFields({
        command,
        text,
        userId: user,
        teamId,
        channelId: incidentChannel,
        responseUrl,
      });
      const acked = await postFormToApp(url(port, '/slack/events'), SECRET, fields);
      expect(acked.status).toBe(200);
      if (acked.body.includes('"text"')) return acked.body;
      const id = responseUrl.split('/').at(-1);
      const post = await waitUntil(() => slack.responseUrlPosts.find((p) => p.id === id), 15_000, command);
      return JSON.stringify(post.body);
    },
    cards: () => slack.callsTo('chat.postMessage').filter((call) => call.body.channel === incidentChannel),
  };
}

/** The signing secret the world's processes verify Slack's requests with. */
export const INSTALL_WORLD_SECRET = SECRET;
