import { type Client, Events } from 'discord.js';
import type { Logger } from 'pino';
import { describeError } from '../../../src/core/run-command.ts';
import type { DiscordEdge } from '../discord-edge.ts';
import type { DiscordServers } from '../discord-servers.ts';

/**
 * Changes Discord tells a `Guilds`-intent bot about that can hide the incident channel from people: its
 * overwrites, or a role's permissions. Each has the bot of the server it happened in check its Discord
 * responders, so those who no longer see the channel stop being responders. Removals from the server and role
 * changes of one member need the privileged Server Members intent, which Shieldwall doesn't ask for: the live
 * check before each alert and the periodic reconciliation catch those.
 */
export function onMembershipChanges(
  client: Client,
  servers: DiscordServers,
  log: Logger,
  track: (work: Promise<unknown>) => void,
): void {
  const quietly = (work: Promise<unknown>) =>
    track(
      work.catch((error: unknown) => log.error({ err: describeError(error) }, 'membership update failed')),
    );
  // The same changes can open the channel to @everyone: its privacy is checked again too.
  const reconcile = (edge: DiscordEdge | undefined) => {
    if (!edge) return;
    quietly(edge.bot.recheckChannelPrivacy('discord'));
    quietly(edge.bot.reconcileMembers('discord'));
  };
  client.on(Events.ChannelUpdate, (_before, channel) => {
    const edge = 'guildId' in channel ? servers.ofGuild(channel.guildId) : undefined;
    if (channel.id === edge?.incidentChannel.id) reconcile(edge);
  });
  client.on(Events.GuildRoleUpdate, (_before, role) => reconcile(servers.ofGuild(role.guild.id)));
  client.on(Events.GuildRoleDelete, (role) => reconcile(servers.ofGuild(role.guild.id)));
}

export const MEMBERSHIP_EVENTS = [
  Events.ChannelUpdate,
  Events.GuildRoleUpdate,
  Events.GuildRoleDelete,
] as const;
