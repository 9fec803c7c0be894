import { ChannelType, type Client, type TextChannel } from 'discord.js';
import type { Logger } from 'pino';
import { paced } from '../paced.ts';
import { discordChannelPrivacy } from './channel-privacy.ts';
import { DiscordAccess } from './discord-access.ts';
import type { DiscordEdge } from './discord-edge.ts';
import { FormStash } from './discord-form.ts';
import { discordChannelDestination, discordMemberId, discordUserOf } from './discord-ids.ts';
import type { ServerPlan } from './discord-server-options.ts';
import { DiscordSetupError } from './discord-setup-error.ts';
import { NO_MENTIONS } from './discord-text.ts';
import { redrawPrivateMessage, sendPrivateMessage } from './private-messages.ts';
import { renderCard } from './render-embed.ts';

/** What every server of the client shares. */
export interface SharedEdge {
  client: Client;
  fetchScreenshots(files: unknown[]): Promise<unknown[]>;
  log: Logger;
  messagesPerSecond: number | undefined;
}

/**
 * Checks one server's channels and lead role, declares to its collective's bot what Discord offers there (cards
 * in its incident channel, private messages, its leads' channel, membership of that server only), and returns
 * the edge its interactions are served through.
 */
export async function openServer(shared: SharedEdge, plan: ServerPlan): Promise<DiscordEdge> {
  const { client } = shared;
  const { bot, names } = plan;
  const incidentChannel = await privateTextChannel(client, names.incidentChannel, plan.incidentChannel);
  const guildId = plan.guildId ?? incidentChannel.guildId;
  inServer(incidentChannel, guildId, names.incidentChannel);
  if (plan.leadsChannel) {
    const leads = await privateTextChannel(client, names.leadsChannel, plan.leadsChannel);
    // The environment's one server never checked this; a server named in the options does.
    if (plan.guildId) inServer(leads, guildId, names.leadsChannel);
  }
  if (plan.leadRole) await checkLeadRole(incidentChannel, plan.leadRole, names.leadRole);
  const leadsChannel = plan.leadsChannel ? [discordMemberId(guildId, plan.leadsChannel)] : [];
  const access = new DiscordAccess(incidentChannel, plan.leadRole);
  bot.attach('discord', {
    cards: {
      destination: discordChannelDestination(guildId, incidentChannel.id),
      post: async (card) =>
        (await incidentChannel.send({ ...renderCard(card), allowedMentions: NO_MENTIONS })).id,
      update: async (messageId, card) => {
        await incidentChannel.messages.edit(messageId, { ...renderCard(card), allowedMentions: NO_MENTIONS });
      },
      privacy: async () => discordChannelPrivacy(incidentChannel),
    },
    // What the adapter adds to a long message is said in the recipient's language (only the id is read: their
    // /language choice, else the collective's, which is also a channel's); a redraw's reader is the collective.
    directMessages: paced(shared.messagesPerSecond, async (recipient, reply) =>
      sendPrivateMessage(
        client,
        guildId,
        recipient,
        reply,
        await bot.speak({ id: recipient, name: '', isLead: false }),
      ),
    ),
    redrawPrivateMessage: async (landed, reply) =>
      redrawPrivateMessage(client, landed, reply, await bot.speak(undefined)),
    leadChannel: { alerts: () => leadsChannel, digests: () => leadsChannel },
    fileDelivery: true,
    membership: {
      isMember: async (memberId) => {
        const user = discordUserOf(memberId, guildId);
        return user !== undefined && (await access.isMember(user));
      },
    },
  });
  // Whoever left the server or lost sight of the channel while no bot was running stops being a responder.
  await bot.reconcileMembers('discord');
  return {
    bot,
    client,
    incidentChannel,
    access,
    stash: new FormStash(bot.forms),
    fetchScreenshots: shared.fetchScreenshots,
    log: shared.log,
  };
}

function inServer(channel: TextChannel, guildId: string, name: string): void {
  if (channel.guildId !== guildId) {
    throw new DiscordSetupError(
      `${name} (${channel.id}) is a channel of another Discord server than ${guildId}: give a channel of that ` +
        'server, or the id of the server the channel is in.',
    );
  }
}

/**
 * The lead role must single leads out: @everyone's id is the server's own, and every member holds it, so it
 * would make every member a lead; a role that isn't there would make nobody one, silently.
 */
async function checkLeadRole(channel: TextChannel, roleId: string, name: string): Promise<void> {
  if (roleId === channel.guildId) {
    throw new DiscordSetupError(
      `${name} (${roleId}) is the server's @everyone role: every member would be a lead. Create a ` +
        "role for your association's leads and give its id.",
    );
  }
  const role = await channel.guild.roles.fetch(roleId).catch(() => null);
  if (!role) {
    throw new DiscordSetupError(
      `${name} (${roleId}) is not a role of the server the incident channel is in: check the id ` +
        '(Server Settings → Roles → Copy Role ID).',
    );
  }
}

async function privateTextChannel(client: Client, name: string, channelId: string): Promise<TextChannel> {
  const channel = await client.channels.fetch(channelId).catch(() => null);
  if (!channel || channel.type !== ChannelType.GuildText) {
    throw new DiscordSetupError(
      `${name} (${channelId}) is not a text channel the bot can see: check the id, and give the bot's role ` +
        'View Channel and Send Messages on it.',
    );
  }
  const privacy = discordChannelPrivacy(channel);
  if (!privacy.private) {
    throw new DiscordSetupError(
      `${name} (${channelId}) can be viewed by @everyone. Incident details must stay among members: deny ` +
        "View Channel to @everyone on it and allow it to your members' role.",
    );
  }
  return channel;
}
