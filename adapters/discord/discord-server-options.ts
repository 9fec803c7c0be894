import type { Bot, Fleet } from '../../src/core/chat-adapter.ts';
import { DiscordSetupError } from './discord-setup-error.ts';

/** One Discord server (guild) served by the application, and the collective it belongs to. */
export interface DiscordServerOptions {
  collectiveId: string;
  guildId: string;
  incidentChannel: string;
  leadsChannel?: string;
  leadRole?: string;
}

/** What start-up serves in one server: its settings, its collective's bot, and how errors name each setting. */
export interface ServerPlan {
  bot: Bot;
  /** Undefined for the environment's one server: it is the incident channel's. */
  guildId: string | undefined;
  incidentChannel: string;
  leadsChannel?: string;
  leadRole?: string;
  names: { incidentChannel: string; leadsChannel: string; leadRole: string };
}

const ENVIRONMENT_NAMES = {
  incidentChannel: 'DISCORD_INCIDENT_CHANNEL',
  leadsChannel: 'DISCORD_LEADS_CHANNEL',
  leadRole: 'DISCORD_LEAD_ROLE',
};

/**
 * The servers to serve, each with its bot: the `servers` given (each collective's bot from the fleet), or else
 * the environment's one server for the one bot. Refuses what can't be served before connecting to Discord.
 */
export function planServers(
  single: {
    incidentChannel?: string | undefined;
    leadsChannel?: string | undefined;
    leadRole?: string | undefined;
  },
  servers: readonly DiscordServerOptions[] | undefined,
  fleet: Fleet,
): ServerPlan[] {
  if (!servers) {
    const [bot, ...others] = fleet.bots;
    if (!bot || others.length > 0)
      throw new DiscordSetupError(
        'One Discord server serves one collective: give each collective its server.',
      );
    if (!single.incidentChannel) throw new DiscordSetupError('DISCORD_INCIDENT_CHANNEL is not set.');
    return [
      {
        ...single,
        bot,
        guildId: undefined,
        incidentChannel: single.incidentChannel,
        names: ENVIRONMENT_NAMES,
      },
    ];
  }
  const guilds = new Set<string>();
  const collectives = new Set<string>();
  return servers.map((server) => {
    const bot = fleet.bot(server.collectiveId);
    if (!bot)
      throw new DiscordSetupError(
        `No bot serves collective "${server.collectiveId}", whose Discord server is ${server.guildId}.`,
      );
    if (guilds.has(server.guildId))
      throw new DiscordSetupError(`Discord server ${server.guildId} is given to two collectives.`);
    if (collectives.has(server.collectiveId))
      throw new DiscordSetupError(`Collective "${server.collectiveId}" is given two Discord servers.`);
    guilds.add(server.guildId);
    collectives.add(server.collectiveId);
    const of = `of collective "${server.collectiveId}"`;
    return {
      ...server,
      bot,
      names: {
        incidentChannel: `discord.incidentChannel ${of}`,
        leadsChannel: `discord.leadsChannel ${of}`,
        leadRole: `discord.leadRole ${of}`,
      },
    };
  });
}
