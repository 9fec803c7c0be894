import { Events } from 'discord.js';
import { describeError } from '../../../src/core/run-command.ts';
import type { DiscordEdge } from '../discord-edge.ts';

/**
 * Changes Discord tells a `Guilds`-intent bot about that can hide the incident channel from people: its
 * overwrites, or a role's permissions. Each has the core check its Discord responders, so those who no longer
 * see the channel stop being responders. Removals from the server and role changes of one member need the
 * privileged Server Members intent, which Shieldwall doesn't ask for: the live check before each alert and the
 * periodic reconciliation catch those.
 */
export function onMembershipChanges(edge: DiscordEdge, track: (work: Promise<unknown>) => void): void {
  const { client, incidentChannel, bot, log } = edge;
  const guildId = incidentChannel.guildId;
  const quietly = (work: Promise<unknown>) =>
    track(
      work.catch((error: unknown) => log.error({ err: describeError(error) }, 'membership update failed')),
    );
  // The same changes can open the channel to @everyone: its privacy is checked again too.
  const reconcile = () => {
    quietly(bot.recheckChannelPrivacy('discord'));
    quietly(bot.reconcileMembers('discord'));
  };
  client.on(Events.ChannelUpdate, (_before, channel) => {
    if (channel.id === incidentChannel.id) reconcile();
  });
  client.on(Events.GuildRoleUpdate, (_before, role) => {
    if (role.guild.id === guildId) reconcile();
  });
  client.on(Events.GuildRoleDelete, (role) => {
    if (role.guild.id === guildId) reconcile();
  });
}

export const MEMBERSHIP_EVENTS = [
  Events.ChannelUpdate,
  Events.GuildRoleUpdate,
  Events.GuildRoleDelete,
] as const;
