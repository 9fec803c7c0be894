import { afterEach, describe, expect, it } from 'vitest';
import { createPgLedger } from '../../src/ledger/pg-ledger.ts';
import { VIEW_AND_SEND, VIEW_CHANNEL } from '../fakes/discord-permissions.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { waitUntil } from '../support/wait-until.ts';
import {
  INCIDENTS as DISCORD_INCIDENTS,
  USERS as DISCORD_USERS,
  type Person as DiscordPerson,
  DiscordRig,
  GUILD,
  LEAD_ROLE,
} from './discord-rig.ts';
import { INCIDENTS, USERS as SLACK_USERS, type Person as SlackPerson, SlackRig, TEAM } from './slack-rig.ts';

const ledger = useFreshLedger();
const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((rig) => rig.stop()));
});

/** Whether the ledger still counts `memberId` as an opted-in responder. */
async function isResponder(memberId: string): Promise<boolean> {
  const found = await ledger.db.pool.query('SELECT active FROM responders WHERE member_id = $1', [memberId]);
  return found.rows[0]?.active === true;
}

/** Waits until the ledger no longer counts `memberId` as a responder (membership events are handled after Slack's ack). */
async function optedOut(memberId: string): Promise<void> {
  let active = true;
  await waitUntil(
    () => (active ? undefined : true),
    5000,
    `${memberId} to be opted out`,
    async () => {
      active = await isResponder(memberId);
    },
  );
}

describe('Slack: people removed from the incident channel', () => {
  const slackId = (person: SlackPerson) => `slack:${TEAM}:${SLACK_USERS[person]}`;

  async function start(): Promise<SlackRig> {
    const rig = await SlackRig.start(ledger.db);
    running.push(rig);
    return rig;
  }

  /** Someone is removed from the incident channel, and Slack says so. */
  async function remove(rig: SlackRig, person: SlackPerson): Promise<void> {
    const stay = (['ana', 'ben', 'lee'] as const).filter((p) => p !== person).map((p) => SLACK_USERS[p]);
    rig.fake.setChannelMembers(INCIDENTS, [...stay, 'UBOT']);
    await rig.event({
      type: 'member_left_channel',
      user: SLACK_USERS[person],
      channel: INCIDENTS,
      channel_type: 'G',
      team: TEAM,
    });
  }

  it('a responder removed from the channel stops being a responder and gets no alert for a new flag', async () => {
    const slack = await start();
    await slack.run('ben', 'responder', 'on');
    await slack.run('ben', 'language', 'fr');
    await slack.run('lee', 'responder', 'on');
    await remove(slack, 'ben');
    await optedOut(slackId('ben'));
    // Nothing of theirs is kept that needn't be: their language choice goes too.
    const languages = await ledger.db.pool.query('SELECT member_id FROM member_languages');
    expect(languages.rows).toEqual([]);
    await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/70 harassment');
    await slack.bot.rally.deliverPending();
    expect(slack.directMessages('lee').join('\n')).toContain('needs colleagues: SW-1');
    expect(slack.directMessages('ben')).toEqual([]);
    expect(await isResponder(slackId('lee'))).toBe(true);
  });

  it('an alert queued before they were removed is dropped, never sent', async () => {
    const slack = await start();
    await slack.run('ben', 'responder', 'on');
    await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/71 harassment');
    await remove(slack, 'ben');
    await optedOut(slackId('ben'));
    await slack.bot.rally.deliverPending();
    expect(slack.directMessages('ben')).toEqual([]);
    expect(slack.logs.written()).toContain('rally message dropped: its recipient is no longer a member');
  });

  it('at start-up, a responder who left while no bot was running stops being a responder', async () => {
    // Otto opted in once; he is not in the incident channel any more.
    const settings = {
      memberId: slackId('out'),
      active: true,
      platforms: [],
      timezone: null,
      quietHours: null,
      dailyCap: 5,
      paused: false,
    };
    const ledgerPort = createPgLedger(ledger.db.pool);
    await ledgerPort.setResponder(settings);
    await ledgerPort.setResponder({ ...settings, memberId: slackId('ben') });
    await start();
    expect(await isResponder(slackId('out'))).toBe(false);
    expect(await isResponder(slackId('ben'))).toBe(true);
  });
});

describe('Discord: people who left or no longer see the incident channel', () => {
  const discordId = (person: DiscordPerson) => `discord:${GUILD}:${DISCORD_USERS[person]}`;

  async function start(): Promise<DiscordRig> {
    const rig = await DiscordRig.start(ledger.db);
    running.push(rig);
    return rig;
  }

  it('a responder removed from the server gets no alert for a new flag, and stops being a responder', async () => {
    const discord = await start();
    await discord.run('ben', 'responder', { mode: 'on' });
    await discord.run('lee', 'responder', { mode: 'on' });
    discord.fake.removeMember(DISCORD_USERS.ben);
    await discord.run('ana', 'flag', { url: 'https://x.com/SomeTroll/status/72', category: 'hate' });
    await discord.bot.rally.deliverPending();
    expect(discord.directMessages('lee').join('\n')).toContain('needs colleagues: SW-1');
    expect(discord.directMessages('ben')).toEqual([]);
    // The wave that passed him over opted him out.
    expect(await isResponder(discordId('ben'))).toBe(false);
  });

  it('when the incident channel is closed to a role, its responders stop being responders at once', async () => {
    const discord = await start();
    await discord.run('ben', 'responder', { mode: 'on' });
    await discord.run('lee', 'responder', { mode: 'on' });
    // Only leads see the channel now; Lee is a lead, Ben only had the members' role.
    await discord.fake.setChannelOverwrites(DISCORD_INCIDENTS, [
      { id: GUILD, type: 0, allow: '0', deny: VIEW_CHANNEL },
      { id: LEAD_ROLE, type: 0, allow: VIEW_AND_SEND, deny: '0' },
      { id: discord.fake.botUserId, type: 1, allow: VIEW_AND_SEND, deny: '0' },
    ]);
    await optedOut(discordId('ben'));
    expect(await isResponder(discordId('lee'))).toBe(true);
  });

  it('someone whose role no longer shows the channel gets no alert, even one already queued', async () => {
    const discord = await start();
    await discord.run('ben', 'responder', { mode: 'on' });
    await discord.run('ana', 'flag', { url: 'https://x.com/SomeTroll/status/73', category: 'hate' });
    // Ben loses the members' role: no gateway event says so without the privileged members intent.
    discord.fake.setMemberRoles(DISCORD_USERS.ben, []);
    await discord.bot.rally.deliverPending();
    expect(discord.directMessages('ben')).toEqual([]);
    await discord.run('ana', 'flag', { url: 'https://x.com/SomeTroll/status/74', category: 'hate' });
    await discord.bot.rally.deliverPending();
    expect(discord.directMessages('ben')).toEqual([]);
    // The wave that passed him over, and every periodic reconciliation, opt him out.
    expect(await isResponder(discordId('ben'))).toBe(false);
  });

  it('the periodic reconciliation opts out those who no longer see the channel, and only them', async () => {
    const discord = await start();
    await discord.run('ben', 'responder', { mode: 'on' });
    await discord.run('lee', 'responder', { mode: 'on' });
    discord.fake.setMemberRoles(DISCORD_USERS.ben, []);
    // Lee keeps the lead role only: leads belong to the collective whether or not they see the channel.
    discord.fake.setMemberRoles(DISCORD_USERS.lee, [LEAD_ROLE]);
    expect(await discord.bot.reconcileMembers()).toBe(1);
    expect(await isResponder(discordId('ben'))).toBe(false);
    expect(await isResponder(discordId('lee'))).toBe(true);
  });
});
