import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackAdapter, type SlackWorkspaceOptions } from '../../adapters/slack/slack-adapter.ts';
import { SlackSetupError } from '../../adapters/slack/startup-checks.ts';
import type {
  WorkspaceSetup,
  WorkspaceSetupFields,
  WorkspaceSetups,
} from '../../adapters/slack/workspace-setups.ts';
import { type Bot, fleetOf, type GrowingFleet } from '../../src/core/chat-adapter.ts';
import { findSlackInstallation, slackInstallationRecords } from '../../src/ledger/slack-installations.ts';
import { createTokenCipher } from '../../src/ledger/token-cipher.ts';
import type { Logger } from '../../src/log/logger.ts';
import {
  eventCallback,
  FakeSlack,
  type InstallGrant,
  postFormToApp,
  postJsonToApp,
  slashCommandFields,
  uniqueTriggerId,
} from '../fakes/fake-slack.ts';
import { capturingLogger, countRows, createTestBot, testSettings } from '../support/core-harness.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';
import { messageText, plainText } from './slack-rig.ts';

// One association installs the app itself with "Add to Slack", then its admin sets it up with /setup.
const SECRET = 'test-signing-secret';
const OAUTH = {
  clientId: '1111.2222',
  clientSecret: 'oauth-client-secret',
  stateSecret: 'oauth-state-secret',
};
const KEY = randomBytes(32).toString('hex');
const cipher = createTokenCipher(KEY);
const TEAM = 'T9NEWASSOC';
const ADMIN = 'UADMIN';
const ANA = 'UANA';
const BEN = 'UBEN';
const OUT = 'UOUT';
const CHANNELS = {
  incidents: 'C9INCIDENT',
  general: 'C9GENERAL',
  leads: 'C9LEADS',
  moved: 'C9MOVED',
  noBot: 'C9NOBOT',
} as const;

/**
 * The ledger's side of /setup as start-up will give it (src/ledger/workspace-setups.ts with the fleet), kept in
 * memory here: each save makes the collective's new bot, with its settings, and swaps it into the fleet.
 */
class WorkspaceSetupsDouble implements WorkspaceSetups {
  readonly setups = new Map<string, WorkspaceSetup>();
  readonly stopped = new Set<Bot>();
  saves = 0;

  constructor(
    private readonly db: TestDatabase,
    readonly fleet: GrowingFleet,
  ) {}

  async served(): Promise<WorkspaceSetup[]> {
    return [...this.setups.values()];
  }

  async find(teamId: string): Promise<WorkspaceSetup | undefined> {
    return this.setups.get(teamId);
  }

  async save(teamId: string, fields: WorkspaceSetupFields, by: string) {
    this.saves += 1;
    const collectiveId = this.setups.get(teamId)?.collectiveId ?? `slack-${teamId.toLowerCase()}`;
    await this.db.pool.query(
      `INSERT INTO collectives (id, shares_signals) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET shares_signals = EXCLUDED.shares_signals`,
      [collectiveId, fields.sharesSignals],
    );
    const setup: WorkspaceSetup = {
      ...fields,
      leads: [...fields.leads],
      teamId,
      collectiveId,
      setUpBy: by,
      setUpAt: new Date(),
    };
    this.setups.set(teamId, setup);
    return this.serveSetup(setup);
  }

  async serve(teamId: string) {
    const setup = this.setups.get(teamId);
    return setup ? this.serveSetup(setup) : undefined;
  }

  /** The collective's new bot, with its settings, swapped into the fleet. */
  private serveSetup(setup: WorkspaceSetup) {
    const bot = createTestBot(this.db, {
      settings: {
        ...testSettings,
        collectiveId: setup.collectiveId,
        collectiveName: setup.name,
        timezone: setup.timezone,
        language: setup.language,
        sharesSignals: setup.sharesSignals,
      },
    });
    const stop = bot.stop.bind(bot);
    bot.stop = async () => {
      this.stopped.add(bot);
      await stop();
    };
    const replaced = this.fleet.remove(setup.collectiveId);
    this.fleet.add(bot);
    return { setup, bot, replaced };
  }

  async uninstalled(teamId: string): Promise<Bot | undefined> {
    const setup = this.setups.get(teamId);
    if (!setup) return undefined;
    this.setups.delete(teamId);
    return this.fleet.remove(setup.collectiveId);
  }

  release(teamId: string): Bot | undefined {
    return this.fleet.remove(`slack-${teamId.toLowerCase()}`);
  }
}

const ledger = useFreshLedger();
let fake: FakeSlack;
let adapter: SlackAdapter;
let setups: WorkspaceSetupsDouble;
let grant: InstallGrant;
let logs: ReturnType<typeof capturingLogger>;

beforeEach(async () => {
  await ledger.db.pool.query('TRUNCATE slack_installations');
  // A fresh token each test, so that no test passes on another's installation.
  grant = {
    teamId: TEAM,
    teamName: 'New Association',
    botToken: `xoxb-new-${randomBytes(6).toString('hex')}`,
    userId: ADMIN,
  };
  fake = await FakeSlack.start({
    teamId: 'T0NOBODY',
    oauth: { clientId: OAUTH.clientId, clientSecret: OAUTH.clientSecret },
    channels: {
      [CHANNELS.incidents]: { isPrivate: true, teamId: TEAM, members: [ADMIN, ANA, 'UBOT'] },
      [CHANNELS.general]: { isPrivate: false, teamId: TEAM, members: [ADMIN, ANA, BEN, OUT, 'UBOT'] },
      [CHANNELS.leads]: { isPrivate: true, teamId: TEAM, members: [ADMIN, BEN, 'UBOT'] },
      [CHANNELS.moved]: { isPrivate: true, teamId: TEAM, members: [ADMIN, BEN, 'UBOT'] },
      [CHANNELS.noBot]: { isPrivate: true, teamId: TEAM, members: [ADMIN, ANA] },
    },
    users: {
      [ADMIN]: { name: 'ada', displayName: 'Ada Admin', locale: 'en-US', tz: 'America/Toronto' },
      [ANA]: { name: 'ana', displayName: 'Ana Reyes' },
      [BEN]: { name: 'ben', displayName: 'Ben Okafor' },
      [OUT]: { name: 'otto', displayName: 'Otto Outsider' },
    },
  });
  setups = new WorkspaceSetupsDouble(ledger.db, fleetOf([]));
  adapter = await startAdapter();
});

/** The app with "Add to Slack" on, over the test's setups and the sealed records; `workspaces` configured too. */
async function startAdapter(
  options: { workspaces?: SlackWorkspaceOptions[]; appToken?: string; log?: Logger; refreshMs?: number } = {},
): Promise<SlackAdapter> {
  logs = capturingLogger('debug');
  const started = new SlackAdapter({
    workspaces: options.workspaces ?? [],
    ...(options.appToken ? { appToken: options.appToken } : { signingSecret: SECRET }),
    port: 0,
    host: '127.0.0.1',
    apiUrl: fake.apiUrl,
    log: options.log ?? logs.log,
    clientOptions: { retryConfig: { retries: 1, factor: 1, minTimeout: 20, maxTimeout: 50 } },
    installs: {
      ...OAUTH,
      records: slackInstallationRecords(ledger.db.pool, cipher),
      setups,
      ...(options.refreshMs ? { refreshMs: options.refreshMs } : {}),
    },
  });
  await started.start(setups.fleet);
  return started;
}

afterEach(async () => {
  await adapter.stop();
  await Promise.all(setups.fleet.bots.map((bot) => bot.idle()));
  await fake.close();
});

const appUrl = (path: string) => `http://127.0.0.1:${adapter.port}${path}`;

/** A browser opening the install link: Slack's consent page address, and the state cookie set with it. */
async function openInstallLink(): Promise<{ authorizeUrl: URL; state: string; cookie: string }> {
  const answer = await fetch(appUrl('/slack/install'), { redirect: 'manual' });
  expect(answer.status).toBe(302);
  const authorizeUrl = new URL(answer.headers.get('location') ?? '');
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { authorizeUrl, state: authorizeUrl.searchParams.get('state') ?? '', cookie };
}

/** The admin approves on Slack's page; Slack sends the browser back with a code and the state. */
async function comeBack(
  state: string,
  cookie: string | undefined,
): Promise<{ status: number; page: string }> {
  const code = `code-${uniqueTriggerId()}`;
  fake.grantInstall(code, grant);
  const answer = await fetch(
    appUrl(`/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`),
    cookie ? { headers: { cookie } } : {},
  );
  return { status: answer.status, page: await answer.text() };
}

async function install(): Promise<void> {
  const { state, cookie } = await openInstallLink();
  expect((await comeBack(state, cookie)).status).toBe(200);
}

async function slash(user: string, command: string, text: string, channelId: string = CHANNELS.incidents) {
  const responseId = `cmd-${uniqueTriggerId()}`;
  const fields = slashCommandFields({
    command: `/${command}`,
    text,
    userId: user,
    teamId: TEAM,
    channelId,
    responseUrl: fake.responseUrl(responseId),
  });
  return { ...(await postFormToApp(appUrl('/slack/events'), SECRET, fields)), responseId };
}

/** A slash command's private answer, as plain text. */
async function run(user: string, command: string, text: string, channelId?: string): Promise<string> {
  const { responseId } = await slash(user, command, text, channelId);
  const post = await waitUntil(
    () => fake.responseUrlPosts.find((p) => p.id === responseId),
    5000,
    'the private answer',
  );
  expect(post.body.response_type).toBe('ephemeral');
  return messageText(post.body);
}

/** A refusal's text: it comes in the acknowledgement itself. */
async function refusal(user: string, command: string, text: string): Promise<string> {
  const { body } = await slash(user, command, text);
  return String(JSON.parse(body).text);
}

const setup = () => setups.setups.get(TEAM);
const cardsIn = (channel: string) =>
  fake.callsTo('chat.postMessage').filter((call) => call.body.channel === channel);

async function installedRows(): Promise<{ sealed: Buffer; all: string }[]> {
  const result = await ledger.db.pool.query('SELECT * FROM slack_installations');
  return result.rows.map((row) => ({ sealed: row.sealed as Buffer, all: JSON.stringify(row) }));
}

/** Installed and set up by the admin in the private incident channel. */
async function installAndSetUp(): Promise<void> {
  await install();
  expect(await run(ADMIN, 'setup', '')).toContain('Shieldwall is set up');
}

describe('Slack: "Add to Slack" and /setup', () => {
  it("installs through Slack's consent page and keeps the installation sealed, no token readable in the table", async () => {
    const { authorizeUrl, state, cookie } = await openInstallLink();
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(FakeSlack.AUTHORIZE_URL);
    expect(authorizeUrl.searchParams.get('client_id')).toBe(OAUTH.clientId);
    expect(authorizeUrl.searchParams.get('scope')?.split(',').sort()).toEqual(
      ['chat:write', 'commands', 'files:write', 'groups:read', 'im:write', 'users:read'].sort(),
    );

    const { status, page } = await comeBack(state, cookie);
    expect(status).toBe(200);
    expect(page).toContain('Shieldwall is installed in New Association');
    expect(page).toContain('/invite @Shieldwall');
    expect(page).toContain('type /setup');

    const [row, ...more] = await installedRows();
    expect(more).toEqual([]);
    expect(row?.sealed.includes(Buffer.from(grant.botToken))).toBe(false);
    expect(row?.all).not.toContain(grant.botToken);
    const opened = await findSlackInstallation(ledger.db.pool, cipher, {
      teamId: TEAM,
      isEnterpriseInstall: false,
    });
    expect(opened?.secret).toMatchObject({ bot: { token: grant.botToken }, user: { id: ADMIN } });
    for (const secret of [grant.botToken, OAUTH.clientSecret, OAUTH.stateSecret])
      expect(logs.written()).not.toContain(secret);
  });

  it('refuses a redirect that did not start in this browser, and stores nothing', async () => {
    const { state } = await openInstallLink();
    const other = await openInstallLink();
    const forged = await comeBack(state, other.cookie);
    expect(forged.status).toBe(400);
    expect(forged.page).toContain('Shieldwall wasn&#39;t installed');
    expect(forged.page).toContain('Nothing was changed in your workspace.');
    expect((await comeBack(state, undefined)).status).toBe(400);
    expect(fake.callsTo('oauth.v2.access')).toEqual([]);
    expect(await installedRows()).toEqual([]);
  });

  it('before setup, only the admin who installed it may run /setup, and /flag is told it is not set up', async () => {
    await install();
    expect(await run(ANA, 'setup', '')).toContain('Only the person who installed Shieldwall');
    const flagged = await slash(ANA, 'flag', 'https://x.com/Troll/status/1 harassment');
    expect(JSON.parse(flagged.body).text).toContain("Shieldwall isn't set up for this workspace yet");
    expect(JSON.parse(flagged.body).text).toContain('typing /setup in your collective');
    expect(setups.saves).toBe(0);
    expect(await countRows(ledger.db, 'incidents')).toBe(0);
  });

  it('/setup in a public channel, or one the bot is not in, says how to fix it and sets nothing', async () => {
    await install();
    const publicChannel = await run(ADMIN, 'setup', '', CHANNELS.general);
    expect(publicChannel).toContain("This channel can't hold incidents");
    expect(publicChannel).toContain('Change to a private channel');
    expect(await run(ADMIN, 'setup', '', CHANNELS.noBot)).toContain('/invite @Shieldwall');
    expect(setups.saves).toBe(0);
  });

  it("the installer's /setup in the private channel serves the workspace: /flag posts its card there with the installed token", async () => {
    await install();
    const answer = await run(ADMIN, 'setup', '');
    expect(answer).toContain('Shieldwall is set up');
    expect(answer).toContain(`<#${CHANNELS.incidents}>`);
    expect(answer).toContain(`<@${ADMIN}>`);
    expect(answer).toContain('never who was attacked, what was said, or any member');
    expect(answer).toContain('/setup share off');
    expect(setup()).toMatchObject({
      name: 'New Association',
      incidentChannel: CHANNELS.incidents,
      leadsChannel: null,
      leads: [ADMIN],
      language: 'en',
      timezone: 'America/Toronto',
      sharesSignals: true,
      setUpBy: ADMIN,
    });

    expect(await run(ANA, 'flag', 'https://x.com/NewTroll/status/7 harassment')).toContain('Recorded as');
    await fake.waitForCalls('chat.postMessage', 1);
    const [card, ...more] = cardsIn(CHANNELS.incidents);
    expect(more).toEqual([]);
    expect([card?.token, card?.team]).toEqual([grant.botToken, TEAM]);
    const incidents = await ledger.db.pool.query('SELECT collective_id FROM incidents');
    expect(incidents.rows).toEqual([{ collective_id: setup()?.collectiveId }]);
  });

  it('a French-speaking admin gets the setup and its answer in French', async () => {
    fake.setUserLocale(ADMIN, 'fr-CA');
    await install();
    expect(await run(ADMIN, 'setup', '')).toContain('Shieldwall est configuré');
    expect(setup()?.language).toBe('fr');
  });

  it('leads, name, sharing and language change with /setup; each change is served by a new bot, the old one stopped', async () => {
    await installAndSetUp();
    const first = setups.fleet.bot(setup()?.collectiveId ?? '');

    expect(await run(ADMIN, 'setup', `leads <@${BEN}|ben> <@${ANA}>`)).toContain('Saved.');
    expect(setup()?.leads).toEqual([BEN, ANA]);
    expect(first && setups.stopped.has(first)).toBe(true);
    // Ben leads now, and may change the setup; Otto, who doesn't, may not.
    expect(plainText(await run(BEN, 'setup', 'name Médecins &amp; Co'))).toContain('Médecins & Co');
    expect(setup()?.name).toBe('Médecins & Co');
    expect(await run(OUT, 'setup', 'share off')).toContain('Only the collective');
    expect(setup()?.sharesSignals).toBe(true);

    const off = await run(BEN, 'setup', 'share off');
    expect(off).toContain('/setup share on');
    expect(setup()?.sharesSignals).toBe(false);
    const shares = await ledger.db.pool.query('SELECT shares_signals FROM collectives WHERE id = $1', [
      setup()?.collectiveId,
    ]);
    expect(shares.rows).toEqual([{ shares_signals: false }]);

    expect(await run(ADMIN, 'setup', 'language fr')).toContain('C’est enregistré');
    expect(await run(ADMIN, 'setup', 'timezone Europe/Paris')).toContain('Europe/Paris');
    expect(setup()).toMatchObject({ language: 'fr', timezone: 'Europe/Paris' });
    // One bot serves the collective at a time: every one it replaced was stopped, and the newest one serves.
    expect(setups.fleet.bots).toHaveLength(1);
    expect(setups.stopped.size).toBe(setups.saves - 1);
    expect(await run(ANA, 'flag', 'https://x.com/Changed/status/12 harassment')).toContain('Recorded as');
    const incidents = await ledger.db.pool.query('SELECT collective_id FROM incidents');
    expect(incidents.rows).toEqual([{ collective_id: setup()?.collectiveId }]);
  });

  it('/setup leads-channel and /setup channel take the channel they are typed in', async () => {
    await installAndSetUp();
    await run(ADMIN, 'setup', `leads <@${ADMIN}> <@${BEN}>`);
    expect(await run(BEN, 'setup', 'leads-channel', CHANNELS.leads)).toContain(`<#${CHANNELS.leads}>`);
    expect(setup()?.leadsChannel).toBe(CHANNELS.leads);
    expect(await run(BEN, 'setup', 'leads-channel none', CHANNELS.leads)).toContain('none');
    expect(setup()?.leadsChannel).toBe(null);

    expect(await run(ADMIN, 'setup', 'channel', CHANNELS.moved)).toContain(`<#${CHANNELS.moved}>`);
    expect(setup()?.incidentChannel).toBe(CHANNELS.moved);
    expect(await run(BEN, 'flag', 'https://x.com/MovedTroll/status/8 harassment', CHANNELS.moved)).toContain(
      'Recorded as',
    );
    await fake.waitForCalls('chat.postMessage', 1);
    expect(cardsIn(CHANNELS.moved)).toHaveLength(1);
    expect(cardsIn(CHANNELS.incidents)).toEqual([]);
  });

  it('a bad value is refused kindly, naming what is wrong, and changes nothing', async () => {
    await installAndSetUp();
    const before = structuredClone(setup());
    const saves = setups.saves;
    expect(await run(ADMIN, 'setup', 'timezone Mars/Olympus')).toContain("That isn't a time zone I know");
    expect(await run(ADMIN, 'setup', 'language de')).toContain('The language is en (English) or fr (French)');
    expect(await run(ADMIN, 'setup', 'leads ben')).toContain('Name the leads by mentioning them');
    expect(await run(ADMIN, 'setup', 'leads')).toContain('Name the leads by mentioning them');
    expect(await run(ADMIN, 'setup', 'share maybe')).toContain('Sharing is on or off');
    expect(await run(ADMIN, 'setup', `name <@${BEN}>`)).toContain('The name must be plain words');
    expect(await run(ADMIN, 'setup', 'colour blue')).toContain("I don't know that setting");
    expect(await run(ADMIN, 'setup', 'channel', CHANNELS.general)).toContain(
      "This channel can't hold incidents",
    );
    expect(setups.saves).toBe(saves);
    expect(setup()).toEqual(before);
  });

  for (const event of [
    { type: 'app_uninstalled' },
    { type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOT'] } },
  ]) {
    it(`${event.type}: the installation goes, the next /flag is told it is not set up, nothing is written; a second notice does nothing`, async () => {
      await installAndSetUp();
      const bot = setups.fleet.bot(setup()?.collectiveId ?? '');
      const notice = () =>
        postJsonToApp(appUrl('/slack/events'), SECRET, eventCallback({ teamId: TEAM, event }));
      expect((await notice()).status).toBe(200);
      let rows = -1;
      await waitUntil(
        () => (setup() === undefined && rows === 0 ? true : undefined),
        5000,
        'the workspace to be let go',
        async () => {
          rows = (await installedRows()).length;
        },
      );
      expect(bot && setups.stopped.has(bot)).toBe(true);
      expect(setups.fleet.bots).toEqual([]);

      const flagged = await slash(ANA, 'flag', 'https://x.com/AfterTroll/status/9 harassment');
      expect(JSON.parse(flagged.body).text).toContain("Shieldwall isn't set up for this workspace yet");
      // Nothing is installed there any more: there is nothing to finish with /setup.
      expect(JSON.parse(flagged.body).text).not.toContain('/setup');
      expect(await countRows(ledger.db, 'incidents')).toBe(0);
      expect(cardsIn(CHANNELS.incidents)).toEqual([]);

      const stoppedBefore = setups.stopped.size;
      expect((await notice()).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(setups.stopped.size).toBe(stoppedBefore);
      expect(await installedRows()).toEqual([]);
    });
  }

  it('after a restart, a workspace set up in chat is served again with its sealed token', async () => {
    await installAndSetUp();
    await adapter.stop();
    adapter = await startAdapter();
    expect(await run(ANA, 'flag', 'https://x.com/LaterTroll/status/10 harassment')).toContain('Recorded as');
    await fake.waitForCalls('chat.postMessage', 1);
    expect(cardsIn(CHANNELS.incidents).map((call) => call.token)).toEqual([grant.botToken]);
  });

  it('installed again with a new token, a workspace set up is served with the new token, its setup kept', async () => {
    await installAndSetUp();
    const before = setup();
    const oldToken = grant.botToken;
    grant = { ...grant, botToken: `xoxb-again-${randomBytes(6).toString('hex')}` };
    await install();
    // The same setup, stamped anew so that other processes serve it with the new token too.
    const { setUpAt, ...kept } = setup() ?? expect.fail('the setup is gone');
    const { setUpAt: beforeAt, ...was } = before ?? expect.fail('no setup before');
    expect(kept).toEqual(was);
    expect(setUpAt.getTime()).toBeGreaterThanOrEqual(beforeAt.getTime());
    expect(await run(ANA, 'flag', 'https://x.com/AgainTroll/status/13 harassment')).toContain('Recorded as');
    await fake.waitForCalls('chat.postMessage', 1);
    expect(cardsIn(CHANNELS.incidents).map((call) => call.token)).toEqual([grant.botToken]);
    expect(
      fake.calls.filter((call) => call.token === oldToken && call.method === 'chat.postMessage'),
    ).toEqual([]);
  });

  it('a workspace that could not be served at start (its channel made public) is served again by /setup once private', async () => {
    await installAndSetUp();
    await adapter.stop();
    fake.setChannelPrivacy(CHANNELS.incidents, { isPrivate: false });
    adapter = await startAdapter();
    const refused = await slash(ANA, 'flag', 'https://x.com/WhileDown/status/14 harassment');
    expect(JSON.parse(refused.body).text).toContain("Shieldwall isn't set up for this workspace yet");
    expect(await run(ADMIN, 'setup', '')).toContain("This channel can't hold incidents");

    fake.setChannelPrivacy(CHANNELS.incidents, { isPrivate: true });
    expect(await run(ADMIN, 'setup', '')).toContain('Saved.');
    expect(await run(ANA, 'flag', 'https://x.com/WhileDown/status/14 harassment')).toContain('Recorded as');
    expect(await run(ADMIN, 'setup', '')).toContain("Shieldwall's setup in this workspace");
  });

  /** What another process on the same ledger records when its admin runs /setup there. */
  async function setUpElsewhere(incidentChannel: string): Promise<void> {
    await ledger.db.pool.query(
      `INSERT INTO collectives (id, shares_signals) VALUES ('slack-t9newassoc', true) ON CONFLICT DO NOTHING`,
    );
    setups.setups.set(TEAM, {
      teamId: TEAM,
      collectiveId: 'slack-t9newassoc',
      name: 'New Association',
      incidentChannel,
      leadsChannel: null,
      leads: [ADMIN],
      language: 'en',
      timezone: 'America/Toronto',
      sharesSignals: true,
      setUpBy: ADMIN,
      setUpAt: new Date(),
    });
  }

  it('set up through another process, a workspace is served here from its first request, and let go once removed there', async () => {
    await adapter.stop();
    adapter = await startAdapter({ refreshMs: 50 });
    await install();
    await setUpElsewhere(CHANNELS.incidents);
    expect(await run(ANA, 'flag', 'https://x.com/ElsewhereTroll/status/21 harassment')).toContain(
      'Recorded as',
    );
    await fake.waitForCalls('chat.postMessage', 1);
    expect(cardsIn(CHANNELS.incidents).map((call) => call.token)).toEqual([grant.botToken]);
    expect(setups.saves).toBe(0);

    setups.setups.delete(TEAM);
    await waitUntil(
      () => (logs.written().includes('removed through another process') ? true : undefined),
      5000,
      'the refresh to let the workspace go',
    );
    const before = await countRows(ledger.db, 'incidents');
    expect(await refusal(ANA, 'flag', 'https://x.com/ElsewhereTroll/status/22 harassment')).toContain(
      "isn't set up",
    );
    expect(await countRows(ledger.db, 'incidents')).toBe(before);
    expect(setups.stopped.size).toBe(1);
  });

  it('set up elsewhere in a channel it cannot serve from here, it is told not set up and not retried on each request', async () => {
    await install();
    await setUpElsewhere(CHANNELS.general);
    const infos = () => fake.callsTo('conversations.info').length;
    const before = infos();
    expect(await refusal(ANA, 'flag', 'https://x.com/ElsewhereTroll/status/23 harassment')).toContain(
      "isn't set up",
    );
    const tried = infos();
    expect(tried).toBeGreaterThan(before);
    expect(await refusal(ANA, 'flag', 'https://x.com/ElsewhereTroll/status/24 harassment')).toContain(
      "isn't set up",
    );
    expect(infos()).toBe(tried);
    expect(await countRows(ledger.db, 'incidents')).toBe(0);
  });

  it('removed before it was set up, the installation is forgotten all the same', async () => {
    await install();
    const notice = eventCallback({ teamId: TEAM, event: { type: 'app_uninstalled' } });
    expect((await postJsonToApp(appUrl('/slack/events'), SECRET, notice)).status).toBe(200);
    let rows = -1;
    await waitUntil(
      () => (rows === 0 ? true : undefined),
      5000,
      'the installation to be forgotten',
      async () => {
        rows = (await installedRows()).length;
      },
    );
    expect(await run(ADMIN, 'setup', '')).toContain('was not installed in this workspace');
    expect(setups.saves).toBe(0);
  });

  it('/setup with a setting before the workspace is set up asks for the incident channel first', async () => {
    await install();
    expect(await run(ADMIN, 'setup', 'language fr')).toContain('First type /setup on its own');
    expect(setups.saves).toBe(0);
  });

  it('Socket Mode with "Add to Slack" is refused at start: the OAuth redirect needs HTTP', async () => {
    await adapter.stop();
    await expect(startAdapter({ appToken: 'xapp-test' })).rejects.toThrow(SlackSetupError);
    adapter = await startAdapter();
  });

  it('a workspace configured on the server keeps its configuration: /setup and an uninstall notice change nothing', async () => {
    const ONTARIO = { team: 'T1ONTARIO', token: 'xoxb-ontario', channel: 'C1INCIDENT' };
    await ledger.db.pool.query(`INSERT INTO collectives (id) VALUES ('ontario')`);
    await fake.close();
    fake = await FakeSlack.start({
      teamId: 'T0NOBODY',
      teams: { [ONTARIO.token]: ONTARIO.team },
      oauth: { clientId: OAUTH.clientId, clientSecret: OAUTH.clientSecret },
      channels: { [ONTARIO.channel]: { isPrivate: true, teamId: ONTARIO.team, members: [ANA, 'UBOT'] } },
      users: { [ANA]: { name: 'ana', displayName: 'Ana Reyes' } },
    });
    await adapter.stop();
    setups.fleet.add(createTestBot(ledger.db, { settings: { ...testSettings, collectiveId: 'ontario' } }));
    const logs = capturingLogger('info');
    adapter = await startAdapter({
      log: logs.log,
      workspaces: [
        {
          collectiveId: 'ontario',
          teamId: ONTARIO.team,
          botToken: ONTARIO.token,
          incidentChannel: ONTARIO.channel,
          leads: [ANA],
        },
      ],
    });
    const inOntario = async (command: string, text: string) => {
      const responseId = `cmd-${uniqueTriggerId()}`;
      const fields = slashCommandFields({
        command: `/${command}`,
        text,
        userId: ANA,
        teamId: ONTARIO.team,
        channelId: ONTARIO.channel,
        responseUrl: fake.responseUrl(responseId),
      });
      await postFormToApp(appUrl('/slack/events'), SECRET, fields);
      const post = await waitUntil(
        () => fake.responseUrlPosts.find((p) => p.id === responseId),
        5000,
        'answer',
      );
      return messageText(post.body);
    };
    expect(await inOntario('setup', '')).toContain('set up on the server');
    const notice = eventCallback({ teamId: ONTARIO.team, event: { type: 'app_uninstalled' } });
    expect((await postJsonToApp(appUrl('/slack/events'), SECRET, notice)).status).toBe(200);
    await waitUntil(
      () => (logs.written().includes('configured on the server removed the app') ? true : undefined),
      5000,
      'the notice to be logged',
    );
    expect(await inOntario('flag', 'https://x.com/StillServed/status/11 harassment')).toContain(
      'Recorded as',
    );
    expect(setups.saves).toBe(0);
  });
});
