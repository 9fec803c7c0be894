import { afterEach, describe, expect, it } from 'vitest';
import { PRIVATE_ANSWER_REUSED_MS } from '../../src/core/incident/channel-privacy.ts';
import { VIEW_AND_SEND, VIEW_CHANNEL } from '../fakes/discord-permissions.ts';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import {
  INCIDENTS as DISCORD_INCIDENTS,
  LEADS_CHANNEL as DISCORD_LEADS,
  DiscordRig,
  messageText as discordText,
  GUILD,
  MEMBER_ROLE,
} from './discord-rig.ts';
import { INCIDENTS, SlackRig } from './slack-rig.ts';

const ledger = useFreshLedger();
const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((rig) => rig.stop()));
});

async function incidentCount(): Promise<number> {
  const found = await ledger.db.pool.query('SELECT count(*)::int AS n FROM incidents');
  return found.rows[0].n;
}

describe('Slack: an incident channel that stops being private', () => {
  /** The core's clock, moved by the tests past the few seconds a "private" answer is reused. */
  const clock = { now: new Date('2026-11-18T15:00:00Z') };
  const later = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  async function start(): Promise<SlackRig> {
    const rig = await SlackRig.start(ledger.db, { now: () => clock.now });
    running.push(rig);
    return rig;
  }

  /** What the lead (Lee, told by direct message without a leads' channel) was told about the channel. */
  const leadWasTold = (slack: SlackRig, words: string) =>
    slack.waitFor(() => slack.directMessages('lee').find((text) => text.includes(words)));

  it('refuses to start on a channel shared with another organisation (Slack Connect)', async () => {
    await expect(SlackRig.start(ledger.db, { incidentChannelShared: true })).rejects.toThrow(
      /SLACK_INCIDENT_CHANNEL \(C0INCIDENT\) is not a private channel: it is shared with another organisation/,
    );
  });

  it('shared through Slack Connect: no card, the flag saved and the member told, the lead told once; and back', async () => {
    const slack = await start();
    slack.fake.setChannelPrivacy(INCIDENTS, { isPrivate: true, externallyShared: true });
    await slack.event({
      type: 'channel_shared',
      connected_team_id: 'E0OTHER',
      channel: INCIDENTS,
      event_ts: '1.1',
    });
    expect(await leadWasTold(slack, 'no longer private')).toContain('Slack Connect');

    const reply = await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/80 harassment');
    expect(reply).toContain('Recorded as SW-1');
    expect(reply).toContain('The incident channel is no longer private, so I have not shown it there');
    await slack.run('ben', 'flag', 'https://x.com/SomeTroll/status/81 hate');
    await slack.bot.idle();
    expect(await incidentCount()).toBe(2);
    expect(slack.cardPosts()).toEqual([]);
    expect(slack.directMessages('lee').filter((text) => text.includes('no longer private'))).toHaveLength(1);

    slack.fake.setChannelPrivacy(INCIDENTS, { isPrivate: true });
    await slack.event({
      type: 'channel_unshared',
      previously_connected_team_id: 'E0OTHER',
      channel: INCIDENTS,
      is_ext_shared: false,
      event_ts: '1.2',
    });
    await leadWasTold(slack, 'private again');
    const after = await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/82 harassment');
    expect(after).not.toContain('not shown');
    await slack.waitFor(() => slack.cardPosts().find((text) => text.includes('SW-3')));
    expect(slack.cardPosts()).toHaveLength(1);
  });

  it('made public with no event: the next card is neither posted nor redrawn, and the lead is told', async () => {
    const slack = await start();
    await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/83 harassment');
    await slack.waitFor(() => slack.cardPosts()[0]);
    // Slack tells a bot nothing when a private channel is made public: only asking Slack finds it, once the
    // answer that it was private is a few seconds old.
    slack.fake.setChannelPrivacy(INCIDENTS, { isPrivate: false });
    later(PRIVATE_ANSWER_REUSED_MS);
    const pressed = await slack.press('ben', 'supported', 1);
    expect(await slack.privateReply(pressed.responseId)).toContain('no longer private');
    const reply = await slack.run('ben', 'flag', 'https://x.com/SomeTroll/status/84 hate');
    expect(reply).toContain('Recorded as SW-2');
    expect(reply).toContain('no longer private');
    await slack.bot.idle();
    expect(slack.cardPosts()).toHaveLength(1);
    expect(slack.cardUpdates()).toEqual([]);
    expect(await incidentCount()).toBe(2);
    expect(await leadWasTold(slack, 'no longer private')).toContain('Change to a private channel');
    expect(slack.directMessages('lee').filter((text) => text.includes('no longer private'))).toHaveLength(1);
    expect(slack.logs.written()).not.toContain('SomeTroll');
  });

  it('asks Slack once for a flag and its card, and again only when that answer is a few seconds old', async () => {
    const slack = await start();
    const asked = () => slack.fake.callsTo('conversations.info').length;
    const before = asked();
    await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/85 harassment');
    await slack.waitFor(() => slack.cardPosts()[0]);
    await slack.run('ben', 'flag', 'https://x.com/SomeTroll/status/86 harassment');
    await slack.waitFor(() => slack.cardPosts()[1]);
    expect(asked() - before).toBe(1);
    later(PRIVATE_ANSWER_REUSED_MS);
    await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/87 harassment');
    await slack.waitFor(() => slack.cardPosts()[2]);
    expect(asked() - before).toBe(2);
  });

  it("fails closed: when Slack can't say whether the channel is private, the card waits and the member is told", async () => {
    const slack = await start();
    // More refusals than the client's retries, twice: neither the answer's check nor the card's gets an answer.
    slack.fake.fail('conversations.info', 8, 500);
    const reply = await slack.run('ana', 'flag', 'https://x.com/SomeTroll/status/88 harassment');
    expect(reply).toContain('Recorded as SW-1');
    expect(reply).toContain("I couldn't confirm just now that the incident channel is still private");
    await slack.bot.idle();
    expect(slack.cardPosts()).toEqual([]);
    expect(await incidentCount()).toBe(1);
  });

  it('the periodic check finds a channel made public and tells the lead, before anyone flags', async () => {
    const slack = await start();
    slack.fake.setChannelPrivacy(INCIDENTS, { isPrivate: false });
    await slack.bot.recheckChannelPrivacy();
    await leadWasTold(slack, 'no longer private');
    await slack.bot.recheckChannelPrivacy();
    expect(slack.directMessages('lee').filter((text) => text.includes('no longer private'))).toHaveLength(1);
  });
});

describe('Discord: an incident channel that @everyone can view', () => {
  async function start(): Promise<DiscordRig> {
    const rig = await DiscordRig.start(ledger.db, { leadsChannel: true });
    running.push(rig);
    return rig;
  }

  const leadsChannelPosts = (discord: DiscordRig) =>
    discord.fake
      .callsTo('POST', new RegExp(`^/channels/${DISCORD_LEADS}/messages$`))
      .map((call) => discordText(call.body));
  const leadsWereTold = (discord: DiscordRig, words: string) =>
    discord.waitFor(() => leadsChannelPosts(discord).find((text) => text.includes(words)));

  const membersOnly = (discord: DiscordRig) => [
    { id: GUILD, type: 0 as const, allow: '0', deny: VIEW_CHANNEL },
    { id: MEMBER_ROLE, type: 0 as const, allow: VIEW_AND_SEND, deny: '0' },
    { id: discord.fake.botUserId, type: 1 as const, allow: VIEW_AND_SEND, deny: '0' },
  ];

  it('opened to @everyone: no card, the flag saved and the member told, the leads told once; and back', async () => {
    const discord = await start();
    await discord.fake.setChannelOverwrites(DISCORD_INCIDENTS, membersOnly(discord).slice(1));
    expect(await leadsWereTold(discord, 'no longer private')).toContain('deny View Channel to');

    const reply = await discord.run('ana', 'flag', {
      url: 'https://x.com/SomeTroll/status/85',
      category: 'hate',
    });
    expect(reply).toContain('Recorded as SW-1');
    expect(reply).toContain('no longer private');
    await discord.bot.idle();
    expect(discord.cardPosts()).toEqual([]);
    expect(await incidentCount()).toBe(1);

    await discord.fake.setChannelOverwrites(DISCORD_INCIDENTS, membersOnly(discord));
    await leadsWereTold(discord, 'private again');
    await discord.run('ben', 'flag', { url: 'https://x.com/SomeTroll/status/86', category: 'hate' });
    await discord.waitFor(() => discord.cardPosts()[0]);
    expect(leadsChannelPosts(discord).filter((text) => text.includes('no longer private'))).toHaveLength(1);
  });

  it('@everyone given View Channel server-wide: the role update stops the cards', async () => {
    const discord = await start();
    // The channel relies on @everyone lacking View Channel rather than on its own overwrite.
    await discord.fake.setRolePermissions(GUILD, '0');
    await discord.fake.setChannelOverwrites(DISCORD_INCIDENTS, membersOnly(discord).slice(1));
    await discord.fake.setRolePermissions(GUILD, VIEW_CHANNEL);
    await leadsWereTold(discord, 'no longer private');
    const reply = await discord.run('ana', 'flag', {
      url: 'https://x.com/SomeTroll/status/87',
      category: 'hate',
    });
    expect(reply).toContain('no longer private');
    await discord.bot.idle();
    expect(discord.cardPosts()).toEqual([]);
  });
});
