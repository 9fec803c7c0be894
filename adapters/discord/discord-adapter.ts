import { once } from 'node:events';
import { ChannelType, Client, Events, GatewayIntentBits, type TextChannel } from 'discord.js';
import type { Logger } from 'pino';
import type { Bot, ChatAdapter } from '../../src/core/chat-adapter.ts';
import { MAX_SCREENSHOT_BYTES } from '../../src/core/commands/flag-args.ts';
import { describeError } from '../../src/core/run-command.ts';
import { downloadFile } from '../download-file.ts';
import { paced } from '../paced.ts';
import { DEFAULT_SCREENSHOT_BUDGET_BYTES, ScreenshotBudget } from '../screenshot-budget.ts';
import { withContent } from '../screenshots.ts';
import { discordChannelPrivacy } from './channel-privacy.ts';
import { DiscordAccess } from './discord-access.ts';
import type { DiscordEdge } from './discord-edge.ts';
import { FormStash } from './discord-form.ts';
import { discordChannelDestination, discordMemberId, discordUserOf } from './discord-ids.ts';
import { NO_MENTIONS } from './discord-text.ts';
import { onInteraction } from './listeners/interactions.ts';
import { MEMBERSHIP_EVENTS, onMembershipChanges } from './listeners/membership.ts';
import { redrawPrivateMessage, sendPrivateMessage } from './private-messages.ts';
import { renderCard } from './render-embed.ts';

export interface DiscordAdapterOptions {
  token: string;
  incidentChannel: string;
  leadsChannel?: string;
  leadRole?: string;
  /** REST base URL, `https://discord.com/api` by default; tests point it at a fake. */
  apiUrl?: string;
  log: Logger;
  /** Private messages (rally alerts) sent per second at most; 429s beyond it are still waited out. */
  messagesPerSecond?: number;
  /** The bytes of screenshots the process holds at once, shared with its other adapters. */
  screenshotBudget?: ScreenshotBudget;
}

export class DiscordSetupError extends Error {
  override name = 'DiscordSetupError';
}

/** The Discord edge: a discord.js gateway client, drawing the core's replies and cards as embeds. */
export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord';
  private client: Client | undefined;
  /** Interactions whose work is still running: stop() lets them finish. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: DiscordAdapterOptions) {}

  async start(bot: Bot): Promise<void> {
    const o = this.options;
    const budget = o.screenshotBudget ?? new ScreenshotBudget(DEFAULT_SCREENSHOT_BUDGET_BYTES);
    const client = new Client({
      // Guilds alone gives the roles, channels and overwrites that decide who can see the incident channel.
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: NO_MENTIONS,
      ...(o.apiUrl ? { rest: { api: o.apiUrl } } : {}),
    });
    this.client = client;
    client.on(Events.Error, (error) => o.log.error({ err: describeError(error) }, 'Discord client error'));
    client.rest.on('rateLimited', (info) =>
      o.log.warn({ route: info.route, retryAfterMs: info.retryAfter }, 'Discord rate limit: waiting'),
    );
    const ready = once(client, Events.ClientReady);
    await client.login(o.token);
    await ready;
    const incidentChannel = await privateTextChannel(client, 'DISCORD_INCIDENT_CHANNEL', o.incidentChannel);
    if (o.leadsChannel) await privateTextChannel(client, 'DISCORD_LEADS_CHANNEL', o.leadsChannel);
    if (o.leadRole) await checkLeadRole(incidentChannel, o.leadRole);
    const guildId = incidentChannel.guildId;
    const leadsChannel = o.leadsChannel ? [discordMemberId(guildId, o.leadsChannel)] : [];
    const access = new DiscordAccess(incidentChannel, o.leadRole);
    bot.attach('discord', {
      cards: {
        destination: discordChannelDestination(guildId, incidentChannel.id),
        post: async (card) =>
          (await incidentChannel.send({ ...renderCard(card), allowedMentions: NO_MENTIONS })).id,
        update: async (messageId, card) => {
          await incidentChannel.messages.edit(messageId, {
            ...renderCard(card),
            allowedMentions: NO_MENTIONS,
          });
        },
        privacy: async () => discordChannelPrivacy(incidentChannel),
      },
      // What the adapter adds to a long message is said in the recipient's language (only the id is read: their
      // /language choice, else the collective's, which is also a channel's); a redraw's reader is the collective.
      directMessages: paced(o.messagesPerSecond, async (recipient, reply) =>
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
    const edge: DiscordEdge = {
      bot,
      client,
      incidentChannel,
      access,
      stash: new FormStash(bot.forms),
      // Attachments live on Discord's CDN; tests serve them from the fake API.
      fetchScreenshots: (files) =>
        withContent(
          files,
          (url, maxBytes) =>
            downloadFile(
              url,
              [
                'https://cdn.discordapp.com',
                'https://media.discordapp.net',
                ...(o.apiUrl ? [new URL(o.apiUrl).origin] : []),
              ],
              maxBytes,
            ),
          budget,
          MAX_SCREENSHOT_BYTES,
        ),
      log: o.log,
    };
    client.on(Events.InteractionCreate, (interaction) => {
      // The screenshots an interaction downloaded are held until it is answered, then given back.
      const work = budget
        .within(() => onInteraction(edge, interaction))
        .catch((error: unknown) => o.log.error({ err: describeError(error) }, 'Discord interaction failed'))
        .finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    });
    onMembershipChanges(edge, (update) => {
      const work: Promise<void> = update.then(() => {
        this.inFlight.delete(work);
      });
      this.inFlight.add(work);
    });
    o.log.info({ adapter: 'discord', guild: incidentChannel.guildId }, 'Discord adapter ready');
  }

  async stop(): Promise<void> {
    // Interactions already under way finish first (their answers and cards need the client); no new ones start.
    this.client?.removeAllListeners(Events.InteractionCreate);
    for (const event of MEMBERSHIP_EVENTS) this.client?.removeAllListeners(event);
    await Promise.allSettled([...this.inFlight]);
    await this.client?.destroy();
    this.client = undefined;
  }
}

/**
 * The lead role must single leads out: @everyone's id is the server's own, and every member holds it, so it
 * would make every member a lead; a role that isn't there would make nobody one, silently.
 */
async function checkLeadRole(channel: TextChannel, roleId: string): Promise<void> {
  if (roleId === channel.guildId) {
    throw new DiscordSetupError(
      `DISCORD_LEAD_ROLE (${roleId}) is the server's @everyone role: every member would be a lead. Create a ` +
        "role for your association's leads and give its id.",
    );
  }
  const role = await channel.guild.roles.fetch(roleId).catch(() => null);
  if (!role) {
    throw new DiscordSetupError(
      `DISCORD_LEAD_ROLE (${roleId}) is not a role of the server the incident channel is in: check the id ` +
        '(Server Settings → Roles → Copy Role ID).',
    );
  }
}

async function privateTextChannel(client: Client, variable: string, channelId: string): Promise<TextChannel> {
  const channel = await client.channels.fetch(channelId).catch(() => null);
  if (!channel || channel.type !== ChannelType.GuildText) {
    throw new DiscordSetupError(
      `${variable} (${channelId}) is not a text channel the bot can see: check the id, and give the bot's role ` +
        'View Channel and Send Messages on it.',
    );
  }
  const privacy = discordChannelPrivacy(channel);
  if (!privacy.private) {
    throw new DiscordSetupError(
      `${variable} (${channelId}) can be viewed by @everyone. Incident details must stay among members: deny ` +
        "View Channel to @everyone on it and allow it to your members' role.",
    );
  }
  return channel;
}
